"""Alert state per (campaign, metric), with hold times, cooldown, acknowledge and mute.

Each (campaign, metric) has two levels, OK, WARN or ALERT:

- the **shown** level is what the rules give for the current figures
  (`AlertRule.level_for`), from the first poll on: the screen never says "ok"
  for figures that break a rule;
- the **held** level drives the noise (bell, toast, notifications, the alert
  log): it enters a worse level only after the value has stayed at or beyond it
  for the rule's `hold` seconds, and eases only after the value has stayed
  better for `clear_hold` seconds, so a value hovering around a threshold never
  rings twice. Until the hold has passed the screen may say so ("alert · 12 s",
  from `AlertStatus.holding_until`). Time is measured between polls; an outage
  in between counts as the condition having held.

Every change of state is an `AlertEvent`. Whether it notifies (bell + toast):

- never while the campaign, or everything, is muted (optionally until a time);
- not while the episode is acknowledged, unless it becomes worse than the
  level acknowledged (an acknowledged warning that turns into an alert is
  news); an episode ends, and its acknowledgement with it, when it clears;
- not within the rule's `cooldown` after the last notification, unless it is
  worse than what that notification said.

Suppressed events are still returned, with `suppressed` saying why, for the
screen's event log.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from spikon_tui.i18n import _
from spikon_tui.monitor.alert_rules import (
    AlertConfig,
    AlertMetric,
    AlertRule,
    Level,
    default_alert_config,
)

RECENT_EVENTS_KEPT = 200
_LEVELS_UP = (Level.WARN, Level.ALERT)


@dataclass(frozen=True, slots=True)
class AlertEvent:
    at: float
    campaign_id: int
    metric: AlertMetric
    previous: Level
    level: Level
    value: float | None
    threshold: float | None
    """The threshold of the level entered (of the level left, when easing)."""
    notify: bool
    suppressed: str | None = None
    """Why it does not notify: "muted", "acknowledged" or "cooldown"."""
    broken_since: float | None = None
    """Since when the figures have broken the rule at `level` (None when easing to OK)."""

    @property
    def escalated(self) -> bool:
        return self.level > self.previous

    @property
    def ring_bell(self) -> bool:
        """Ring the terminal bell: notified, and things got worse."""
        return self.notify and self.escalated

    def describe(self, campaign_name: str) -> str:
        """One line for a toast: "Infolinia: waiting calls 7 - alert (at 6)"."""
        value = _format_value(self.metric, self.value)
        metric = self.metric.label
        if self.level is Level.OK:
            return _("{campaign}: {metric} {value} - back to normal").format(
                campaign=campaign_name, metric=metric, value=value
            )
        return _("{campaign}: {metric} {value} - {level} (at {threshold})").format(
            campaign=campaign_name,
            metric=metric,
            value=value,
            level=self.level.label,
            threshold=_format_value(self.metric, self.threshold),
        )


def _format_value(metric: AlertMetric, value: float | None) -> str:
    if value is None:
        return _("unknown")
    if metric is AlertMetric.SLA:
        return f"{value:g} %"
    if metric is AlertMetric.LONGEST_WAIT:
        return f"{value:.0f} s"
    return f"{value:g}"


@dataclass(frozen=True, slots=True)
class AlertStatus:
    """One (campaign, metric) as the screen shows it."""

    campaign_id: int
    metric: AlertMetric
    level: Level
    """What the rules give for the current figures (what the screen shows)."""
    since: float | None
    """When the held level was entered; None for OK since the start."""
    value: float | None
    acknowledged: bool
    pending: Level | None
    """The held level moves to this at `pending_at` if the value stays where it is."""
    pending_at: float | None
    held: Level = Level.OK
    """The level after hold times: what notifies and what the alert log says."""
    broken_since: float | None = None
    """Since when the figures have broken the rule at `level` (None while OK)."""

    @property
    def holding_until(self) -> float | None:
        """When the shown level, worse than the held one, will notify (None if it is not)."""
        if self.level > self.held and self.pending is self.level:
            return self.pending_at
        return None


class _State:
    __slots__ = (
        "level",
        "shown",
        "since",
        "value",
        "worse_since",
        "better_since",
        "acknowledged",
        "notified_at",
        "notified_level",
    )

    def __init__(self) -> None:
        self.level = Level.OK
        self.shown = Level.OK
        self.since: float | None = None
        self.value: float | None = None
        # worse_since[x]: since when the value has been at level x or beyond; better_since[x]:
        # since when it has been below level x. Index by Level (index 0 unused).
        self.worse_since: list[float | None] = [None, None, None]
        self.better_since: list[float | None] = [None, None, None]
        self.acknowledged: Level | None = None
        self.notified_at: float | None = None
        self.notified_level = Level.OK

    def observe(self, raw: Level, at: float) -> None:
        self.shown = raw
        for level in _LEVELS_UP:
            if raw >= level:
                if self.worse_since[level] is None:
                    self.worse_since[level] = at
                self.better_since[level] = None
            else:
                if self.better_since[level] is None:
                    self.better_since[level] = at
                self.worse_since[level] = None

    def target(self, rule: AlertRule, at: float) -> Level:
        """The level the state should be in at `at`, given how long things have held."""
        for level in reversed(_LEVELS_UP):
            since = self.worse_since[level]
            if level > self.level and since is not None and at - since >= rule.hold:
                return level
        if self.level is Level.OK:
            return Level.OK
        since = self.better_since[self.level]
        if since is None or at - since < rule.clear_after:
            return self.level
        for lower in range(self.level - 1, 0, -1):
            level = Level(lower)
            since = self.better_since[level]
            if since is None or at - since < rule.clear_after:
                return level
        return Level.OK

    def pending(self, rule: AlertRule) -> tuple[Level, float] | None:
        for level in reversed(_LEVELS_UP):
            since = self.worse_since[level]
            if level > self.level and since is not None:
                return level, since + rule.hold
        if self.level is not Level.OK:
            since = self.better_since[self.level]
            if since is not None:
                lower = Level(self.level - 1)
                return lower, since + rule.clear_after
        return None


class AlertBook:
    """The alert state of every campaign and metric, and the notification policy."""

    def __init__(self, config: AlertConfig | None = None) -> None:
        self._config = config or default_alert_config()
        self._states: dict[tuple[int, AlertMetric], _State] = {}
        self._muted_all: tuple[bool, float | None] = (False, None)
        self._muted: dict[int, float | None] = {}
        self.recent_events: deque[AlertEvent] = deque(maxlen=RECENT_EVENTS_KEPT)

    @property
    def config(self) -> AlertConfig:
        return self._config

    def set_config(self, config: AlertConfig) -> None:
        """Use new rules; states of metrics no longer watched are forgotten silently."""
        self._config = config
        for key in list(self._states):
            if key[1] not in config.rules_for(key[0]):
                del self._states[key]

    def rules_for(self, campaign_id: int) -> dict[AlertMetric, AlertRule]:
        return self._config.rules_for(campaign_id)

    # --- evaluation ------------------------------------------------------------

    def evaluate(
        self, campaign_id: int, values: Mapping[AlertMetric, float | None], at: float
    ) -> list[AlertEvent]:
        """Take one poll's values; return the changes of state they cause."""
        events: list[AlertEvent] = []
        for metric, rule in self._config.rules_for(campaign_id).items():
            key = (campaign_id, metric)
            state = self._states.get(key)
            if state is None:
                state = self._states[key] = _State()
            value = values.get(metric)
            state.value = value
            state.observe(rule.level_for(value), at)
            target = state.target(rule, at)
            if target is state.level:
                continue
            event = self._change(state, rule, campaign_id, target, at)
            events.append(event)
            self.recent_events.append(event)
        return events

    def _change(
        self, state: _State, rule: AlertRule, campaign_id: int, level: Level, at: float
    ) -> AlertEvent:
        previous = state.level
        state.level = level
        state.since = at
        suppressed: str | None = None
        if self.is_muted(campaign_id, at):
            suppressed = "muted"
        elif state.acknowledged is not None and level <= state.acknowledged:
            suppressed = "acknowledged"
        elif (
            state.notified_at is not None
            and at - state.notified_at < rule.cooldown
            and level <= state.notified_level
        ):
            suppressed = "cooldown"
        if suppressed is None:
            state.notified_at = at
            state.notified_level = level
        if level is Level.OK:
            state.acknowledged = None
        threshold = rule.threshold(level if level > previous else previous)
        return AlertEvent(
            at=at,
            campaign_id=campaign_id,
            metric=rule.metric,
            previous=previous,
            level=level,
            value=state.value,
            threshold=threshold,
            notify=suppressed is None,
            suppressed=suppressed,
            broken_since=state.worse_since[level] if level is not Level.OK else None,
        )

    # --- what the screen reads ---------------------------------------------------

    def level(self, campaign_id: int) -> Level:
        """The worst level the current figures give among the campaign's metrics (shown)."""
        return max(
            (state.shown for (cid, _metric), state in self._states.items() if cid == campaign_id),
            default=Level.OK,
        )

    def held_level(self, campaign_id: int) -> Level:
        """The worst level after hold times among the campaign's metrics (what notified)."""
        return max(
            (state.level for (cid, _metric), state in self._states.items() if cid == campaign_id),
            default=Level.OK,
        )

    def holding_until(self, campaign_id: int) -> float | None:
        """When the campaign's shown level will have held long enough to notify, if it
        is worse than what has notified; None otherwise."""
        level = self.level(campaign_id)
        times = [
            status.holding_until
            for status in self.statuses(campaign_id)
            if status.level is level and status.holding_until is not None
        ]
        if not times or level <= self.held_level(campaign_id):
            return None
        return min(times)

    def statuses(self, campaign_id: int) -> list[AlertStatus]:
        """Every watched metric of a campaign, in rule order."""
        result = []
        for metric, rule in self._config.rules_for(campaign_id).items():
            state = self._states.get((campaign_id, metric))
            if state is None:
                result.append(
                    AlertStatus(campaign_id, metric, Level.OK, None, None, False, None, None)
                )
                continue
            pending = state.pending(rule)
            result.append(
                AlertStatus(
                    campaign_id=campaign_id,
                    metric=metric,
                    level=state.shown,
                    since=state.since,
                    value=state.value,
                    acknowledged=state.acknowledged is not None,
                    pending=pending[0] if pending else None,
                    pending_at=pending[1] if pending else None,
                    held=state.level,
                    broken_since=state.worse_since[state.shown] if state.shown else None,
                )
            )
        return result

    def forget(self, campaign_id: int) -> None:
        """Drop a campaign's states (it is no longer monitored)."""
        for key in [key for key in self._states if key[0] == campaign_id]:
            del self._states[key]

    # --- acknowledge and mute -------------------------------------------------------

    def acknowledge(self, campaign_id: int, metric: AlertMetric | None = None) -> int:
        """Silence the current episode of one metric, or of all the campaign's; return how many.

        Metrics that are OK have no episode and are left alone.
        """
        count = 0
        for (cid, key_metric), state in self._states.items():
            if cid != campaign_id or (metric is not None and key_metric is not metric):
                continue
            if state.level is not Level.OK:
                state.acknowledged = state.level
                count += 1
        return count

    def mute(self, campaign_id: int | None = None, *, until: float | None = None) -> None:
        """Mute one campaign, or everything when `campaign_id` is None; until a time or for good."""
        if campaign_id is None:
            self._muted_all = (True, until)
        else:
            self._muted[campaign_id] = until

    def unmute(self, campaign_id: int | None = None) -> None:
        """Lift the mute of one campaign, or the global mute when `campaign_id` is None."""
        if campaign_id is None:
            self._muted_all = (False, None)
        else:
            self._muted.pop(campaign_id, None)

    def is_muted(self, campaign_id: int | None, now: float) -> bool:
        """True while everything, or this campaign, is muted at `now`."""
        muted, until = self._muted_all
        if muted and (until is None or now < until):
            return True
        if campaign_id is None or campaign_id not in self._muted:
            return False
        until = self._muted[campaign_id]
        return until is None or now < until

    def muted_until(self, campaign_id: int | None, now: float) -> tuple[bool, float | None]:
        """(muted, until) for the screen: `until` None means until unmuted."""
        muted, until = self._muted_all
        if muted and (until is None or now < until):
            return True, until
        if campaign_id is not None and campaign_id in self._muted:
            until = self._muted[campaign_id]
            if until is None or now < until:
                return True, until
        return False, None
