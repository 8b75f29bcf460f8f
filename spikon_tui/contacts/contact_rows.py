"""The rows read from a contact file, and the one rule that turns a name and a number
into a row a phone book takes (or a rejected row with its reason).

`contact_file` re-exports these classes; the readers (`csv_contacts`, `vcard_contacts`)
build rows with `make_row`, so a CSV and a vCard are held to the same limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spikon_tui.contacts.numbers import display_number, number_for_book
from spikon_tui.i18n import _

NAME_MAX_CHARS = 120
"""The longest entry name phone_book_element/add accepts."""
SHOWN_TEXT_MAX_CHARS = 200
"""How much of a rejected row's text is kept to show."""

_BOOK_NUMBER = re.compile(r"\+?[0-9*#()]+")
"""What an import takes as a number: SPIKON stores any text, but a file's cell with
letters in it (`wew. 12`, a city) is not one. `*100#` and `(22)` are."""


@dataclass(frozen=True)
class ContactRow:
    """One entry to import: `line` is where it starts in the file (1 = the first line),
    `number` is already in the form sent to a book (`number_for_book`)."""

    line: int
    name: str
    number: str


@dataclass(frozen=True)
class RejectedRow:
    """A line of the file that cannot become an entry, with the reason in words."""

    line: int
    text: str
    reason: str


class ContactFileError(Exception):
    """The file as a whole cannot be read; `str(error)` is a sentence for the user.

    When no number column was found in a CSV, `headers` and `sample` still say what the
    file holds, so a preview can let the user pick the columns by hand.
    """

    def __init__(
        self,
        message: str,
        *,
        headers: list[str] | None = None,
        sample: list[list[str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.headers: list[str] = headers or []
        self.sample: list[list[str]] = sample or []


def clean_cell(text: str) -> str:
    """`text` with its runs of spaces (and line breaks) made one space, ends stripped."""
    return " ".join(text.split())


def make_row(line: int, name: str, number: str, text: str) -> ContactRow | RejectedRow:
    """A row from a name and a number as read; rejected (with why) when a book would refuse it.

    An empty name becomes the number as it is shown (`600 100 200`): the entry still
    says whose it is once the user renames it, and a re-import finds it by that name.
    """
    shown = text if len(text) <= SHOWN_TEXT_MAX_CHARS else text[: SHOWN_TEXT_MAX_CHARS - 1] + "…"
    number = clean_cell(number)
    if not number:
        return RejectedRow(line, shown, _("No number"))
    try:
        book_number = number_for_book(number)
    except ValueError as error:
        return RejectedRow(line, shown, str(error))
    if not _BOOK_NUMBER.fullmatch(book_number):
        return RejectedRow(
            line,
            shown,
            _("“{number}” is not a phone number: only digits, + * # ( ) and spaces").format(
                number=number
            ),
        )
    name = clean_cell(name) or display_number(book_number)
    if len(name) > NAME_MAX_CHARS:
        return RejectedRow(
            line,
            shown,
            _("The name is longer than {limit} characters, the most a phone book takes").format(
                limit=NAME_MAX_CHARS
            ),
        )
    return ContactRow(line, name, book_number)
