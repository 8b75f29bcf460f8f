"""How the speech screen words languages, voices, counts, prices and states."""

from __future__ import annotations

from decimal import Decimal

from spikon_tui.api.models import TtsLanguage, TtsPrice, TtsVoice
from spikon_tui.i18n import set_language
from spikon_tui.speech.wording import (
    character_count,
    gender_word,
    language_label,
    price_text,
    state_text,
    voice_label,
)

NBSP = "\u00a0"


def test_languages_show_the_code_first_and_their_name_in_the_interface_language() -> None:
    assert language_label(TtsLanguage("pl-PL", "Polski")) == "pl-PL · Polish"
    assert language_label(TtsLanguage("en-US", "Angielski (Amerykański)")) == (
        "en-US · English (American)"
    )
    assert language_label(TtsLanguage("arb", " ")) == "arb"
    assert language_label(TtsLanguage("xx-XX", "Klingoński")) == "xx-XX · Klingoński"
    assert language_label(TtsLanguage("en-XX", "Angielski (Marsjański)")) == (
        "en-XX · Angielski (Marsjański)"
    )
    set_language("pl")
    try:
        assert language_label(TtsLanguage("en-US", "Angielski (Amerykański)")) == (
            "en-US · Angielski (Amerykański)"
        )
    finally:
        set_language("en")


def test_voices_show_their_gender_in_words() -> None:
    assert voice_label(TtsVoice("Ewa", "F")) == "Ewa · female"
    assert voice_label(TtsVoice("Jacek", "m ")) == "Jacek · male"
    assert voice_label(TtsVoice("Robot", "X")) == "Robot"
    assert gender_word(TtsVoice("Robot", "")) is None


def test_the_counter_groups_thousands_and_says_how_many_too_many() -> None:
    assert character_count(0) == "0 / 3 000 characters"
    assert character_count(3000) == "3 000 / 3 000 characters"
    assert character_count(3012) == "3 012 / 3 000 characters, 12 over"


def test_prices_are_money_in_the_interface_language() -> None:
    price = TtsPrice(Decimal("9.0"), Decimal("11.07"))
    assert price_text(price) == f"9.00{NBSP}zł net · 11.07{NBSP}zł gross"


def test_states() -> None:
    assert state_text(True) == "ready"
    assert state_text(False) == "waiting…"
