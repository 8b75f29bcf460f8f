"""The phone-books screen against a real sandbox: books, entries, filter, sort, add, delete."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList

from spikon_tui.contacts.numbers import display_number
from spikon_tui.i18n import set_language
from spikon_tui.sandbox import Sandbox
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.screens.phone_books.dialogs import AddBookDialog, AddEntryDialog
from spikon_tui.ui.screens.phone_books.screen import PhoneBooksScreen, count_text
from spikon_tui.ui.widgets.freshness import FreshnessLabel
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import (
    SIZE,
    assert_no_traceback,
    paste,
    settle,
    table_lines,
    text_of,
    toast_text,
    toasts,
    wait_until,
)

MAIN_BOOK = "Książka główna"


def books_app(make_app) -> SpikonApp:
    """The app opening on the phone books (F3 from the account screen is tested elsewhere)."""
    return make_app(start_mode="books")


async def open_books(pilot: Pilot) -> PhoneBooksScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PhoneBooksScreen)
    return screen


def entries(screen: PhoneBooksScreen) -> VirtualTable:
    return screen.query_one("#entries", VirtualTable)


def book_names(screen: PhoneBooksScreen) -> list[str]:
    options = screen.query_one("#books", OptionList)
    return [str(option.prompt) for option in options.options]


def highlighted_book(screen: PhoneBooksScreen) -> str | None:
    option = screen.query_one("#books", OptionList).highlighted_option
    return None if option is None else str(option.prompt)


def shown_rows(screen: PhoneBooksScreen) -> list[tuple[str, str]]:
    """(name, number) of every row that passes the filter, in display order; the number
    without the spaces that group it for reading (`600 100 200` is `600100200`)."""
    table = entries(screen)
    rows = [table.get_row(table.row_key_at(i)) for i in range(table.visible_row_count)]
    return [(str(row.cells[0]), str(row.cells[1]).replace(" ", "")) for row in rows]


def status(screen: PhoneBooksScreen) -> str:
    return text_of(screen.query_one("#entries-status"))


async def choose_book(pilot: Pilot, screen: PhoneBooksScreen, name: str) -> None:
    """Click the book in the list, as a user would, and wait for its entries."""
    index = book_names(screen).index(name)
    await pilot.click("#books", offset=(2, index))
    await settle(pilot)
    assert highlighted_book(screen) == name
    assert screen.books[screen.current_book_id].name == name


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*text)


def server_entries(sandbox: Sandbox, book_id: int) -> list[tuple[str, str]]:
    return [(e.name, e.number) for e in sandbox.state.books.books[book_id].entries.values()]


# -- listing, filter, sort -----------------------------------------------------------


async def test_books_are_listed_choosing_one_loads_its_entries_headers_sort(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        assert book_names(screen) == [b.name for b in sandbox.state.books.books.values()]
        assert highlighted_book(screen) == MAIN_BOOK
        assert shown_rows(screen) == server_entries(sandbox, 0)
        assert status(screen) == f"{MAIN_BOOK} · 60 entries"

        await choose_book(pilot, screen, "Serwis")
        assert shown_rows(screen) == server_entries(sandbox, 3)
        assert status(screen) == "Serwis · 12 entries"
        # What is painted: the header, then the first entry of the book.
        name, number = server_entries(sandbox, 3)[0]
        header, first = table_lines(entries(screen))[:2]
        assert header.split() == ["Name", "Number"]
        assert first.split()[0] == name.split()[0] and first.endswith(display_number(number))
        assert sandbox.request_counts["phone_book/show"] == 2

        # Clicking a header sorts by it; clicking it again reverses.
        table = entries(screen)
        header = table_lines(table)[0]
        await pilot.click("#entries", offset=(header.index("Number"), 0))
        numbers = [number for _, number in shown_rows(screen)]
        assert numbers == sorted(number for _, number in server_entries(sandbox, 3))
        assert "Number ▲" in table_lines(table)[0]
        await pilot.click("#entries", offset=(header.index("Number"), 0))
        numbers = [number for _, number in shown_rows(screen)]
        assert numbers == sorted(numbers, reverse=True)
        assert "Number ▼" in table_lines(table)[0]
        await pilot.click("#entries", offset=(header.index("Name"), 0))
        names = [name for name, _ in shown_rows(screen)]
        assert names == sorted(names, key=str.casefold)
        assert "Name ▲" in table_lines(table)[0]


async def test_filter_as_you_type_ignores_case_and_polish_letters(make_app) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        await pilot.click("#filter")
        await type_text(pilot, "lodz")
        await pilot.pause()
        assert [name for name, _ in shown_rows(screen)] == [
            "Urszula Makowska (Łódź)",
            "PHU Ogrody Zielony Zakątek s.c. (Łódź)",
        ]
        assert status(screen) == f"{MAIN_BOOK} · 2 of 60 entries"
        painted = "\n".join(table_lines(entries(screen)))
        assert "Urszula Makowska (Łódź)" in painted
        assert "Krzysztof Mazur" not in painted

        await type_text(pilot, "x")
        await pilot.pause()
        assert shown_rows(screen) == []
        assert status(screen) == f"{MAIN_BOOK} · 0 of 60 entries"
        assert "No entries match “lodzx”" in "\n".join(table_lines(entries(screen)))

        await pilot.press("ctrl+u")
        await pilot.pause()
        assert len(shown_rows(screen)) == 60
        assert status(screen) == f"{MAIN_BOOK} · 60 entries"


async def test_refresh_updates_rows_by_key_and_keeps_the_cursor(make_app, sandbox: Sandbox) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        table = entries(screen)
        table.focus()
        await pilot.press("down", "down", "down")
        key_before = table.cursor_row_key
        assert table.cursor_row == 3

        first_id = next(iter(sandbox.state.books.books[0].entries))
        with sandbox.state.lock:
            sandbox.state.books.delete_entry(first_id)
            added = sandbox.state.books.add_entry(0, "Zenon Nowy", "600700800")
        await pilot.press("r")
        await settle(pilot)
        assert table.cursor_row_key == key_before, "the cursor stays on the same entry"
        assert table.cursor_row == 2, "one row above it is gone"
        assert ("Zenon Nowy", "600700800") in shown_rows(screen)
        assert first_id not in {table.row_key_at(i) for i in range(table.visible_row_count)}
        assert added.id in {table.row_key_at(i) for i in range(table.visible_row_count)}
        assert status(screen) == f"{MAIN_BOOK} · 60 entries"


# -- add a book ------------------------------------------------------------------------


async def test_add_book_validates_as_you_type_refuses_duplicates_inline_then_adds(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        await pilot.press("down", "b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddBookDialog)
        name = dialog.query_one("#book-name", Input)
        assert name.has_focus

        # 26 characters: refused as it is typed, and not sent.
        await paste(pilot, "x" * 24)
        assert dialog.error_text == ""
        await type_text(pilot, "xx")
        await pilot.pause()
        assert dialog.error_text == "The name must be at most 25 characters long (it has 26)."
        assert name.has_class("-invalid")
        await pilot.press("enter")
        await pilot.click("#submit")
        await settle(pilot)
        assert app.screen is dialog, "an invalid form is not sent"
        assert sandbox.request_counts["phone_book/add"] == 0

        # A name that exists: the server's -10 is shown in the dialog, the name stays.
        await pilot.click("#book-name")
        await pilot.press("end", "ctrl+u")
        assert dialog.error_text == ""
        assert not name.has_class("-invalid")
        await paste(pilot, "Dostawcy")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog, "the dialog stays open"
        assert name.value == "Dostawcy"
        assert dialog.error_text.startswith("It already exists and cannot be added twice")
        assert dialog.error_text.endswith("[SPIKON error -10: Already exist]")
        assert not dialog.query_one("#submit", Button).disabled
        assert toasts(app) == [], "the answer is shown in the dialog, not in a toast"
        assert sandbox.request_counts["phone_book/add"] == 1
        assert book_names(screen).count("Dostawcy") == 1

        # A new name: the book appears in the list and is selected.
        await pilot.press("end", "ctrl+u")
        await paste(pilot, "Nowi klienci")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert sandbox.request_counts["phone_book/add"] == 2
        [created] = [b for b in sandbox.state.books.books.values() if b.name == "Nowi klienci"]
        assert book_names(screen)[-1] == "Nowi klienci"
        assert highlighted_book(screen) == "Nowi klienci"
        assert screen.current_book_id == created.id
        assert status(screen) == "Nowi klienci · 0 entries"
        assert shown_rows(screen) == []
        assert "This book has no entries yet" in "\n".join(table_lines(entries(screen)))
        assert ("information", "", "Phone book “Nowi klienci” added.") in toasts(app)


# -- delete a book ---------------------------------------------------------------------


async def test_deleting_a_book_asks_first_and_the_main_book_is_refused_locally(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        # The main book: told at once, nothing asked, nothing sent.
        assert highlighted_book(screen) == MAIN_BOOK
        await pilot.press("shift+delete")
        await settle(pilot)
        assert app.screen is screen, "no confirmation is asked for what cannot be done"
        [(severity, title, message)] = toasts(app)
        assert (severity, title) == ("warning", "The main book cannot be deleted")
        assert message.startswith(f"“{MAIN_BOOK}” is the account's main phone book")
        assert sandbox.request_counts["phone_book/delete"] == 0

        await choose_book(pilot, screen, "Serwis")
        await pilot.press("shift+delete")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert confirm.question == "Delete the phone book “Serwis” and its 12 entries?"
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        assert sandbox.request_counts["phone_book/delete"] == 0
        assert "Serwis" in book_names(screen)

        await pilot.press("shift+delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert sandbox.request_counts["phone_book/delete"] == 1
        assert 3 not in sandbox.state.books.books
        assert "Serwis" not in book_names(screen)
        assert highlighted_book(screen) == MAIN_BOOK
        assert shown_rows(screen) == server_entries(sandbox, 0)
        assert ("information", "", "Phone book “Serwis” deleted.") in toasts(app)


async def test_a_forbidden_answer_from_the_server_is_told_in_words(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        await choose_book(pilot, screen, "Klienci VIP")
        # SPIKON may refuse any delete with -11; the sandbox answers it for this request.
        sandbox.faults.error_next(
            "phone_book/delete", code=-11, desc="The phone book is used by a campaign"
        )
        await pilot.press("shift+delete")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)

        assert sandbox.request_counts["phone_book/delete"] == 1
        [(severity, title, message)] = toasts(app)
        assert (severity, title) == ("error", "Could not delete “Klienci VIP”")
        assert message == (
            "SPIKON does not allow this action: The phone book is used by a campaign. "
            "[SPIKON error -11: Forbidden]"
        )
        assert_no_traceback(app)
        assert "Klienci VIP" in book_names(screen), "nothing was deleted, so the book stays"
        assert 1 in sandbox.state.books.books
        assert highlighted_book(screen) == "Klienci VIP"
        assert len(shown_rows(screen)) == 40


# -- entries ---------------------------------------------------------------------------


async def test_add_entry_validates_as_you_type_then_the_new_row_can_be_found(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        await pilot.press("down", "n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddEntryDialog)
        name = dialog.query_one("#entry-name", Input)
        number = dialog.query_one("#entry-number", Input)

        await paste(pilot, "a" * 120)
        assert dialog.error_text == ""
        await type_text(pilot, "a")
        await pilot.pause()
        assert dialog.error_text == "The name must be at most 120 characters long (it has 121)."
        await pilot.press("backspace")
        await pilot.pause()
        assert dialog.error_text == "", "the number is still empty: not an error yet"

        await pilot.press("enter")  # on to the number
        assert number.has_focus
        await paste(pilot, "50\x07")
        await pilot.pause()
        assert dialog.error_text.startswith("The number"), "a control character is refused"
        await pilot.press("ctrl+u")
        await paste(pilot, "1" * 25)
        assert dialog.error_text == ""
        await type_text(pilot, "1")
        await pilot.pause()
        assert dialog.error_text == "The number must be at most 25 characters long (it has 26)."
        assert number.has_class("-invalid")
        await pilot.press("enter")
        await pilot.click("#submit")
        await settle(pilot)
        assert app.screen is dialog
        assert sandbox.request_counts["phone_book_element/add"] == 0

        await pilot.click("#entry-number")
        await pilot.press("end", "ctrl+u")
        await pilot.click("#submit")
        await settle(pilot)
        assert dialog.error_text == "The number must not be empty."
        assert name.value == "a" * 120, "what was typed stays"
        assert sandbox.request_counts["phone_book_element/add"] == 0

        await pilot.click("#entry-name")
        await pilot.press("end", "ctrl+u")
        await paste(pilot, "Żaneta Źdźbło")
        await pilot.click("#entry-number")
        await paste(pilot, "+48 600 100 200")
        await pilot.press("enter")
        await settle(pilot)

        assert app.screen is screen
        assert sandbox.request_counts["phone_book_element/add"] == 1
        # Stored as SPIKON documents a number (9 digits for Poland): one line, one spelling.
        assert server_entries(sandbox, 0)[-1] == ("Żaneta Źdźbło", "600100200")
        assert ("Żaneta Źdźbło", "600100200") in shown_rows(screen)
        table = entries(screen)
        assert table.get_row(table.cursor_row_key).cells[0] == "Żaneta Źdźbło"
        assert status(screen) == f"{MAIN_BOOK} · 61 entries"
        assert (
            "information",
            "",
            f"Żaneta Źdźbło (600 100 200) added to “{MAIN_BOOK}”.",
        ) in toasts(app)

        await pilot.click("#filter")
        await type_text(pilot, "zdzb")
        await pilot.pause()
        assert shown_rows(screen) == [("Żaneta Źdźbło", "600100200")]
        assert status(screen) == f"{MAIN_BOOK} · 1 of 61 entries"


async def test_adding_an_entry_while_the_server_is_down_keeps_the_form(
    make_app, sandbox: Sandbox
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await open_books(pilot)
        await pilot.press("down", "n")
        await pilot.pause()
        dialog = app.screen
        await paste(pilot, "Jan Kowalski")
        await pilot.press("enter")
        await paste(pilot, "501234567")
        sandbox.stop()
        await pilot.press("enter")
        await settle(pilot)

        assert app.screen is dialog, "the dialog stays open"
        assert dialog.query_one("#entry-name", Input).value == "Jan Kowalski"
        assert dialog.query_one("#entry-number", Input).value == "501234567"
        assert dialog.error_text.startswith(f"Could not connect to {sandbox.base_url}")
        assert not dialog.query_one("#submit", Button).disabled
        assert "Jan Kowalski" not in [name for name, _ in server_entries(sandbox, 0)]

        sandbox.start()
        await pilot.click("#submit")
        await settle(pilot)
        assert isinstance(app.screen, PhoneBooksScreen), toast_text(app)
        assert ("Jan Kowalski", "501234567") in server_entries(sandbox, 0)


async def test_deleting_an_entry_asks_then_removes_its_row(make_app, sandbox: Sandbox) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        await choose_book(pilot, screen, "Dostawcy")
        table = entries(screen)
        table.focus()
        await pilot.press("down", "down")
        doomed_key = table.cursor_row_key
        doomed = sandbox.state.books.books[2].entries[doomed_key]

        await pilot.press("delete")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert (
            confirm.question
            == f"Delete {doomed.name} ({display_number(doomed.number)}) from “Dostawcy”?"
        )
        await pilot.press("n")
        await settle(pilot)
        assert sandbox.request_counts["phone_book_element/delete"] == 0
        assert (doomed.name, doomed.number) in shown_rows(screen)

        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        assert sandbox.request_counts["phone_book_element/delete"] == 1
        assert doomed_key not in sandbox.state.books.books[2].entries
        assert (doomed.name, doomed.number) not in shown_rows(screen)
        assert len(shown_rows(screen)) == 24
        assert table.cursor_row == 2, "the cursor stays where it was"
        assert status(screen) == "Dostawcy · 24 entries"
        assert (
            "information",
            "",
            f"{doomed.name} ({display_number(doomed.number)}) deleted.",
        ) in toasts(app)


# -- the server goes away --------------------------------------------------------------


async def test_refresh_with_the_server_down_keeps_the_entries(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        await choose_book(pilot, screen, "Klienci VIP")
        before = shown_rows(screen)
        freshness = screen.query_one("#books-freshness", FreshnessLabel)
        assert text_of(freshness) == "updated 0 s ago"

        clock.advance(12)
        sandbox.stop()
        await pilot.press("r")
        await settle(pilot)
        await wait_until(
            pilot,
            lambda: text_of(freshness) == "refresh failed; showing data from 12 s ago",
            "the stale notice",
        )
        assert shown_rows(screen) == before
        assert book_names(screen) == [b.name for b in sandbox.state.books.books.values()]
        assert status(screen) == "Klienci VIP · 40 entries"
        [(severity, title, message)] = toasts(app)
        assert (severity, title) == ("error", "Could not refresh the phone books")
        assert message.startswith(f"Could not connect to {sandbox.base_url}")
        assert_no_traceback(app)

        sandbox.start()
        await pilot.press("r")
        await settle(pilot)
        await wait_until(pilot, lambda: text_of(freshness) == "updated 0 s ago", "recovery")
        assert shown_rows(screen) == before


# -- in Polish ---------------------------------------------------------------------------


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


@pytest.mark.parametrize(
    ("shown", "total", "words"),
    [
        (1, 1, "1 wpis"),
        (3, 3, "3 wpisy"),
        (24, 24, "24 wpisy"),
        (3000, 3000, "3 000 wpisów"),
        (12, 12, "12 wpisów"),
        (1, 1000, "1 z 1 000 wpisów"),
    ],
)
def test_polish_counts_entries_with_the_right_plural(
    shown: int, total: int, words: str, polish: None
) -> None:
    assert count_text(shown, total) == words


async def test_in_polish_the_dialogs_name_their_fields_whatever_their_gender(
    make_app, polish: None
) -> None:
    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        await pilot.press("down", "b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddBookDialog)
        await pilot.click("#submit")
        await settle(pilot)
        assert dialog.error_text == "Pole „Nazwa” nie może być puste."
        await paste(pilot, "x" * 26)
        assert dialog.error_text == "Pole „Nazwa” może mieć najwyżej 25 znaków (wpisano 26)."
        await pilot.press("escape")
        await settle(pilot)

        entries(screen).focus()
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddEntryDialog)
        await pilot.click("#entry-name")
        await paste(pilot, "Jan Kowalski")
        await pilot.click("#entry-number")
        await pilot.press("end", "ctrl+u")
        await pilot.click("#submit")
        await settle(pilot)
        assert dialog.error_text == "Pole „Numer” nie może być puste."


async def test_an_entry_added_or_deleted_names_its_number_on_other_screens_at_once(
    make_app, sandbox: Sandbox
) -> None:
    """The shared names (call history, SMS, the monitor's waiting callers) are loaded again
    after an edit here, not only at the next ten-minute refresh."""
    from spikon_tui.ui.contact_names import contact_names

    app = books_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_books(pilot)
        names = contact_names(app)
        await wait_until(pilot, lambda: names.loaded, "the names loaded once")
        assert names.name_for("600 999 111") is None
        await pilot.press("down", "n")
        await pilot.pause()
        await paste(pilot, "Zenon Nowy")
        await pilot.press("enter")
        await paste(pilot, "+48 600 999 111")
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: names.name_for("600999111") == "Zenon Nowy", "the name after the add"
        )
        assert "Zenon Nowy" in str(entries(screen).get_row(entries(screen).cursor_row_key).cells)
        entries(screen).focus()
        await pilot.pause()
        await pilot.press("delete")  # the new entry is under the cursor
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.click("#yes")
        await wait_until(
            pilot, lambda: names.name_for("600999111") is None, "the name gone after the delete"
        )
