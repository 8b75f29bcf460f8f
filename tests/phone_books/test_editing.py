"""Editing an entry against the real sandbox: the corrected entry is added first, then the
old one deleted; a failed add changes nothing, a failed delete leaves both and says so."""

from __future__ import annotations

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.api.errors import BadRequestError, ServiceFailureError, ValidationError
from spikon_tui.api.models import PhoneBookElement
from spikon_tui.phone_books.editing import replace_entry
from spikon_tui.sandbox import Sandbox

ADD = "phone_book_element/add"
DELETE = "phone_book_element/delete"


async def book_with_one(spikon: SpikonClient) -> tuple[int, PhoneBookElement]:
    book = (await spikon.phone_book_add(phone_book_name="Edycja")).id
    old = await spikon.phone_book_element_add(book, "Jan Kowalsky", "600100200")
    return book, old


async def entries(spikon: SpikonClient, book: int) -> list[tuple[str, str]]:
    return sorted((e.name, e.number) for e in await spikon.phone_book_show(book))


async def test_the_corrected_entry_replaces_the_old_one(spikon: SpikonClient) -> None:
    book, old = await book_with_one(spikon)
    replaced = await replace_entry(spikon, book, old, "Jan Kowalski", "+48 601-100-200")
    assert replaced.delete_error is None
    assert (replaced.new.name, replaced.new.number) == ("Jan Kowalski", "601100200")
    assert await entries(spikon, book) == [("Jan Kowalski", "601100200")]


async def test_a_refused_add_raises_and_changes_nothing(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    book, old = await book_with_one(spikon)
    sandbox.faults.error_next(ADD, code=-6, desc="Wrong value")
    with pytest.raises(BadRequestError):
        await replace_entry(spikon, book, old, "Jan Kowalski", "600100200")
    assert await entries(spikon, book) == [("Jan Kowalsky", "600100200")]
    assert sandbox.request_counts[DELETE] == 0


async def test_a_refused_delete_is_returned_both_exist_and_a_retry_removes_the_old(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    book, old = await book_with_one(spikon)
    sandbox.faults.error_next(DELETE, code=-1000)
    replaced = await replace_entry(spikon, book, old, "Jan Kowalski", "600100200")
    assert isinstance(replaced.delete_error, ServiceFailureError)
    assert await entries(spikon, book) == [
        ("Jan Kowalski", "600100200"),
        ("Jan Kowalsky", "600100200"),
    ]
    assert old.id is not None
    await spikon.phone_book_element_delete(phone_book_element_id=old.id)
    assert await entries(spikon, book) == [("Jan Kowalski", "600100200")]


async def test_an_old_entry_already_gone_counts_as_deleted(spikon: SpikonClient) -> None:
    book, old = await book_with_one(spikon)
    assert old.id is not None
    await spikon.phone_book_element_delete(phone_book_element_id=old.id)
    replaced = await replace_entry(spikon, book, old, "Jan Kowalski", "600100200")
    assert replaced.delete_error is None
    assert await entries(spikon, book) == [("Jan Kowalski", "600100200")]


@pytest.mark.parametrize(
    ("old_id", "number", "words"),
    [(None, "600100200", "cannot be deleted"), (1, "   ", "empty"), (1, "1" * 26, "25")],
)
async def test_what_could_not_be_finished_is_refused_before_anything_is_sent(
    spikon: SpikonClient, sandbox: Sandbox, old_id: int | None, number: str, words: str
) -> None:
    old = PhoneBookElement(id=old_id, name="Jan", number="600100200")
    with pytest.raises(ValidationError, match=words):
        await replace_entry(spikon, 0, old, "Jan Kowalski", number)
    assert sandbox.request_counts[ADD] == sandbox.request_counts[DELETE] == 0
