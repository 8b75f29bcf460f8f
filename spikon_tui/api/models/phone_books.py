"""Phone books and their entries.

See the package docstring for the conventions all models follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from spikon_tui.i18n import N_


@dataclass(frozen=True, slots=True)
class PhoneBook:
    """phone_book/list and phone_book/add: a phone book. Id 0 is the main book."""

    id: int
    name: str

    MAIN_BOOK_ID: ClassVar[int] = 0

    @property
    def is_main(self) -> bool:
        """The main book (id 0) cannot be deleted."""
        return self.id == self.MAIN_BOOK_ID


@dataclass(frozen=True, slots=True)
class PhoneBookElement:
    """phone_book/show and phone_book_element/add: one entry of a phone book.

    The documentation prints `phone_book/show` entries without an `id`; such
    an entry can be shown but not deleted (`can_delete` is False and
    `cannot_delete_reason` says why).
    """

    id: int | None
    name: str
    number: str

    NO_ID_REASON: ClassVar[str] = N_(
        "SPIKON did not send this entry's id, so it cannot be deleted through the API; "
        "delete it in the SPIKON panel instead."
    )
    """A msgid: show it with `_()`."""

    @property
    def can_delete(self) -> bool:
        return self.id is not None

    @property
    def cannot_delete_reason(self) -> str | None:
        return None if self.can_delete else self.NO_ID_REASON
