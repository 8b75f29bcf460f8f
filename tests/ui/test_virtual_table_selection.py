"""Selecting several rows of a VirtualTable: space, shift+arrows, ctrl+a, and what keeps or
drops a selection (filtering, live updates, new data), driven by keys through a real app."""

from __future__ import annotations

from textual.app import App

from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable
from tests.ui.test_virtual_table import (
    SIZE,
    TableApp,
    body,
    lines,
    numbered_rows,
    person_rows,
    start,
)


def selectable_table(**kwargs: object) -> VirtualTable:
    columns = [
        Column("name", "Name"),
        Column("number", "Number"),
        Column("balance", "Balance", align="right"),
    ]
    return VirtualTable(columns, selectable=True, **kwargs)  # type: ignore[arg-type]


class SelectionApp(TableApp):
    """Also counts the SelectionChanged messages, with the selection each one saw."""

    def __init__(self, table: VirtualTable) -> None:
        super().__init__(table)
        self.changes: list[frozenset[object]] = []

    def on_virtual_table_selection_changed(self, message: VirtualTable.SelectionChanged) -> None:
        assert message.control is self.table
        self.changes.append(message.table.selected_keys)


def marked(table: VirtualTable) -> list[str]:
    """The first word of each row drawn with the selection mark."""
    return [line[2:].split()[0] for line in body(table) if line.startswith("✓ ")]


async def test_space_toggles_the_cursor_row_and_draws_a_mark() -> None:
    table = selectable_table()
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        await pilot.press("down", "space")
        assert table.selected_keys == {"p1"}
        assert table.selected_count == 1
        assert marked(table) == ["Łódź"]
        await pilot.press("down", "down", "space")
        assert table.selected_keys == {"p1", "p3"}
        assert marked(table) == ["Łódź", "Wiśniewska"]
        await pilot.press("space")
        assert table.selected_keys == {"p1"}
        await pilot.pause()
        assert app.changes == [{"p1"}, {"p1", "p3"}, {"p1"}]


async def test_the_mark_takes_a_gutter_and_keeps_the_columns_aligned() -> None:
    table = selectable_table()
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        await pilot.press("space")
        shown = lines(table)
        assert shown[0].startswith("   Name")  # the gutter, then the column's padding
        assert shown[1].startswith("✓  Żółć Zenon")
        assert shown[2].startswith("   Łódź Agnieszka")
        assert len({len(line) for line in shown[1:4]}) == 1, shown  # right column aligned
        for y in range(4):
            assert table.render_line(y).cell_length == table.size.width


async def test_shift_arrows_extend_and_shrink_a_range_from_where_it_started() -> None:
    table = selectable_table()
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        await pilot.press("down", "shift+down", "shift+down")
        assert table.selected_keys == {"p1", "p2", "p3"}
        assert table.cursor_row == 3
        await pilot.press("shift+up")
        assert table.selected_keys == {"p1", "p2"}
        await pilot.press("shift+up", "shift+up")  # past the anchor: the range turns round
        assert table.selected_keys == {"p0", "p1"}
        assert table.cursor_row == 0


async def test_a_new_range_adds_to_what_was_selected_before() -> None:
    table = selectable_table()
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        await pilot.press("space", "down", "down", "down", "shift+down")
        assert table.selected_keys == {"p0", "p3", "p4"}
        await pilot.press("up", "shift+up")  # a plain move ended the range: a new one
        assert table.selected_keys == {"p0", "p2", "p3", "p4"}


async def test_shift_pagedown_selects_a_page() -> None:
    table = VirtualTable([Column("id", "ID"), Column("name", "Name")], selectable=True)
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, numbered_rows(100))
        await pilot.press("shift+pagedown")
        page = table.cursor_row
        assert page > 5
        assert table.selected_keys == set(range(page + 1))


async def test_ctrl_a_selects_the_rows_shown_and_again_unselects_them() -> None:
    table = selectable_table()
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        await pilot.press("space")  # Żółć, which the filter then hides
        table.set_filter("600 100 00")
        table.set_filter("łódź")
        assert table.visible_row_count == 1
        await pilot.press("ctrl+a")
        assert table.selected_keys == {"p0", "p1"}
        await pilot.press("ctrl+a")  # all shown are selected: unselect them
        assert table.selected_keys == {"p0"}
        table.select_all_shown()
        table.set_filter("")
        assert table.selected_keys == {"p0", "p1"}  # the filter keeps a selection
        await pilot.pause()
        assert marked(table) == ["Żółć", "Łódź"]
        table.clear_selection()
        assert table.selected_keys == frozenset()
        await pilot.pause()
        assert marked(table) == []
        assert app.changes[-1] == frozenset()


async def test_update_rows_drops_the_keys_gone_and_set_rows_clears() -> None:
    table = selectable_table()
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        await pilot.press("ctrl+a")
        table.update_rows(person_rows()[1:])
        assert table.selected_keys == {"p1", "p2", "p3", "p4"}
        changed = Row(key="p2", cells=("Kowalski Jan", "+48 600 100 003", "1.00 zł"))
        table.update_rows([changed], remove_missing=False)
        assert table.selected_keys == {"p1", "p2", "p3", "p4"}
        count = len(app.changes)
        table.set_rows(person_rows())
        assert table.selected_keys == frozenset()
        await pilot.pause()
        assert len(app.changes) == count + 2  # the update that dropped p0, and the clear


async def test_a_click_on_the_gutter_toggles_the_row() -> None:
    table = selectable_table()
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        await pilot.click(VirtualTable, offset=(0, 3))
        assert table.selected_keys == {"p2"}
        assert table.cursor_row == 0  # the mark only: the cursor stays
        await pilot.click(VirtualTable, offset=(5, 3))  # a cell: moves the cursor
        assert table.selected_keys == {"p2"}
        assert table.cursor_row == 2


class ScreenKeysApp(App[None]):
    """A table that is not selectable, under an app that binds space and ctrl+a itself."""

    BINDINGS = [("space", "app_space", "App space"), ("ctrl+a", "app_all", "App all")]

    def __init__(self) -> None:
        super().__init__()
        self.table = VirtualTable([Column("name", "Name")])
        self.pressed: list[str] = []

    def compose(self):  # type: ignore[no-untyped-def]
        yield self.table

    def on_mount(self) -> None:
        self.table.focus()

    def action_app_space(self) -> None:
        self.pressed.append("space")

    def action_app_all(self) -> None:
        self.pressed.append("ctrl+a")


async def test_without_selectable_the_keys_go_on_and_the_footer_shows_nothing() -> None:
    app = ScreenKeysApp()
    async with app.run_test(size=SIZE) as pilot:
        app.table.set_rows([Row(key=1, cells=("Jan",))])
        await pilot.press("space", "ctrl+a", "shift+down")
        assert app.pressed == ["space", "ctrl+a"]
        assert app.table.selected_keys == frozenset()
        shown = {binding.action for _, binding, enabled, _ in app.active_bindings.values()}
        assert "toggle_selection" not in shown
        assert "app_space" in shown


async def test_when_selectable_the_footer_offers_select_and_ctrl_a_works_unshown() -> None:
    table = selectable_table()
    app = SelectionApp(table)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, table, person_rows())
        offered = {
            binding.action: binding.show
            for _, binding, enabled, _ in app.active_bindings.values()
            if enabled
        }
        assert offered["toggle_selection"] is True
        assert offered["toggle_select_all"] is False, "in F1 and the palette, not the footer"
