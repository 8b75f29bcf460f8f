"""CSV cells a spreadsheet will not run: text starting with = + - @ (or a tab or CR)
gets an apostrophe in front, so "=HYPERLINK(...)" in a campaign name stays text."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    return "'" + text if text[:1] in FORMULA_STARTS else text
