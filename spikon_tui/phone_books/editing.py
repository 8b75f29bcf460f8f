"""Changing a phone-book entry, which the API cannot do in place: add the corrected entry,
then delete the old one, so a failure never loses it.

If the add fails nothing changed and the error is raised. If the delete fails the new
entry is already there, so both exist: the error is returned in `Replaced.delete_error`
(not raised) for the caller to say so and offer `client.phone_book_element_delete(old.id)`
again. An old entry SPIKON no longer knows counts as deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spikon_tui.api.client import SpikonClient
from spikon_tui.api.errors import NotFoundError, SpikonError, ValidationError
from spikon_tui.api.models import PhoneBookElement
from spikon_tui.contacts.numbers import number_for_book
from spikon_tui.i18n import _


@dataclass(frozen=True)
class Replaced:
    """The entry added in place of the old one, and why the old one is still there
    (None: it was deleted)."""

    new: PhoneBookElement
    delete_error: SpikonError | None


async def replace_entry(
    client: SpikonClient, book_id: int, old: PhoneBookElement, name: str, number: str
) -> Replaced:
    """Put `name` and `number` in place of `old` in book `book_id` (see the module docstring).

    Raises `ValidationError` before sending anything when `number` cannot go to a book or
    `old` has no id (it could not be deleted afterwards), and whatever the add raised.
    """
    if old.id is None:
        raise ValidationError("phone_book_element_id", _(PhoneBookElement.NO_ID_REASON))
    try:
        book_number = number_for_book(number)
    except ValueError as error:
        raise ValidationError("phone_book_element_number", str(error)) from None
    new = await client.phone_book_element_add(
        phone_book_id=book_id,
        phone_book_element_name=name,
        phone_book_element_number=book_number,
    )
    try:
        await client.phone_book_element_delete(phone_book_element_id=old.id)
    except NotFoundError:
        pass  # someone removed it first: what the user wanted
    except SpikonError as error:
        return Replaced(new, error)
    return Replaced(new, None)
