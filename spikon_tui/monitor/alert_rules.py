"""Alert rules: per campaign and metric, a warn and an alert threshold and how long they must hold.

The config file's tables `[profiles.NAME.alerts.CAMPAIGN_ID]` map metric names
to rules, and `[profiles.NAME.alerts.default]` (optional) changes the rules of
every campaign not listed::

    [profiles.default.alerts.1]
    waiting_calls = { warn = 3, alert = 6, hold = 20 }
    sla = { warn = 80, alert = 60, hold = 60 }

Metrics: `waiting_calls` (count), `longest_wait` (seconds), `sla` (percent,
lower is worse) and `free_agents` (agents free and not on pause, lower is
worse). A threshold is the first bad value: with `warn = 3` three waiting calls
warn; with `sla = { warn = 80 }` an SLA of 80 % warns.

Settings of a rule: `warn`, `alert`, `hold` (seconds a level must hold before
it is entered), `clear_hold` (seconds before it is left; default: `hold`),
`cooldown` (seconds without a repeated notification unless it gets worse) and
`enabled`. A setting left out is taken from the default rule for that metric,
so `sla = { warn = 90 }` keeps the default alert threshold. Anything wrong is
reported as an `AlertConfigError` naming the setting (`alerts.1.sla.warn`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum
from typing import Any

from spikon_tui.i18n import N_, _


class Level(IntEnum):
    OK = 0
    WARN = 1
    ALERT = 2

    @property
    def label(self) -> str:
        """ "ok", "warn" or "alert", in the interface language."""
        label = _LEVEL_LABELS[self]
        return _(label)


class AlertMetric(StrEnum):
    WAITING_CALLS = "waiting_calls"
    LONGEST_WAIT = "longest_wait"
    SLA = "sla"
    FREE_AGENTS = "free_agents"

    @property
    def lower_is_worse(self) -> bool:
        return self in _LOWER_IS_WORSE

    @property
    def label(self) -> str:
        """ "waiting calls", "SLA"...: the metric in the interface language."""
        label = _LABELS[self]
        return _(label)


_LEVEL_LABELS = {Level.OK: N_("ok"), Level.WARN: N_("warn"), Level.ALERT: N_("alert")}
_LOWER_IS_WORSE = frozenset({AlertMetric.SLA, AlertMetric.FREE_AGENTS})
_LABELS = {
    AlertMetric.WAITING_CALLS: N_("waiting calls"),
    AlertMetric.LONGEST_WAIT: N_("longest wait"),
    AlertMetric.SLA: N_("SLA"),
    AlertMetric.FREE_AGENTS: N_("free agents"),
}

DEFAULT_CAMPAIGN_KEY = "default"
SETTINGS = ("warn", "alert", "hold", "clear_hold", "cooldown", "enabled")


class AlertConfigError(ValueError):
    """A rule in the config file cannot be used; the message names the setting and why."""


@dataclass(frozen=True, slots=True)
class AlertRule:
    metric: AlertMetric
    warn: float | None
    alert: float | None
    hold: float = 0.0
    clear_hold: float | None = None
    """Seconds a better level must hold before the alert eases; None means `hold`."""
    cooldown: float = 300.0
    enabled: bool = True

    @property
    def clear_after(self) -> float:
        return self.hold if self.clear_hold is None else self.clear_hold

    def threshold(self, level: Level) -> float | None:
        if level is Level.ALERT:
            return self.alert
        if level is Level.WARN:
            return self.warn
        return None

    def level_for(self, value: float | None) -> Level:
        """The level a value reaches at once (before any hold time); None is OK."""
        if value is None or not self.enabled:
            return Level.OK
        for level, threshold in ((Level.ALERT, self.alert), (Level.WARN, self.warn)):
            if threshold is None:
                continue
            if value <= threshold if self.metric.lower_is_worse else value >= threshold:
                return level
        return Level.OK


DEFAULT_RULES: dict[AlertMetric, AlertRule] = {
    AlertMetric.WAITING_CALLS: AlertRule(AlertMetric.WAITING_CALLS, warn=3, alert=6, hold=20),
    AlertMetric.LONGEST_WAIT: AlertRule(AlertMetric.LONGEST_WAIT, warn=60, alert=120, hold=10),
    AlertMetric.SLA: AlertRule(AlertMetric.SLA, warn=80, alert=60, hold=60),
    AlertMetric.FREE_AGENTS: AlertRule(AlertMetric.FREE_AGENTS, warn=1, alert=0, hold=30),
}
"""The rules used when the config file has none."""


@dataclass(frozen=True)
class AlertConfig:
    """Rules for every campaign: `default` unless `campaigns` has the campaign."""

    default: Mapping[AlertMetric, AlertRule]
    campaigns: Mapping[int, Mapping[AlertMetric, AlertRule]]

    def rules_for(self, campaign_id: int) -> dict[AlertMetric, AlertRule]:
        """The enabled rules of a campaign."""
        rules = self.campaigns.get(campaign_id, self.default)
        return {metric: rule for metric, rule in rules.items() if rule.enabled}

    def sla_target(self, campaign_id: int) -> float | None:
        """The SLA percent a campaign aims for: its `sla` rule's warn threshold."""
        rule = self.campaigns.get(campaign_id, self.default).get(AlertMetric.SLA)
        if rule is None or not rule.enabled:
            return None
        return rule.warn if rule.warn is not None else rule.alert


