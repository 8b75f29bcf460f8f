"""Who a number belongs to: the phone books' entries looked up by `match_key`, in O(1).

`NameDirectory.build(entries)` indexes `ContactEntry`s (book id and name, entry name,
number) by the key of their number; `name_for(number)` is one normalisation and one
dictionary look-up, so it can be called for every row a screen draws.

One number in several entries (in several books, or twice in one book under two
names) gets one name, chosen the same way whatever order the API lists them in:
the entry of the book with the lowest id wins (the main book, id 0, first), and
within that book the name first in alphabetical order (case ignored, then exact
text). Entries whose number is not a phone number, or whose name is blank, are
left out. A directory never changes once built: a new load builds a new one, and
a reader on another thread always sees a whole directory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spikon_tui.contacts.numbers import match_key


@dataclass(frozen=True, slots=True)
class ContactEntry:
    """One phone-book entry: the book it is in, its name and its number as written there."""

    book_id: int
    book_name: str
    name: str
    number: str

    @property
    def rank(self) -> tuple[int, str, str]:
        """Lower wins when several entries share a number (see the module docstring)."""
        return (self.book_id, self.name.casefold(), self.name)


class NameDirectory:
    """Phone-book names by number (see the module docstring); empty until built."""

    __slots__ = ("_by_key",)

    def __init__(self, by_key: dict[str, ContactEntry] | None = None) -> None:
        self._by_key: dict[str, ContactEntry] = by_key if by_key is not None else {}

    @classmethod
    def build(cls, entries: Iterable[ContactEntry]) -> NameDirectory:
        by_key: dict[str, ContactEntry] = {}
        for entry in entries:
            name = " ".join(entry.name.split())
            key = match_key(entry.number)
            if key is None or not name:
                continue
            if name != entry.name:
                entry = ContactEntry(entry.book_id, entry.book_name, name, entry.number)
            known = by_key.get(key)
            if known is None or entry.rank < known.rank:
                by_key[key] = entry
        return cls(by_key)

    def entry_for(self, number: str | None) -> ContactEntry | None:
        """The entry chosen for `number` (written any way), or None."""
        key = match_key(number)
        return None if key is None else self._by_key.get(key)

    def name_for(self, number: str | None) -> str | None:
        """The contact's name for `number` (written any way), or None when no book has it."""
        entry = self.entry_for(number)
        return None if entry is None else entry.name

    def __len__(self) -> int:
        """How many different numbers have a name."""
        return len(self._by_key)

    def __iter__(self) -> Iterator[ContactEntry]:
        return iter(self._by_key.values())
