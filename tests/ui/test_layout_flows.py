"""What fits where: the phone books at 80x24 and 120x40, dialogs and footers on a small terminal."""

from __future__ import annotations

import re

from textual.widgets import Button

from spikon_tui.sandbox import Sandbox
from spikon_tui.ui.dialogs.call import CallDialog
from spikon_tui.ui.screens.phone_books.screen import PhoneBooksScreen
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.ui.conftest import NARROW, SIZE, paste, screen_lines, settle, table_lines

NUMBER = re.compile(r"\d[\d ]{7,}\d$")
"""A whole number at the end of the line, grouped for reading (`733 926 963`)."""


def assert_entries_fit(screen: PhoneBooksScreen) -> None:
    """Every painted row shows its whole number at the end, with nothing to scroll sideways."""
    table = screen.query_one("#entries", VirtualTable)
    assert table.virtual_size.width <= table.scrollable_content_region.width
    assert not table.show_horizontal_scrollbar
    header, *rows = table_lines(table)
    assert header.split() == ["Name", "Number"]
    shown = [line for line in rows if line.strip()]
    assert len(shown) == table.scrollable_content_region.height - 1, "the table is full"
    for index, line in enumerate(shown):
        number = str(table.get_row(table.row_key_at(index)).cells[1])
        assert line.endswith(number), line
        assert NUMBER.search(line), line


async def test_the_entries_fit_at_80_columns_and_follow_the_terminal_size(
    make_app, sandbox: Sandbox
) -> None:
    app = make_app(start_mode="books")
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PhoneBooksScreen)
        assert screen.query_one("#books-pane").outer_size.width == 22
        assert_entries_fit(screen)
        narrow_header = table_lines(screen.query_one("#entries", VirtualTable))[0]

        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert screen.query_one("#books-pane").outer_size.width == 30
        assert_entries_fit(screen)
        wide_header = table_lines(screen.query_one("#entries", VirtualTable))[0]
        assert wide_header.index("Number") > narrow_header.index("Number") + 20

        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        assert_entries_fit(screen)

        # A short book: no vertical scrollbar, so the name column takes its place too.
        await pilot.click("#books", offset=(2, 3))
        await settle(pilot)
        table = screen.query_one("#entries", VirtualTable)
        assert table.row_count == 12 and not table.show_vertical_scrollbar
        assert table.virtual_size.width == table.scrollable_content_region.width


async def test_f1_is_in_the_footer_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert "f1 Help" in screen_lines(app)[-1]
        await pilot.press("f3")
        await settle(pilot)
        # The filter takes typing at once: letters are text there, so their keys are not shown.
        footer = screen_lines(app)[-1]
        assert "f1 Help" in footer and "New entry" not in footer, footer
        await pilot.press("down")  # on to the list, where a letter is an action
        assert "n New entry" in screen_lines(app)[-1]
        await pilot.click("#filter")
        assert "New entry" not in screen_lines(app)[-1]
        await pilot.click("#entries", offset=(3, 2))
        assert "n New entry" in screen_lines(app)[-1]


async def test_a_long_error_keeps_the_dialog_buttons_on_a_small_terminal(
    make_app, sandbox: Sandbox
) -> None:
    app = make_app(start_mode="books")
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("down", "k")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CallDialog)
        await pilot.click("#caller")
        await pilot.press("down", "down", "enter")
        await pilot.click("#number")
        await paste(pilot, "501234567")
        sandbox.faults.drop_next("call/initiate")
        await pilot.press("enter")
        await settle(pilot)
        assert "may or may not have been started" in dialog.error_text

        painted = "\n".join(screen_lines(app))
        assert "may or may not have been started" in painted
        for button_id, label in (("#submit", "Call again"), ("#cancel", "Cancel")):
            button = dialog.query_one(button_id, Button)
            assert dialog.region.contains_region(button.region), button_id
            assert label in painted
