"""spikon-tui started as a user starts it, headless, noting when the balance was painted.

Only two things are changed, for the measurement: the app runs headless, and
right after the first screen refresh that follows showing the balance it writes
the time (epoch seconds, and this process's CPU seconds) to the file named by
STARTUP_PROBE_OUT, then exits.
"""

import os
import sys
import time

from spikon_tui.cli import main
from spikon_tui.ui.app import SpikonApp

_show_balance = SpikonApp.show_balance
_run = SpikonApp.run


def _painted(app):
    with open(os.environ["STARTUP_PROBE_OUT"], "w") as out:
        out.write(f"{time.time()} {time.process_time()}")
    app.exit()


def _show_balance_then_note(self, balance):
    _show_balance(self, balance)
    self.call_after_refresh(_painted, self)


SpikonApp.show_balance = _show_balance_then_note
SpikonApp.run = lambda self, **options: _run(self, headless=True)
sys.exit(main(sys.argv[1:]))
