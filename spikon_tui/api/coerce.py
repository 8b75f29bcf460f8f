"""Loose API values -> typed Python values.

The API sends the same field as `"2"` in one answer and `2` in another, money
as `"123,45"` or `"9.0"`, flags as `"0"`/`"1"` or `Tak`/`Nie`, durations as
`"MM:SS"`. These functions accept every such spelling and raise
`MalformedResponseError` (naming the field, quoting at most a short excerpt of
the value) when a required value cannot be read.

Every number is held to `limits.py` before it is converted: its text is short,
a whole number lies within +-2**63 (an id within 0 ... 2**63), an amount is
finite and below 10**12 in size, a duration below 2**31 seconds.
"""

from __future__ import annotations

import reprlib
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from spikon_tui.api.errors import MalformedResponseError
from spikon_tui.api.limits import MAX_INT, MAX_MONEY, MAX_NUMBER_LENGTH, number_text_fits
from spikon_tui.i18n import N_, _

_TRUE_WORDS = frozenset({"1", "true", "t", "yes", "y", "tak", "on"})
_EMPTY = (None, "")
_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
)
_MAX_INT_DIGITS = len(str(MAX_INT))
MAX_SECONDS = 2**31
"""Durations lie within +-MAX_SECONDS (about 68 years)."""
_MAX_DATETIME_TEXT = 64
_SHORT_REPR = reprlib.Repr()  # keyword arguments only from Python 3.12
_SHORT_REPR.maxlevel = 2
_SHORT_REPR.maxstring = _SHORT_REPR.maxother = _SHORT_REPR.maxlong = 40


def _bad(field: str, value: object, expected: str) -> MalformedResponseError:
    """`expected` is a msgid (`N_()`): what the value should have been."""
    shown = _SHORT_REPR.repr(value)  # never the whole of a huge value
    if len(shown) > 40:
        shown = shown[:40] + "…"
    return MalformedResponseError(
        _("The server sent {value} for {field}, which is not {expected}.").format(
            value=shown, field=repr(field), expected=_(expected)
        )
    )


def to_text(value: object) -> str:
    """Text with surrounding whitespace removed; `None` becomes `""`."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict | list):
        return ""
    return str(value)


def to_optional_text(value: object, *, none_markers: tuple[str, ...] = ()) -> str | None:
    """Text, or None when empty or equal to one of `none_markers` (e.g. `"-"`)."""
    text = to_text(value)
    if not text or text in none_markers:
        return None
    return text


def _whole(value: object) -> int | None:
    """The whole number `value` spells, within +-MAX_INT, or None."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value if -MAX_INT <= value <= MAX_INT else None
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_NUMBER_LENGTH:
            return None  # refused before int() or Decimal() sees it
        digits = text[1:] if text[:1] in ("-", "+") else text
        if digits.isascii() and digits.isdigit():
            number = int(text)
            return number if -MAX_INT <= number <= MAX_INT else None
        if not number_text_fits(text):
            return None
        try:
            decimal = Decimal(text.replace(",", "."))
        except InvalidOperation:
            return None
    elif isinstance(value, Decimal):
        decimal = value
    elif isinstance(value, float):
        decimal = Decimal(value)
    else:
        return None
    # Checked on the exponent before int(): int(Decimal("1e999999999")) takes minutes.
    if not decimal.is_finite() or decimal.adjusted() > _MAX_INT_DIGITS:
        return None
    if decimal != decimal.to_integral_value():
        return None
    number = int(decimal)
    return number if -MAX_INT <= number <= MAX_INT else None


def to_int(value: object, field: str) -> int:
    """`"12"`, `12`, `" 12 "`, `"12.0"` -> 12, within +-2**63; anything else is malformed."""
    number = _whole(value)
    if number is None:
        raise _bad(field, value, N_("a whole number"))
    return number


def to_id(value: object, field: str) -> int:
    """Like `to_int`, for an id: 0 ... 2**63."""
    number = _whole(value)
    if number is None or number < 0:
        raise _bad(field, value, N_("a whole number of 0 or more"))
    return number


def to_optional_id(value: object, field: str) -> int | None:
    """Like `to_id`, but a missing or empty value is None."""
    if value in _EMPTY or (isinstance(value, str) and not value.strip()):
        return None
    return to_id(value, field)


def to_optional_int(value: object, field: str) -> int | None:
    """Like `to_int`, but a missing or empty value is None."""
    if value in _EMPTY or (isinstance(value, str) and not value.strip()):
        return None
    return to_int(value, field)


