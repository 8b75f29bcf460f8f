"""What the UI reads: immutable views of the monitor's state at one moment.

A `CampaignView` is built by `MonitorTracker.view(campaign_id, now)` and never
changes afterwards; freezing the screen is keeping one view and passing the
freeze time as `now`. Everything in it is a tuple, a frozen dataclass, or a
`WaitingCalls` (whose `rows(now)` lets waiting times count on between polls).

Building a view costs a few milliseconds at 200 agents (sparklines over an hour
of samples): build one after each poll, and between polls tick the clocks
cheaply with `view.waiting_calls.rows(now)`, `AgentStatus.time_in_state(now)`
and `FreshnessStatus.age` plus the time since the view's `now`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spikon_tui.monitor.agents import AgentStatus
from spikon_tui.monitor.alert_rules import Level
from spikon_tui.monitor.alerts import AlertStatus
from spikon_tui.monitor.counters import IntervalFigures, ResetEvent
from spikon_tui.monitor.figures import Snapshot, SnapshotFigures
from spikon_tui.monitor.freshness import FreshnessStatus
from spikon_tui.monitor.waiting import WaitingCallRow, WaitingCalls


@dataclass(frozen=True, slots=True)
class Sparkline:
    """Values over `span` seconds in equal buckets, oldest first; None where there is no data."""

    metric: str
    how: str
    span: float
    values: tuple[float | None, ...]

    @property
    def has_data(self) -> bool:
        return any(value is not None for value in self.values)


@dataclass(frozen=True, slots=True)
class CampaignView:
    campaign_id: int
    name: str
    now: float
    freshness: FreshnessStatus
    snapshot: Snapshot | None
    """The last good poll; still there (marked stale by `freshness`) when polls fail."""
    waiting_calls: WaitingCalls | None
    waiting: tuple[WaitingCallRow, ...]
    """The waiting calls at `now`, longest first."""
    agents: tuple[AgentStatus, ...]
    intervals: tuple[IntervalFigures, ...]
    """Figures for each window (15 and 60 minutes by default), shortest first."""
    resets: tuple[ResetEvent, ...]
    """Counter resets seen, oldest first."""
    alerts: tuple[AlertStatus, ...]
    level: Level
    """What the rules give for the current figures (the held level may still be lower)."""
    holding_until: float | None
    """When `level` will have held long enough to notify; None if it has (or is OK)."""
    muted: bool
    waiting_trend: Sparkline
    sla_trend: Sparkline

    @property
    def figures(self) -> SnapshotFigures | None:
        return self.snapshot.figures if self.snapshot is not None else None

    @property
    def stale(self) -> bool:
        return self.freshness.stale

    @property
    def last_reset(self) -> ResetEvent | None:
        return self.resets[-1] if self.resets else None

    def interval(self, window: float) -> IntervalFigures | None:
        for figures in self.intervals:
            if figures.window == window:
                return figures
        return None
