"""`polish_plan`: a Polish number's grouping and kind depend only on its first four digits.

The cache asks the library once per prefix; these tests prove that every other number
with that prefix would have got the same answer, for all 9,000 prefixes.
"""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat

from spikon_tui.contacts import polish_plan
from spikon_tui.contacts.polish_plan import LineKind, PolishLine, kind_of, polish_line


def asked_directly(national: str) -> PolishLine:
    number = PhoneNumber(country_code=48, national_number=int(national))
    shown = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL).split()
    groups = tuple(len(part) for part in shown) if len(shown) > 1 else ()
    return PolishLine(
        groups=groups,
        kind=kind_of(phonenumbers.number_type(number)),
        valid=phonenumbers.is_valid_number(number),
    )


def test_every_prefix_answers_for_all_its_numbers():
    polish_plan._by_prefix.clear()
    rng = random.Random(14)
    for prefix in range(1000, 10000):
        first = f"{prefix}{rng.randrange(100000):05d}"
        polish_line(first)  # fills the cache for the prefix
        for suffix in ("00000", "99999", f"{rng.randrange(100000):05d}"):
            other = f"{prefix}{suffix}"
            assert polish_line(other) == asked_directly(other), other
    assert len(polish_plan._by_prefix) == 9000


def test_the_groupings_of_mobiles_and_landlines():
    assert polish_line("600100200") == PolishLine((3, 3, 3), LineKind.MOBILE, True)
    assert polish_line("221234567") == PolishLine((2, 3, 2, 2), LineKind.NOT_MOBILE, True)
    assert polish_line("900123456") == PolishLine((), LineKind.UNKNOWN, False)
