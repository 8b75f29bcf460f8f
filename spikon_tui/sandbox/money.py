"""Prices and how amounts are printed: the balance, SMS parts, TTS announcements, calls."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
VAT = Decimal("1.23")
SMS_PART_PRICE = Decimal("0.16")
CALL_CONNECTION_FEE = Decimal("0.10")
TTS_PRICE_PER_STARTED_100_CHARACTERS = Decimal("0.30")

# The GSM 03.38 basic alphabet (plus its extension table); anything else needs UCS-2.
_GSM_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = "^{}\\[~]|€\f"


def format_balance(amount: Decimal, *, dot: bool) -> str:
    """The balance as "123,45" (the default) or "123.45" with `sign=1`; may be negative."""
    text = str(amount.quantize(CENT, rounding=ROUND_HALF_UP))
    return text if dot else text.replace(".", ",")


def format_price(amount: Decimal) -> str:
    """Prices as tts/price prints them: "9.0", "11.07" (at least one decimal, no trailing 0)."""
    text = str(amount.quantize(CENT, rounding=ROUND_HALF_UP))
    return text[:-1] if text.endswith("0") else text


def sms_parts(message: str) -> int:
    """How many SMS parts a message takes: 160/153 GSM characters, or 70/67 with Polish letters."""
    if all(ch in _GSM_BASIC or ch in _GSM_EXTENSION for ch in message):
        length = sum(2 if ch in _GSM_EXTENSION else 1 for ch in message)
        single, multi = 160, 153
    else:
        length = len(message)
        single, multi = 70, 67
    return 1 if length <= single else math.ceil(length / multi)


def sms_price(message: str) -> Decimal:
    return SMS_PART_PRICE * sms_parts(message)


def tts_net_price(text: str) -> Decimal:
    """0.30 zł net per started 100 characters (3000 characters cost the documented 9.0)."""
    return TTS_PRICE_PER_STARTED_100_CHARACTERS * max(1, math.ceil(len(text) / 100))


def gross(net: Decimal) -> Decimal:
    return (net * VAT).quantize(CENT, rounding=ROUND_HALF_UP)
