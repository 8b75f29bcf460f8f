"""Searching a phone book shown in a `VirtualTable`: `contacts.search` as a table strategy.

    VirtualTable(columns, search=ContactSearch(name_column="name", number_column="number"))

Every word in any order, accents folded, a number however it is typed (`+48 528 160`
finds `528160736`), and names starting with the words first (see `contacts.search`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spikon_tui.contacts.search import ContactQuery, contact_search_texts


@dataclass(frozen=True, slots=True)
class ContactSearch:
    """A `TableSearch` over a name column and a number column (by key)."""

    name_column: str
    number_column: str

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.name_column, self.number_column)

    @property
    def highlight_columns(self) -> tuple[str, ...]:
        return (self.name_column, self.number_column)

    def texts(self, cells: Sequence[tuple[str, ...]]) -> list[str]:
        return contact_search_texts([row[0] for row in cells], [row[1] for row in cells])

    def parse(self, text: str) -> ContactQuery:
        return ContactQuery.parse(text)
