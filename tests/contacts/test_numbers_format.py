"""`number_for_book` and `display_number`: the form sent to a phone book and the one shown."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat

from spikon_tui.contacts.numbers import display_number, match_key, number_for_book
from tests.contacts.test_numbers_agree import valid_numbers, writings

national = st.from_regex(r"[1-9][0-9]{8}", fullmatch=True)


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("+48 600 100 200", "600100200"),
        ("0048 600 100 200", "600100200"),
        ("600-100-200", "600100200"),
        ("(22) 123 45 67", "221234567"),
        ("(0-22) 123 45 67", "221234567"),
        ("123456789", "123456789"),
        ("+49 30 1234567", "+49301234567"),
        ("0049 (0)30 123-45-67", "+49301234567"),
        ("+44 020 7946 0000", "+442079460000"),
        ("101", "101"),
        ("*100#", "*100#"),
        (" *10 0# ", "*100#"),
        ("(101)", "(101)"),
        ("600 100 200 wew. 12", "600100200wew.12"),
        ("1" * 25, "1" * 25),
    ],
)
def test_the_form_sent_to_a_phone_book(typed: str, sent: str):
    assert number_for_book(typed) == sent


@pytest.mark.parametrize("typed", ["x" * 26, "1 2" * 13, "+1234567890123456789012345"])
def test_more_than_25_characters_is_refused_in_words(typed: str):
    with pytest.raises(ValueError, match="longer than 25 characters"):
        number_for_book(typed)


@pytest.mark.parametrize("typed", ["", "  ", " - "])
def test_nothing_left_is_refused_in_words(typed: str):
    with pytest.raises(ValueError, match="empty"):
        number_for_book(typed)


@given(st.data(), valid_numbers())
def test_what_is_sent_is_the_same_number(data: st.DataObject, number: phonenumbers.PhoneNumber):
    """The stored form keys as what was typed, so a duplicate is found whichever it is."""
    typed = data.draw(writings(number))
    sent = number_for_book(typed)
    assert match_key(sent) == match_key(typed)
    assert sent == match_key(typed), "9 digits at home, E.164 abroad"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("600100200", "600 100 200"),
        ("+48600100200", "600 100 200"),
        ("221234567", "22 123 45 67"),
        ("+49301234567", "+49 30 1234567"),
        ("+16502530000", "+1 650 253 0000"),
        ("900123456", "900123456"),
        ("101", "101"),
        ("*100#", "*100#"),
        ("Anonymous", "Anonymous"),
        ("+9991234567", "+9991234567"),
        ("", ""),
    ],
)
def test_the_form_shown(stored: str, shown: str):
    assert display_number(stored) == shown


@given(national)
def test_a_polish_number_is_grouped_as_the_library_groups_it(number: str):
    parsed = phonenumbers.parse(number, "PL")
    assert display_number(number) == phonenumbers.format_number(parsed, PhoneNumberFormat.NATIONAL)


@given(st.data(), valid_numbers())
def test_what_is_shown_is_the_same_number(data: st.DataObject, number: phonenumbers.PhoneNumber):
    typed = data.draw(writings(number))
    shown = display_number(typed)
    assert match_key(shown) == match_key(typed)
    assert "-" not in shown
