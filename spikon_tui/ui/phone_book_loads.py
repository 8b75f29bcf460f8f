"""Loading the phone books and a book's entries, for each screen that shows them.

The phone books screen and the SMS recipient picker load the same two lists
the same way: from a worker, posting what came back, or the failure (which
each screen words itself), to the screen that asked, as `BooksLoaded` and
`EntriesLoaded` (handled by `on_phone_book_books_loaded` and
`on_phone_book_entries_loaded`).

`fetch_contact_entries` reads every book's entries, one request at a time, for the
names shown beside numbers (`spikon_tui.ui.contact_names`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.message_pump import MessagePump

from spikon_tui.api.models import PhoneBook, PhoneBookElement
from spikon_tui.contacts.directory import ContactEntry
from spikon_tui.ui.typed_app import spikon_client

if TYPE_CHECKING:
    from spikon_tui.api.client import SpikonClient


@dataclass
class BooksLoaded(Message, namespace="phone_book"):
    books: list[PhoneBook]
    error: Exception | None = None


@dataclass
class EntriesLoaded(Message, namespace="phone_book"):
    book_id: int
    entries: list[PhoneBookElement]
    error: Exception | None = None


async def fetch_books(screen: MessagePump) -> list[PhoneBook] | None:
    """Post the account's phone books to `screen`; they are returned too (None: failed)."""
    try:
        books = await spikon_client(screen).phone_book_list()
    except Exception as error:  # noqa: BLE001 - the screen shows it
        screen.post_message(BooksLoaded([], error))
        return None
    screen.post_message(BooksLoaded(books))
    return books


async def fetch_entries(screen: MessagePump, book_id: int) -> None:
    """Post the entries of book `book_id` to `screen`."""
    try:
        entries = await spikon_client(screen).phone_book_show(phone_book_id=book_id)
    except Exception as error:  # noqa: BLE001 - the screen shows it
        screen.post_message(EntriesLoaded(book_id, [], error))
    else:
        screen.post_message(EntriesLoaded(book_id, entries))


async def fetch_contact_entries(spikon: SpikonClient) -> list[ContactEntry]:
    """Every entry of every book, books in order of id; raises the first failure.

    One request at a time: a background load never takes more than one connection
    from the screens' own requests.
    """
    books = sorted(await spikon.phone_book_list(), key=lambda book: book.id)
    entries: list[ContactEntry] = []
    for book in books:
        for element in await spikon.phone_book_show(phone_book_id=book.id):
            entries.append(ContactEntry(book.id, book.name, element.name, element.number))
    return entries
