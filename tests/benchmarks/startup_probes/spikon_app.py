"""spikon-tui started as a user starts it, headless, exiting once the balance has been painted.

Only two things are changed, for the measurement: the app runs headless, and it
exits right after the first screen refresh that follows showing the balance.
"""

import sys

from spikon_tui.cli import main
from spikon_tui.ui.app import SpikonApp

_show_balance = SpikonApp.show_balance
_run = SpikonApp.run


def _show_balance_then_exit(self, balance):
    _show_balance(self, balance)
    self.call_after_refresh(self.exit)


SpikonApp.show_balance = _show_balance_then_exit
SpikonApp.run = lambda self, **options: _run(self, headless=True)
sys.exit(main(sys.argv[1:]))
