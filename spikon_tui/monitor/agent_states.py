"""SPIKON's Polish agent states, in English: "Wolny" = free, "Rozmawia" = talking.

The API sends the state as Polish text. Known values are matched ignoring case,
surrounding spaces and diacritics ("Niedostepny" is "Niedostępny"); any other
value passes through unchanged, so a state this program does not know is still
shown as the API sent it.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class AgentState(StrEnum):
    FREE = "free"
    TALKING = "talking"
    UNAVAILABLE = "unavailable"


_POLISH: dict[str, AgentState] = {
    "wolny": AgentState.FREE,
    "rozmawia": AgentState.TALKING,
    "niedostepny": AgentState.UNAVAILABLE,
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_SEEN: dict[str, AgentState | None] = {}
_SEEN_LIMIT = 256


def classify_state(raw: str) -> AgentState | None:
    """The known state the API's text names, or None for a value this program does not know."""
    # Runs for every agent on every poll: remember the few texts an API sends (a plain dict
    # is several times faster than functools.lru_cache here).
    try:
        return _SEEN[raw]
    except KeyError:
        known = _POLISH.get(_fold(raw))
        if len(_SEEN) < _SEEN_LIMIT:
            _SEEN[raw] = known
        return known


def state_label(raw: str) -> str:
    """English for a known state ("free"), otherwise the API's own text, trimmed."""
    known = classify_state(raw)
    return known.value if known is not None else raw.strip()
