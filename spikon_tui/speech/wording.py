"""How languages, voices, counts, prices and states read on the speech screen."""

from __future__ import annotations

from spikon_tui.api.models import TtsLanguage, TtsPrice, TtsVoice
from spikon_tui.api.validation import TTS_TEXT_MAX
from spikon_tui.formatting import format_money

GENDERS = {"F": "female", "M": "male"}


def language_label(language: TtsLanguage) -> str:
    """'pl-PL · Polski': the code first, so a narrow list still tells the variants apart."""
    description = language.description.strip()
    return f"{language.language} · {description}" if description else language.language


def gender_word(voice: TtsVoice) -> str | None:
    """ "female" / "male", or None for a gender SPIKON does not document."""
    return GENDERS.get(voice.gender.strip().upper())


def voice_label(voice: TtsVoice) -> str:
    """'Ewa · female'; the voice alone when SPIKON gives no known gender."""
    gender = gender_word(voice)
    return f"{voice.name} · {gender}" if gender else voice.name


def grouped(number: int) -> str:
    """1234 -> "1 234"."""
    return f"{number:,}".replace(",", " ")


def character_count(length: int) -> str:
    """1234 -> "1 234 / 3 000 characters"; past the limit also how many over, ", 12 over"."""
    text = f"{grouped(length)} / {grouped(TTS_TEXT_MAX)} characters"
    if length > TTS_TEXT_MAX:
        text += f", {grouped(length - TTS_TEXT_MAX)} over"
    return text


def price_text(price: TtsPrice) -> str:
    """'0,30 zł net · 0,37 zł gross'."""
    return f"{format_money(price.cost_net)} net · {format_money(price.cost_gross)} gross"


def state_text(generated: bool) -> str:
    return "ready" if generated else "waiting…"
