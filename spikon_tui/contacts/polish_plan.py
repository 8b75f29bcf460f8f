"""What the Polish numbering plan says of a 9-digit national number: its grouping and kind.

Both depend only on the number's first four digits (every pattern of phonenumbers'
metadata for Poland decides within them; tests/contacts/test_numbers_plan.py checks each of
the 9,000 prefixes against the library), so the library is asked once per prefix and the
answer kept. Measured here (Python 3.11, phonenumbers 9.0.43, timeit, 50,000 random
Polish numbers, a shared 2-core machine): `parse` plus a NATIONAL `format_number` costs
about 19 µs a number, 1 s for the 50,000; `display_number` 2.2 µs (0.11 s) once the cache
is warm, and 0.35 s cold for random numbers, which ask for nearly all 9,000 prefixes (a real
phone book has far fewer). `phonenumbers` is imported on first use (it costs some 35 ms).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

POLISH_CODE = 48
NATIONAL_DIGITS = 9
DECIDING_DIGITS = 4
"""How many leading digits of a national number decide its grouping and kind."""


class LineKind(Enum):
    """What kind of line a number is, as far as sending an SMS is concerned."""

    MOBILE = "mobile"
    """A mobile, or a number that may be either (as phonenumbers says of US numbers)."""
    NOT_MOBILE = "not mobile"
    """A landline, free-phone, premium-rate, shared-cost or access number: no SMS."""
    UNKNOWN = "unknown"
    """Not in the plan, or a kind that may or may not take SMS (VoIP, personal, pager)."""


@dataclass(frozen=True, slots=True)
class PolishLine:
    """The numbering plan's word on one prefix of 9-digit national numbers."""

    groups: tuple[int, ...]
    """The digits in each group for reading (3, 3, 3) or (2, 3, 2, 2); () for none."""
    kind: LineKind
    valid: bool
    """Whether the plan assigns such numbers at all."""


_by_prefix: dict[str, PolishLine] = {}


def is_polish_national(key: str) -> bool:
    """Whether `key` (a `match_key`) is a Polish national number: 9 digits, no leading 0."""
    return len(key) == NATIONAL_DIGITS and key.isascii() and key.isdigit() and key[0] != "0"


def polish_line(national: str) -> PolishLine:
    """What the plan says of `national`, 9 digits for which `is_polish_national` holds."""
    prefix = national[:DECIDING_DIGITS]
    line = _by_prefix.get(prefix)
    if line is None:
        line = _by_prefix[prefix] = _ask_the_library(national)
    return line


def group(digits: str, groups: tuple[int, ...]) -> str:
    """`digits` split into groups of the given sizes, with spaces between them."""
    if sum(groups) != len(digits):
        return digits
    parts, start = [], 0
    for size in groups:
        parts.append(digits[start : start + size])
        start += size
    return " ".join(parts)


def kind_of(number_type: int) -> LineKind:
    """The `LineKind` of one of phonenumbers' `PhoneNumberType` values."""
    from phonenumbers import PhoneNumberType

    if number_type in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return LineKind.MOBILE
    if number_type in (
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
    ):
        return LineKind.NOT_MOBILE
    return LineKind.UNKNOWN


def _ask_the_library(national: str) -> PolishLine:
    import phonenumbers

    parsed = phonenumbers.PhoneNumber(country_code=POLISH_CODE, national_number=int(national))
    shown = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    parts = shown.split()
    groups = tuple(len(part) for part in parts) if "".join(parts) == national else ()
    if len(groups) < 2:
        groups = ()
    return PolishLine(
        groups=groups,
        kind=kind_of(phonenumbers.number_type(parsed)),
        valid=phonenumbers.is_valid_number(parsed),
    )
