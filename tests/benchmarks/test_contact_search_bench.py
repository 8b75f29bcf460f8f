"""Benchmark: one filter keystroke in a 50,000-entry phone book, against 1,000 entries.

A VirtualTable with the phone-book search (`ContactSearch`) runs headless at 120x40 in
this process. Measured per query, from an empty filter (a full pass, the worst case for
a keystroke) and by typing one more character (narrowing the previous result): the time
`set_filter` takes, and the time until the filtered frame has been rendered. Medians of a
few repeats are printed with their ratio to 1,000 entries; the goal is at most 30 ms per
keystroke at 50,000. Wall-clock time is never asserted; what is asserted is that each
query finds what the pure search finds.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip

from spikon_tui.contacts.search import ContactQuery, contact_search_text
from spikon_tui.ui.widgets.virtual_table import Column, ContactSearch, Row, VirtualTable

pytestmark = pytest.mark.benchmark

SIZE = (120, 40)
BIG = 50_000
BASELINE = 1_000
REPEATS = 5

FIRST = ["Zofia", "Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Józef", "Żaneta", "Bartosz"]
LAST = ["Żółć", "Chmielewski", "Kowalska", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lis"]
CITIES = ["Łódź", "Kraków", "Gdańsk", "Poznań", "Warszawa", "Wrocław", "Lublin", "Opole"]
NUMBER_STYLES = ["+48 {a} {b} {c}", "{a}{b}{c}", "{a}-{b}-{c}", "0048 {a} {b} {c}"]

QUERIES = {
    "two words": ("chmielewski łódź", "chmielewski łód"),
    "number": ("+48 528 160", "+48 528 16"),
    "one letter": ("a", ""),
}
"""Each query, and what was typed before its last keystroke (narrowing)."""


def make_rows(count: int) -> list[Row]:
    rows = []
    for i in range(count):
        name = f"{FIRST[i % 8]} {LAST[i // 8 % 8]} ({CITIES[i // 64 % 8]}) {i}"
        national = str(500_000_000 + i * 7919 % 399_999_999)
        number = NUMBER_STYLES[i % 4].format(a=national[:3], b=national[3:6], c=national[6:])
        rows.append(Row(key=i, cells=(name, number)))
    return rows


class CountingTable(VirtualTable):
    def __init__(self) -> None:
        super().__init__(
            [Column("name", "Name", flex=True), Column("number", "Number")],
            search=ContactSearch(name_column="name", number_column="number"),
        )
        self.frames: list[float] = []

    def render_lines(self, crop: Region) -> list[Strip]:
        strips = super().render_lines(crop)
        self.frames.append(time.perf_counter())
        return strips


class BenchApp(App[None]):
    def __init__(self, table: VirtualTable) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield self.table


async def wait_for(condition: Callable[[], object]) -> None:
    deadline = time.perf_counter() + 60
    while not condition():
        assert time.perf_counter() < deadline, "timed out"
        await asyncio.sleep(0.0005)


async def keystroke(table: CountingTable, before: str, typed: str) -> tuple[float, float]:
    """Milliseconds `set_filter(typed)` took after `before`, and until the frame painted."""
    table.set_filter(before)
    await asyncio.sleep(0.01)
    gc.collect()
    start = time.perf_counter()
    table.set_filter(typed)
    filtered = time.perf_counter()
    await wait_for(lambda: any(t > filtered for t in table.frames))
    painted = next(t for t in table.frames if t > filtered)
    return (filtered - start) * 1000, (painted - start) * 1000


async def measure(count: int) -> dict[str, tuple[float, float, float]]:
    """Per query: median ms of the call from empty, until painted, and of a narrowing one."""
    rows = make_rows(count)
    texts = [contact_search_text(*row.cells) for row in rows]  # type: ignore[arg-type]
    table = CountingTable()
    app = BenchApp(table)
    figures: dict[str, tuple[float, float, float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        table.set_rows(rows)
        await wait_for(lambda: table.search_ready)
        await pilot.pause()
        for label, (query, narrower) in QUERIES.items():
            fresh = [await keystroke(table, "", query) for _ in range(REPEATS)]
            typing = [await keystroke(table, narrower, query) for _ in range(REPEATS)]
            parsed = ContactQuery.parse(query)
            assert table.visible_row_count == sum(map(parsed.matches, texts)), label
            figures[label] = (
                statistics.median(call for call, _ in fresh),
                statistics.median(paint for _, paint in fresh),
                statistics.median(call for call, _ in typing),
            )
    return figures


async def test_a_filter_keystroke_in_a_big_phone_book(report_figure) -> None:
    base = await measure(BASELINE)
    big = await measure(BIG)
    for label in QUERIES:
        (call, paint, narrowed), (base_call, _, _) = big[label], base[label]
        report_figure(
            f"phone-book filter, {label} {QUERIES[label][0]!r} at {BIG:,} entries: "
            f"{call:.1f} ms per keystroke from empty ({call / base_call:.0f}x {BASELINE:,}), "
            f"{paint:.1f} ms until painted; typing one more character {narrowed:.1f} ms "
            "(goal: <= 30 ms)"
        )
