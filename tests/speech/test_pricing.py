"""Which price answer the form may show, and which quotes are remembered."""

from __future__ import annotations

from decimal import Decimal

from spikon_tui.api.models import TtsPrice
from spikon_tui.speech.pricing import REMEMBERED_QUOTES, PriceQuotes

CHEAP = TtsPrice(Decimal("0.3"), Decimal("0.37"))
DEARER = TtsPrice(Decimal("0.6"), Decimal("0.74"))


def test_only_the_latest_question_may_change_what_is_shown() -> None:
    quotes = PriceQuotes()
    older = quotes.ask("Ewa", "short")
    newer = quotes.ask("Ewa", "short and longer")
    assert quotes.answered(newer, DEARER) is True
    assert quotes.answered(older, CHEAP) is False, "a late answer for older text"
    assert not quotes.is_latest(older)
    # Both answers are remembered for their own text.
    assert quotes.known("Ewa", "short") == CHEAP
    assert quotes.known("Ewa", "short and longer") == DEARER
    assert quotes.known("Jacek", "short") is None


def test_remembered_quotes_are_bounded_dropping_the_least_recently_used() -> None:
    quotes = PriceQuotes()
    for number in range(REMEMBERED_QUOTES):
        quotes.answered(quotes.ask("Ewa", str(number)), CHEAP)
    assert quotes.known("Ewa", "0") == CHEAP  # used again: kept
    quotes.answered(quotes.ask("Ewa", "one more"), CHEAP)
    assert quotes.known("Ewa", "0") == CHEAP
    assert quotes.known("Ewa", "1") is None
