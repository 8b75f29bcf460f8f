"""WaitingCalls: waits count on between polls, longest first; yellow at half the SLA, red past."""

from __future__ import annotations

import pytest

from spikon_tui.monitor.waiting import WaitingCalls, WaitLevel, wait_level
from tests.monitor.builders import call

T0 = 1_000_000.0


def test_current_wait_keeps_counting_after_the_poll() -> None:
    first = call(10, position=1)
    waiting = WaitingCalls([first], polled_at=T0, measured_sla=30)
    assert waiting.current_wait(first, T0) == 10
    assert waiting.current_wait(first, T0 + 7) == 17
    assert waiting.current_wait(first, T0 - 3) == 10  # a clock read before the poll adds nothing


def test_rows_are_longest_first_with_unknown_waits_last() -> None:
    calls = [call(5, 1, "a"), call(None, 2, "b"), call(40, 3, "c"), call(15, 4, "d")]
    rows = WaitingCalls(calls, polled_at=T0, measured_sla=30).rows(T0 + 1)
    assert [row.call.number for row in rows] == ["c", "d", "a", "b"]
    assert [row.wait for row in rows] == [41, 16, 6, None]
    assert [row.level for row in rows] == [
        WaitLevel.ALERT,
        WaitLevel.WARN,
        WaitLevel.NORMAL,
        WaitLevel.NORMAL,
    ]


def test_a_call_turns_yellow_then_red_as_time_passes() -> None:
    waiting = WaitingCalls([call(10)], polled_at=T0, measured_sla=30)
    assert waiting.rows(T0 + 4)[0].level is WaitLevel.NORMAL  # 14 s
    assert waiting.rows(T0 + 5)[0].level is WaitLevel.WARN  # 15 s: half of 30
    assert waiting.rows(T0 + 20)[0].level is WaitLevel.WARN  # 30 s: not past yet
    assert waiting.rows(T0 + 21)[0].level is WaitLevel.ALERT


@pytest.mark.parametrize("wait", [None, 0.0, 1000.0])
def test_no_levels_without_a_measured_sla(wait: float | None) -> None:
    assert wait_level(wait, 0) is WaitLevel.NORMAL


def test_counting_stops_at_the_extrapolation_limit() -> None:
    only = call(10)
    waiting = WaitingCalls([only], polled_at=T0, measured_sla=30, max_extrapolation=12)
    assert waiting.current_wait(only, T0 + 600) == 22
    assert waiting.longest(T0 + 600) == 22


def test_longest() -> None:
    waiting = WaitingCalls([call(3), call(None), call(8)], polled_at=T0, measured_sla=30)
    assert waiting.longest(T0 + 2) == 10
    assert WaitingCalls([call(None)], polled_at=T0, measured_sla=30).longest(T0) is None
    assert WaitingCalls([], polled_at=T0, measured_sla=30).longest(T0) is None
