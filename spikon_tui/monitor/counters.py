"""Interval figures (offered, answered, abandoned) from the API's cumulative counters.

`cc_monitor/show` gives `answered` and `unanswered` since the counters were last
reset, not per interval. `CounterTracker` turns consecutive polls into
intervals: between two good polls, answered = the rise of `answered`,
abandoned = the rise of `unanswered`, offered = both. Failed polls in between
do not matter: the next good poll's rise covers the whole gap.

A counter that goes backwards was reset (a supervisor's "reset statistics", or
the platform's own reset). Then the interval is not counted (the calls between
the last poll and the reset are unknowable), nothing negative is produced, the
current values become the new baseline, and a `ResetEvent` records what
happened, for the screen to say so. (A reset that the counters outgrow before
the next poll cannot be seen; no monitor of cumulative counters can.)

`figures(window, now)` adds up the intervals that lie wholly inside the last
`window` seconds and says how many seconds they cover (`covered`): "last
15 min" with only 6 minutes of data says so, and the unmeasured interval of a
reset is a gap in the coverage. Intervals older than the longest window are
dropped, so memory stays bounded.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

QUARTER_HOUR = 900.0
HOUR = 3600.0
COMPLETE_SHARE = 0.95
"""Figures count as complete when they cover at least this share of their window."""

MAX_RESETS_KEPT = 20


@dataclass(frozen=True, slots=True)
class ResetEvent:
    """`counter` ("answered" or "unanswered") fell from `before` to `after` at `at`."""

    at: float
    campaign_id: int
    counter: str
    before: int
    after: int


@dataclass(frozen=True, slots=True)
class IntervalFigures:
    """What happened in the last `window` seconds, as far as `covered` seconds of data tell."""

    window: float
    covered: float
    offered: int
    answered: int
    abandoned: int
    since: float | None
    """Start of the earliest interval counted; None when there is none."""
    resets: tuple[ResetEvent, ...] = ()
    """Resets seen inside the window, oldest first."""

    @property
    def abandon_rate(self) -> float | None:
        """Abandoned / offered, from 0 to 1; None when nothing was offered."""
        return self.abandoned / self.offered if self.offered else None

    @property
    def complete(self) -> bool:
        """True when the data covers (nearly) the whole window."""
        return self.covered >= self.window * COMPLETE_SHARE


@dataclass(frozen=True, slots=True)
class _Interval:
    start: float
    end: float
    answered: int
    unanswered: int


class CounterTracker:
    """Deltas of one campaign's `answered`/`unanswered` counters between polls."""

    def __init__(
        self, campaign_id: int, *, keep_seconds: float = HOUR, min_interval: float = 1.0
    ) -> None:
        self.campaign_id = campaign_id
        self.keep_seconds = float(keep_seconds)
        self._intervals: deque[_Interval] = deque(maxlen=math.ceil(keep_seconds / min_interval) + 1)
        self._baseline: tuple[float, int, int] | None = None
        self.resets: deque[ResetEvent] = deque(maxlen=MAX_RESETS_KEPT)

    @property
    def interval_count(self) -> int:
        return len(self._intervals)

    @property
    def last_reset(self) -> ResetEvent | None:
        return self.resets[-1] if self.resets else None

    def observe(self, at: float, answered: int, unanswered: int) -> list[ResetEvent]:
        """Take one good poll's counters; return the resets it revealed (usually none)."""
        baseline = self._baseline
        self._baseline = (at, answered, unanswered)
        if baseline is None:
            return []
        start, was_answered, was_unanswered = baseline
        if at <= start:  # the clock stood still or went back: a new baseline, no interval
            return []
        found = [
            ResetEvent(at, self.campaign_id, name, before, after)
            for name, before, after in (
                ("answered", was_answered, answered),
                ("unanswered", was_unanswered, unanswered),
            )
            if after < before
        ]
        if found:
            self.resets.extend(found)
            return found
        self._intervals.append(
            _Interval(start, at, answered - was_answered, unanswered - was_unanswered)
        )
        horizon = at - self.keep_seconds
        while self._intervals[0].start < horizon:
            self._intervals.popleft()
        return []

    def figures(self, window: float, now: float) -> IntervalFigures:
        """Add up the intervals wholly inside `(now - window, now]`."""
        start = now - window
        covered = 0.0
        answered = abandoned = 0
        since: float | None = None
        for interval in reversed(self._intervals):
            if interval.start < start:
                break
            if interval.end > now:
                continue
            covered += interval.end - interval.start
            answered += interval.answered
            abandoned += interval.unanswered
            since = interval.start
        resets = tuple(event for event in self.resets if start < event.at <= now)
        return IntervalFigures(
            window=float(window),
            covered=covered,
            offered=answered + abandoned,
            answered=answered,
            abandoned=abandoned,
            since=since,
            resets=resets,
        )
