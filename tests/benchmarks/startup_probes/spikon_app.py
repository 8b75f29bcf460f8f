"""spikon-tui started as a user starts it, headless, noting when the balance was painted.

Only two things are changed, for the measurement: the app runs headless, and
right after the first screen refresh that follows showing the balance it writes
the time (epoch seconds, and this process's CPU seconds) to the file named by
STARTUP_PROBE_OUT, then exits.

The app module is patched when `spikon-tui` itself imports it (an import hook),
not imported here first: start-up's imports then happen where they happen for a
user, inside `main()`.
"""

import importlib.machinery
import os
import sys
import time

from spikon_tui.cli.main import main

APP_MODULE = "spikon_tui.ui.app"


def _painted(app):
    with open(os.environ["STARTUP_PROBE_OUT"], "w") as out:
        out.write(f"{time.time()} {time.process_time()}")
    app.exit()


def _patch(spikon_app) -> None:
    show_balance, run = spikon_app.show_balance, spikon_app.run

    def show_balance_then_note(self, balance):
        show_balance(self, balance)
        self.call_after_refresh(_painted, self)

    spikon_app.show_balance = show_balance_then_note
    spikon_app.run = lambda self, **options: run(self, headless=True)


class _PatchAppOnImport:
    """A meta path finder (not importlib.abc's: importing that costs 20 ms of start-up)."""

    def find_spec(self, name, path, target=None):
        if name != APP_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_then_patch(module):
            load(module)
            _patch(module.SpikonApp)

        spec.loader.exec_module = exec_then_patch
        return spec


sys.meta_path.insert(0, _PatchAppOnImport())
sys.exit(main(sys.argv[1:]))