def to_int_or_zero(value: object, field: str) -> int:
    """Like `to_int`, but a missing or empty count is 0."""
    result = to_optional_int(value, field)
    return 0 if result is None else result


def to_int_list(value: object, field: str) -> list[int]:
    """`[1, 2]`, `["1", "2"]`, `"1,2"`, `3`, `""` -> a list of ints."""
    return [to_int(item, field) for item in _list_items(value)]


def _list_items(value: object) -> list[object]:
    if value in _EMPTY or isinstance(value, dict) and not value:
        return []
    if isinstance(value, list):
        return [item for item in value if item not in _EMPTY]
    if isinstance(value, dict):
        return [item for item in value.values() if item not in _EMPTY]
    if isinstance(value, str):
        return [part for part in value.split(",") if part.strip()]
    return [value]


def to_id_list(value: object, field: str) -> list[int]:
    """`[1, 2]`, `["1", "2"]`, `"1,2"`, `3`, `""` -> a list of ids (each 0 ... 2**63)."""
    return [to_id(item, field) for item in _list_items(value)]


def _amount(value: object) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value) if -MAX_MONEY < value < MAX_MONEY else None
    if isinstance(value, float):
        return Decimal(str(value))
    if not isinstance(value, str):
        return None
    text = "".join(value.split()).replace("\u00a0", "")
    if len(text) > MAX_NUMBER_LENGTH:
        return None  # refused before Decimal() sees it
    for suffix in ("PLN", "zł", "zl"):
        text = text.removesuffix(suffix)
    if "," in text and "." in text:
        # the later separator is the decimal one; the other groups thousands
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, "")
    text = text.replace(",", ".")
    if not number_text_fits(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def to_decimal(value: object, field: str) -> Decimal:
    """Money: `"123,45"`, `"123.45"`, `"-1 234,50"`, `"1.234,50"`, `9`, `9.0` -> Decimal.

    Finite and smaller than 10**12 in size, so formatting it can never fail.
    """
    number = _amount(value)
    if number is None or not number.is_finite() or not -MAX_MONEY < number < MAX_MONEY:
        raise _bad(field, value, N_("an amount"))
    return number


def to_bool(value: object) -> bool:
    """`1`, `"1"`, `"Tak"`, `"true"` -> True; `0`, `"0"`, `"Nie"`, `""`, None -> False."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() in _TRUE_WORDS
    return False


def to_seconds(value: object, field: str) -> int:
    """`"123"`, `123` -> 123; `"02:03"` (MM:SS) -> 123; `"1:02:03"` (H:MM:SS) -> 3723."""
    if isinstance(value, str) and ":" in value:
        parts = value.strip().split(":")
        if len(parts) in (2, 3) and all(
            len(p) <= 12 and p.strip().isascii() and p.strip().isdigit() for p in parts
        ):
            seconds = 0
            for part in parts:
                seconds = seconds * 60 + int(part)
            if seconds < MAX_SECONDS:
                return seconds
        raise _bad(field, value, N_("a duration"))
    number = _whole(value)
    if number is None or not -MAX_SECONDS < number < MAX_SECONDS:
        raise _bad(field, value, N_("a duration"))
    return number


def to_duration(value: object, field: str) -> timedelta:
    """`"MM:SS"`, `"H:MM:SS"` or a number of seconds -> timedelta; empty -> 0."""
    if value in _EMPTY or (isinstance(value, str) and not value.strip()):
        return timedelta(0)
    return timedelta(seconds=to_seconds(value, field))


def to_optional_duration(value: object, field: str) -> timedelta | None:
    """Like `to_duration`, but a missing value is None."""
    if value in _EMPTY or (isinstance(value, str) and not value.strip()):
        return None
    return to_duration(value, field)


def to_datetime(value: object, field: str) -> datetime:
    """`"2014-08-20 10:46:54"` (and a few near spellings) -> datetime."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str) and len(value) <= _MAX_DATETIME_TEXT:
        text = value.strip()
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
        for pattern in _DATETIME_FORMATS:
            try:
                return datetime.strptime(text, pattern)
            except ValueError:
                continue
    raise _bad(field, value, N_("a date and time"))


def lookup(record: dict[str, Any], *names: str) -> Any:
    """The first of `names` present in `record` (already normalised), else None."""
    for name in names:
        if name in record:
            return record[name]
    return None
