"""Totals under a report: calls, answered share, talk time, average per answered call."""

from __future__ import annotations

from datetime import datetime

from spikon_tui.api.models import CallRecord
from spikon_tui.calls.totals import CallFigures, CallTotals, describe_totals


def call(duration: int, state: str) -> CallRecord:
    return CallRecord(datetime(2025, 6, 15, 9, 0), "501234567", "587201213", duration, state, "")


CALLS = [
    call(120, "Odebrane"),
    call(0, "Nieodebrane"),
    call(300, "Odebrane"),
    call(0, "Zajęte"),
    call(61, "Odebrane"),
]


def test_the_totals_of_every_call() -> None:
    figures = CallFigures(CALLS)
    assert figures.all == CallTotals(calls=5, answered=3, talk_seconds=481)
    assert figures.all.answered_share == 0.6
    assert round(figures.all.average_seconds, 3) == 160.333


def test_the_totals_of_the_calls_a_filter_leaves() -> None:
    figures = CallFigures(CALLS)
    assert figures.totals([1, 2]) == CallTotals(calls=2, answered=1, talk_seconds=300)
    assert figures.totals([]) == CallTotals(0, 0, 0)
    assert figures.totals([]).answered_share == 0.0 and figures.totals([]).average_seconds == 0


def test_the_totals_line_reads_well() -> None:
    figures = CallFigures(CALLS)
    assert describe_totals(figures.all, 5) == (
        "5 calls · 60% answered · 8 min 01 s talked · 2 min 40 s per answered call"
    )
    assert describe_totals(figures.totals([1, 2]), 5) == (
        "2 of 5 calls · 50% answered · 5 min 00 s talked · 5 min 00 s per answered call"
    )
    assert describe_totals(figures.totals([1]), 5) == "1 of 5 calls · 0% answered · 0 s talked"
    assert describe_totals(figures.totals([]), 5) == "0 of 5 calls"
    assert describe_totals(CallTotals(0, 0, 0), 0) == "0 calls"


def test_big_counts_are_grouped() -> None:
    assert describe_totals(CallTotals(1500, 0, 0), 50_000).startswith("1 500 of 50 000 calls")
