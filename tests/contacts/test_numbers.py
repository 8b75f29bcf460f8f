"""`match_key`: one key however a number is written, and None for what is not a number.

Properties are checked with Hypothesis over generated Polish and foreign numbers, each
written with random separators and prefixes; the examples pin the documented cases.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

from spikon_tui.contacts.numbers import match_key

KEY = re.compile(r"\+?[0-9]{3,15}")

national = st.from_regex(r"[1-9][0-9]{8}", fullmatch=True)
"""A Polish national number: 9 digits, never starting with 0."""
country = st.sampled_from(sorted(str(code) for code in COUNTRY_CODE_TO_REGION_CODE if code != 48))
foreign_rest = st.from_regex(r"[1-9][0-9]{5,10}", fullmatch=True)
separator = st.sampled_from(["", " ", "-", ".", "\u00a0", " - ", "/"])


@st.composite
def written(draw: st.DrawFn, digits: str) -> str:
    """`digits` with a random separator (maybe none) after each digit."""
    return "".join(digit + draw(separator) for digit in digits).strip(" -./\u00a0")


def spaced(draw: st.DrawFn, digits: str) -> str:
    return draw(written(digits))


@given(st.data(), national)
def test_a_polish_number_is_its_nine_digits_however_written(data: st.DataObject, number: str):
    prefix = data.draw(st.sampled_from(["", "+48", "+48 ", "0048", "00 48 ", "48", "0"]))
    typed = prefix + spaced(data.draw, number)
    assert match_key(typed) == number


@given(st.data(), country, foreign_rest)
def test_plus_and_double_zero_name_the_same_foreign_number(
    data: st.DataObject, code: str, rest: str
):
    with_plus = "+" + code + " " + spaced(data.draw, rest)
    with_zeros = "00" + code + " " + spaced(data.draw, rest)
    assert match_key(with_plus) == match_key(with_zeros) == f"+{code}{rest}"
    assert match_key(with_plus) != match_key(rest), "the country code is kept"


@given(st.text(max_size=30))
@example("600 100 200")
@example("+49 (0)30 1234567")
def test_a_key_is_digits_maybe_after_a_plus_and_keys_itself(text: str):
    key = match_key(text)
    if key is not None:
        assert KEY.fullmatch(key), key
        assert match_key(key) == key


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1), st.data())
def test_a_letter_anywhere_is_not_a_number(letters: str, data: st.DataObject):
    digits = data.draw(national)
    at = data.draw(st.integers(0, len(digits)))
    assert match_key(digits[:at] + letters + digits[at:]) is None


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("+48 600-100-200", "600100200"),
        ("600100200", "600100200"),
        ("(0-22) 123 45 67", "221234567"),
        ("+48 (0)22 123 45 67", "221234567"),
        ("+49 30 1234567", "+49301234567"),
        ("0049 30 1234567", "+49301234567"),
        ("+49 (0)30 1234567", "+49301234567"),
        ("101", "101"),
        ("48012345678", "48012345678"),
        ("", None),
        (None, None),
        ("+", None),
        ("12", None),
        ("Anonymous", None),
        ("60+0100200", None),
        ("+0048600100200", None),
        ("1234567890123456", None),
        ("٦٠٠١٠٠٢٠٠", None),
    ],
)
def test_documented_cases(typed: str | None, key: str | None):
    assert match_key(typed) == key


@pytest.mark.parametrize("number", ["+48600100200", "600100200", "0048 600 100 200"])
def test_the_same_line_as_phonenumbers_sees_it(number: str):
    """The phonenumbers library (a test dependency) agrees on Polish numbers."""
    import phonenumbers

    parsed = phonenumbers.parse(number, "PL")
    assert match_key(number) == str(parsed.national_number)
