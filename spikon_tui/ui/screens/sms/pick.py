"""Picking SMS recipients from a phone book: choose a book, filter, mark one or several.

Only numbers SMS can go to (Polish, 9 digits, checked by the client's
`check_sms_number`) can be picked; any other is refused with the reason. The
dialog dismisses with {number: name} in the order picked, or None when closed.
The book chosen last time is opened again (per profile).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Select, Static

from spikon_tui.api.errors import ValidationError
from spikon_tui.api.models import PhoneBook, PhoneBookElement
from spikon_tui.api.validation import check_sms_number
from spikon_tui.i18n import N_, _
from spikon_tui.ui.dialogs.base import Dialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.forms.parts import dialog_buttons
from spikon_tui.ui.phone_book_loads import BooksLoaded, EntriesLoaded, fetch_books, fetch_entries
from spikon_tui.ui.typed_app import spikon_app
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

REMEMBERED_BOOK = "sms_pick_book_id"
MARK = "✓"

Picked = dict[str, str | None]


def sms_number(entry: PhoneBookElement) -> str | None:
    """The entry's number as SMS needs it (9 digits), None when SMS cannot go to it."""
    try:
        return check_sms_number(entry.number)
    except ValidationError:
        return None


class PickRecipientsDialog(Dialog[Picked | None]):
    TITLE = N_("Pick recipients")
    HELP = N_("""
Choose a phone book, then an entry: [b]enter[/b] adds the highlighted entry and
closes. To add several, mark them with [b]space[/b] first; [b]enter[/b] or
[b]Add[/b] then adds every marked entry. Type in the filter to find an entry by
any part of its name or number.

SMS go only to Polish numbers of 9 digits; entries with another number cannot be
picked.
""")
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("space", "toggle_mark", N_("Mark")),
        Binding("slash", "focus_filter", N_("Filter"), show=False),
        Binding("f1", "app.help", N_("Help")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[Hashable, PhoneBookElement] = {}
        self.marked: dict[Hashable, tuple[str, str]] = {}
        self.book_id: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Static(_("Pick recipients from a phone book"), classes="dialog-title")
            yield Select[int]([], prompt=_("Loading phone books…"), id="pick-book")
            yield Input(placeholder=_("Filter by name or number ( / )"), id="pick-filter")
            table = VirtualTable(
                [
                    Column("mark", " ", width=1),
                    Column("name", _("Name"), flex=True, min_width=10),
                    Column("number", _("Number")),
                ],
                filter_columns=["name", "number"],
                id="pick-entries",
            )
            table.empty_text = _("Loading…")
            yield table
            yield Static(
                _("space marks several · enter adds the marked (or highlighted) entries"),
                classes="dialog-text pick-hint",
            )
            yield Static("", classes="dialog-error")
            yield dialog_buttons(_("Add"))

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#pick-entries", VirtualTable)

    def on_mount(self) -> None:
        self.query_one("#pick-filter", Input).focus()
        self.load_books()

    # -- loading -------------------------------------------------------------------------

    @work(group="pick-books")
    async def load_books(self) -> None:
        await fetch_books(self)

    def on_phone_book_books_loaded(self, message: BooksLoaded) -> None:
        books = self.query_one("#pick-book", Select)
        if message.error is not None:
            books.prompt = _("Phone books could not be loaded")
            self.table.empty_text = _("No phone book to pick from.")
            self.show_error(
                _("The phone books could not be loaded: {error}").format(
                    error=describe_error(message.error)
                )
            )
            return
        if not message.books:
            books.prompt = _("This account has no phone books")
            self.table.empty_text = _("No phone book to pick from.")
            return
        books.prompt = _("Choose a phone book")
        books.set_options((book.name, book.id) for book in message.books)
        ids = [book.id for book in message.books]
        remembered = spikon_app(self).session.recall(REMEMBERED_BOOK)
        main = PhoneBook.MAIN_BOOK_ID
        books.value = remembered if remembered in ids else (main if main in ids else ids[0])

    @on(Select.Changed, "#pick-book")
    def _book_chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.value, int):
            return
        self.book_id = event.value
        spikon_app(self).session.remember(REMEMBERED_BOOK, event.value)
        self.table.set_rows([])
        self.table.empty_text = _("Loading entries…")
        self.load_entries(event.value)

    @work(exclusive=True, group="pick-entries")
    async def load_entries(self, book_id: int) -> None:
        await fetch_entries(self, book_id)

    def on_phone_book_entries_loaded(self, message: EntriesLoaded) -> None:
        if message.book_id != self.book_id:
            return  # another book was chosen meanwhile
        if message.error is not None:
            self.table.empty_text = _("The entries could not be loaded.")
            self.show_error(
                _("The entries could not be loaded: {error}").format(
                    error=describe_error(message.error)
                )
            )
            return
        self.show_error("")
        self.entries = {
            (entry.id if entry.id is not None else f"no-id-{index}"): entry
            for index, entry in enumerate(message.entries)
        }
        self.table.set_rows(self._row(key, entry) for key, entry in self.entries.items())
        self.table.empty_text = _("This book has no entries.")

    def _row(self, key: Hashable, entry: PhoneBookElement) -> Row:
        mark = MARK if key in self.marked else ("" if sms_number(entry) else "–")
        return Row(key=key, cells=(mark, entry.name, entry.number))

    # -- picking -----------------------------------------------------------------------

    def _highlighted(self) -> tuple[Hashable, PhoneBookElement] | None:
        key = self.table.cursor_row_key
        entry = self.entries.get(key) if key is not None else None
        return None if entry is None else (key, entry)

    def _refused(self, entry: PhoneBookElement) -> None:
        self.show_error(
            _(
                "{name}: {number} is not a Polish number of 9 digits, so SMS cannot go to it."
            ).format(name=entry.name, number=entry.number)
        )

    def action_toggle_mark(self) -> None:
        current = self._highlighted()
        if current is None:
            return
        key, entry = current
        if key in self.marked:
            del self.marked[key]
        else:
            number = sms_number(entry)
            if number is None:
                self._refused(entry)
                return
            self.marked[key] = (number, entry.name)
        self.show_error("")
        self.table.update_rows([self._row(key, entry)], remove_missing=False)
        self.table.action_cursor_down()

    def action_focus_filter(self) -> None:
        self.query_one("#pick-filter", Input).focus()

    @on(Input.Changed, "#pick-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.table.set_filter(event.value)

    @on(Input.Submitted, "#pick-filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    @on(VirtualTable.RowSelected, "#pick-entries")
    def _entry_chosen(self) -> None:
        self.action_add()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "submit":
            self.action_add()
        else:
            self.action_cancel()

    def action_add(self) -> None:
        if self.marked:
            self.dismiss({number: name for number, name in self.marked.values()})
            return
        current = self._highlighted()
        if current is None:
            self.show_error(_("Choose an entry first."))
            return
        _key, entry = current
        number = sms_number(entry)
        if number is None:
            self._refused(entry)
            return
        self.dismiss({number: entry.name})

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, text: str) -> None:
        line = self.query_one(".dialog-error", Static)
        line.update(text)
        line.display = bool(text)

    @property
    def error_text(self) -> str:
        line = self.query_one(".dialog-error", Static)
        return str(line.content) if line.display else ""
