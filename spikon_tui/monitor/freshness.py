"""Poll health (how fresh the figures are) and when to try again after a failure.

`PollHealth` remembers the last good poll (when, how long it took), the
failures since (how many in a row, the last error's text) and whether the last
failure is one that retrying cannot fix (`fatal_reason`). Figures are stale
once two polls in a row are missing: `now - last_good_at > 2 * interval +
grace`. Stale figures stay on screen with their age; they are never replaced.

`Backoff` decides the delay before the next poll: the normal interval while
polls succeed and after the first failure, then doubling per failure up to a
maximum (60 s), shortened by a random share (jitter) so many clients do not
retry in step. Fatal errors (no key, a key SPIKON does not recognise, the API
switched off, this IP not whitelisted) keep polling at the maximum delay, so
the monitor recovers by itself once someone fixes the account, while the
screen says plainly what is wrong, in the same words as every other screen
(`spikon_tui.error_words`: one wording per error, the API client's own).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

# describe_error and error_code are re-exported: the monitor's record and screens use them.
from spikon_tui.error_words import describe_error as describe_error
from spikon_tui.error_words import error_code as error_code
from spikon_tui.error_words import spikon_error_words

DEFAULT_INTERVAL = 5.0
DEFAULT_GRACE = 2.0
"""Seconds beyond two intervals before figures count as stale (allows for slow answers)."""
DEFAULT_MAX_DELAY = 60.0

FATAL_CODES = frozenset({-2, -3, -4, -5})
"""SPIKON errors no retry can fix: no key, an unknown key, the API off, the IP not whitelisted."""


def fatal_reason_for(error: object) -> str | None:
    """The words for an error retrying cannot fix (`FATAL_CODES`); None for any other error."""
    return spikon_error_words(error) if error_code(error) in FATAL_CODES else None


@dataclass(frozen=True, slots=True)
class FreshnessStatus:
    """Everything the freshness line shows, at one moment."""

    loaded: bool
    """False until the first good poll."""
    age: float | None
    """Seconds since the last good poll."""
    latency: float | None
    """How long the last good poll took, in seconds."""
    failures_in_row: int
    last_error: str | None
    fatal_reason: str | None
    stale: bool


class PollHealth:
    """The polls of one campaign: the last good one and the failures since."""

    def __init__(self, interval: float = DEFAULT_INTERVAL, *, grace: float = DEFAULT_GRACE) -> None:
        if interval <= 0 or grace < 0:
            raise ValueError("interval must be positive and grace not negative")
        self.interval = float(interval)
        self.grace = float(grace)
        self.last_good_at: float | None = None
        self.last_latency: float | None = None
        self.failures_in_row = 0
        self.last_error: str | None = None
        self.last_error_at: float | None = None
        self.fatal_reason: str | None = None
        self.good_polls = 0
        self.failed_polls = 0

    @property
    def stale_after(self) -> float:
        """Seconds after the last good poll at which its figures become stale."""
        return 2 * self.interval + self.grace

    def record_success(self, at: float, latency: float) -> None:
        self.last_good_at = at
        self.last_latency = max(0.0, latency)
        self.failures_in_row = 0
        self.fatal_reason = None
        self.good_polls += 1

    def record_failure(self, at: float, error: object) -> None:
        self.failures_in_row += 1
        self.failed_polls += 1
        self.last_error = describe_error(error)
        self.last_error_at = at
        self.fatal_reason = fatal_reason_for(error)

    def age(self, now: float) -> float | None:
        return None if self.last_good_at is None else max(0.0, now - self.last_good_at)

    def is_stale(self, now: float) -> bool:
        """True once two polls are missing after the last good one (False before any data)."""
        age = self.age(now)
        return age is not None and age > self.stale_after

    def status(self, now: float) -> FreshnessStatus:
        return FreshnessStatus(
            loaded=self.last_good_at is not None,
            age=self.age(now),
            latency=self.last_latency,
            failures_in_row=self.failures_in_row,
            last_error=self.last_error if self.failures_in_row else None,
            fatal_reason=self.fatal_reason,
            stale=self.is_stale(now),
        )


class Backoff:
    """The delay before the next poll, given how many polls in a row failed."""

    def __init__(
        self,
        interval: float = DEFAULT_INTERVAL,
        *,
        maximum: float = DEFAULT_MAX_DELAY,
        factor: float = 2.0,
        jitter: float = 0.2,
        random_source: Callable[[], float] = random.random,
    ) -> None:
        if interval <= 0 or factor < 1 or not 0 <= jitter < 1:
            raise ValueError("interval > 0, factor >= 1 and 0 <= jitter < 1 are required")
        self.interval = float(interval)
        self.maximum = max(float(maximum), self.interval)
        self.factor = float(factor)
        self.jitter = float(jitter)
        self._random = random_source

    def base_delay(self, failures_in_row: int, *, fatal: bool = False) -> float:
        """The delay before jitter: interval, interval, 2x, 4x, ... up to `maximum`."""
        if fatal:
            return self.maximum
        if failures_in_row <= 1:
            return self.interval
        exponent = min(failures_in_row - 1, 64)  # 2.0**64 is plenty and cannot overflow
        return min(self.maximum, self.interval * self.factor**exponent)

    def delay(self, failures_in_row: int, *, fatal: bool = False) -> float:
        """Seconds until the next poll. Jitter only ever shortens a backed-off delay,
        and never below the normal interval."""
        base = self.base_delay(failures_in_row, fatal=fatal)
        if base <= self.interval:
            return base
        return max(self.interval, base * (1.0 - self.jitter * self._random()))
