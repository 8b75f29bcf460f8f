"""How often to ask whether announcements being generated are ready: soon at first, then less.

SPIKON generates an announcement in seconds, so the first check comes after one
second; each check that still finds one waiting (or fails) doubles the wait, up
to half a minute, so a long queue or an outage does not mean a request a second.
"""

from __future__ import annotations

STATUS_CHECK_DELAYS: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
"""Seconds before each check; the last one repeats."""


class Backoff:
    def __init__(self, delays: tuple[float, ...] = STATUS_CHECK_DELAYS) -> None:
        if not delays:
            raise ValueError("Backoff needs at least one delay")
        self._delays = delays
        self._step = 0

    def next_delay(self) -> float:
        delay = self._delays[min(self._step, len(self._delays) - 1)]
        self._step += 1
        return delay

    def reset(self) -> None:
        """Start again from the shortest wait (a new announcement was ordered)."""
        self._step = 0
