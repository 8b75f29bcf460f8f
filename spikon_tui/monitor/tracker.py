"""The monitor's one entry point: take each poll (or failure) and keep every analysis current.

The UI's polling worker hands every answer to `MonitorTracker.ingest` (or a
failure to `ingest_failure`), asks `next_delay` when to poll next, and reads
`view(campaign_id)` / `overview()` to draw. The tracker owns, per campaign, the
poll health, the sample history, the counter deltas, the agents' times and the
latest snapshot; and, for all campaigns, the alert book and the optional
recording. Nothing in it grows with the number of polls: histories are ring
buffers and agents no longer listed are forgotten.

Times are epoch seconds from the injected `clock` unless given explicitly.
`polled_at` is when the answer arrived, `latency` how long the request took.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from spikon_tui.api.models import CcAgent, CcCampaign, CcMonitor
from spikon_tui.i18n import _
from spikon_tui.monitor.agents import DEFAULT_LONG_PAUSE, AgentTracker
from spikon_tui.monitor.alert_log import (
    ACKNOWLEDGED,
    MUTED,
    UNMUTED,
    AlertChange,
    AlertEntry,
    AlertLog,
    payload,
)
from spikon_tui.monitor.alert_reasons import alert_reason, metric_values
from spikon_tui.monitor.alert_rules import AlertConfig
from spikon_tui.monitor.alerts import AlertBook, AlertEvent
from spikon_tui.monitor.clock import Clock, system_clock
from spikon_tui.monitor.counters import HOUR, QUARTER_HOUR, CounterTracker, ResetEvent
from spikon_tui.monitor.figures import Snapshot
from spikon_tui.monitor.freshness import (
    DEFAULT_GRACE,
    DEFAULT_INTERVAL,
    DEFAULT_MAX_DELAY,
    Backoff,
    PollHealth,
    describe_error,
)
from spikon_tui.monitor.history import DEFAULT_MIN_INTERVAL, Sample, SampleHistory
from spikon_tui.monitor.overview import (
    CampaignSummary,
    StaffingEffect,
    effect_of_adding,
    effect_of_removing,
    rank_campaigns,
)
from spikon_tui.monitor.recorder import IntervalRow, PollRecorder, export_interval_csv
from spikon_tui.monitor.views import CampaignView, Sparkline
from spikon_tui.monitor.waiting import WaitingCalls

RECENT_RESETS_KEPT = 50
SPARKLINE_BUCKETS = 60


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll changed that the UI should announce."""

    events: tuple[AlertEvent, ...] = ()
    resets: tuple[ResetEvent, ...] = ()
    changes: tuple[AlertChange, ...] = ()
    """What the events did to the alert log (for the notification channels)."""

    @property
    def notifications(self) -> tuple[AlertEvent, ...]:
        """The events to show as a toast (and, if `ring_bell`, with the bell)."""
        return tuple(event for event in self.events if event.notify)


class _Campaign:
    """Everything the tracker keeps about one campaign."""

    __slots__ = ("campaign_id", "health", "history", "counters", "agents", "snapshot", "waiting")

    def __init__(self, campaign_id: int, tracker: MonitorTracker) -> None:
        self.campaign_id = campaign_id
        self.health = PollHealth(tracker.interval, grace=tracker.grace)
        self.history = SampleHistory(tracker.history_seconds, min_interval=tracker.min_interval)
        self.counters = CounterTracker(
            campaign_id, keep_seconds=max(tracker.windows), min_interval=tracker.min_interval
        )
        self.agents = AgentTracker(long_pause=tracker.long_pause)
        self.snapshot: Snapshot | None = None
        self.waiting: WaitingCalls | None = None


