"""Recipients as typed: checked by the client's own rules, repeats sent to once."""

from __future__ import annotations

import pytest

from spikon_tui.api.errors import ValidationError
from spikon_tui.sms.recipients import add_number, format_number, parse_recipients


def test_numbers_are_normalised_in_order_and_repeats_dropped() -> None:
    recipients = parse_recipients("501 234 567; +48 601-234-567,\n501234567, 0048701234567")
    assert recipients.numbers == ("501234567", "601234567", "701234567")
    assert recipients.repeats == 1


@pytest.mark.parametrize("text", ["", " , ;", "50123456", "5012345678", "501234567, abc"])
def test_anything_but_polish_9_digit_numbers_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_recipients(text)
    assert raised.value.parameter == "to"


def test_the_refusal_names_the_bad_number() -> None:
    with pytest.raises(ValidationError, match="12345"):
        parse_recipients("501234567, 12345")


def test_format_number_groups_by_three() -> None:
    assert format_number("501234567") == "501 234 567"
    assert format_number("+4858") == "+4858"


def test_add_number_appends_once() -> None:
    assert add_number("", "501234567") == "501234567"
    assert add_number("601234567, ", "501234567") == "601234567, 501234567"
    assert add_number("601 234 567", "601234567") == "601 234 567"
    assert add_number("oops", "501234567") == "oops, 501234567"
