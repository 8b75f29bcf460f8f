"""Baseline for the start-up benchmark: the smallest Textual app that paints one line, headless.

Writes when it painted (epoch seconds, and this process's CPU seconds) to the
file named by STARTUP_PROBE_OUT, then exits.
"""

import os
import time

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Static("123,45 zł")

    def on_mount(self) -> None:
        self.call_after_refresh(self.painted)

    def painted(self) -> None:
        with open(os.environ["STARTUP_PROBE_OUT"], "w") as out:
            out.write(f"{time.time()} {time.process_time()}")
        self.exit()


Minimal().run(headless=True)
