"""Safe, readable file names for downloaded announcements, and where a typed path points."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

STEM_MAX = 60
"""Longest file name stem made from an announcement's name (before the date and suffix)."""

_NOT_DECOMPOSABLE = str.maketrans(
    {"ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"}
)
_NOT_ALLOWED = re.compile(r"[^a-z0-9]+")


def file_stem(name: str, fallback: str) -> str:
    """'Powitanie – godziny pracy!' -> 'powitanie-godziny-pracy'.

    Lower-case ASCII letters, digits and single hyphens (Polish letters lose their
    accents), so the file works on any phone system and in any shell; `fallback`
    when nothing usable is left.
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_NOT_DECOMPOSABLE))
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    stem = _NOT_ALLOWED.sub("-", ascii_only).strip("-")
    if len(stem) > STEM_MAX:
        stem = stem[:STEM_MAX].rsplit("-", 1)[0] if "-" in stem[:STEM_MAX] else stem[:STEM_MAX]
    return stem or fallback


def save_target(typed: str, default_name: str) -> Path:
    """The file a typed path means; `~` is expanded.

    A folder (existing, or typed with a trailing slash) gets `default_name`
    inside it; a file name without any suffix gets `default_name`'s (".wav"),
    since phone systems pick audio files by their suffix.
    """
    path = Path(typed).expanduser()
    if typed.endswith(("/", "\\")) or path.is_dir():
        return path / default_name
    if not path.suffix:
        return path.with_name(path.name + Path(default_name).suffix)
    return path
