"""The alert log: the shown level from the first poll, episodes with their reasons, acknowledge,
mute, clear, the JSON payload, the recording and the CSV export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from spikon_tui.api.models import CcCampaign, CcMonitor
from spikon_tui.monitor.alert_log import (
    AlertLog,
    iso_time,
    payload,
    write_alert_csv,
)
from spikon_tui.monitor.alert_rules import AlertMetric, Level, load_alert_config
from spikon_tui.monitor.alerts import AlertEvent
from spikon_tui.monitor.recorder import PollRecorder
from spikon_tui.monitor.tracker import MonitorTracker
from tests.monitor.builders import START, FakeClock, call, member, monitor

BUSY = [member("101", "Rozmawia"), member("102", "Rozmawia")]
ONE_FREE = [member("101", "Wolny"), member("102", "Rozmawia")]
QUEUE = [call(62, 1), call(40, 2), call(30, 3), call(5, 4)]
ONLY_FREE_AGENTS = {
    "default": {
        "waiting_calls": {"enabled": False},
        "longest_wait": {"enabled": False},
        "sla": {"enabled": False},
        "free_agents": {"warn": 1, "alert": 0, "hold": 30, "cooldown": 300},
    }
}


def tracker(clock: FakeClock, rules: dict | None = None, **options) -> MonitorTracker:
    result = MonitorTracker(
        clock=clock,
        interval=5.0,
        random_source=lambda: 0.0,
        alert_config=load_alert_config(rules or ONLY_FREE_AGENTS),
        **options,
    )
    result.set_campaigns([CcCampaign(1, "Infolinia"), CcCampaign(2, "=Sprzedaż")])
    return result


def failing_queue() -> CcMonitor:
    return monitor(BUSY, QUEUE, answered=40, sla=57, measured_sla=20)


def test_the_first_poll_shows_the_level_the_figures_break_while_the_noise_waits() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    outcome = monitor_tracker.ingest(1, failing_queue())
    assert outcome.notifications == ()  # the hold keeps the noise down...
    (summary,) = [s for s in monitor_tracker.overview() if s.campaign_id == 1]
    assert summary.level is Level.ALERT  # ...never what the screen says
    assert summary.holding_until == START + 30
    view = monitor_tracker.view(1)
    assert view.level is Level.ALERT and view.holding_until == START + 30
    assert len(monitor_tracker.alert_log) == 0


def test_the_default_rules_never_say_ok_for_a_failing_queue() -> None:
    """4 waiting, the longest 1:02 against a 20 s SLA, nobody free, SLA 57 % against 80 %."""
    clock = FakeClock()
    monitor_tracker = MonitorTracker(clock=clock, interval=5.0, random_source=lambda: 0.0)
    monitor_tracker.set_campaigns([CcCampaign(1, "Infolinia")])
    monitor_tracker.ingest(1, failing_queue())
    assert monitor_tracker.overview()[0].level is Level.ALERT
    levels = {status.metric: status.level for status in monitor_tracker.view(1).alerts}
    assert levels[AlertMetric.FREE_AGENTS] is Level.ALERT
    assert levels[AlertMetric.SLA] is Level.ALERT
    assert levels[AlertMetric.WAITING_CALLS] is Level.WARN


def test_an_alert_raised_acknowledged_and_cleared_is_kept_with_its_reason() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(1, failing_queue())
    clock.advance(30)
    outcome = monitor_tracker.ingest(1, failing_queue())
    (change,) = outcome.changes
    assert (change.kind, change.notify) == ("raised", True)
    entry = change.entry
    assert (entry.campaign, entry.metric, entry.level) == (
        "Infolinia",
        AlertMetric.FREE_AGENTS,
        Level.ALERT,
    )
    assert entry.since == START  # when the figures first broke the rule, not when it rang
    assert entry.raised_at == START + 30
    assert entry.reason.startswith("free agents 0 (alert at ≤ 0)")
    assert "waiting calls 4" in entry.reason
    assert "longest wait 1:02 (SLA 20 s)" in entry.reason

    clock.advance(5)
    assert monitor_tracker.acknowledge(1) == 1
    assert entry.acknowledged_at == START + 35
    assert monitor_tracker.alert_log.active_count(now=clock(), unattended_only=True) == 0
    assert monitor_tracker.alert_log.active_count() == 1

    clock.advance(5)
    monitor_tracker.ingest(1, monitor(ONE_FREE, [], answered=41, sla=60))
    assert entry.cleared_at is None  # easing waits for clear_hold (= hold, 30 s)
    clock.advance(30)
    outcome = monitor_tracker.ingest(1, monitor(ONE_FREE, [], answered=42, sla=61))
    kinds = [(c.kind, c.entry.level) for c in outcome.changes]
    assert kinds == [("eased", Level.WARN)]
    clock.advance(30)
    two_free = ONE_FREE + [member("103")]
    assert monitor_tracker.ingest(1, monitor(two_free, [], answered=43)).changes == ()
    clock.advance(30)
    outcome = monitor_tracker.ingest(1, monitor(two_free, [], answered=44))
    assert [c.kind for c in outcome.changes] == ["cleared"]
    assert entry.cleared_at == START + 130
    assert entry.worst is Level.ALERT
    assert monitor_tracker.alert_log.entries() == [entry]
    assert monitor_tracker.alert_log.active() == []


def test_mute_marks_the_open_episodes_and_ones_raised_while_muted() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.mute(1, until=START + 600)
    monitor_tracker.ingest(1, failing_queue())
    clock.advance(30)
    (change,) = monitor_tracker.ingest(1, failing_queue()).changes
    assert not change.notify
    assert change.entry.muted and change.entry.muted_until == START + 600
    assert change.entry.muted_at(START + 599) and not change.entry.muted_at(START + 600)
    monitor_tracker.unmute(1)
    assert not change.entry.muted


def test_the_log_keeps_a_bounded_number_of_entries() -> None:
    log = AlertLog(kept=3)
    for number in range(10):
        for level, previous in ((Level.ALERT, Level.OK), (Level.OK, Level.ALERT)):
            event = AlertEvent(
                float(number), number, AlertMetric.SLA, previous, level, 50, 60, notify=True
            )
            log.take(event, campaign=f"c{number}", reason="r")
    assert [entry.campaign_id for entry in log.entries()] == [7, 8, 9]
    assert log.entries()[-1].number == 10


def test_payload_is_json_with_english_fields_and_no_secret() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(1, failing_queue())
    clock.advance(30)
    (change,) = monitor_tracker.ingest(1, failing_queue()).changes
    data = payload(change.kind, change.entry, profile="biuro")
    assert json.loads(json.dumps(data)) == data
    assert data["event"] == "raised" and data["level"] == "alert"
    assert data["metric"] == "free_agents" and data["campaign"] == "Infolinia"
    assert data["profile"] == "biuro"
    assert data["since"] == iso_time(START) and data["cleared_at"] is None
    assert "key" not in json.dumps(data).lower()


def test_alert_changes_and_acknowledgements_are_recorded(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "polls.jsonl"
    recorder = PollRecorder(path)
    monitor_tracker = tracker(clock, recorder=recorder)
    monitor_tracker.ingest(1, failing_queue())
    clock.advance(30)
    monitor_tracker.ingest(1, failing_queue())
    monitor_tracker.acknowledge(1)
    recorder.close()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    alerts = [line["alert"] for line in lines if "alert" in line]
    assert [(a["event"], a["metric"]) for a in alerts] == [
        ("raised", "free_agents"),
        ("acknowledged", "free_agents"),
    ]
    assert alerts[1]["acknowledged_at"] == iso_time(START + 30)


def test_csv_export_guards_formulas_and_leaves_unknowns_empty() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(2, failing_queue())
    clock.advance(30)
    monitor_tracker.ingest(2, failing_queue())
    stream = io.StringIO()
    assert write_alert_csv(stream, monitor_tracker.alert_log.entries()) == 1
    (row,) = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert row["campaign"] == "'=Sprzedaż"
    assert row["cleared_at"] == "" and row["muted"] == "false"
    assert row["level"] == "alert"
