"""How long to wait between checks while SPIKON generates a report: soon at first, then less often.

The waits are real seconds (asyncio sleeps); how long the user has been waiting
is measured with the session clock by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

DEFAULT_DELAYS: tuple[float, ...] = (1.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0, 30.0)
"""Seconds before each check; the last one repeats for as long as the wait lasts."""


def poll_delays(schedule: Sequence[float] = DEFAULT_DELAYS) -> Iterator[float]:
    """The waits of `schedule` in order, then its last wait forever."""
    if not schedule:
        raise ValueError("a poll schedule needs at least one delay")
    if any(delay < 0 for delay in schedule):
        raise ValueError("poll delays must not be negative")
    yield from schedule
    while True:
        yield schedule[-1]
