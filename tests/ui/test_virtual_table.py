"""VirtualTable driven through a real Textual app: rendering, filter, sort, cursor, live updates.

The table is read back through its own Line API (`render_line`), which is exactly what the
compositor paints; one test also checks the exported screenshot.
"""

from __future__ import annotations

from collections.abc import Hashable
from decimal import Decimal

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

SIZE = (60, 12)  # the table gets all of it: a header line and 11 row lines

PEOPLE = [
    ("Żółć Zenon", "+48 600 100 001", Decimal("12.50")),
    ("Łódź Agnieszka", "+48 600 100 002", Decimal("3.00")),
    ("Kowalski Jan", "+48 600 100 003", Decimal("100.00")),
    ("Wiśniewska Ewa", "+48 600 100 004", None),
    ("Nowak Łucja", "+48 600 100 005", Decimal("9.99")),
]


def person_rows(*, with_sort_values: bool = False) -> list[Row]:
    """Rows of PEOPLE; with sort values, the balance column sorts as Decimal, not as text."""
    rows = []
    for i, (name, number, balance) in enumerate(PEOPLE):
        cells = (name, number, "" if balance is None else f"{balance} zł")
        sort_values = (name, number, balance) if with_sort_values else None
        rows.append(Row(key=f"p{i}", cells=cells, sort_values=sort_values))
    return rows


def person_table(**kwargs: object) -> VirtualTable:
    columns = [
        Column("name", "Name"),
        Column("number", "Number"),
        Column("balance", "Balance", align="right"),
    ]
    return VirtualTable(columns, **kwargs)  # type: ignore[arg-type]


def numbered_rows(count: int, start: int = 0) -> list[Row]:
    return [
        Row(key=i, cells=(str(i), f"Contact {i}"), sort_values=(i, None))
        for i in range(start, start + count)
    ]


def numbered_table() -> VirtualTable:
    return VirtualTable([Column("id", "ID", align="right"), Column("name", "Name")])


class TableApp(App[None]):
    """Hosts one table and records the messages it posts."""

    def __init__(self, table: VirtualTable) -> None:
        super().__init__()
        self.table = table
        self.highlighted: list[Hashable | None] = []
        self.selected: list[Hashable] = []

    def compose(self) -> ComposeResult:
        yield self.table

    def on_mount(self) -> None:
        self.table.focus()

    def on_virtual_table_row_highlighted(self, message: VirtualTable.RowHighlighted) -> None:
        assert message.control is self.table
        self.highlighted.append(message.row_key)

    def on_virtual_table_row_selected(self, message: VirtualTable.RowSelected) -> None:
        assert message.control is self.table
        self.selected.append(message.row_key)


def lines(table: VirtualTable) -> list[str]:
    """The visible text of the table, line by line, trailing spaces removed."""
    region = table.scrollable_content_region
    return [table.render_line(y).text[: region.width].rstrip() for y in range(region.height)]


def body(table: VirtualTable) -> list[str]:
    return [line for line in lines(table)[1:] if line]


def first_words(table: VirtualTable) -> list[str]:
    return [line.split()[0] for line in body(table)]


def line_background(table: VirtualTable, y: int) -> object:
    styles = {segment.style.bgcolor for segment in table.render_line(y) if segment.style}
    assert len(styles) == 1, styles
    return styles.pop()


async def start(pilot: Pilot[None], table: VirtualTable, rows: list[Row]) -> None:
    table.set_rows(rows)
    await pilot.pause()


async def test_rows_render_in_columns_under_a_header() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        shown = lines(table)
        assert shown[0].split() == ["Name", "Number", "Balance"]
        assert shown[1].startswith(" Żółć Zenon ")
        assert "+48 600 100 002" in shown[2]
        # Right-aligned column: the amounts end at the same column.
        ends = {len(line) for line in shown[1:4]}
        assert len(ends) == 1, shown
        assert shown[3].endswith("100.00 zł")
        assert table.row_count == 5
        assert table.visible_row_count == 5
        assert table.get_row("p1").cells[0] == "Łódź Agnieszka"
        # What the compositor actually painted (spaces are &#160; in the SVG).
        assert "Łódź&#160;Agnieszka" in app.export_screenshot()


