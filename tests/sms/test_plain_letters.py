"""Replacing Polish letters and typographic marks brings a message back to GSM-7."""

from __future__ import annotations

from spikon_tui.sms.length import measure
from spikon_tui.sms.plain_letters import plain_letters


def test_polish_letters_lose_their_marks() -> None:
    assert plain_letters("Zażółć gęślą jaźń") == "Zazolc gesla jazn"
    assert plain_letters("ZAŻÓŁĆ GĘŚLĄ JAŹŃ") == "ZAZOLC GESLA JAZN"


def test_typographic_marks_become_plain_ones() -> None:
    assert plain_letters("„Tak” – ‘nie’…\u00a0ok") == "\"Tak\" - 'nie'... ok"


def test_the_result_is_gsm7_unless_something_has_no_stand_in() -> None:
    assert measure(plain_letters("Wizyta w środę o 12:00 – prosimy o potwierdzenie")).encoding == (
        "GSM-7"
    )
    assert measure(plain_letters("Dziękujemy 😀")).unicode_characters == ("😀",)