def default_alert_config() -> AlertConfig:
    return AlertConfig(default=dict(DEFAULT_RULES), campaigns={})


def _number(value: object, where: str, *, upper: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AlertConfigError(
            _("{where} must be a number, not {value}").format(where=where, value=repr(value))
        )
    if not math.isfinite(value) or value < 0:
        raise AlertConfigError(
            _("{where} must be a finite number of at least 0, not {value}").format(
                where=where, value=repr(value)
            )
        )
    if upper is not None and value > upper:
        raise AlertConfigError(
            _("{where} must be at most {upper}, not {value}").format(
                where=where, upper=f"{upper:g}", value=repr(value)
            )
        )
    return float(value)


def parse_rule(table: object, *, base: AlertRule, where: str) -> AlertRule:
    """One metric's table read over `base` (the default rule for that metric)."""
    if not isinstance(table, Mapping):
        raise AlertConfigError(
            _("{where} must be a table such as {example}, not {value}").format(
                where=where, example="{ warn = 3, alert = 6, hold = 20 }", value=repr(table)
            )
        )
    unknown = sorted(str(key) for key in table if key not in SETTINGS)
    if unknown:
        raise AlertConfigError(
            _("{where}: unknown setting {names}; known: {known}").format(
                where=where, names=", ".join(map(repr, unknown)), known=", ".join(SETTINGS)
            )
        )
    upper = 100.0 if base.metric is AlertMetric.SLA else None
    changes: dict[str, Any] = {}
    for key in ("warn", "alert"):
        if key in table:
            changes[key] = _number(table[key], f"{where}.{key}", upper=upper)
    for key in ("hold", "clear_hold", "cooldown"):
        if key in table:
            changes[key] = _number(table[key], f"{where}.{key}")
    if "enabled" in table:
        if not isinstance(table["enabled"], bool):
            raise AlertConfigError(
                _("{where}.enabled must be true or false, not {value}").format(
                    where=where, value=repr(table["enabled"])
                )
            )
        changes["enabled"] = table["enabled"]
    rule = replace(base, **changes)
    if rule.warn is not None and rule.alert is not None:
        inherited = ", ".join(
            _("{setting} {value} (default)").format(setting=key, value=f"{getattr(rule, key):g}")
            for key in ("warn", "alert")
            if key not in table
        )
        words = {
            "where": where,
            "alert": f"{rule.alert:g}",
            "warn": f"{rule.warn:g}",
            "metric": base.metric.label,
            "note": f" [{inherited}]" if inherited else "",
        }
        if base.metric.lower_is_worse and rule.alert > rule.warn:
            raise AlertConfigError(
                _(
                    "{where}: alert ({alert}) must be at or below warn ({warn}), "
                    "since a lower {metric} is worse{note}"
                ).format(**words)
            )
        if not base.metric.lower_is_worse and rule.alert < rule.warn:
            raise AlertConfigError(
                _(
                    "{where}: alert ({alert}) must be at or above warn ({warn}), "
                    "since a higher {metric} is worse{note}"
                ).format(**words)
            )
    return rule


def parse_rules(
    table: object, *, base: Mapping[AlertMetric, AlertRule], where: str
) -> dict[AlertMetric, AlertRule]:
    """A campaign's table (metric name -> rule table) read over `base`."""
    if not isinstance(table, Mapping):
        raise AlertConfigError(
            _("{where} must be a table of metric rules, not {value}").format(
                where=where, value=repr(table)
            )
        )
    rules = dict(base)
    for name, rule_table in table.items():
        try:
            metric = AlertMetric(name)
        except ValueError:
            known = ", ".join(metric.value for metric in AlertMetric)
            raise AlertConfigError(
                _("{where}: unknown metric {name}; known: {known}").format(
                    where=where, name=repr(name), known=known
                )
            ) from None
        rules[metric] = parse_rule(rule_table, base=base[metric], where=f"{where}.{name}")
    return rules


def load_alert_config(table: object | None, *, where: str = "alerts") -> AlertConfig:
    """Read a profile's `alerts` table; None or an empty table gives the default rules."""
    if table is None:
        return default_alert_config()
    if not isinstance(table, Mapping):
        raise AlertConfigError(
            _("{where} must be a table of campaigns, not {value}").format(
                where=where, value=repr(table)
            )
        )
    default = dict(DEFAULT_RULES)
    if DEFAULT_CAMPAIGN_KEY in table:
        default = parse_rules(
            table[DEFAULT_CAMPAIGN_KEY], base=default, where=f"{where}.{DEFAULT_CAMPAIGN_KEY}"
        )
    campaigns: dict[int, dict[AlertMetric, AlertRule]] = {}
    for key, campaign_table in table.items():
        if key == DEFAULT_CAMPAIGN_KEY:
            continue
        campaign_id = _campaign_id(key, where)
        if campaign_id in campaigns:
            raise AlertConfigError(
                _("{where}: campaign {campaign} is listed twice").format(
                    where=where, campaign=campaign_id
                )
            )
        campaigns[campaign_id] = parse_rules(campaign_table, base=default, where=f"{where}.{key}")
    return AlertConfig(default=default, campaigns=campaigns)


def _campaign_id(key: object, where: str) -> int:
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    if isinstance(key, str) and key.strip().isdigit():
        return int(key.strip())
    raise AlertConfigError(
        _("{where}: {key} is neither a campaign id (a whole number) nor {default}").format(
            where=where, key=repr(key), default=repr(DEFAULT_CAMPAIGN_KEY)
        )
    )