async def test_long_and_wide_cells_are_truncated_with_an_ellipsis() -> None:
    table = VirtualTable([Column("name", "Name", width=8), Column("tail", "Tail", width=4)])
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        rows = [
            Row(key=1, cells=("Wiśniewska Ewa", "ok")),
            Row(key=2, cells=("日本語テキスト", "ok")),  # two cells per character
            Row(key=3, cells=(Text("Łódź Agnieszka", style="bold"), "ok")),
        ]
        await start(pilot, table, rows)
        shown = lines(table)
        assert shown[1] == " Wiśniew…  ok"
        assert shown[2] == " 日本語…   ok"  # 7 cells: no half of テ fits before "…"
        assert shown[3] == " Łódź Ag…  ok"
        for y in range(1, 4):
            assert table.render_line(y).cell_length == table.size.width


async def test_filter_ignores_case_and_polish_diacritics() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        table.set_filter("zolc")
        await pilot.pause()
        assert [line.split() for line in body(table)] == [
            ["Żółć", "Zenon", "+48", "600", "100", "001", "12.50", "zł"]
        ]
        table.set_filter("LODZ")
        await pilot.pause()
        assert first_words(table) == ["Łódź"]
        table.set_filter("łucja")
        await pilot.pause()
        assert first_words(table) == ["Nowak"]
        table.set_filter("100 00")  # the number column is searched too
        await pilot.pause()
        assert table.visible_row_count == 5
        table.set_filter("")
        await pilot.pause()
        assert table.visible_row_count == 5


async def test_filter_narrowing_while_typing_matches_a_fresh_search() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(500))
        for typed in ["1", "12", "123", "12", "1", "", "9", "99", "x"]:
            table.set_filter(typed)
            expected = [i for i in range(500) if typed in str(i) or typed in f"contact {i}"]
            got = [table.row_key_at(i) for i in range(table.visible_row_count)]
            assert got == expected, typed


async def test_filter_searches_only_the_filter_columns() -> None:
    table = person_table(filter_columns=["name"])
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        table.set_filter("600")
        await pilot.pause()
        assert table.visible_row_count == 0
        table.set_filter("jan")
        await pilot.pause()
        assert first_words(table) == ["Kowalski"]


async def test_matches_are_highlighted_in_visible_rows() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        table.set_filter("lodz")
        await pilot.pause()
        match = table.get_component_rich_style("virtual-table--match", partial=True)
        assert match.underline
        underlined = "".join(s.text for s in table.render_line(1) if s.style and s.style.underline)
        assert underlined == "Łódź"


async def test_sort_by_text_both_ways_shows_the_direction_in_the_header() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        table.sort_by("name")
        await pilot.pause()
        # Folded text sorts Łódź with the L's and Żółć with the Z's.
        assert first_words(table) == ["Kowalski", "Łódź", "Nowak", "Wiśniewska", "Żółć"]
        assert "Name ▲" in lines(table)[0]
        table.sort_by("name", reverse=True)
        await pilot.pause()
        assert first_words(table) == ["Żółć", "Wiśniewska", "Nowak", "Łódź", "Kowalski"]
        assert "Name ▼" in lines(table)[0]
        table.sort_by(None)
        await pilot.pause()
        assert first_words(table) == ["Żółć", "Łódź", "Kowalski", "Wiśniewska", "Nowak"]
        assert "▲" not in lines(table)[0] and "▼" not in lines(table)[0]


async def test_numeric_sort_uses_sort_values_and_puts_none_last() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        table.sort_by("balance")
        await pilot.pause()
        # Without sort values the cells sort as text: "100.00 zł" before "12.50 zł".
        assert first_words(table) == ["Kowalski", "Żółć", "Łódź", "Nowak", "Wiśniewska"]
        table.set_rows(person_rows(with_sort_values=True))
        await pilot.pause()
        assert first_words(table) == ["Łódź", "Nowak", "Żółć", "Kowalski", "Wiśniewska"]
        table.sort_by("balance", reverse=True)
        await pilot.pause()
        assert first_words(table) == ["Kowalski", "Żółć", "Nowak", "Łódź", "Wiśniewska"]


async def test_sort_is_stable_and_applies_the_column_sort_key() -> None:
    columns = [Column("id", "ID"), Column("team", "Team", sort_key=len)]
    table = VirtualTable(columns)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        rows = [
            Row(key="a", cells=("a", "xx")),
            Row(key="b", cells=("b", "y")),
            Row(key="c", cells=("c", "zz")),
            Row(key="d", cells=("d", "w")),
        ]
        await start(pilot, table, rows)
        table.sort_by("team")
        assert [table.row_key_at(i) for i in range(4)] == ["b", "d", "a", "c"]
        table.sort_by("team", reverse=True)
        assert [table.row_key_at(i) for i in range(4)] == ["a", "c", "b", "d"]


