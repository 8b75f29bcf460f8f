"""How many SMS parts a message takes, counted the way phone networks count them.

A message that only uses the GSM 03.38 alphabet travels as GSM-7: 160 septets in
one SMS, 153 per part once it is split. The characters of the extension table
(^ { } \\ [ ~ ] | € and form feed) take two septets each (an escape, then the
character), and the pair is never split across two parts. One character outside
that alphabet (Polish ą ę ł ó ś ż ź ć ń, typographic quotes, emoji) turns the
whole message into UCS-2: 70 UTF-16 code units in one SMS, 67 per part; an emoji
is two code units, and its two halves are never split across parts either.

The API's own limit (918 characters, `SMS_MESSAGE_MAX`) is a different count: the
documentation says "at most 918 characters (6 standard SMS)", and
`api.validation.check_sms_message` counts characters (`len`), whatever the
encoding. So a Unicode message may be up to 918 characters and take up to 14 parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
"""The 127 characters of the GSM 03.38 basic table (the 128th code is the escape)."""

GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")
"""Characters of the extension table: two septets each."""

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67

Encoding = Literal["GSM-7", "UCS-2"]


@dataclass(frozen=True)
class SmsLength:
    """The size of one message.

    Attributes:
        characters: what the API's 918 limit counts (`len(message)`).
        encoding: "GSM-7", or "UCS-2" as soon as one character is outside GSM-7.
        units: septets (GSM-7) or UTF-16 code units (UCS-2) in the whole message.
        parts: SMS parts it is sent as (0 for an empty message).
        part_size: the units one part holds: 160 / 70 alone, 153 / 67 when split.
        left_in_part: units still free in the last part before another one starts.
        unicode_characters: the distinct characters that forced UCS-2, in order of appearance.
    """

    characters: int
    encoding: Encoding
    units: int
    parts: int
    part_size: int
    left_in_part: int
    unicode_characters: tuple[str, ...]

    @property
    def is_unicode(self) -> bool:
        return self.encoding == "UCS-2"


def is_gsm7(character: str) -> bool:
    return character in GSM7_BASIC or character in GSM7_EXTENSION


def _unit_sizes(message: str, unicode: bool) -> list[int]:
    if unicode:
        return [2 if ord(ch) > 0xFFFF else 1 for ch in message]
    return [2 if ch in GSM7_EXTENSION else 1 for ch in message]


def _split(sizes: list[int], part_size: int) -> tuple[int, int]:
    """Parts needed when no character may straddle two parts, and the fill of the last."""
    parts, fill = 1, 0
    for size in sizes:
        if fill + size > part_size:
            parts += 1
            fill = 0
        fill += size
    return parts, fill


def measure(message: str) -> SmsLength:
    """The encoding, units and parts of `message`."""
    unicode_characters = tuple(dict.fromkeys(ch for ch in message if not is_gsm7(ch)))
    unicode = bool(unicode_characters)
    single, multi = (UCS2_SINGLE, UCS2_PART) if unicode else (GSM7_SINGLE, GSM7_PART)
    sizes = _unit_sizes(message, unicode)
    units = sum(sizes)
    if units <= single:
        parts, part_size, fill = (1 if units else 0), single, units
    else:
        parts, fill = _split(sizes, multi)
        part_size = multi
    return SmsLength(
        characters=len(message),
        encoding="UCS-2" if unicode else "GSM-7",
        units=units,
        parts=parts,
        part_size=part_size,
        left_in_part=part_size - fill,
        unicode_characters=unicode_characters,
    )
