"""VirtualTable search: every word in any order by default, a pluggable strategy (the
phone book's, with numbers however typed and the best matches first), narrowing while
typing that gives what a fresh search gives."""

from __future__ import annotations

import random

import pytest
from rich.text import Text

from spikon_tui.contacts.search import ContactQuery, contact_search_text
from spikon_tui.ui.widgets.virtual_table import Column, ContactSearch, Row, VirtualTable
from spikon_tui.ui.widgets.virtual_table.render import digit_spans
from tests.ui.test_virtual_table import (
    SIZE,
    TableApp,
    first_words,
    person_rows,
    person_table,
    start,
)

CONTACTS = [
    ("Ośrodek Nowak", "+48 528 160 736"),
    ("Bartosz Chmielewski (Łódź)", "528160736"),
    ("Nowak Jan", "600 100 200"),
    ("Jan Nowakowski", "(0-22) 123 45 67"),
    ("Nowacka Łucja", "+48 601 100 300"),
    ("Łukasz Nowak", "0048 602 200 100"),
]


def contact_rows() -> list[Row]:
    return [Row(key=name, cells=(name, number)) for name, number in CONTACTS]


def contact_table() -> VirtualTable:
    return VirtualTable(
        [Column("name", "Name"), Column("number", "Number")],
        search=ContactSearch(name_column="name", number_column="number"),
    )


def shown(table: VirtualTable) -> list[object]:
    return [table.row_key_at(i) for i in range(table.visible_row_count)]


async def test_the_default_filter_matches_every_word_in_any_order() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        table.set_filter("jan kowalski")
        assert shown(table) == ["p2"]
        table.set_filter("zł 600 łucja")  # words from three columns
        assert shown(table) == ["p4"]
        table.set_filter("jan nowak")
        assert shown(table) == []


async def test_the_default_filter_highlights_each_word() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        table.set_filter("zen zol")
        await pilot.pause()
        line = table.render_line(1)
        underlined = [s.text for s in line if s.style and s.style.underline]
        assert underlined == ["Żół", "Zen"]


async def test_the_contact_search_finds_words_in_any_order_and_numbers_however_typed() -> None:
    table = contact_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, contact_rows())
        table.set_filter("chmielewski łódź")
        assert shown(table) == ["Bartosz Chmielewski (Łódź)"]
        for typed in ["528 160", "+48 528 160", "0048528160", "528-160"]:
            table.set_filter(typed)
            assert shown(table) == ["Ośrodek Nowak", "Bartosz Chmielewski (Łódź)"], typed
        table.set_filter("22 123")
        assert shown(table) == ["Jan Nowakowski"]


async def test_the_best_matches_come_first_then_the_sort_order() -> None:
    table = contact_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, contact_rows())
        table.set_filter("nowak")
        # Names starting with "nowak" (in data order), then "nowak" starting a later word.
        assert shown(table) == ["Nowak Jan", "Ośrodek Nowak", "Jan Nowakowski", "Łukasz Nowak"]
        table.sort_by("name", reverse=True)  # Ł sorts as L
        assert shown(table) == ["Nowak Jan", "Ośrodek Nowak", "Łukasz Nowak", "Jan Nowakowski"]
        table.set_filter("nowak jan")  # in the order typed at the start of the name
        assert shown(table) == ["Nowak Jan", "Jan Nowakowski"]
        await pilot.pause()
        assert first_words(table) == ["Nowak", "Jan"]


async def test_the_cursor_stays_on_its_row_through_a_reranking() -> None:
    table = contact_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, contact_rows())
        assert table.move_cursor_to_key("Łukasz Nowak")
        table.set_filter("nowak")
        assert table.cursor_row_key == "Łukasz Nowak"
        assert table.cursor_row == 3


async def test_narrowing_while_typing_matches_a_fresh_search() -> None:
    rng = random.Random(14)
    first = ["Jan", "Łucja", "Żaneta", "Paweł", "Anna"]
    last = ["Nowak", "Łódzki", "Kowalska-Nowak", "Wójcik", "Chmielewski"]
    rows = [
        Row(
            key=i,
            cells=(
                f"{rng.choice(last)} {rng.choice(first)}",
                f"+48 {rng.randrange(500_000_000, 800_000_000)}",
            ),
        )
        for i in range(400)
    ]
    texts = [contact_search_text(*row.cells) for row in rows]  # type: ignore[arg-type]
    table = contact_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, rows)
        typing = ["n", "no", "now", "nowak", "nowak ", "nowak j", "nowak ja", "nowak j", "",
                  "5", "52", "+48 5", "+48 52", "+48 5", "+4", "+", "łó", "lod", "zk"]  # fmt: skip
        for typed in typing:
            table.set_filter(typed)
            query = ContactQuery.parse(typed)
            expected = sorted(
                (i for i, text in enumerate(texts) if query.matches(text)),
                key=lambda i: query.rank(texts[i]),
            )
            assert shown(table) == expected, typed


async def test_rows_updated_under_a_filter_are_searched_by_their_new_text() -> None:
    table = contact_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, contact_rows())
        table.set_filter("kowalczyk")
        assert shown(table) == []
        renamed = Row(key="Nowak Jan", cells=("Kowalczyk Jan", "600 100 200"))
        table.update_rows([renamed], remove_missing=False)
        assert shown(table) == ["Nowak Jan"]


async def test_styled_cells_are_searched_by_their_text() -> None:
    table = contact_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        rows = [Row(key=1, cells=(Text("Żółć Zenon", style="bold"), "+48 600 100 001"))]
        await start(pilot, table, rows)
        table.set_filter("zolc 600100")
        assert shown(table) == [1]


def test_a_search_and_filter_columns_do_not_go_together() -> None:
    columns = [Column("name", "Name"), Column("number", "Number")]
    with pytest.raises(ValueError):
        VirtualTable(columns, filter_columns=["name"], search=ContactSearch("name", "number"))
    with pytest.raises(ValueError):
        VirtualTable(columns, search=ContactSearch("name", "phone"))


async def test_a_number_is_highlighted_across_its_separators() -> None:
    table = contact_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, contact_rows())
        table.set_filter("chmiel 528160")
        await pilot.pause()
        line = table.render_line(1)
        underlined = [s.text for s in line if s.style and s.style.underline]
        assert underlined == ["Chmiel", "528160"]
        table.set_filter("+48 528 160")
        await pilot.pause()
        assert table.row_key_at(0) == "Ośrodek Nowak"  # +48 528 160 736
        underlined = [s.text for s in table.render_line(1) if s.style and s.style.underline]
        assert "".join(underlined) == "48 528 160"  # the forms with and without the 48


def test_digit_spans_skip_what_lies_between_the_digits() -> None:
    assert digit_spans("+48 528-160 736", "528160") == [(4, 11)]
    assert digit_spans("12 12 12", "12") == [(0, 2), (3, 5), (6, 8)]
    assert digit_spans("no digits", "1") == []
    assert digit_spans("123", "") == []
