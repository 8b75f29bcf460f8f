"""Phone books: the books on the left, the chosen book's entries on the right.

Entries are filtered as you type (name or number, Polish letters optional) and
sorted by clicking a column header; a book of 50,000 entries stays instant
because the entries table only renders the rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from spikon_tui.api.models import PhoneBook, PhoneBookElement
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.screens.phone_book_dialogs import AddBookDialog, AddEntryDialog
from spikon_tui.ui.widgets.call_dialog import CallDialog, PlacedCall
from spikon_tui.ui.widgets.confirm import ConfirmDialog
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

MAIN_BOOK_ID = 0


def entry_row(entry: PhoneBookElement, fallback_key: int) -> Row:
    key = entry.id if entry.id is not None else f"no-id-{fallback_key}"
    return Row(
        key=key, cells=(entry.name, entry.number), sort_values=(entry.name.casefold(), entry.number)
    )


class PhoneBooksScreen(Screen):
    TITLE = "Phone books"
    HELP = """
The phone books of your account. Pick a book on the left; its entries show on
the right. Type in the filter box to find an entry by any part of its name or
number ("lodz" finds "Łódź"). Click a column header to sort by it.

[b]n[/b] adds an entry to the book, [b]b[/b] adds a book (names are unique, at
most 25 characters), [b]delete[/b] removes the selected entry and
[b]shift+delete[/b] the selected book, after asking. The main book (id 0)
cannot be deleted.

