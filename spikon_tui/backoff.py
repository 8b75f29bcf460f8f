"""Waits that grow: soon at first, then less and less often, up to a last wait that repeats.

`BackoffSchedule` steps through a table of delays in seconds and repeats the last
one for as long as it is asked; `reset()` starts it over. The screens that wait
for SPIKON to finish something (a call history report being generated, an
announcement being spoken) use it: the first check comes soon, and a long wait
or an outage does not mean a request a second. The tables are the callers'.

Not the same thing as the monitor's backoff (`monitor.freshness.Backoff`): that
one derives the delay from how many polls in a row failed, from an interval the
user can change, with jitter and a fixed delay for errors no retry can fix.
Neither is `sms.follow`, where the wait follows a message's age and so survives
a restart.
"""

from __future__ import annotations

from collections.abc import Sequence


class BackoffSchedule:
    """The delays of a table in order, then its last delay again and again until `reset()`."""

    def __init__(self, delays: Sequence[float]) -> None:
        if not delays:
            raise ValueError("a backoff needs at least one delay")
        if any(delay < 0 for delay in delays):
            raise ValueError("backoff delays must not be negative")
        self.delays = tuple(float(delay) for delay in delays)
        self._step = 0

    def next_delay(self) -> float:
        delay = self.delays[min(self._step, len(self.delays) - 1)]
        self._step += 1
        return delay

    def reset(self) -> None:
        """Start again from the first delay (something new to wait for)."""
        self._step = 0
