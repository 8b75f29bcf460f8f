"""The forms of the phone-books screen: a new book, a new entry and an entry corrected,
validated as you type."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from spikon_tui.api import validation
from spikon_tui.api.models import PhoneBook, PhoneBookElement
from spikon_tui.contacts.numbers import number_for_book, number_problem
from spikon_tui.i18n import N_, _
from spikon_tui.ui.dialogs.request import RequestDialog, ResultT
from spikon_tui.ui.forms.api_validator import ApiCheck
from spikon_tui.ui.forms.parts import dialog_buttons, number_check
from spikon_tui.ui.typed_app import spikon_client
from spikon_tui.ui.widgets.field import Field

if TYPE_CHECKING:
    from spikon_tui.phone_books.editing import Replaced


class AddBookDialog(RequestDialog[PhoneBook]):
    """Name a new phone book; the server's refusal (a duplicate name) is shown inline."""

    TITLE = N_("New phone book")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("New phone book"), classes="dialog-title")
            name = Field(
                placeholder=_("Book name, at most {maximum} characters").format(
                    maximum=validation.PHONE_BOOK_NAME_MAX
                ),
                id="book-name",
                valid_empty=True,
                validators=[ApiCheck(validation.check_phone_book_name, _("the name"))],
            )
            name.border_title = _("Name")
            yield name
            yield Static("", classes="dialog-error")
            yield dialog_buttons(_("Add book"))

    def build_request(self) -> Callable[[], Awaitable[PhoneBook]]:
        name = self.value_of("#book-name")
        spikon = spikon_client(self)
        return lambda: spikon.phone_book_add(phone_book_name=name)


class EntryDialog(RequestDialog[ResultT]):
    """A name and a number for the book on screen; the number's doubts show as a hint.

    The number is sent as `number_for_book` writes it (a Polish number as its 9 digits),
    so one line is never stored in two spellings. A number that `phonenumbers` finds
    impossible is still accepted, as SPIKON accepts it, with a warning under the field.
    """

    TITLE = N_("New entry")
    ACTION = N_("Add entry")

    def __init__(self, book: PhoneBook, name: str = "", number: str = "") -> None:
        super().__init__()
        self.book = book
        self.initial_name = name
        self.initial_number = number

    def heading(self) -> str:
        return _("New entry in “{book}”").format(book=self.book.name)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading(), classes="dialog-title")
            name = Field(
                self.initial_name,
                placeholder="Jan Kowalski",
                id="entry-name",
                valid_empty=True,
                validators=[ApiCheck(validation.check_phone_book_element_name, _("the name"))],
            )
            name.border_title = _("Name")
            yield name
            number = Field(
                self.initial_number,
                placeholder="501234567",
                id="entry-number",
                valid_empty=True,
                validators=[ApiCheck(number_check("phone_book_element_number"), _("the number"))],
            )
            number.border_title = _("Number")
            yield number
            yield Static("", id="number-hint", classes="dialog-text")
            yield Static("", classes="dialog-error")
            yield dialog_buttons(_(self.ACTION))

    @on(Input.Changed, "#entry-number")
    def _number_changed(self, event: Input.Changed) -> None:
        problem = number_problem(event.value) if event.value.strip() else None
        self.query_one("#number-hint", Static).update(problem or "")

    def typed_entry(self) -> tuple[str, str]:
        """The name and the number as they will be sent."""
        return self.value_of("#entry-name"), number_for_book(self.value_of("#entry-number"))


class AddEntryDialog(EntryDialog[PhoneBookElement]):
    """A new entry for the book on screen."""

    def build_request(self) -> Callable[[], Awaitable[PhoneBookElement]]:
        book_id = self.book.id
        name, number = self.typed_entry()
        spikon = spikon_client(self)
        return lambda: spikon.phone_book_element_add(
            phone_book_id=book_id, phone_book_element_name=name, phone_book_element_number=number
        )


class EditEntryDialog(EntryDialog["Replaced"]):
    """Correct an entry. SPIKON has no update: the corrected entry is added first, then
    the old one deleted (`phone_books.editing.replace_entry`), so a failure never loses it."""

    TITLE = N_("Edit entry")
    ACTION = N_("Save")

    def __init__(self, book: PhoneBook, entry: PhoneBookElement) -> None:
        super().__init__(book, entry.name, entry.number)
        self.entry = entry

    def heading(self) -> str:
        return _("Edit “{name}” in “{book}”").format(name=self.entry.name, book=self.book.name)

    def submit(self) -> None:
        if not self.sending and self._unchanged():
            self.dismiss(None)  # nothing to send
            return
        super().submit()

    def _unchanged(self) -> bool:
        try:
            return self.typed_entry() == (self.entry.name, self.entry.number)
        except ValueError:
            return False  # not a number to send: submit() names the problem

    def build_request(self) -> Callable[[], Awaitable[Replaced]]:
        from spikon_tui.phone_books.editing import replace_entry

        name, number = self.typed_entry()
        spikon, book_id, old = spikon_client(self), self.book.id, self.entry
        return lambda: replace_entry(spikon, book_id, old, name, number)