class MonitorTracker:
    """Ingests polls of any number of campaigns; answers the screen's questions."""

    def __init__(
        self,
        *,
        interval: float = DEFAULT_INTERVAL,
        clock: Clock = system_clock,
        alert_config: AlertConfig | None = None,
        long_pause: float = DEFAULT_LONG_PAUSE,
        grace: float = DEFAULT_GRACE,
        history_seconds: float = HOUR,
        windows: tuple[float, ...] = (QUARTER_HOUR, HOUR),
        min_interval: float = DEFAULT_MIN_INTERVAL,
        max_delay: float = DEFAULT_MAX_DELAY,
        random_source: Callable[[], float] = random.random,
        recorder: PollRecorder | None = None,
    ) -> None:
        if not windows or min(windows) <= 0:
            raise ValueError("windows must be positive numbers of seconds")
        self.clock = clock
        self.min_interval = float(min_interval)
        self.interval = self._checked_interval(interval)
        self.grace = float(grace)
        self.long_pause = float(long_pause)
        self.history_seconds = float(history_seconds)
        self.windows = tuple(sorted(float(window) for window in windows))
        self.alerts = AlertBook(alert_config)
        self.alert_log = AlertLog()
        self.backoff = Backoff(self.interval, maximum=max_delay, random_source=random_source)
        self.recorder = recorder
        self.recorder_error: str | None = None
        self.recent_resets: deque[ResetEvent] = deque(maxlen=RECENT_RESETS_KEPT)
        self._campaigns: dict[int, _Campaign] = {}
        self._names: dict[int, str] = {}

    # --- setup ---------------------------------------------------------------------

    def _checked_interval(self, seconds: float) -> float:
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise ValueError(
                _("the refresh interval must be a number of seconds, not {value}").format(
                    value=repr(seconds)
                )
            )
        if not seconds >= self.min_interval:
            raise ValueError(
                _("the refresh interval must be at least {minimum} s, not {value}").format(
                    minimum=f"{self.min_interval:g}", value=repr(seconds)
                )
            )
        return float(seconds)

    def set_interval(self, seconds: float) -> None:
        """Change the refresh interval (at least `min_interval`); staleness follows it."""
        self.interval = self._checked_interval(seconds)
        self.backoff.interval = self.interval
        self.backoff.maximum = max(self.backoff.maximum, self.interval)
        for campaign in self._campaigns.values():
            campaign.health.interval = self.interval

    def set_alert_config(self, config: AlertConfig) -> None:
        self.alerts.set_config(config)

    def set_campaigns(self, campaigns: Iterable[CcCampaign] | Mapping[int, str]) -> None:
        """Learn the campaigns' names (from `cc_campaigns/list`)."""
        if isinstance(campaigns, Mapping):
            self._names.update({int(cid): str(name) for cid, name in campaigns.items()})
        else:
            self._names.update({campaign.id: campaign.name for campaign in campaigns})

    def name_of(self, campaign_id: int) -> str:
        return self._names.get(campaign_id) or _("Campaign {id}").format(id=campaign_id)

    @property
    def campaign_ids(self) -> list[int]:
        """Campaigns with a name or at least one poll, in id order."""
        return sorted(set(self._names) | set(self._campaigns))

    def forget(self, campaign_id: int) -> None:
        """Stop tracking a campaign (it was deleted, or is no longer monitored)."""
        self._campaigns.pop(campaign_id, None)
        self._names.pop(campaign_id, None)
        self.alerts.forget(campaign_id)
        self.alert_log.forget_open(campaign_id, self.clock())

    def _campaign(self, campaign_id: int) -> _Campaign:
        campaign = self._campaigns.get(campaign_id)
        if campaign is None:
            campaign = self._campaigns[campaign_id] = _Campaign(campaign_id, self)
        return campaign

    # --- polls in ----------------------------------------------------------------------

    def ingest(
        self,
        campaign_id: int,
        monitor: CcMonitor,
        polled_at: float | None = None,
        latency: float = 0.0,
    ) -> PollOutcome:
        """Take a good poll of one campaign; return the alert changes and resets it caused."""
        at = self.clock() if polled_at is None else polled_at
        campaign = self._campaign(campaign_id)
        snapshot = Snapshot.of(campaign_id, monitor, at)
        figures = snapshot.figures
        campaign.snapshot = snapshot
        campaign.health.record_success(at, latency)
        campaign.history.append(Sample.from_figures(at, figures))
        resets = campaign.counters.observe(at, figures.answered, figures.unanswered)
        self.recent_resets.extend(resets)
        campaign.agents.observe(monitor.campaign_members, figures.calls_waiting, at)
        campaign.waiting = WaitingCalls(
            monitor.waiting_calls,
            at,
            figures.measured_sla,
            max_extrapolation=campaign.health.stale_after,
        )
        events = self.alerts.evaluate(campaign_id, metric_values(figures), at)
        if self.recorder is not None:
            self._record(lambda r: r.record_poll(campaign_id, monitor, at, latency))
        changes = tuple(self._log_alerts(events, snapshot))
        return PollOutcome(tuple(events), tuple(resets), changes)

    def _log_alerts(self, events: list[AlertEvent], snapshot: Snapshot) -> Iterable[AlertChange]:
        for event in events:
            level = max(event.level, event.previous)
            change = self.alert_log.take(
                event,
                campaign=self.name_of(event.campaign_id),
                reason=alert_reason(event.metric, level, event.threshold, snapshot.figures),
                muted_until=self.alerts.muted_until(event.campaign_id, event.at),
            )
            if change is not None:
                self._record_alert(change.kind, change.entry, event.at)
                yield change

    def _record_alert(self, kind: str, entry: AlertEntry, at: float) -> None:
        if self.recorder is not None:
            alert = payload(kind, entry)
            self._record(lambda r: r.record_alert(alert, at))

    # --- acknowledge and mute (the alert book decides the noise, the log keeps it) ------

    def acknowledge(self, campaign_id: int) -> int:
        """Acknowledge the campaign's current alerts; return how many episodes."""
        count = self.alerts.acknowledge(campaign_id)
        at = self.clock()
        for entry in self.alert_log.acknowledge(campaign_id, at):
            self._record_alert(ACKNOWLEDGED, entry, at)
        return count

    def mute(self, campaign_id: int | None, *, until: float | None = None) -> None:
        """Mute one campaign (or all, for None), until a time or until unmuted."""
        self.alerts.mute(campaign_id, until=until)
        self.alert_log.mute(campaign_id, until)
        self._record_open(campaign_id, MUTED)

    def unmute(self, campaign_id: int | None) -> None:
        self.alerts.unmute(campaign_id)
        self.alert_log.unmute(campaign_id)
        self._record_open(campaign_id, UNMUTED)

    def _record_open(self, campaign_id: int | None, kind: str) -> None:
        at = self.clock()
        for entry in self.alert_log.active():
            if campaign_id is None or entry.campaign_id == campaign_id:
                self._record_alert(kind, entry, at)

    def ingest_failure(self, campaign_id: int, error: object, at: float | None = None) -> None:
        """Take a failed poll: the figures stay, the freshness line says what went wrong."""
        at = self.clock() if at is None else at
        self._campaign(campaign_id).health.record_failure(at, error)
        if self.recorder is not None:
            self._record(lambda r: r.record_failure(campaign_id, error, at))

    def _record(self, write: Callable[[PollRecorder], None]) -> None:
        recorder = self.recorder
        assert recorder is not None
        try:
            write(recorder)
        except (OSError, ValueError) as error:  # a full disk must not stop the monitor
            self.recorder_error = _("recording to {path} stopped: {error}").format(
                path=recorder.path, error=describe_error(error)
            )
            self.recorder = None
            recorder.close()

    # --- when to poll next ---------------------------------------------------------------

    def next_delay(self, campaign_id: int | None = None) -> float:
        """Seconds until the next poll of one campaign, or of all of them together.

        For all together: the normal interval while any campaign answers; backed
        off only when every campaign is failing; slowly when the failures are fatal.
        """
        if campaign_id is not None:
            campaign = self._campaigns.get(campaign_id)
            if campaign is None:
                return self.interval
            health = campaign.health
            return self.backoff.delay(health.failures_in_row, fatal=health.fatal_reason is not None)
        healths = [campaign.health for campaign in self._campaigns.values()]
        if not healths:
            return self.interval
        failures = min(health.failures_in_row for health in healths)
        fatal = failures > 0 and any(health.fatal_reason is not None for health in healths)
        return self.backoff.delay(failures, fatal=fatal)

    @property
    def fatal_reason(self) -> str | None:
        """Plain words for an error no retry fixes (key revoked, API off...), if any."""
        for campaign in self._campaigns.values():
            if campaign.health.fatal_reason is not None:
                return campaign.health.fatal_reason
        return None

    # --- what the screen reads ---------------------------------------------------------

    def snapshots(self) -> dict[int, Snapshot]:
        return {
            cid: campaign.snapshot
            for cid, campaign in self._campaigns.items()
            if campaign.snapshot is not None
        }

    def view(
        self, campaign_id: int, now: float | None = None, *, buckets: int = SPARKLINE_BUCKETS
    ) -> CampaignView:
        """Everything the detail screen shows about one campaign, at `now`."""
        now = self.clock() if now is None else now
        campaign = self._campaigns.get(campaign_id) or _Campaign(campaign_id, self)  # not kept
        span = self.history_seconds
        history = campaign.history
        waiting = campaign.waiting
        return CampaignView(
            campaign_id=campaign_id,
            name=self.name_of(campaign_id),
            now=now,
            freshness=campaign.health.status(now),
            snapshot=campaign.snapshot,
            waiting_calls=waiting,
            waiting=tuple(waiting.rows(now)) if waiting is not None else (),
            agents=tuple(campaign.agents.statuses(now)),
            intervals=tuple(campaign.counters.figures(window, now) for window in self.windows),
            resets=tuple(campaign.counters.resets),
            alerts=tuple(self.alerts.statuses(campaign_id)),
            level=self.alerts.level(campaign_id),
            holding_until=self.alerts.holding_until(campaign_id),
            muted=self.alerts.is_muted(campaign_id, now),
            waiting_trend=Sparkline(
                "calls_waiting",
                "max",
                span,
                tuple(history.buckets("calls_waiting", span=span, count=buckets, now=now)),
            ),
            sla_trend=Sparkline(
                "sla",
                "last",
                span,
                tuple(history.buckets("sla", span=span, count=buckets, now=now, how="last")),
            ),
        )

    def summary(self, campaign_id: int, now: float | None = None) -> CampaignSummary:
        now = self.clock() if now is None else now
        campaign = self._campaigns.get(campaign_id)
        level = self.alerts.level(campaign_id)
        target = self.alerts.config.sla_target(campaign_id)
        name = self.name_of(campaign_id)
        if campaign is None or campaign.snapshot is None:
            stale = campaign is not None and campaign.health.is_stale(now)
            return CampaignSummary(campaign_id, name, level, stale, sla_target=target)
        figures = campaign.snapshot.figures
        longest = campaign.waiting.longest(now) if campaign.waiting is not None else None
        if longest is None and figures.calls_waiting == 0:
            longest = 0.0
        return CampaignSummary(
            campaign_id=campaign_id,
            name=name,
            level=level,
            stale=campaign.health.is_stale(now),
            calls_waiting=figures.calls_waiting,
            longest_wait=longest,
            free_agents=figures.free_agents,
            busy_members=figures.busy_members,
            answered=figures.answered,
            unanswered=figures.unanswered,
            sla=figures.sla,
            sla_target=target,
            holding_until=self.alerts.holding_until(campaign_id),
        )

    def overview(self, now: float | None = None) -> list[CampaignSummary]:
        """Every known campaign, worst first."""
        now = self.clock() if now is None else now
        return rank_campaigns(self.summary(cid, now) for cid in self.campaign_ids)

    def effect_of_removing(self, agent: str | CcAgent, campaign_id: int) -> StaffingEffect:
        return effect_of_removing(agent, campaign_id, self.snapshots(), self.name_of(campaign_id))

    def effect_of_adding(self, agent: str | CcAgent, campaign_id: int) -> StaffingEffect:
        return effect_of_adding(agent, campaign_id, self.snapshots(), self.name_of(campaign_id))

    def interval_rows(self, now: float | None = None) -> list[IntervalRow]:
        """Each campaign's figures for each window, for the CSV export."""
        now = self.clock() if now is None else now
        rows = []
        for cid in self.campaign_ids:
            campaign = self._campaigns.get(cid)
            if campaign is None:
                continue
            sla = campaign.snapshot.figures.sla if campaign.snapshot is not None else None
            for window in self.windows:
                rows.append(
                    IntervalRow(
                        campaign_id=cid,
                        campaign_name=self.name_of(cid),
                        figures=campaign.counters.figures(window, now),
                        sla=sla,
                        sla_target=self.alerts.config.sla_target(cid),
                    )
                )
        return rows

    def export_csv(self, path: str, now: float | None = None) -> int:
        """Write the interval figures of every campaign to a CSV file; return the rows."""
        return export_interval_csv(path, self.interval_rows(now))

    def buffer_lengths(self, campaign_id: int) -> dict[str, int]:
        """How much each ring buffer of a campaign holds (for tests and diagnostics)."""
        campaign = self._campaigns.get(campaign_id) or _Campaign(campaign_id, self)
        return {
            "history": len(campaign.history),
            "history_capacity": campaign.history.capacity,
            "intervals": campaign.counters.interval_count,
            "resets": len(campaign.counters.resets),
            "agents": len(campaign.agents),
            "alert_events": len(self.alerts.recent_events),
            "recent_resets": len(self.recent_resets),
        }
