"""The sandbox takes a phone-book entry's number as the documentation describes it: any
text of at most 25 characters (not only digits, as for a number to call)."""

from __future__ import annotations

import pytest

from tests.sandbox.helpers import Api


def add(number: str) -> dict[str, str]:
    return {"phone_book_id": 0, "phone_book_element_name": "A", "phone_book_element_number": number}


@pytest.mark.parametrize(
    "number", ["*100#", "(22) 123 45 67", "#31#600100200", "101", "Recepcja", "5" * 25, " x "]
)
def test_any_text_of_at_most_25_characters_is_stored(api: Api, number: str) -> None:
    stored = api.ok("phone_book_element/add", add(number))["phone-book-elements"]
    assert stored["phone_book_element"]["number"] == number


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("5" * 26, "too long (26 characters, at most 25)"),
        ("   ", "must not be empty"),
        ("600\n100", "must not contain control characters"),
        ("600\x00100", "must not contain control characters"),
    ],
)
def test_longer_blank_or_control_characters_are_refused(api: Api, number: str, why: str) -> None:
    error = api.error("phone_book_element/add", add(number))
    assert (error["id"], error["desc"]) == ("-6", f"phone_book_element_number: {why}")


def test_a_number_to_call_is_still_a_dialable_number(api: Api) -> None:
    error = api.error("call/initiate", {"phone_account_id": 1, "destination_number": "Recepcja"})
    assert error["id"] == "-6" and error["desc"].startswith("destination_number: ")
