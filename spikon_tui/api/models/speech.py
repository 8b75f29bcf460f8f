"""Text to speech: languages, voices, announcements, prices.

See the package docstring for the conventions all models follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class TtsLanguage:
    """tts/language_list: a language code (for tts/voice_list) and its Polish name."""

    language: str
    description: str


@dataclass(frozen=True, slots=True)
class TtsVoice:
    """tts/voice_list: a voice name (for tts/generate) and its gender, "F" or "M"."""

    name: str
    gender: str


@dataclass(frozen=True, slots=True)
class TtsCreated:
    """tts/generate: the id of the announcement being generated."""

    tts_id: int


@dataclass(frozen=True, slots=True)
class TtsAnnouncement:
    """tts/list: one announcement; `generated` False means still being generated."""

    id: int
    name: str
    generated: bool


@dataclass(frozen=True, slots=True)
class TtsPrice:
    """tts/price: what an announcement would cost, in PLN."""

    cost_net: Decimal
    cost_gross: Decimal


@dataclass(frozen=True, slots=True)
class TtsStatus:
    """tts/status: whether the announcement is generated yet."""

    id: int
    generated: bool
