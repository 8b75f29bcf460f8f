"""AlertBook: hold times (no flicker), staged easing, cooldown, acknowledge and mute."""

from __future__ import annotations

from spikon_tui.monitor.alert_rules import AlertMetric, Level, load_alert_config
from spikon_tui.monitor.alerts import AlertBook, AlertEvent

T0 = 1_000_000.0
WAITING = AlertMetric.WAITING_CALLS
OFF = {"enabled": False}


def book(**waiting_rule: float) -> AlertBook:
    rule = {"warn": 3, "alert": 6, "hold": 20, "cooldown": 300, **waiting_rule}
    only_waiting = {"waiting_calls": rule, "sla": OFF, "longest_wait": OFF, "free_agents": OFF}
    return AlertBook(load_alert_config({"default": only_waiting}))


def run(alerts: AlertBook, series: list[tuple[float, int]], campaign: int = 1) -> list[AlertEvent]:
    events: list[AlertEvent] = []
    for offset, waiting in series:
        events += alerts.evaluate(campaign, {WAITING: waiting}, T0 + offset)
    return events


def every(step: int, start: int, stop: int, value: int) -> list[tuple[float, int]]:
    return [(t, value) for t in range(start, stop, step)]


def test_a_short_spike_does_not_fire() -> None:
    alerts = book()
    events = run(alerts, [(0, 0), (5, 7), (10, 7), (15, 7), (20, 0), (25, 0)])
    assert events == []
    assert alerts.level(1) is Level.OK


def test_a_condition_held_for_the_hold_time_fires_once() -> None:
    alerts = book()
    events = run(alerts, every(5, 0, 60, 4))
    assert [(e.at - T0, e.previous, e.level) for e in events] == [(20, Level.OK, Level.WARN)]
    event = events[0]
    assert event.notify and event.ring_bell and event.escalated
    assert event.value == 4 and event.threshold == 3
    assert alerts.level(1) is Level.WARN


