"""Phone books and their entries. Book 0, the main book, always exists and cannot be deleted."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from spikon_tui.sandbox import names
from spikon_tui.sandbox.errors import ApiError, not_found

MAIN_BOOK_NAME = "Książka główna"
# Extra books a fresh account starts with: (name, entries, how the entries are named).
_EXTRA_BOOKS = (
    ("Klienci VIP", 40, "people"),
    ("Dostawcy", 25, "companies"),
    ("Serwis", 12, "mixed"),
)


@dataclass(frozen=True)
class Entry:
    id: int
    name: str
    number: str


@dataclass
class PhoneBook:
    id: int
    name: str
    entries: dict[int, Entry] = field(default_factory=dict)


class PhoneBooks:
    """All books of the account; entry ids are unique across books and never reused."""

    def __init__(self) -> None:
        self.books: dict[int, PhoneBook] = {0: PhoneBook(0, MAIN_BOOK_NAME)}
        self._next_book_id = 1
        self._next_entry_id = 1

    @classmethod
    def generate(cls, rng: random.Random, contacts: int) -> PhoneBooks:
        books = cls()
        for _ in range(contacts):
            books.add_entry(0, names.contact_name(rng), names.phone_number(rng))
        for name, size, kind in _EXTRA_BOOKS:
            book = books.add_book(name)
            for _ in range(size):
                if kind == "people":
                    entry_name = names.person(rng)
                elif kind == "companies":
                    entry_name = names.company(rng)
                else:
                    entry_name = names.contact_name(rng)
                books.add_entry(book.id, entry_name, names.phone_number(rng))
        return books

    def book(self, book_id: int) -> PhoneBook:
        try:
            return self.books[book_id]
        except KeyError:
            raise not_found("phonebook", book_id) from None

    def add_book(self, name: str) -> PhoneBook:
        if any(book.name == name for book in self.books.values()):
            raise ApiError(-10, f"Phonebook with name = '{name}' already exists")
        book = PhoneBook(self._next_book_id, name)
        self._next_book_id += 1
        self.books[book.id] = book
        return book

    def delete_book(self, book_id: int) -> None:
        book = self.book(book_id)
        if book.id == 0:
            raise ApiError(-11, "Cannot delete phonebook with id = 0")
        del self.books[book.id]

    def add_entry(self, book_id: int, name: str, number: str) -> Entry:
        book = self.book(book_id)
        entry = Entry(self._next_entry_id, name, number)
        self._next_entry_id += 1
        book.entries[entry.id] = entry
        return entry

    def delete_entry(self, entry_id: int) -> Entry:
        for book in self.books.values():
            entry = book.entries.pop(entry_id, None)
            if entry is not None:
                return entry
        raise not_found("phonebook element", entry_id)

    def all_numbers(self) -> list[str]:
        return [entry.number for book in self.books.values() for entry in book.entries.values()]
