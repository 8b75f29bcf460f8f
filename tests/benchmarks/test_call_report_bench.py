"""Benchmark: a call history report of 50,000 calls against a 100-call baseline.

Measured headless at 120x40 in this process, on the report view the Call
history screen uses: the time from `show()` until the table's first frame with
the calls is rendered, and from one filter keystroke (the filter box's value
changing) until the filtered frame is rendered. Also printed: preparing the
rows (done off the UI thread by the screen) and the totals of the calls a
filter leaves (worked out just after typing stops; here half the calls). Figures
are medians with their ratio to the baseline; wall-clock time is never asserted.
What is asserted: no frame renders more lines than the viewport holds, and first
paint stays within a generous ratio of the baseline (it must not grow with the
number of calls).
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip

from spikon_tui.api.models import CallRecord
from spikon_tui.api.validation import CallDirection
from spikon_tui.ui.screens.call_history.report import CallReportView, LoadedReport

pytestmark = pytest.mark.benchmark

SIZE = (120, 40)
BIG = 50_000
BASELINE = 100
REPEATS = 5
FIRST_PAINT_RATIO_BOUND = 25.0
"""Generous: first paint renders one screen of rows, whatever their number."""

STATES = ("Odebrane", "Odebrane", "Odebrane", "Nieodebrane", "Zajęte", "Nieudane")
OWN = ("587201213", "587201222", "587201239")
NEWEST = datetime(2025, 6, 15, 17, 0, 0)


def make_calls(count: int) -> list[CallRecord]:
    """`count` calls, newest first, a few minutes apart, as call_list/show would give them."""
    calls = []
    for i in range(count):
        other = f"{500_000_000 + (i * 7919) % 99_999_999}"
        incoming = i % 5 < 3
        state = STATES[i % len(STATES)]
        answered = state == "Odebrane"
        file = f"https://panel.spikon.pl/channels/lists/call/get_playback_file?id={i}"
        calls.append(
            CallRecord(
                date=NEWEST - timedelta(minutes=3 * i),
                src=other if incoming else OWN[i % 3],
                dst=OWN[i % 3] if incoming else other,
                duration=(i * 37) % 900 if answered else 0,
                state=state,
                file=file if answered and i % 4 == 0 else "",
            )
        )
    return calls


class BenchApp(App[None]):
    def compose(self) -> ComposeResult:
        yield CallReportView(id="report-view")


class Frames:
    """When the table finished rendering each frame, and how many lines it rendered."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.line_counts: list[int] = []

    def first_after(self, start: float) -> float | None:
        return next((t for t in self.times if t > start), None)


def count_frames(view: CallReportView) -> Frames:
    """Wrap the table's rendering to note every frame (an instance attribute shadows the method)."""
    table = view.table
    frames = Frames()
    render_lines = table.render_lines

    def counted(crop: Region) -> list[Strip]:
        strips = render_lines(crop)
        frames.line_counts.append(len(strips))
        frames.times.append(time.perf_counter())
        return strips

    table.render_lines = counted  # type: ignore[method-assign]
    return frames


async def wait_for(condition: Callable[[], object], start: float) -> float:
    deadline = start + 60
    while not condition():
        assert time.perf_counter() < deadline, "timed out"
        await asyncio.sleep(0.0005)
    return (time.perf_counter() - start) * 1000


async def time_until_painted(frames: Frames, action: Callable[[], None]) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    await wait_for(lambda: frames.first_after(start), start)
    painted = frames.first_after(start)
    assert painted is not None
    return (painted - start) * 1000


@dataclass
class Figures:
    """Medians in milliseconds, and the most lines any frame rendered."""

    build: float
    first_paint: float
    keystroke: float
    totals: float
    widest_frame: int


async def measure(count: int) -> Figures:
    calls = make_calls(count)
    app = BenchApp()
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(CallReportView)
        frames = count_frames(view)
        await pilot.pause()
        builds, paints, keystrokes, totals = [], [], [], []
        needle = "5001"
        expected = sum(needle in call.src or needle in call.dst for call in calls)
        for _ in range(REPEATS):
            start = time.perf_counter()
            report = LoadedReport.build(1, calls)
            builds.append((time.perf_counter() - start) * 1000)
            paints.append(
                await time_until_painted(
                    frames, lambda report=report: view.show(report, "bench", CallDirection.BOTH)
                )
            )
            await wait_for(lambda: view.table.search_ready, time.perf_counter())
            await pilot.pause()
            assert view.table.row_count == count
            # One keystroke into the filter box: a pass over every call.
            field = view.filter_input

            def type_digit(field=field) -> None:
                field.value = needle

            keystrokes.append(await time_until_painted(frames, type_digit))
            await wait_for(lambda: not view.totals_pending, time.perf_counter())
            assert view.table.visible_row_count == expected
            assert view.totals_text.startswith(f"{expected:,} of {count:,} calls".replace(",", " "))
            # The totals of a filter that leaves half the calls: one pass over them.
            field.value = "answered"
            await wait_for(lambda: view.table.filter_text == "answered", time.perf_counter())
            await wait_for(lambda: not view.totals_pending, time.perf_counter())
            answered = view.table.visible_row_count
            assert answered == sum(call.state == "Odebrane" for call in calls)
            gc.collect()
            start = time.perf_counter()
            view._show_totals()
            totals.append((time.perf_counter() - start) * 1000)
            field.value = ""
            await pilot.pause()
        return Figures(
            statistics.median(builds),
            statistics.median(paints),
            statistics.median(keystrokes),
            statistics.median(totals),
            max(frames.line_counts),
        )


async def test_a_50000_call_report_paints_and_filters_like_a_100_call_one(report_figure) -> None:
    base = await measure(BASELINE)
    big = await measure(BIG)

    assert 0 < big.widest_frame <= SIZE[1]
    assert 0 < base.widest_frame <= SIZE[1]
    assert big.first_paint / base.first_paint < FIRST_PAINT_RATIO_BOUND

    def compare(what: str, baseline: float, measured: float) -> str:
        return (
            f"Call report {what} (median of {REPEATS}, {SIZE[0]}x{SIZE[1]}):"
            f" {BASELINE} calls {baseline:.1f} ms, {BIG:,} calls {measured:.1f} ms"
            f" (ratio {measured / baseline:.2f}x)"
        )

    report_figure(compare("first paint after show()", base.first_paint, big.first_paint))
    report_figure(compare("filter keystroke to painted frame", base.keystroke, big.keystroke))
    report_figure(compare("totals of half the calls, filtered", base.totals, big.totals))
    report_figure(compare("rows prepared off the UI thread before show()", base.build, big.build))
    report_figure(
        f"Call report lines rendered per frame: at most {big.widest_frame} at {BIG:,} calls,"
        f" {base.widest_frame} at {BASELINE} calls (viewport {SIZE[1]} lines)"
    )
