"""The time source every monitor module takes: a callable returning epoch seconds.

Nothing in `spikon_tui.monitor` reads the system clock except through
`system_clock`, the default; tests pass a fake clock instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]
"""Returns the current time as epoch seconds (like `time.time`)."""


def system_clock() -> float:
    """The real wall clock, in epoch seconds."""
    return time.time()
