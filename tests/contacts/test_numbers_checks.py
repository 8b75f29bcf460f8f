"""`number_problem` warns of what the library finds wrong; `can_receive_sms` tells a
mobile from a landline."""

from __future__ import annotations

import pytest

from spikon_tui.contacts.numbers import can_receive_sms, number_problem


@pytest.mark.parametrize(
    "number",
    [
        "600 100 200",
        "+48 600 100 200",
        "(0-22) 123 45 67",
        "800 123 456",
        "+49 30 1234567",
        "+44 020 7946 0000",
        "112",
        "997",
        "",
        "   ",
    ],
)
def test_a_good_number_has_no_problem(number: str):
    assert number_problem(number) is None


@pytest.mark.parametrize(
    ("number", "warning"),
    [
        ("101", "101 has too few digits for a number in Poland"),
        ("12", "12 has too few digits for a number in Poland"),
        ("900 123 456", "900 123 456 is not a possible number in Poland"),
        ("*100#", "*100# is not an ordinary phone number; it is stored as written"),
        ("Anonymous", "Anonymous is not an ordinary phone number"),
        ("+999 1234567", "+999 1234567 does not start with a country code"),
        ("+44 20", "+44 20 has too few digits for a number with country code +44"),
        ("+49 3", "+49 3 has too few digits for a phone number"),
        ("+44 20 7946 00001", "has too many digits for a number with country code +44"),
        ("+1 650 253 00001", "has too many digits for a number with country code +1"),
        ("+49 11 1234567", "+49 11 1234567 is not a possible number with country code +49"),
    ],
)
def test_a_problem_is_worded(number: str, warning: str):
    problem = number_problem(number)
    assert problem is not None
    assert warning in problem


@pytest.mark.parametrize(
    ("number", "sms"),
    [
        ("600 100 200", True),
        ("+48 512 345 678", True),
        ("+1 650 253 0000", True),  # the library cannot tell: fixed line or mobile
        ("+44 7400 123456", True),
        ("22 123 45 67", False),
        ("800 123 456", False),
        ("701 234 567", False),
        ("+49 30 1234567", False),
        ("390 123 456", None),  # VoIP
        ("900 123 456", None),
        ("101", None),
        ("*100#", None),
        ("Anonymous", None),
        ("", None),
    ],
)
def test_who_can_receive_an_sms(number: str, sms: bool | None):
    assert can_receive_sms(number) is sms