async def test_clicking_a_header_sorts_and_clicking_again_reverses() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows(with_sort_values=True))
        header = lines(table)[0]
        balance_x = header.index("Balance")
        await pilot.click(table, offset=(balance_x, 0))
        assert (table.sort_column, table.sort_reverse) == ("balance", False)
        assert first_words(table)[0] == "Łódź"
        await pilot.click(table, offset=(balance_x, 0))
        assert (table.sort_column, table.sort_reverse) == ("balance", True)
        assert first_words(table)[0] == "Kowalski"
        await pilot.press("s")  # cycle: after the last column comes data order
        assert table.sort_column is None


async def test_cursor_moves_with_keys_scrolls_and_is_highlighted() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(100))
        cursor_background = table.get_component_rich_style("virtual-table--cursor").bgcolor
        assert line_background(table, 1) == cursor_background
        assert line_background(table, 2) != cursor_background
        await pilot.press("down", "down")
        assert table.cursor_row_key == 2
        assert line_background(table, 3) == cursor_background
        assert line_background(table, 1) != cursor_background
        await pilot.press("up")
        assert table.cursor_row_key == 1
        await pilot.press("pagedown")
        assert table.cursor_row_key == 12
        assert 12 in [int(word) for word in first_words(table)]
        await pilot.press("end")
        assert table.cursor_row_key == 99
        assert first_words(table)[-1] == "99"
        assert table.scroll_offset.y == table.max_scroll_y > 0
        await pilot.press("pageup")
        assert table.cursor_row_key == 88
        await pilot.press("home")
        assert table.cursor_row_key == 0
        assert table.scroll_offset.y == 0
        await pilot.pause()
        assert app.highlighted == [0, 1, 2, 1, 12, 99, 88, 0]


async def test_mouse_wheel_scrolls_without_moving_the_cursor() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(100))
        for _ in range(3):
            table.post_message(events.MouseScrollDown(table, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert table.scroll_offset.y > 0
        assert table.cursor_row_key == 0
        assert first_words(table)[0] == str(table.scroll_offset.y)


async def test_enter_and_a_click_on_the_cursor_row_select_it() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(100))
        await pilot.press("down", "enter")
        assert app.selected == [1]
        await pilot.click(table, offset=(3, 4))  # line 4 shows row 3: moves the cursor there
        assert table.cursor_row_key == 3
        assert app.selected == [1]
        await pilot.click(table, offset=(3, 4))  # clicking the cursor row selects it
        assert app.selected == [1, 3]
        await pilot.click(table, offset=(3, 0))  # the header does not select
        assert app.selected == [1, 3]


async def test_update_rows_keeps_cursor_row_and_scroll_offset() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(100))
        table.move_cursor(45)
        assert table.cursor_row_key == 45
        offset = table.scroll_offset
        assert offset.y > 0
        # Rows 40..42 (before the cursor) leave, 500..502 arrive, row 45 changes.
        rows = [row for row in numbered_rows(100) if row.key not in (40, 41, 42)]
        rows[42] = Row(key=45, cells=("45", "Renamed contact"), sort_values=(45, None))
        rows += numbered_rows(3, start=500)
        table.update_rows(rows)
        await pilot.pause()
        assert table.cursor_row_key == 45
        assert table.cursor_row == 42
        assert table.scroll_offset == offset
        assert table.row_count == 100
        assert table.get_row(45).cells[1] == "Renamed contact"
        assert any("Renamed contact" in line for line in lines(table))
        # Rows may arrive before the cursor too (sorted descending, the new ones come first).
        table.sort_by("id", reverse=True)
        table.update_rows([*rows, *numbered_rows(2, start=900)])
        await pilot.pause()
        assert table.cursor_row_key == 45
        assert table.row_key_at(0) == 901


async def test_update_rows_when_the_cursor_row_goes_keeps_the_position() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(20))
        await pilot.press("down", "down", "down")
        table.update_rows([row for row in numbered_rows(20) if row.key != 3])
        await pilot.pause()
        assert table.cursor_row_key == 4
        assert app.highlighted[-1] == 4


async def test_update_rows_can_keep_rows_it_was_not_given() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(5))
        table.update_rows([Row(key=2, cells=("2", "Changed"))], remove_missing=False)
        assert table.row_count == 5
        assert table.get_row(2).cells[1] == "Changed"
        table.update_rows([Row(key=2, cells=("2", "Changed"))])
        assert table.row_count == 1


