"""CounterTracker: interval figures from cumulative counters, resets, and stated coverage."""

from __future__ import annotations

import pytest

from spikon_tui.monitor.counters import CounterTracker, ResetEvent

T0 = 1_000_000.0


def feed(tracker: CounterTracker, polls: list[tuple[float, int, int]]) -> list[ResetEvent]:
    found: list[ResetEvent] = []
    for offset, answered, unanswered in polls:
        found += tracker.observe(T0 + offset, answered, unanswered)
    return found


def test_deltas_between_polls_make_offered_answered_abandoned() -> None:
    tracker = CounterTracker(1)
    feed(tracker, [(0, 100, 10), (60, 104, 10), (120, 110, 12), (180, 110, 13)])
    figures = tracker.figures(900, now=T0 + 180)
    assert (figures.answered, figures.abandoned, figures.offered) == (10, 3, 13)
    assert figures.abandon_rate == pytest.approx(3 / 13)
    assert figures.covered == 180
    assert figures.since == T0
    assert not figures.complete


def test_the_first_poll_is_only_a_baseline() -> None:
    tracker = CounterTracker(1)
    feed(tracker, [(0, 500, 50)])
    figures = tracker.figures(900, now=T0)
    assert (figures.offered, figures.covered, figures.since) == (0, 0.0, None)
    assert figures.abandon_rate is None


def test_windows_count_only_intervals_wholly_inside() -> None:
    tracker = CounterTracker(1)
    polls = [(second, second // 10, 0) for second in range(0, 3601, 10)]  # one answer per 10 s
    feed(tracker, polls)
    quarter = tracker.figures(900, now=T0 + 3600)
    hour = tracker.figures(3600, now=T0 + 3600)
    assert (quarter.answered, quarter.covered, quarter.complete) == (90, 900, True)
    assert (hour.answered, hour.covered, hour.complete) == (360, 3600, True)
    later = tracker.figures(900, now=T0 + 3605)  # the oldest interval now straddles the edge
    assert (later.answered, later.covered) == (89, 890)


def test_coverage_tells_how_much_of_the_window_has_data() -> None:
    tracker = CounterTracker(1)
    feed(tracker, [(second, second // 6, second // 60) for second in range(0, 361, 6)])
    figures = tracker.figures(900, now=T0 + 360)
    assert figures.covered == 360  # "last 15 min", but only 6 min of data so far
    assert not figures.complete
    assert (figures.answered, figures.abandoned) == (60, 6)


def test_a_counter_going_backwards_is_a_reset_not_a_negative_delta() -> None:
    tracker = CounterTracker(7)
    resets = feed(tracker, [(0, 100, 10), (60, 110, 12), (120, 3, 12), (180, 8, 13)])
    assert resets == [ResetEvent(T0 + 120, 7, "answered", 110, 3)]
    figures = tracker.figures(900, now=T0 + 180)
    # 0-60: +10/+2; 60-120 (the reset) is not counted; 120-180: +5/+1
    assert (figures.answered, figures.abandoned) == (15, 3)
    assert figures.covered == 120
    assert figures.resets == (resets[0],)
    assert tracker.last_reset == resets[0]


def test_a_reset_of_both_counters_records_both() -> None:
    tracker = CounterTracker(2)
    resets = feed(tracker, [(0, 100, 10), (5, 0, 0)])
    assert [(r.counter, r.before, r.after) for r in resets] == [
        ("answered", 100, 0),
        ("unanswered", 10, 0),
    ]
    assert tracker.figures(900, now=T0 + 5).offered == 0


def test_failed_polls_in_between_are_covered_by_the_next_good_one() -> None:
    tracker = CounterTracker(1)
    feed(tracker, [(0, 10, 1), (300, 40, 4)])  # polls at 5..295 s failed
    figures = tracker.figures(900, now=T0 + 300)
    assert (figures.answered, figures.abandoned, figures.covered) == (30, 3, 300)


def test_old_intervals_are_dropped() -> None:
    tracker = CounterTracker(1, keep_seconds=3600, min_interval=1)
    feed(tracker, [(second, second, 0) for second in range(0, 20_000, 5)])
    assert tracker.interval_count == 720
    resets = CounterTracker(1)
    for step in range(100):
        resets.observe(T0 + step * 2, 10, 0)
        resets.observe(T0 + step * 2 + 1, 0, 0)
    assert len(resets.resets) == 20  # only the latest resets are kept


def test_a_clock_standing_still_gives_no_interval() -> None:
    tracker = CounterTracker(1)
    feed(tracker, [(10, 5, 0), (10, 9, 0), (5, 12, 0)])
    assert tracker.interval_count == 0
