"""Two forms of a phone number: the one sent to a phone book, and the one shown for reading.

`number_for_book` writes what phone_book_element/add documents (its example is
`123456789`): a Polish number as its 9 national digits however it was typed, another
country's in E.164 with its `+` (`+49301234567`), anything else (an extension `101`, a
code `*100#`) as typed with spaces and dashes taken out. So `+48 600 100 200` and
`600100200` are stored alike and a duplicate shows.

`display_number` groups a number for reading: `600 100 200`, `22 123 45 67`,
`+49 30 1234567`; what is not a phone number is shown as it is. Polish numbers, nearly
all of a phone book, are grouped from a per-prefix cache (`polish_plan`), the rest by
`phonenumbers`.
"""

from __future__ import annotations

from spikon_tui.contacts.number_key import match_key
from spikon_tui.contacts.polish_plan import group, is_polish_national, polish_line
from spikon_tui.i18n import _

BOOK_NUMBER_MAX_CHARS = 25
"""The longest number phone_book_element/add accepts ("at most 25 characters")."""


def number_for_book(text: str) -> str:
    """The form of `text` to send to a phone book (see the module docstring).

    Raises ValueError, worded for the user, when nothing is left or more than 25
    characters are.
    """
    compact = "".join(text.split()).replace("-", "")
    if not compact:
        raise ValueError(_("The number is empty"))
    key = match_key(text)
    if key is not None and (key.startswith("+") or is_polish_national(key)):
        result = key
    else:
        result = compact
    if len(result) > BOOK_NUMBER_MAX_CHARS:
        raise ValueError(
            _("{number} is longer than {limit} characters, the most a phone book takes").format(
                number=result, limit=BOOK_NUMBER_MAX_CHARS
            )
        )
    return result


def display_number(number: str) -> str:
    """`number` grouped for reading; unchanged when it is not a phone number."""
    key = match_key(number)
    if key is None:
        return number
    if is_polish_national(key):
        return group(key, polish_line(key).groups)
    if key.startswith("+"):
        return _international(key) or number
    return number


def _international(key: str) -> str | None:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(key)
    except phonenumbers.NumberParseException:
        return None
    shown = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return " ".join(shown.replace("-", " ").split())
