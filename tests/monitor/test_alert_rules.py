"""Alert rules from the config file's tables: defaults, overrides and clear errors."""

from __future__ import annotations

import pytest

from spikon_tui.monitor.alert_rules import (
    DEFAULT_RULES,
    AlertConfigError,
    AlertMetric,
    AlertRule,
    Level,
    load_alert_config,
)


def test_no_configuration_gives_the_defaults_for_every_campaign() -> None:
    config = load_alert_config(None)
    assert config.rules_for(1) == DEFAULT_RULES
    assert load_alert_config({}).rules_for(99) == DEFAULT_RULES
    assert config.sla_target(1) == 80


def test_a_campaign_table_overrides_only_what_it_names() -> None:
    config = load_alert_config(
        {
            "1": {
                "waiting_calls": {"warn": 2, "alert": 4, "hold": 5},
                "sla": {"warn": 90},
                "free_agents": {"enabled": False},
            }
        }
    )
    rules = config.rules_for(1)
    assert rules[AlertMetric.WAITING_CALLS] == AlertRule(
        AlertMetric.WAITING_CALLS, warn=2, alert=4, hold=5
    )
    assert (rules[AlertMetric.SLA].warn, rules[AlertMetric.SLA].alert) == (90, 60)
    assert AlertMetric.FREE_AGENTS not in rules
    assert rules[AlertMetric.LONGEST_WAIT] == DEFAULT_RULES[AlertMetric.LONGEST_WAIT]
    assert config.rules_for(2) == DEFAULT_RULES
    assert config.sla_target(1) == 90


def test_the_default_table_changes_every_campaign_not_listed() -> None:
    config = load_alert_config(
        {"default": {"waiting_calls": {"warn": 10, "alert": 20}}, "3": {"sla": {"alert": 50}}}
    )
    assert config.rules_for(7)[AlertMetric.WAITING_CALLS].warn == 10
    assert config.rules_for(3)[AlertMetric.WAITING_CALLS].warn == 10
    assert config.rules_for(3)[AlertMetric.SLA].alert == 50


@pytest.mark.parametrize(
    "table, message",
    [
        ({"x": {}}, r"alerts: 'x' is neither a campaign id"),
        ({"1": {"queue": {}}}, r"alerts.1: unknown metric 'queue'; known: waiting_calls"),
        ({"1": {"sla": {"warm": 80}}}, r"alerts.1.sla: unknown setting 'warm'"),
        ({"1": {"sla": {"warn": "80"}}}, r"alerts.1.sla.warn must be a number, not '80'"),
        ({"1": {"sla": {"warn": 120}}}, r"alerts.1.sla.warn must be at most 100"),
        ({"1": {"sla": {"warn": True}}}, r"alerts.1.sla.warn must be a number"),
        ({"1": {"waiting_calls": {"hold": -1}}}, r"alerts.1.waiting_calls.hold must be a finite"),
        ({"1": {"waiting_calls": {"alert": float("inf")}}}, r"must be a finite"),
        (
            {"1": {"sla": {"warn": 60, "alert": 80}}},
            r"alert \(80\) must be at or below warn \(60\)",
        ),
        (
            {"1": {"sla": {"warn": 50}}},
            r"alert \(60\) must be at or below.*\[alert 60 \(default\)\]",
        ),
        ({"1": {"waiting_calls": {"warn": 9, "alert": 2}}}, r"must be at or above warn"),
        ({"1": {"sla": 80}}, r"alerts.1.sla must be a table"),
        ({"1": {"sla": {"enabled": "no"}}}, r"enabled must be true or false"),
        ({"1": []}, r"alerts.1 must be a table of metric rules"),
        ([], r"alerts must be a table of campaigns"),
    ],
)
def test_invalid_rules_are_reported_clearly(table: object, message: str) -> None:
    with pytest.raises(AlertConfigError, match=message):
        load_alert_config(table)


def test_campaign_ids_may_be_integers_but_not_listed_twice() -> None:
    assert load_alert_config({2: {"sla": {"warn": 70}}}).sla_target(2) == 70
    with pytest.raises(AlertConfigError, match="listed twice"):
        load_alert_config({2: {}, "2": {}})


@pytest.mark.parametrize(
    "metric, value, level",
    [
        (AlertMetric.WAITING_CALLS, 2, Level.OK),
        (AlertMetric.WAITING_CALLS, 3, Level.WARN),
        (AlertMetric.WAITING_CALLS, 6, Level.ALERT),
        (AlertMetric.SLA, 81, Level.OK),
        (AlertMetric.SLA, 80, Level.WARN),
        (AlertMetric.SLA, 60, Level.ALERT),
        (AlertMetric.SLA, None, Level.OK),
        (AlertMetric.FREE_AGENTS, 2, Level.OK),
        (AlertMetric.FREE_AGENTS, 1, Level.WARN),
        (AlertMetric.FREE_AGENTS, 0, Level.ALERT),
        (AlertMetric.LONGEST_WAIT, 59.9, Level.OK),
        (AlertMetric.LONGEST_WAIT, 125, Level.ALERT),
    ],
)
def test_thresholds_are_the_first_bad_value(
    metric: AlertMetric, value: float | None, level: Level
) -> None:
    assert DEFAULT_RULES[metric].level_for(value) is level


def test_a_rule_with_only_an_alert_threshold() -> None:
    rule = AlertRule(AlertMetric.WAITING_CALLS, warn=None, alert=5)
    assert [rule.level_for(v) for v in (4, 5)] == [Level.OK, Level.ALERT]
