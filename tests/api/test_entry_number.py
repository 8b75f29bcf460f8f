"""A phone-book entry's number: any text of 1 to 25 characters, as the API documents it
("at most 25 characters"), not only digits as for a number to call."""

from __future__ import annotations

import pytest

from spikon_tui.api import ValidationError
from spikon_tui.api import validation as v
from tests.api.helpers import Recorder, doc_examples_handler, form_of, make_client

PARAMETER = "phone_book_element_number"


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("600100200", "600100200"),
        ("*100#", "*100#"),
        ("(22) 123 45 67", "(22)1234567"),
        ("+48 (58) 123-45-67 #12", "+48(58)1234567#12"),
        ("  101 ", "101"),
        ("Recepcja", "Recepcja"),
        ("1" * 25, "1" * 25),
        ("+" + "1" * 24, "+" + "1" * 24),
        ("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5", "1234567890123456789012345"),
        (101, "101"),
    ],
)
def test_any_text_of_at_most_25_characters_is_accepted(typed: object, sent: str) -> None:
    assert v.check_phone_book_element_number(typed) == sent
    assert v.check_phone_number(typed, PARAMETER) == sent, "the forms' route, the same rule"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1" * 26, "at most 25 characters long (it has 26)"),
        ("*" * 26, "at most 25 characters long (it has 26)"),
        ("", "must not be empty"),
        (" - ", "must not be empty"),
        ("12\x0034", "must not contain control characters"),
        ("12\x7f34", "must not contain control characters"),
        ("12\x9b34", "must not contain control characters"),
        (None, "must be a phone number"),
        (True, "must be a phone number"),
    ],
)
def test_what_the_api_would_refuse_is_refused_in_words(typed: object, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        v.check_phone_book_element_number(typed)
    assert caught.value.parameter == PARAMETER
    assert words in str(caught.value)


def test_a_number_to_call_is_still_digits_only() -> None:
    with pytest.raises(ValidationError):
        v.check_phone_number("*100#", "destination_number")
    with pytest.raises(ValidationError):
        v.check_phone_number("(22) 123", "number")


async def test_the_client_sends_the_text() -> None:
    recorder = Recorder(doc_examples_handler)
    async with make_client(recorder) as client:
        await client.phone_book_element_add(1, "Sekretariat", "*100# ")
    (request,) = recorder.requests
    assert form_of(request)[PARAMETER] == "*100#"
