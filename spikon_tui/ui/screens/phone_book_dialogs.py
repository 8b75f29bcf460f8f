"""The forms of the phone-books screen: a new book and a new entry, validated as you type."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from spikon_tui.api import validation
from spikon_tui.api.models import PhoneBook, PhoneBookElement
from spikon_tui.ui.widgets.api_validator import ApiCheck
from spikon_tui.ui.widgets.request_dialog import RequestDialog


def _buttons(submit_label: str) -> Horizontal:
    return Horizontal(
        Button(submit_label, id="submit", variant="primary"),
        Button("Cancel", id="cancel"),
        classes="dialog-buttons",
    )


def number_check(parameter: str):
    return lambda value: validation.check_phone_number(value, parameter)


class AddBookDialog(RequestDialog[PhoneBook]):
    """Name a new phone book; the server's refusal (a duplicate name) is shown inline."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("New phone book", classes="dialog-title")
            name = Input(
                placeholder="Book name",
                id="book-name",
                validators=[ApiCheck(validation.check_phone_book_name, "the name")],
            )
            name.border_title = "Name"
            yield name
            yield Static("", classes="dialog-error")
            yield _buttons("Add book")

    async def send(self) -> PhoneBook:
        return await self.app.spikon.phone_book_add(phone_book_name=self.value_of("#book-name"))


class AddEntryDialog(RequestDialog[PhoneBookElement]):
    """A name and a number for the book on screen."""

    def __init__(self, book: PhoneBook) -> None:
        super().__init__()
        self.book = book

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"New entry in “{self.book.name}”", classes="dialog-title")
            name = Input(
                placeholder="Jan Kowalski",
                id="entry-name",
                validators=[ApiCheck(validation.check_phone_book_element_name, "the name")],
            )
            name.border_title = "Name"
            yield name
            number = Input(
                placeholder="501234567",
                id="entry-number",
                validators=[ApiCheck(number_check("phone_book_element_number"), "the number")],
            )
            number.border_title = "Number"
            yield number
            yield Static("", classes="dialog-error")
            yield _buttons("Add entry")

    async def send(self) -> PhoneBookElement:
        return await self.app.spikon.phone_book_element_add(
            phone_book_id=self.book.id,
            phone_book_element_name=self.value_of("#entry-name"),
            phone_book_element_number=self.value_of("#entry-number"),
        )
