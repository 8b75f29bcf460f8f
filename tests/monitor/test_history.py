"""SampleHistory: a ring buffer that keeps the last hour and squeezes it into sparkline buckets."""

from __future__ import annotations

import pytest

from spikon_tui.monitor.history import Sample, SampleHistory

T0 = 1_000_000.0


def sample(
    at: float, waiting: int = 0, sla: int | None = 90, longest: float | None = 0.0
) -> Sample:
    return Sample(
        at=at, calls_waiting=waiting, longest_wait=longest, sla=sla, free_agents=2, busy_members=3
    )


def test_keeps_the_last_hour_and_drops_older_samples() -> None:
    history = SampleHistory(3600, min_interval=1.0)
    for second in range(0, 7200, 5):
        history.append(sample(T0 + second))
    samples = list(history)
    assert samples[-1].at == T0 + 7195
    assert samples[0].at == T0 + 7195 - 3600
    assert len(history) == 721


def test_length_never_exceeds_capacity_even_when_polled_too_fast() -> None:
    history = SampleHistory(60, min_interval=1.0)
    assert history.capacity == 61
    for step in range(1000):
        history.append(sample(T0 + step * 0.1))
    assert len(history) == 61
    assert history.latest is not None and history.latest.at == pytest.approx(T0 + 99.9)


def test_a_clock_set_back_keeps_the_history_in_order() -> None:
    history = SampleHistory(3600)
    history.append(sample(T0 + 100, waiting=1))
    history.append(sample(T0 + 50, waiting=2))
    assert [s.at for s in history] == [T0 + 100, T0 + 100]
    assert [s.calls_waiting for s in history] == [1, 2]


def test_values_of_the_last_n_seconds() -> None:
    history = SampleHistory(3600)
    for second in range(0, 100, 10):
        history.append(sample(T0 + second, waiting=second // 10))
    points = history.values("calls_waiting", 30, now=T0 + 90)
    assert points == [(T0 + 70, 7), (T0 + 80, 8), (T0 + 90, 9)]
    assert history.values("calls_waiting", 30, now=T0 + 65) == [
        (T0 + 40, 4),
        (T0 + 50, 5),
        (T0 + 60, 6),
    ]


def test_buckets_take_the_maximum_of_waiting_calls_and_leave_gaps_as_none() -> None:
    history = SampleHistory(3600)
    now = T0 + 3600
    # minute 0 (oldest bucket): 1, 4, 2; minute 1: nothing; minute 59 (newest): 3
    for offset, waiting in ((10, 1), (20, 4), (50, 2), (3590, 3), (3600, 0)):
        history.append(sample(T0 + offset, waiting=waiting))
    buckets = history.buckets("calls_waiting", span=3600, count=60, now=now)
    assert len(buckets) == 60
    assert buckets[0] == 4
    assert buckets[1] is None
    assert buckets[58] is None
    assert buckets[59] == 3


def test_buckets_take_the_last_sla_and_skip_unmeasured_values() -> None:
    history = SampleHistory(3600)
    for offset, sla in ((5, 90), (30, 70), (55, None), (65, None)):
        history.append(sample(T0 + offset, sla=sla))
    # (T0, T0+60]: 90, 70, None -> 70; (T0+60, T0+120]: only None -> no data
    assert history.buckets("sla", span=120, count=2, now=T0 + 120, how="last") == [70, None]
    assert history.buckets("sla", span=120, count=2, now=T0 + 60, how="last") == [None, 70]


def test_bucket_edges_are_half_open() -> None:
    history = SampleHistory(3600)
    history.append(sample(T0 + 60, waiting=5))  # exactly on the edge of the first bucket
    history.append(sample(T0 + 61, waiting=7))
    assert history.buckets("calls_waiting", span=120, count=2, now=T0 + 120) == [5, 7]
    assert history.buckets("calls_waiting", span=120, count=2, now=T0 + 180) == [7, None]


@pytest.mark.parametrize("how, expected", [("min", 1), ("max", 4), ("mean", 2.5), ("last", 4)])
def test_other_aggregates(how: str, expected: float) -> None:
    history = SampleHistory(3600)
    for offset, waiting in ((1, 1), (2, 3), (3, 2), (4, 4)):
        history.append(sample(T0 + offset, waiting=waiting))
    assert history.buckets("calls_waiting", span=10, count=1, now=T0 + 10, how=how) == [expected]


def test_unknown_metric_and_aggregate_are_refused() -> None:
    history = SampleHistory(3600)
    with pytest.raises(ValueError, match="unknown metric"):
        history.values("queue", 10, now=T0)
    with pytest.raises(ValueError, match="unknown aggregate"):
        history.buckets("sla", span=10, count=1, now=T0, how="median")
