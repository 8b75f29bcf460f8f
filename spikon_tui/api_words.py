"""The words SPIKON's API sends in Polish, in the interface language.

The API answers in Polish: agent states ("Wolny"), call states ("Odebrane"),
pause flags ("Tak"/"Nie"), "Brak danych" for no data and the names of the
text-to-speech languages ("Angielski (Amerykański)"). The English interface
shows them in English; the Polish one shows them as the API sent them (trimmed).
Known values are matched ignoring case, surrounding spaces and diacritics
("Niedostepny" is "Niedostępny"); a value this program does not know passes
through unchanged, in both languages. English spellings some answers use
("answered"; call/initiate's "initiated") are translated to the interface
language too.

Translate at display, not when a poll arrives, if what is kept may outlive a
change of language; the result is cheap (a dict lookup and a catalog lookup).
No Textual import here: monitor/ and calls/ use it.
"""

from __future__ import annotations

import re
import unicodedata

from spikon_tui.i18n import N_, _, current_language

AGENT_STATES: dict[str, str] = {
    "wolny": N_("free"),
    "rozmawia": N_("talking"),
    "niedostepny": N_("unavailable"),
}
"""Folded Polish agent state -> its English (the msgid)."""

CALL_STATES: dict[str, str] = {
    "odebrane": N_("Answered"),
    "nieodebrane": N_("No answer"),
    "zajete": N_("Busy"),
    "nieudane": N_("Failed"),
}
CALL_STATES_IN_ENGLISH: dict[str, str] = {
    "answered": "Answered",
    "no answer": "No answer",
    "busy": "Busy",
    "failed": "Failed",
}

CALL_START_STATES: dict[str, str] = {"initiated": N_("initiated")}
"""call/initiate's state, which the API sends in English -> its msgid."""

YES_NO: dict[str, str] = {"tak": N_("yes"), "nie": N_("no")}
NO_DATA: dict[str, str] = {"brak danych": N_("no data")}

LANGUAGES: dict[str, str] = {
    "polski": N_("Polish"),
    "angielski": N_("English"),
    "niemiecki": N_("German"),
    "francuski": N_("French"),
    "hiszpanski": N_("Spanish"),
    "wloski": N_("Italian"),
    "portugalski": N_("Portuguese"),
    "holenderski": N_("Dutch"),
    "dunski": N_("Danish"),
    "norweski": N_("Norwegian"),
    "szwedzki": N_("Swedish"),
    "finski": N_("Finnish"),
    "islandzki": N_("Icelandic"),
    "rosyjski": N_("Russian"),
    "ukrainski": N_("Ukrainian"),
    "czeski": N_("Czech"),
    "turecki": N_("Turkish"),
    "rumunski": N_("Romanian"),
    "walijski": N_("Welsh"),
    "japonski": N_("Japanese"),
    "koreanski": N_("Korean"),
    "chinski": N_("Chinese"),
    "arabski": N_("Arabic"),
    "hindi": N_("Hindi"),
}
"""Folded Polish names of the text-to-speech languages -> English (msgids)."""
LANGUAGE_VARIANTS: dict[str, str] = {
    "amerykanski": N_("American"),
    "brytyjski": N_("British"),
    "australijski": N_("Australian"),
    "indyjski": N_("Indian"),
    "nowozelandzki": N_("New Zealand"),
    "poludniowoafrykanski": N_("South African"),
    "irlandzki": N_("Irish"),
    "walijski": N_("Welsh"),
    "kanadyjski": N_("Canadian"),
    "europejski": N_("European"),
    "meksykanski": N_("Mexican"),
    "brazylijski": N_("Brazilian"),
    "mandarynski": N_("Mandarin"),
}
"""Folded Polish variants, written in brackets after a language ("Angielski (Brytyjski)")."""
_LANGUAGE_AND_VARIANT = re.compile(r"(.+?)\s*\((.+)\)")

_SEEN: dict[str, str] = {}
_SEEN_LIMIT = 512


def fold(text: str) -> str:
    """`" Niedostępny "` -> `"niedostepny"`: how API words are compared."""
    # Runs for every agent on every poll: remember the few texts an API sends.
    try:
        return _SEEN[text]
    except KeyError:
        decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
        if len(_SEEN) < _SEEN_LIMIT:
            _SEEN[text] = folded
        return folded


def _word(raw: str, polish: dict[str, str], english: dict[str, str] | None = None) -> str:
    text = raw.strip()
    key = fold(text)
    meaning = polish.get(key)
    if meaning is not None:
        return text if current_language() == "pl" else _(meaning)
    meaning = english.get(key) if english is not None else None
    return _(meaning) if meaning is not None else text


def agent_state_word(raw: str) -> str:
    """ "Wolny" -> "free" in English, "Wolny" in Polish; unknown states as sent."""
    return _word(raw, AGENT_STATES)


def call_state_word(raw: str) -> str:
    """ "Odebrane" -> "Answered" in English, "Odebrane" in Polish; unknown states as sent."""
    return _word(raw, CALL_STATES, CALL_STATES_IN_ENGLISH)


def call_state_meaning(raw: str) -> str | None:
    """The English name of a known call state ("Answered"), whatever the language; else None."""
    key = fold(raw)
    return CALL_STATES.get(key) or CALL_STATES_IN_ENGLISH.get(key)


def call_start_state_word(raw: str) -> str:
    """ "initiated" -> "initiated" in English, "rozpoczęte" in Polish; unknown states as sent."""
    return _word(raw, {}, CALL_START_STATES)


def language_word(raw: str) -> str:
    """ "Angielski (Amerykański)" -> "English (American)" in English, as sent in Polish;
    a name with any part this program does not know is shown as sent, in both languages."""
    text = raw.strip()
    if current_language() == "pl":
        return text
    found = _LANGUAGE_AND_VARIANT.fullmatch(text)
    base, variant = found.groups() if found else (text, None)
    language = LANGUAGES.get(fold(base))
    if language is None:
        return text
    if variant is None:
        return _(language)
    variant_word = LANGUAGE_VARIANTS.get(fold(variant))
    return text if variant_word is None else f"{_(language)} ({_(variant_word)})"


def yes_no_word(raw: str) -> str:
    """ "Tak" -> "yes", "Nie" -> "no" in English; as sent in Polish."""
    return _word(raw, YES_NO)


def no_data_word(raw: str) -> str:
    """ "Brak danych" -> "no data" in English; as sent in Polish."""
    return _word(raw, NO_DATA)


def api_word(raw: str) -> str:
    """Any of the above, for a field whose kind of value is not known in advance."""
    text = raw.strip()
    key = fold(text)
    for polish in (AGENT_STATES, CALL_STATES, YES_NO, NO_DATA):
        if key in polish:
            return _word(text, polish)
    return _word(text, {}, CALL_STATES_IN_ENGLISH)