async def test_empty_state_text_is_centered() -> None:
    table = person_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        table.set_filter("xyz")
        table.empty_text = "No entries match “xyz”"
        await pilot.pause()
        shown = lines(table)
        assert table.visible_row_count == 0
        assert table.cursor_row_key is None
        assert shown[0].split()[0] == "Name"
        texts = [(y, line) for y, line in enumerate(shown) if line.strip()]
        assert [line.strip() for _, line in texts[1:]] == ["No entries match “xyz”"]
        y, line = texts[1]
        assert 4 <= y <= 7  # vertically in the middle of 11 body lines
        left = len(line) - len(line.lstrip())
        right = table.scrollable_content_region.width - len(line)
        assert abs(left - right) <= 1
        await pilot.pause()
        assert app.highlighted[-1] is None


async def test_rows_set_before_mount_are_shown() -> None:
    table = numbered_table()
    table.set_rows(numbered_rows(30))
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert first_words(table)[:3] == ["0", "1", "2"]
        table.set_filter("29")
        assert [table.row_key_at(i) for i in range(table.visible_row_count)] == [29]


async def test_wide_tables_scroll_horizontally() -> None:
    columns = [Column(f"c{i}", f"Column {i}", width=12) for i in range(8)]
    table = VirtualTable(columns)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, [Row(key=1, cells=tuple(f"cell {i}" for i in range(8)))])
        assert table.virtual_size.width == 8 * 14
        assert "Column 7" not in lines(table)[0]
        await pilot.press("right")  # one column at a time
        assert table.scroll_offset.x == 14
        assert lines(table)[0].split()[:2] == ["Column", "1"]
        await pilot.press("right", "right", "right", "right")
        assert "Column 7" in lines(table)[0]
        assert "cell 7" in lines(table)[1]
        assert table.scroll_offset.x == table.max_scroll_x
        await pilot.press("left")
        assert table.scroll_offset.x == 3 * 14  # the start of the column left of the edge
        assert table.cursor_row_key == 1


async def test_cursor_style_follows_focus() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(5))
        focused = line_background(table, 1)
        table.blur()
        await pilot.pause()
        assert line_background(table, 1) != focused
        assert isinstance(table.get_component_rich_style("virtual-table--cursor"), Style)


def painted(app: App[None]) -> list[str]:
    """The terminal as the compositor last painted it (not the table's own render_line)."""
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


async def test_rows_changed_in_place_are_repainted_and_the_others_kept() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(20))
        table.update_rows(
            [Row(key=3, cells=("3", "Renamed"), sort_values=(3, None))], remove_missing=False
        )
        await pilot.pause()
        screen = painted(app)
        assert screen[4].split() == ["3", "Renamed"]
        assert screen[5].split() == ["4", "Contact", "4"]

        # Only the style changes (Rich's Text equality ignores it): still repainted.
        red = Row(key=5, cells=("5", Text("Contact 5", style="red")), sort_values=(5, None))
        table.update_rows([red], remove_missing=False)
        await pilot.pause()
        styles = {
            seg.style.color.name for seg in table.render_line(6) if seg.style and seg.style.color
        }
        assert "red" in styles

        # A row removed and another added: every line below the removed one moves up.
        rows = [row for row in numbered_rows(20) if row.key != 1]
        table.update_rows([*rows, Row(key=99, cells=("99", "New"), sort_values=(99, None))])
        await pilot.pause()
        screen = painted(app)
        assert [line.split()[0] for line in screen[1:5]] == ["0", "2", "3", "4"]


async def test_a_table_without_cursor_draws_no_cursor_row() -> None:
    table = VirtualTable([Column("id", "ID")], cursor=False, zebra=False)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, [Row(key=i, cells=(str(i),)) for i in range(3)])
        assert line_background(table, 1) == line_background(table, 2)


def droppable_table() -> VirtualTable:
    """Name (flex) and status always; the others give way: rate first, then calls, then wait."""
    return VirtualTable(
        [
            Column("name", "Name", flex=True, min_width=10),
            Column("status", "Status", width=8),
            Column("wait", "Wait", width=6, align="right", drop_order=3),
            Column("calls", "Calls", width=8, align="right", drop_order=2),
            Column("rate", "Rate", width=8, align="right", drop_order=1),
        ]
    )


DROP_ROW = Row(key=1, cells=("Infolinia", "ALERT", "0:42", "12", "7 %"))


