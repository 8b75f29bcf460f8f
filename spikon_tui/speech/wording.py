"""How languages, voices, counts, prices and states read on the speech screen."""

from __future__ import annotations

from spikon_tui.api.models import TtsLanguage, TtsPrice, TtsVoice
from spikon_tui.api.validation import TTS_TEXT_MAX
from spikon_tui.api_words import language_word
from spikon_tui.formatting import format_money
from spikon_tui.i18n import N_, _

GENDERS = {"F": N_("female"), "M": N_("male")}


def language_label(language: TtsLanguage) -> str:
    """'pl-PL · Polish' ('pl-PL · Polski' in Polish): the code first, so a narrow list
    still tells the variants apart."""
    description = language_word(language.description)
    return f"{language.language} · {description}" if description else language.language


def gender_word(voice: TtsVoice) -> str | None:
    """ "female" / "male", or None for a gender SPIKON does not document."""
    gender = GENDERS.get(voice.gender.strip().upper())
    return None if gender is None else _(gender)


def voice_label(voice: TtsVoice) -> str:
    """'Ewa · female'; the voice alone when SPIKON gives no known gender."""
    gender = gender_word(voice)
    return f"{voice.name} · {gender}" if gender else voice.name


def grouped(number: int) -> str:
    """1234 -> "1 234"."""
    return f"{number:,}".replace(",", " ")


def character_count(length: int) -> str:
    """1234 -> "1 234 / 3 000 characters"; past the limit also how many over, ", 12 over"."""
    text = _("{count} / {limit} characters").format(
        count=grouped(length), limit=grouped(TTS_TEXT_MAX)
    )
    if length > TTS_TEXT_MAX:
        text += ", " + _("{count} over").format(count=grouped(length - TTS_TEXT_MAX))
    return text


def price_text(price: TtsPrice) -> str:
    """'0,30 zł net · 0,37 zł gross'."""
    return _("{net} net · {gross} gross").format(
        net=format_money(price.cost_net), gross=format_money(price.cost_gross)
    )


def state_text(generated: bool) -> str:
    return _("ready") if generated else _("waiting…")
