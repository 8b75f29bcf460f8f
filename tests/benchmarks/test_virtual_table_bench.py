"""Benchmark: VirtualTable at 50,000 rows against a 100-row baseline, with DataTable for contrast.

Measured headless at 120x40 in this process: the time from `set_rows` (or `add_rows` for
DataTable) until the table's first frame with the new data has been rendered, and the time
from one filter keystroke (`set_filter`) until the filtered frame has been rendered. The
figures are printed with their ratio to the 100-row baseline; wall-clock time is never
asserted. What is asserted is the property that makes the table scale: no frame asks for
more lines than the viewport holds, whatever the number of rows.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import DataTable

from spikon_tui.text_fold import fold_text
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

pytestmark = pytest.mark.benchmark

SIZE = (120, 40)
BIG = 50_000
BASELINE = 100
DATATABLE_ROWS = 5_000
REPEATS = 5

FIRST_NAMES = ["Zofia", "Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Józef", "Żaneta", "Jan"]
LAST_NAMES = ["Żółć", "Łódzki", "Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lis"]
COLUMNS = [
    Column("id", "ID", align="right"),
    Column("name", "Name"),
    Column("number", "Number"),
    Column("seen", "Last call"),
]


def make_cells(count: int) -> list[tuple[str, str, str, str]]:
    return [
        (
            str(i),
            f"{LAST_NAMES[i % 8]} {FIRST_NAMES[i // 8 % 8]} {i}",
            f"+48 {600_000_000 + i * 7919 % 99_999_999}",
            f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}",
        )
        for i in range(count)
    ]


def make_rows(count: int) -> list[Row]:
    return [
        Row(key=i, cells=cells, sort_values=(i, None, None, None))
        for i, cells in enumerate(make_cells(count))
    ]


class Frames:
    """When a widget finished rendering each frame, and how many lines it rendered."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.line_counts: list[int] = []
        self.lines = 0

    def first_after(self, start: float) -> float | None:
        return next((t for t in self.times if t > start), None)


class CountingTable(VirtualTable):
    def __init__(self) -> None:
        super().__init__(COLUMNS)
        self.frames = Frames()

    def render_line(self, y: int) -> Strip:
        self.frames.lines += 1
        return super().render_line(y)

    def render_lines(self, crop: Region) -> list[Strip]:
        before = self.frames.lines
        strips = super().render_lines(crop)
        self.frames.line_counts.append(self.frames.lines - before)
        self.frames.times.append(time.perf_counter())
        return strips


class CountingDataTable(DataTable[str]):
    def __init__(self) -> None:
        super().__init__()
        self.frames = Frames()

    def render_lines(self, crop: Region) -> list[Strip]:
        strips = super().render_lines(crop)
        if self.row_count and self.virtual_size.height > 1:  # a frame that shows the rows
            self.frames.times.append(time.perf_counter())
        return strips


class BenchApp(App[None]):
    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def wait_for(condition: Callable[[], object], start: float) -> float:
    """Poll `condition` without blocking the app; milliseconds from `start` until it held."""
    deadline = start + 60
    while not condition():
        assert time.perf_counter() < deadline, "timed out"
        await asyncio.sleep(0.0005)
    return (time.perf_counter() - start) * 1000


async def time_until_painted(frames: Frames, action: Callable[[], None]) -> tuple[float, float]:
    """When `action` was called, and milliseconds until the widget rendered a frame after it."""
    gc.collect()
    start = time.perf_counter()
    action()
    await wait_for(lambda: frames.first_after(start), start)
    painted = frames.first_after(start)
    assert painted is not None
    return start, (painted - start) * 1000


@dataclass
class Figures:
    """Medians in milliseconds, and the most lines any frame rendered."""

    first_paint: float
    keystroke: float
    replace: float
    search_ready: float
    widest_frame: int


async def measure_virtual_table(count: int) -> Figures:
    table = CountingTable()
    app = BenchApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        paints: list[float] = []
        keystrokes: list[float] = []
        replaces: list[float] = []
        ready: list[float] = []
        expected = sum("n" in fold_text(" ".join(cells)) for cells in make_cells(count))
        for _ in range(REPEATS):
            table.set_rows([])
            await pilot.pause()
            load = partial(table.set_rows, make_rows(count))
            start, elapsed = await time_until_painted(table.frames, load)
            paints.append(elapsed)
            # After the paint, search texts are prepared in chunks between other work.
            ready.append(await wait_for(lambda: table.search_ready, start))
            await pilot.pause()
            assert table.row_count == count
            # One keystroke into an empty filter box: a full pass over every row.
            _, elapsed = await time_until_painted(table.frames, partial(table.set_filter, "n"))
            keystrokes.append(elapsed)
            await pilot.pause()
            assert table.visible_row_count == expected
            table.set_filter("")
            await pilot.pause()
            # Replacing the data also frees the old rows.
            load = partial(table.set_rows, make_rows(count))
            replaces.append((await time_until_painted(table.frames, load))[1])
            await pilot.pause()
        return Figures(
            statistics.median(paints),
            statistics.median(keystrokes),
            statistics.median(replaces),
            statistics.median(ready),
            max(table.frames.line_counts),
        )


async def measure_data_table(count: int) -> float:
    table = CountingDataTable()
    app = BenchApp(table)
    async with app.run_test(size=SIZE) as pilot:
        table.add_columns(*(column.label for column in COLUMNS))
        await pilot.pause()
        load = partial(table.add_rows, make_cells(count))
        return (await time_until_painted(table.frames, load))[1]


async def test_virtual_table_scales_with_the_viewport_not_the_rows(report_figure) -> None:
    base = await measure_virtual_table(BASELINE)
    big = await measure_virtual_table(BIG)
    datatable_paint = await measure_data_table(DATATABLE_ROWS)

    # The guarantee behind the figures: a frame renders at most one line per screen line.
    assert 0 < big.widest_frame <= SIZE[1]
    assert 0 < base.widest_frame <= SIZE[1]

    def compare(what: str, baseline: float, measured: float) -> str:
        return (
            f"VirtualTable {what} (median of {REPEATS}, {SIZE[0]}x{SIZE[1]}):"
            f" {BASELINE} rows {baseline:.1f} ms, {BIG:,} rows {measured:.1f} ms"
            f" (ratio {measured / baseline:.2f}x)"
        )

    report_figure(compare("first paint after set_rows", base.first_paint, big.first_paint))
    report_figure(compare("filter keystroke to painted frame", base.keystroke, big.keystroke))
    report_figure(compare("set_rows replacing the same number of rows", base.replace, big.replace))
    report_figure(
        compare("search text ready in the background after set_rows", base.search_ready,
                big.search_ready)
    )  # fmt: skip
    report_figure(
        f"DataTable add_rows first paint, for contrast: {DATATABLE_ROWS:,} rows"
        f" {datatable_paint:.0f} ms ({datatable_paint / base.first_paint:.0f}x the"
        f" {BASELINE}-row VirtualTable, {datatable_paint / big.first_paint:.0f}x the"
        f" {BIG:,}-row VirtualTable)"
    )
    report_figure(
        f"VirtualTable lines rendered per frame: at most {big.widest_frame} at {BIG:,} rows,"
        f" {base.widest_frame} at {BASELINE} rows (viewport {SIZE[1]} lines)"
    )
