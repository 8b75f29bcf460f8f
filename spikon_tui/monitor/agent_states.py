"""SPIKON's Polish agent states: "Wolny" = free, "Rozmawia" = talking.

The API sends the state as Polish text; `state_label` words it in the interface
language (`spikon_tui.api_words`: English "free", Polish "Wolny" as sent). Known
values are matched ignoring case, surrounding spaces and diacritics
("Niedostepny" is "Niedostępny"); any other
value passes through unchanged, so a state this program does not know is still
shown as the API sent it.
"""

from __future__ import annotations

from enum import StrEnum

from spikon_tui.api_words import agent_state_word, fold


class AgentState(StrEnum):
    FREE = "free"
    TALKING = "talking"
    UNAVAILABLE = "unavailable"


_POLISH: dict[str, AgentState] = {
    "wolny": AgentState.FREE,
    "rozmawia": AgentState.TALKING,
    "niedostepny": AgentState.UNAVAILABLE,
}


_SEEN: dict[str, AgentState | None] = {}
_SEEN_LIMIT = 256


def classify_state(raw: str) -> AgentState | None:
    """The known state the API's text names, or None for a value this program does not know."""
    # Runs for every agent on every poll: remember the few texts an API sends (a plain dict
    # is several times faster than functools.lru_cache here).
    try:
        return _SEEN[raw]
    except KeyError:
        known = _POLISH.get(fold(raw))
        if len(_SEEN) < _SEEN_LIMIT:
            _SEEN[raw] = known
        return known


def state_label(raw: str) -> str:
    """A known state in the interface language ("free" / "Wolny"), otherwise as sent, trimmed."""
    return agent_state_word(raw)
