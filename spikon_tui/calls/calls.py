"""One call of a report in words: its state, its length, its recording, who to call back.

SPIKON names call states in Polish ("Odebrane" = answered); the English interface
shows them in English, the Polish one as sent (`spikon_tui.api_words`); states
this module does not know are shown as SPIKON sent them. The recording field
holds a URL, a bare file name (when recordings go to the account's FTP server)
or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from enum import Enum

from spikon_tui.api.models import CallRecord
from spikon_tui.api.validation import CallDirection
from spikon_tui.api_words import call_state_meaning, call_state_word
from spikon_tui.i18n import N_, _

ANSWERED_MEANING = "Answered"
"""`call_state_meaning` of an answered call, whatever the interface language."""

SECONDS_ONLY = N_("{seconds} s")
MINUTES_AND_SECONDS = N_("{minutes} min {seconds} s")
HOURS_AND_MINUTES = N_("{hours} h {minutes} min")


class Recording(Enum):
    """The kinds of recording; the values are msgids (`_(kind.value)` words one)."""

    NONE = "—"
    LINK = N_("link")
    FTP_FILE = N_("FTP file")


state_label = call_state_word
"""'Odebrane' -> 'Answered' in English, 'Odebrane' in Polish; an unknown state as sent."""


def is_answered(state: str) -> bool:
    return call_state_meaning(state) == ANSWERED_MEANING


def recording_kind(file: str) -> Recording:
    if not file:
        return Recording.NONE
    if file.startswith(("https://", "http://")):
        return Recording.LINK
    return Recording.FTP_FILE


def humanize_duration(seconds: int, translate: Callable[[str], str] = _) -> str:
    """A call's length for people: '0 s', '45 s', '2 min 05 s', '1 h 02 min'.

    `translate` words the units (`str` keeps them English, as the CSV export does).
    """
    seconds = max(0, int(seconds))
    if seconds < 60:
        return translate(SECONDS_ONLY).format(seconds=seconds)
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return translate(MINUTES_AND_SECONDS).format(minutes=minutes, seconds=f"{secs:02d}")
    hours, minutes = divmod(minutes, 60)
    return translate(HOURS_AND_MINUTES).format(hours=hours, minutes=f"{minutes:02d}")


def call_back_number(
    call: CallRecord, direction: CallDirection | None, own_numbers: Collection[str] = ()
) -> str:
    """The other party of `call`: the caller of an incoming call, the callee of an outgoing one.

    In a report of both directions, a call from one of the account's own numbers
    (`own_numbers`, from phone_account/list) is outgoing; without them, the caller.
    """
    if direction == CallDirection.OUTGOING:
        return call.dst
    if direction == CallDirection.INCOMING:
        return call.src
    if call.src in own_numbers and call.dst not in own_numbers:
        return call.dst
    return call.src
