"""One call of a report in words: its state in English, its length, its recording, who to call back.

SPIKON names call states in Polish ("Odebrane" = answered); states this module
does not know are shown as SPIKON sent them. The recording field holds a URL, a
bare file name (when recordings go to the account's FTP server) or nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import Enum

from spikon_tui.api.models import CallRecord
from spikon_tui.api.validation import CallDirection

STATE_LABELS: dict[str, str] = {
    "odebrane": "Answered",
    "nieodebrane": "No answer",
    "zajęte": "Busy",
    "zajete": "Busy",
    "nieudane": "Failed",
    "answered": "Answered",
    "no answer": "No answer",
    "busy": "Busy",
    "failed": "Failed",
}
ANSWERED_LABEL = "Answered"


class Recording(Enum):
    NONE = "—"
    LINK = "link"
    FTP_FILE = "FTP file"


def state_label(state: str) -> str:
    """'Odebrane' -> 'Answered'; an unknown state as SPIKON sent it."""
    text = state.strip()
    return STATE_LABELS.get(text.casefold(), text)


def is_answered(state: str) -> bool:
    return state_label(state) == ANSWERED_LABEL


def recording_kind(file: str) -> Recording:
    if not file:
        return Recording.NONE
    if file.startswith(("https://", "http://")):
        return Recording.LINK
    return Recording.FTP_FILE


def humanize_duration(seconds: int) -> str:
    """A call's length for people: '0 s', '45 s', '2 min 05 s', '1 h 02 min'."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


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
