"""How figures look on screen: money, ages and durations, the same everywhere in the app."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")
_NBSP = "\u00a0"  # keeps "1 234,50 zł" on one line


def format_money(amount: Decimal) -> str:
    """`Decimal("-1234.5")` -> `"-1 234,50 zł"`: Polish style, grouped thousands, two decimals."""
    rounded = amount.quantize(_CENT, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, cents = f"{abs(rounded):.2f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}{_NBSP.join(groups)},{cents}{_NBSP}zł"


def format_age(seconds: float) -> str:
    """How long ago something happened, short enough for a status line: `12 s`, `3 min`, `2 h`."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} d"


def format_duration(seconds: int) -> str:
    """A call's length: `0:42`, `12:05`, `1:02:03`."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