[b]c[/b] or [b]enter[/b] calls the selected entry: your phone account rings
first, then SPIKON dials the number. [b]k[/b] calls any number you type.
"""
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("n", "add_entry", "New entry"),
        Binding("b", "add_book", "New book"),
        Binding("c", "call_entry", "Call"),
        Binding("k", "call_number", "Call number"),
        Binding("delete", "delete_entry", "Delete entry"),
        Binding("shift+delete", "delete_book", "Delete book"),
        Binding("r", "refresh", "Refresh"),
    ]

    @dataclass
    class BooksLoaded(Message):
        books: list[PhoneBook]
        error: Exception | None = None

    @dataclass
    class EntriesLoaded(Message):
        book_id: int
        entries: list[PhoneBookElement]
        error: Exception | None = None

    def __init__(self) -> None:
        super().__init__()
        self.books: dict[int, PhoneBook] = {}
        self.entries: dict[int, dict[object, PhoneBookElement]] = {}
        self.current_book_id: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="books-pane"):
                yield Static("Phone books", classes="section-title")
                yield OptionList(id="books")
            with Vertical(id="entries-pane"):
                filter_input = Input(placeholder="Filter by name or number  ( / )", id="filter")
                yield filter_input
                yield Static("", id="entries-status")
                yield VirtualTable(
                    [
                        Column("name", "Name", width=None),
                        Column("number", "Number", width=None),
                    ],
                    filter_columns=["name", "number"],
                    id="entries",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.load_books()

    # -- loading ---------------------------------------------------------------

    def action_refresh(self) -> None:
        self.load_books()
        if self.current_book_id is not None:
            self.load_entries(self.current_book_id)

    @work(exclusive=True, group="books")
    async def load_books(self) -> None:
        try:
            books = await self.app.spikon.phone_book_list()
        except Exception as error:  # noqa: BLE001 - shown by on_phone_books_screen_books_loaded
            self.post_message(self.BooksLoaded([], error))
        else:
            self.post_message(self.BooksLoaded(books))

    @work(exclusive=True, group="entries")
    async def load_entries(self, book_id: int) -> None:
        try:
            entries = await self.app.spikon.phone_book_show(phone_book_id=book_id)
        except Exception as error:  # noqa: BLE001
            self.post_message(self.EntriesLoaded(book_id, [], error))
        else:
            self.post_message(self.EntriesLoaded(book_id, entries))

    def on_phone_books_screen_books_loaded(self, message: BooksLoaded) -> None:
        if message.error is not None:
            self.notify(
                describe_error(message.error),
                title="Could not load the phone books",
                severity="error",
            )
            return
        self.books = {book.id: book for book in message.books}
        self._show_books()
        if self.current_book_id not in self.books and self.books:
            self._select_book(next(iter(self.books)))

    def _show_books(self) -> None:
        books = self.query_one("#books", OptionList)
        highlighted = self.current_book_id
        books.clear_options()
        books.add_options(Option(book.name, id=str(book.id)) for book in self.books.values())
        if highlighted in self.books:
            books.highlighted = list(self.books).index(highlighted)

    def _select_book(self, book_id: int) -> None:
        self.current_book_id = book_id
        books = self.query_one("#books", OptionList)
        index = list(self.books).index(book_id)
        if books.highlighted != index:
            books.highlighted = index
        if book_id in self.entries:
            self._show_entries()
        else:
            self._set_status("Loading entries…")
        self.load_entries(book_id)

    @on(OptionList.OptionHighlighted, "#books")
    def _book_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        book_id = int(event.option.id or 0)
        if book_id != self.current_book_id:
            self._select_book(book_id)

    @on(OptionList.OptionSelected, "#books")
    def _book_selected(self) -> None:
        self.query_one(VirtualTable).focus()

    def on_phone_books_screen_entries_loaded(self, message: EntriesLoaded) -> None:
        if message.error is not None:
            self.notify(
                describe_error(message.error), title="Could not load the entries", severity="error"
            )
            if message.book_id == self.current_book_id and message.book_id not in self.entries:
                self._set_status("The entries could not be loaded; r tries again.")
            return
        self.entries[message.book_id] = {
            row.key: entry
            for row, entry in ((entry_row(e, i), e) for i, e in enumerate(message.entries))
        }
        if message.book_id == self.current_book_id:
            self._show_entries()

    def _show_entries(self) -> None:
        table = self.query_one(VirtualTable)
        entries = self.entries.get(self.current_book_id, {})
        rows = [entry_row(entry, i) for i, entry in enumerate(entries.values())]
        table.set_rows(rows)
        self._update_status()

    # -- filter ----------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        table = self.query_one(VirtualTable)
        table.set_filter(event.value)
        table.empty_text = (
            f"No entries match “{event.value}”"
            if event.value
            else "This book has no entries yet; n adds one."
        )
        self._update_status()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.query_one(VirtualTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def _update_status(self) -> None:
        table = self.query_one(VirtualTable)
        book = self.books.get(self.current_book_id)
        name = book.name if book else ""
        total, shown = table.row_count, table.visible_row_count
        counted = (
            f"{total:,} entries".replace(",", " ")
            if shown == total
            else f"{shown:,} of {total:,} entries".replace(",", " ")
        )
        self._set_status(f"{name} · {counted}")

    def _set_status(self, text: str) -> None:
        self.query_one("#entries-status", Static).update(text)

    # -- actions ---------------------------------------------------------------

    def _current_book(self) -> PhoneBook | None:
        return self.books.get(self.current_book_id) if self.current_book_id is not None else None

    def _current_entry(self) -> PhoneBookElement | None:
        key = self.query_one(VirtualTable).cursor_row_key
        if key is None:
            return None
        return self.entries.get(self.current_book_id, {}).get(key)

    def action_add_book(self) -> None:
        def added(book: PhoneBook | None) -> None:
            if book is None:
                return
            self.books[book.id] = book
            self.entries[book.id] = {}
            self._show_books()
            self._select_book(book.id)
            self.notify(f"Phone book “{book.name}” added.")

        self.app.push_screen(AddBookDialog(), added)

    def action_add_entry(self) -> None:
        book = self._current_book()
        if book is None:
            self.notify("Choose a phone book first.", severity="warning")
            return

        def added(entry: PhoneBookElement | None) -> None:
            if entry is None:
                return
            book_entries = self.entries.setdefault(book.id, {})
            row = entry_row(entry, len(book_entries))
            book_entries[row.key] = entry
            if self.current_book_id == book.id:
                self.query_one(VirtualTable).update_rows([row], remove_missing=False)
                self._update_status()
            self.notify(f"{entry.name} ({entry.number}) added to “{book.name}”.")

        self.app.push_screen(AddEntryDialog(book), added)

    def action_delete_entry(self) -> None:
        entry = self._current_entry()
        book = self._current_book()
        if entry is None or book is None:
            self.notify("Select an entry first.", severity="warning")
            return
        if entry.id is None:
            self.notify(
                "SPIKON sent this entry without an id, so it cannot be deleted from here; "
                "delete it in the SPIKON panel.",
                severity="warning",
            )
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_entry(book.id, entry)

        question = f"Delete {entry.name} ({entry.number}) from “{book.name}”?"
        self.app.push_screen(ConfirmDialog(question, yes_label="Delete", danger=True), confirmed)

    @work(group="delete")
    async def delete_entry(self, book_id: int, entry: PhoneBookElement) -> None:
        try:
            await self.app.spikon.phone_book_element_delete(phone_book_element_id=entry.id)
        except Exception as error:  # noqa: BLE001
            self.post_message(self.Deleted(f"Could not delete {entry.name}", error))
        else:
            self.post_message(self.Deleted(f"{entry.name} deleted.", None, book_id, entry.id))

    @dataclass
    class Deleted(Message):
        text: str
        error: Exception | None
        book_id: int | None = None
        entry_id: object = None

    def on_phone_books_screen_deleted(self, message: Deleted) -> None:
        if message.error is not None:
            self.notify(describe_error(message.error), title=message.text, severity="error")
            return
        if message.entry_id is not None:
            self.entries.get(message.book_id, {}).pop(message.entry_id, None)
            if message.book_id == self.current_book_id:
                self._show_entries()
        elif message.book_id is not None:
            self.books.pop(message.book_id, None)
            self.entries.pop(message.book_id, None)
            self._show_books()
            self._select_book(
                MAIN_BOOK_ID if MAIN_BOOK_ID in self.books else next(iter(self.books))
            )
        self.notify(message.text)

    def action_delete_book(self) -> None:
        book = self._current_book()
        if book is None:
            return
        if book.id == MAIN_BOOK_ID:
            self.notify("The main phone book cannot be deleted.", severity="warning")
            return
        count = len(self.entries.get(book.id, {}))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_book(book)

        question = f"Delete the phone book “{book.name}” and its {count} entries?"
        self.app.push_screen(
            ConfirmDialog(question, yes_label="Delete book", danger=True), confirmed
        )

    @work(group="delete")
    async def delete_book(self, book: PhoneBook) -> None:
        try:
            await self.app.spikon.phone_book_delete(phone_book_id=book.id)
        except Exception as error:  # noqa: BLE001
            self.post_message(self.Deleted(f"Could not delete “{book.name}”", error))
        else:
            self.post_message(self.Deleted(f"Phone book “{book.name}” deleted.", None, book.id))

    @on(VirtualTable.RowSelected, "#entries")
    def _entry_selected(self) -> None:
        self.action_call_entry()

    def action_call_entry(self) -> None:
        entry = self._current_entry()
        if entry is None:
            self.notify("Select an entry first, or press k to call any number.", severity="warning")
            return
        self.app.push_screen(CallDialog(entry.number, who=entry.name), self.app.report_call)

    def action_call_number(self) -> None:
        self.app.push_screen(CallDialog(), self.app.report_call)


__all__ = ["PhoneBooksScreen", "PlacedCall"]