async def test_columns_give_way_in_their_drop_order_and_come_back() -> None:
    table = droppable_table()
    app = TableApp(table)
    async with app.run_test(size=(60, 8)) as pilot:
        await start(pilot, table, [DROP_ROW])
        # 12 + 10 + 8 + 10 + 10 = 50 cells at the narrowest: everything fits in 60.
        assert [c.key for c in table.shown_columns] == ["name", "status", "wait", "calls", "rate"]
        assert lines(table)[1].split() == ["Infolinia", "ALERT", "0:42", "12", "7", "%"]
        await pilot.resize_terminal(45, 8)
        await pilot.pause()
        assert [c.key for c in table.shown_columns] == ["name", "status", "wait", "calls"]
        assert lines(table)[0].split() == ["Name", "Status", "Wait", "Calls"]
        assert table.virtual_size.width == 45, "the rest fill the table exactly"
        await pilot.resize_terminal(30, 8)  # 12 + 10 + 8: the wait just fits
        await pilot.pause()
        assert [c.key for c in table.shown_columns] == ["name", "status", "wait"]
        await pilot.resize_terminal(29, 8)
        await pilot.pause()
        assert [c.key for c in table.shown_columns] == ["name", "status"]
        assert lines(table)[1].split() == ["Infolinia", "ALERT"]
        assert table.max_scroll_x == 0, "nothing runs past the right edge"
        await pilot.resize_terminal(20, 8)
        await pilot.pause()
        assert [c.key for c in table.shown_columns] == ["name", "status"], "never dropped"
        await pilot.resize_terminal(60, 8)
        await pilot.pause()
        assert len(table.shown_columns) == 5
        assert "7 %" in lines(table)[1]


async def test_the_sort_key_skips_dropped_columns_and_a_header_click_finds_the_shown_one() -> None:
    table = droppable_table()
    app = TableApp(table)
    async with app.run_test(size=(28, 8)) as pilot:
        await start(pilot, table, [DROP_ROW])
        assert [c.key for c in table.shown_columns] == ["name", "status"]
        await pilot.press("s")
        assert table.sort_column == "name"
        await pilot.press("s")
        assert table.sort_column == "status"
        await pilot.press("s")
        assert table.sort_column is None, "wait, calls and rate are hidden"
        await pilot.click(table, offset=(25, 0))  # the Status header, at the right edge
        assert table.sort_column == "status"


def cell_backgrounds(table: VirtualTable, y: int) -> list[tuple[str, object]]:
    """Each stretch of line `y` with one background: its text (stripped) and the colour."""
    stretches: list[tuple[str, object]] = []
    for segment in table.render_line(y):
        colour = segment.style.bgcolor if segment.style else None
        if stretches and stretches[-1][1] == colour:
            stretches[-1] = (stretches[-1][0] + segment.text, colour)
        else:
            stretches.append((segment.text, colour))
    return [(text.strip(), colour) for text, colour in stretches if text.strip()]


def grid_table(count: int = 8, width: int = 12) -> VirtualTable:
    columns = [Column(f"c{i}", f"Column {i}", width=width) for i in range(count)]
    return VirtualTable(columns, cell_cursor=True, sortable=False)


def grid_rows(count: int = 8, rows: int = 3) -> list[Row]:
    return [Row(key=r, cells=tuple(f"r{r}c{i}" for i in range(count))) for r in range(rows)]


async def test_a_cell_cursor_moves_between_columns_and_draws_only_its_cell() -> None:
    table = grid_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, grid_rows())
        cursor_background = table.get_component_rich_style("virtual-table--cursor").bgcolor
        assert table.cursor_column == "c0" and table.cursor_row_key == 0
        [(text, colour), *rest] = cell_backgrounds(table, 1)
        assert (text, colour) == ("r0c0", cursor_background)
        assert all(colour != cursor_background for _text, colour in rest)
        await pilot.press("right", "right", "down")
        assert (table.cursor_row_key, table.cursor_column) == (1, "c2")
        assert ("r1c2", cursor_background) in cell_backgrounds(table, 2)
        assert all(colour != cursor_background for _t, colour in cell_backgrounds(table, 1))
        # Past the right edge: the cursor's column scrolls into view.
        await pilot.press(*["right"] * 6)
        assert table.cursor_column == "c7"
        assert "r1c7" in lines(table)[2]
        assert table.scroll_offset.x == table.max_scroll_x > 0
        await pilot.press("right")  # no further
        assert table.cursor_column == "c7"
        await pilot.press(*["left"] * 9)
        assert table.cursor_column == "c0" and table.scroll_offset.x == 0
        table.move_cursor(2, column="c3")
        await pilot.pause()
        assert (table.cursor_row_key, table.cursor_column) == (2, "c3")
        assert table.move_cursor_to_key(0, column="c1")
        assert (table.cursor_row_key, table.cursor_column) == (0, "c1")
        # A click moves the cursor to the cell; a click on the cursor cell selects it.
        await pilot.click(VirtualTable, offset=(2 * 14 + 3, 2))
        assert (table.cursor_row_key, table.cursor_column) == (1, "c2")
        assert app.selected == []
        await pilot.click(VirtualTable, offset=(2 * 14 + 3, 2))
        assert app.selected == [1]


