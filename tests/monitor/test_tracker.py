"""MonitorTracker: polls and failures in, immutable views out, everything kept consistent."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from spikon_tui.api.errors import ApiTurnedOffError, ConnectionFailedError
from spikon_tui.api.models import CcCampaign
from spikon_tui.monitor.alert_rules import AlertMetric, Level, load_alert_config
from spikon_tui.monitor.recorder import PollRecorder
from spikon_tui.monitor.tracker import MonitorTracker
from spikon_tui.monitor.waiting import WaitLevel
from tests.monitor.builders import START, FakeClock, call, member, monitor

AGENTS = [member("101", name="Anna Nowak"), member("102", "Rozmawia", name="Jan Kowalski")]


def tracker(clock: FakeClock, **options) -> MonitorTracker:
    options.setdefault("interval", 5.0)
    options.setdefault("random_source", lambda: 0.0)
    result = MonitorTracker(clock=clock, **options)
    result.set_campaigns([CcCampaign(1, "Infolinia"), CcCampaign(2, "Sprzedaż")])
    return result


def test_a_poll_fills_the_detail_view() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(
        1, monitor(AGENTS, [call(10, 1, "a"), call(20, 2, "b")], answered=5, sla=80), latency=0.2
    )
    clock.advance(3)
    view = monitor_tracker.view(1)
    assert view.name == "Infolinia" and view.now == START + 3
    assert view.freshness.age == 3 and view.freshness.latency == 0.2 and not view.stale
    assert [(row.call.number, row.wait, row.level) for row in view.waiting] == [
        ("b", 23, WaitLevel.WARN),
        ("a", 13, WaitLevel.NORMAL),
    ]
    assert [(a.name, a.state, a.free_while_calls_wait) for a in view.agents] == [
        ("Anna Nowak", "free", True),
        ("Jan Kowalski", "talking", False),
    ]
    assert view.figures is not None and view.figures.sla == 80
    assert [f.window for f in view.intervals] == [900, 3600]
    assert view.interval(900) is not None and view.interval(901) is None
    assert view.waiting_trend.values[-1] == 2 and view.waiting_trend.has_data
    assert view.sla_trend.values[-1] == 80 and view.sla_trend.values[0] is None
    assert len(view.waiting_trend.values) == 60


def test_view_is_a_snapshot_that_later_polls_do_not_change() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(1, monitor(AGENTS, [call(10)]))
    frozen = monitor_tracker.view(1)
    clock.advance(5)
    monitor_tracker.ingest(1, monitor(AGENTS, []))
    assert len(frozen.waiting) == 1 and frozen.figures is not None
    assert frozen.figures.calls_waiting == 1
    with pytest.raises(AttributeError):
        frozen.name = "x"  # type: ignore[misc]


def test_failures_keep_the_figures_and_mark_them_stale() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock, grace=2)
    monitor_tracker.ingest(1, monitor(AGENTS, [call(10)], answered=3))
    for _ in range(3):
        clock.advance(5)
        monitor_tracker.ingest_failure(1, ConnectionFailedError("Could not connect."))
    view = monitor_tracker.view(1)
    assert view.stale and view.freshness.age == 15 and view.freshness.failures_in_row == 3
    assert view.freshness.last_error == "Could not connect."
    assert view.figures is not None and view.figures.answered == 3  # never replaced by zeros
    assert view.waiting[0].wait == 10 + 12  # counting stopped when the data went stale
    assert monitor_tracker.next_delay(1) == 20
    assert monitor_tracker.summary(1).stale


def test_fatal_errors_poll_slowly_and_say_why() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest_failure(1, ApiTurnedOffError(code=-4))
    assert (
        monitor_tracker.fatal_reason is not None and "switched off" in monitor_tracker.fatal_reason
    )
    assert monitor_tracker.next_delay(1) == 60
    assert monitor_tracker.next_delay() == 60
    view = monitor_tracker.view(1)
    assert not view.freshness.loaded and view.snapshot is None and view.waiting == ()
    monitor_tracker.ingest(1, monitor(AGENTS))
    assert monitor_tracker.fatal_reason is None and monitor_tracker.next_delay() == 5


def test_one_failing_campaign_does_not_slow_the_others() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(1, monitor(AGENTS))
    for _ in range(4):
        monitor_tracker.ingest_failure(2, ConnectionFailedError("refused"))
    assert monitor_tracker.next_delay() == 5
    assert monitor_tracker.next_delay(2) == 40
    assert monitor_tracker.next_delay(77) == 5  # never polled


def test_counter_resets_are_returned_and_kept() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(1, monitor(answered=50, unanswered=5))
    clock.advance(5)
    outcome = monitor_tracker.ingest(1, monitor(answered=2, unanswered=5))
    assert [(r.counter, r.before, r.after, r.at) for r in outcome.resets] == [
        ("answered", 50, 2, START + 5)
    ]
    assert list(monitor_tracker.recent_resets) == list(outcome.resets)
    assert monitor_tracker.view(1).last_reset == outcome.resets[0]


def test_alerts_fire_from_polls_after_their_hold() -> None:
    clock = FakeClock()
    config = load_alert_config({"1": {"waiting_calls": {"warn": 2, "alert": 4, "hold": 10}}})
    monitor_tracker = tracker(clock, alert_config=config)
    waiting = [call(1, n) for n in range(1, 4)]
    notified = []
    for _ in range(4):
        outcome = monitor_tracker.ingest(1, monitor(AGENTS, waiting, answered=10, sla=95))
        notified += outcome.notifications
        clock.advance(5)
    assert [(e.metric, e.level, e.at) for e in notified] == [
        (AlertMetric.WAITING_CALLS, Level.WARN, START + 10)
    ]
    view = monitor_tracker.view(1)
    assert view.level is Level.WARN
    assert monitor_tracker.overview()[0].campaign_id == 1
    monitor_tracker.alerts.mute(1)
    assert monitor_tracker.view(1).muted


def test_overview_ranks_loaded_campaigns_and_lists_the_rest() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(1, monitor(AGENTS, [], answered=10, sla=70))
    monitor_tracker.ingest(3, monitor(AGENTS, [call(40)], answered=10, sla=90))
    clock.advance(2)
    rows = monitor_tracker.overview()
    assert [(r.campaign_id, r.name) for r in rows] == [
        (3, "Campaign 3"),
        (1, "Infolinia"),
        (2, "Sprzedaż"),
    ]
    assert rows[0].longest_wait == 42 and rows[1].longest_wait == 0
    assert rows[1].sla_shortfall == 10 and not rows[2].loaded
    monitor_tracker.forget(3)
    assert [r.campaign_id for r in monitor_tracker.overview()] == [1, 2]


def test_staffing_effects_use_the_names() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    monitor_tracker.ingest(1, monitor(AGENTS, [call(5, n) for n in range(1, 5)]))
    effect = monitor_tracker.effect_of_removing("101", 1)
    assert effect.text == "Infolinia would have 0 free agents with 4 calls waiting"
    assert monitor_tracker.effect_of_adding("101", 2).text.startswith("No figures for Sprzedaż")


def test_interval_is_validated_and_changes_staleness() -> None:
    clock = FakeClock()
    with pytest.raises(ValueError, match="at least 1 s"):
        tracker(clock, interval=0.5)
    monitor_tracker = tracker(clock, grace=0)
    monitor_tracker.ingest(1, monitor())
    clock.advance(15)
    assert monitor_tracker.view(1).stale
    monitor_tracker.set_interval(10)
    assert not monitor_tracker.view(1).stale
    with pytest.raises(ValueError):
        monitor_tracker.set_interval(True)  # type: ignore[arg-type]


def test_recording_and_csv_export(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "rec.jsonl"
    recorder = PollRecorder(path)
    monitor_tracker = tracker(clock, recorder=recorder)
    for step in range(4):
        monitor_tracker.ingest(1, monitor(AGENTS, answered=10 + step, unanswered=step), latency=0.1)
        clock.advance(60)
    monitor_tracker.ingest_failure(1, "boom")
    recorder.close()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    polls = [line for line in lines if "alert" not in line]
    assert [line["ok"] for line in polls] == [True] * 4 + [False]
    csv_path = tmp_path / "figures.csv"
    assert monitor_tracker.export_csv(str(csv_path)) == 2
    with csv_path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["campaign_name"], r["window_minutes"], r["offered"]) for r in rows] == [
        ("Infolinia", "15", "6"),
        ("Infolinia", "60", "6"),
    ]
    assert rows[0]["covered_seconds"] == "180"


def test_a_recording_that_fails_stops_without_stopping_the_monitor(tmp_path: Path) -> None:
    class FullDisk(PollRecorder):
        def write(self, record: dict) -> None:
            raise OSError(28, "No space left on device")

    clock = FakeClock()
    monitor_tracker = tracker(clock, recorder=FullDisk(tmp_path / "rec.jsonl"))
    monitor_tracker.ingest(1, monitor(AGENTS))
    assert monitor_tracker.recorder is None
    assert monitor_tracker.recorder_error is not None
    assert "No space left on device" in monitor_tracker.recorder_error
    monitor_tracker.ingest(1, monitor(AGENTS))
    assert monitor_tracker.view(1).freshness.loaded


def test_looking_at_an_unknown_campaign_does_not_start_tracking_it() -> None:
    clock = FakeClock()
    monitor_tracker = tracker(clock)
    view = monitor_tracker.view(9)
    assert view.snapshot is None and view.agents == () and not view.freshness.loaded
    assert view.name == "Campaign 9" and not view.waiting_trend.has_data
    assert monitor_tracker.buffer_lengths(9)["history"] == 0
    assert 9 not in monitor_tracker.campaign_ids
