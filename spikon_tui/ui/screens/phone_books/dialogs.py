"""The forms of the phone-books screen: a new book and a new entry, validated as you type."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from spikon_tui.api import validation
from spikon_tui.api.models import PhoneBook, PhoneBookElement
from spikon_tui.i18n import N_, _
from spikon_tui.ui.dialogs.request import RequestDialog
from spikon_tui.ui.forms.api_validator import ApiCheck
from spikon_tui.ui.forms.parts import dialog_buttons, number_check
from spikon_tui.ui.typed_app import spikon_client


class AddBookDialog(RequestDialog[PhoneBook]):
    """Name a new phone book; the server's refusal (a duplicate name) is shown inline."""

    TITLE = N_("New phone book")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("New phone book"), classes="dialog-title")
            name = Input(
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


class AddEntryDialog(RequestDialog[PhoneBookElement]):
    """A name and a number for the book on screen."""

    TITLE = N_("New entry")

    def __init__(self, book: PhoneBook) -> None:
        super().__init__()
        self.book = book

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                _("New entry in “{book}”").format(book=self.book.name), classes="dialog-title"
            )
            name = Input(
                placeholder="Jan Kowalski",
                id="entry-name",
                valid_empty=True,
                validators=[ApiCheck(validation.check_phone_book_element_name, _("the name"))],
            )
            name.border_title = _("Name")
            yield name
            number = Input(
                placeholder="501234567",
                id="entry-number",
                valid_empty=True,
                validators=[ApiCheck(number_check("phone_book_element_number"), _("the number"))],
            )
            number.border_title = _("Number")
            yield number
            yield Static("", classes="dialog-error")
            yield dialog_buttons(_("Add entry"))

    def build_request(self) -> Callable[[], Awaitable[PhoneBookElement]]:
        book_id = self.book.id
        name = self.value_of("#entry-name")
        number = self.value_of("#entry-number")
        spikon = spikon_client(self)
        return lambda: spikon.phone_book_element_add(
            phone_book_id=book_id, phone_book_element_name=name, phone_book_element_number=number
        )