async def test_a_row_cursor_has_no_cursor_column() -> None:
    table = numbered_table()
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(3))
        assert table.cursor_column is None


async def test_a_table_that_does_not_sort_offers_no_sort() -> None:
    table = grid_table(3)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        rows = [Row(key=r, cells=(f"{9 - r}", "x", "y")) for r in range(3)]
        await start(pilot, table, rows)
        await pilot.press("s")
        await pilot.click(VirtualTable, offset=(3, 0))
        assert table.sort_column is None
        assert [table.row_key_at(i) for i in range(3)] == [0, 1, 2]
        assert "s" not in app.screen.active_bindings


async def test_set_columns_replaces_columns_and_rows_keeping_the_cursor_cell() -> None:
    table = grid_table(3)
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, grid_rows(3, rows=5))
        table.move_cursor(3, column="c2")
        await pilot.pause()
        highlighted = len(app.highlighted)
        columns = [Column(f"c{i}", f"Column {i}", width=12) for i in (0, 2, 5)]
        rows = [Row(key=r, cells=(f"r{r}c0", f"r{r}c2", f"r{r}c5")) for r in range(5)]
        table.set_columns(columns, rows)
        await pilot.pause()
        assert [column.key for column in table.columns] == ["c0", "c2", "c5"]
        assert (table.cursor_row_key, table.cursor_column) == (3, "c2")
        assert lines(table)[0].split() == ["Column", "0", "Column", "2", "Column", "5"]
        assert lines(table)[4].split() == ["r3c0", "r3c2", "r3c5"]
        assert len(app.highlighted) == highlighted, "the cursor row did not change"
        # The cursor's column gone: the cursor stays at its place among the columns.
        table.set_columns(
            columns[:2], [Row(key=r, cells=row.cells[:2]) for r, row in enumerate(rows)]
        )
        await pilot.pause()
        assert table.cursor_column == "c2"
        table.set_columns(
            columns[:1], [Row(key=r, cells=row.cells[:1]) for r, row in enumerate(rows)]
        )
        assert table.cursor_column == "c0" and table.cursor_row_key == 3


async def test_set_columns_keeps_the_sort_and_filters_the_new_cells() -> None:
    table = VirtualTable([Column("name", "Name"), Column("n", "N")])
    app = TableApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, [Row(key=i, cells=(f"x{i}", str(i))) for i in range(3)])
        table.sort_by("name", reverse=True)
        table.set_filter("y")
        columns = [Column("name", "Name"), Column("other", "Other")]
        table.set_columns(columns, [Row(key=i, cells=(f"y{i}", "z")) for i in range(3)])
        await pilot.pause()
        assert table.sort_column == "name" and table.sort_reverse
        assert [table.row_key_at(i) for i in range(table.visible_row_count)] == [2, 1, 0]


async def test_a_long_cell_narrows_its_column_instead_of_pushing_the_flex_one_off() -> None:
    """The sent SMS list: one recipient with a long name left the message two cells."""
    table = VirtualTable(
        [
            Column("sent", "Sent", min_width=5),
            Column("to", "To", min_width=8),
            Column("state", "State", width=18),
            Column("message", "Message", flex=True, min_width=20),
        ]
    )
    long_to = "Przedsiębiorstwo Handlowo-Usługowe Zenon (Łódź), 600 100 200"
    row = Row(key=1, cells=("17:06", long_to, "delivered", "Zamówienie 4812 czeka na odbiór"))
    app = TableApp(table)
    async with app.run_test(size=(60, 8)) as pilot:
        await start(pilot, table, [row])
        assert [c.key for c in table.shown_columns] == ["sent", "to", "state", "message"]
        assert table.max_scroll_x == 0, "nothing runs past the right edge"
        assert "Zamówienie 4812" in lines(table)[1]
        assert "…" in lines(table)[1], "the long recipient is cut, visibly"