def test_hovering_between_warn_and_alert_stays_warn() -> None:
    alerts = book()
    series = [(t, 7 if (t // 5) % 2 else 4) for t in range(0, 120, 5)]
    events = run(alerts, series)
    assert [(e.at - T0, e.level) for e in events] == [(20, Level.WARN)]


def test_straight_to_alert_when_the_alert_level_holds() -> None:
    alerts = book()
    events = run(alerts, every(5, 0, 30, 8))
    assert [(e.at - T0, e.previous, e.level) for e in events] == [(20, Level.OK, Level.ALERT)]
    assert events[0].threshold == 6


def test_clearing_needs_the_clear_hold_and_eases_in_stages() -> None:
    alerts = book(hold=0, clear_hold=20)
    events = run(alerts, [(0, 8)])
    assert [e.level for e in events] == [Level.ALERT]
    # back to 4 (warn) for 30 s, then 0 (ok)
    events = run(alerts, every(5, 5, 35, 4) + every(5, 35, 80, 0))
    assert [(e.at - T0, e.previous, e.level) for e in events] == [
        (25, Level.ALERT, Level.WARN),
        (55, Level.WARN, Level.OK),
    ]
    assert not events[0].ring_bell  # easing never rings the bell
    assert events[1].describe("Infolinia") == "Infolinia: waiting calls 0 - back to normal"


def test_a_brief_dip_does_not_clear() -> None:
    alerts = book(hold=0, clear_hold=20)
    events = run(alerts, [(0, 4), (5, 0), (10, 0), (15, 4), (20, 0), (25, 0), (30, 4)])
    assert [e.level for e in events] == [Level.WARN]


def test_cooldown_silences_flapping_but_not_escalation() -> None:
    alerts = book(hold=0, clear_hold=0, cooldown=300)
    events = run(alerts, [(0, 4), (10, 0), (20, 4), (30, 0), (40, 8), (50, 0), (400, 4)])
    assert [(e.at - T0, e.level, e.notify, e.suppressed) for e in events] == [
        (0, Level.WARN, True, None),
        (10, Level.OK, False, "cooldown"),
        (20, Level.WARN, False, "cooldown"),
        (30, Level.OK, False, "cooldown"),
        (40, Level.ALERT, True, None),  # worse than what was notified
        (50, Level.OK, False, "cooldown"),
        (400, Level.WARN, True, None),  # the cooldown is over
    ]


def test_acknowledge_silences_the_episode_until_it_clears() -> None:
    alerts = book(hold=0, clear_hold=0, cooldown=0)
    run(alerts, [(0, 4)])
    assert alerts.acknowledge(1) == 1
    assert alerts.statuses(1)[0].acknowledged
    events = run(alerts, [(10, 0), (20, 4)])
    assert [(e.level, e.notify, e.suppressed) for e in events] == [
        (Level.OK, False, "acknowledged"),
        (Level.WARN, True, None),  # a new episode
    ]
    assert not alerts.statuses(1)[0].acknowledged


def test_an_acknowledged_warning_that_becomes_an_alert_notifies() -> None:
    alerts = book(hold=0, clear_hold=0, cooldown=0)
    run(alerts, [(0, 4)])
    alerts.acknowledge(1, WAITING)
    events = run(alerts, [(10, 8), (20, 4), (30, 8)])
    assert [(e.level, e.notify) for e in events] == [
        (Level.ALERT, True),
        (Level.WARN, False),
        (Level.ALERT, True),
    ]


def test_acknowledging_an_ok_metric_does_nothing() -> None:
    alerts = book()
    run(alerts, [(0, 0)])
    assert alerts.acknowledge(1) == 0
    assert alerts.acknowledge(2) == 0


def test_mute_per_campaign_with_an_end_time() -> None:
    alerts = book(hold=0, clear_hold=0, cooldown=0)
    alerts.mute(1, until=T0 + 100)
    assert alerts.is_muted(1, T0) and not alerts.is_muted(2, T0)
    assert alerts.muted_until(1, T0) == (True, T0 + 100)
    events = run(alerts, [(0, 4)]) + run(alerts, [(0, 4)], campaign=2)
    assert [(e.campaign_id, e.notify, e.suppressed) for e in events] == [
        (1, False, "muted"),
        (2, True, None),
    ]
    events = run(alerts, [(50, 0), (100, 4)])
    assert [(e.notify, e.suppressed) for e in events] == [(False, "muted"), (True, None)]
    assert not alerts.is_muted(1, T0 + 100)


def test_global_mute_until_unmuted() -> None:
    alerts = book(hold=0, clear_hold=0, cooldown=0)
    alerts.mute()
    assert alerts.is_muted(5, T0 + 10**9) and alerts.is_muted(None, T0)
    assert all(not e.notify for e in run(alerts, [(0, 4)], campaign=5))
    alerts.unmute()
    assert [e.notify for e in run(alerts, [(10, 8)], campaign=5)] == [True]
    alerts.mute(5)
    alerts.unmute(5)
    assert alerts.muted_until(5, T0) == (False, None)


def test_a_muted_change_does_not_start_the_cooldown() -> None:
    alerts = book(hold=0, clear_hold=0, cooldown=300)
    alerts.mute(1, until=T0 + 15)
    events = run(alerts, [(0, 4), (10, 0), (20, 4)])
    assert [(e.notify, e.suppressed) for e in events] == [
        (False, "muted"),
        (False, "muted"),
        (True, None),
    ]


def test_statuses_show_what_is_coming() -> None:
    alerts = book(hold=20, clear_hold=30)
    run(alerts, [(0, 4), (5, 4)])
    (status,) = alerts.statuses(1)
    assert (status.held, status.pending, status.pending_at) == (Level.OK, Level.WARN, T0 + 20)
    assert status.value == 4
    run(alerts, [(20, 4), (25, 0)])
    (status,) = alerts.statuses(1)
    assert (status.held, status.since) == (Level.WARN, T0 + 20)
    assert (status.pending, status.pending_at) == (Level.OK, T0 + 55)


def test_the_shown_level_is_the_rules_level_from_the_first_poll() -> None:
    """The hold delays the noise, never what the screen says."""
    alerts = book(hold=20, clear_hold=30)
    events = run(alerts, [(0, 7)])
    assert events == []  # nothing notifies yet...
    (status,) = alerts.statuses(1)
    assert status.level is Level.ALERT  # ...but the screen says ALERT at once
    assert status.held is Level.OK
    assert status.broken_since == T0
    assert status.holding_until == T0 + 20
    assert alerts.level(1) is Level.ALERT
    assert alerts.held_level(1) is Level.OK
    assert alerts.holding_until(1) == T0 + 20


def test_the_shown_level_eases_at_once_while_the_held_level_waits() -> None:
    alerts = book(hold=0, clear_hold=30)
    run(alerts, [(0, 7), (5, 0)])
    assert alerts.level(1) is Level.OK  # the figures are fine again: the screen says so
    assert alerts.held_level(1) is Level.ALERT  # the episode clears after clear_hold
    assert alerts.holding_until(1) is None


def test_holding_until_is_none_once_the_hold_has_passed() -> None:
    alerts = book(hold=20)
    run(alerts, [(0, 7), (20, 7)])
    assert alerts.level(1) is Level.ALERT
    assert alerts.held_level(1) is Level.ALERT
    assert alerts.holding_until(1) is None


def test_unmeasurable_values_count_as_ok() -> None:
    alerts = AlertBook(load_alert_config({"default": {"sla": {"hold": 0, "clear_hold": 0}}}))
    events = alerts.evaluate(1, {AlertMetric.SLA: 50}, T0)
    assert [e.level for e in events] == [Level.ALERT]
    events = alerts.evaluate(1, {AlertMetric.SLA: None}, T0 + 5)
    assert [e.level for e in events] == [Level.OK]


def test_describe() -> None:
    alerts = AlertBook(
        load_alert_config({"default": {"longest_wait": {"hold": 0}, "sla": {"hold": 0}}})
    )
    events = alerts.evaluate(1, {AlertMetric.LONGEST_WAIT: 95.4, AlertMetric.SLA: 71}, T0)
    texts = sorted(e.describe("Infolinia") for e in events)
    assert texts == [
        "Infolinia: SLA 71 % - warn (at 80 %)",
        "Infolinia: longest wait 95 s - warn (at 60 s)",
    ]


def test_new_rules_keep_states_and_forget_disabled_metrics() -> None:
    alerts = book(hold=0)
    run(alerts, [(0, 8)])
    alerts.set_config(load_alert_config({"1": {"waiting_calls": {"warn": 50, "alert": 60}}}))
    assert alerts.level(1) is Level.ALERT  # eases only through the hold, not by a config change
    events = run(alerts, every(5, 5, 40, 8))
    assert [(e.at - T0, e.level) for e in events] == [(25, Level.OK)]  # 5 + 20 s of hold
    alerts.set_config(load_alert_config({"1": {"waiting_calls": {"enabled": False}}}))
    assert [s.metric for s in alerts.statuses(1)] == [
        AlertMetric.LONGEST_WAIT,
        AlertMetric.SLA,
        AlertMetric.FREE_AGENTS,
    ]
    alerts.forget(1)
    assert alerts.level(1) is Level.OK


def test_recent_events_are_bounded() -> None:
    alerts = book(hold=0, clear_hold=0, cooldown=0)
    run(alerts, [(t, 4 if t % 2 else 0) for t in range(1000)])
    assert len(alerts.recent_events) == 200
