"""What an SMS state means to the person who sent it, and whether it can still change.

sms/state answers -1 no funds, 0 new, 1 being handled, 2 error (with an optional
`error` text), 3 undelivered (wrong or unreachable number), 4 sent, 5 delivered.
-1, 2, 3 and 5 are final; 0, 1 and 4 can still move (4 turns into 5 when the
delivery report comes). A message whose sending answer was lost has no id and
no state: whether it went out is unknown.
"""

from __future__ import annotations

from enum import Enum

from spikon_tui.api.models import SmsStateCode
from spikon_tui.i18n import N_, _


class Tone(Enum):
    """How a state should look: still moving, good news, bad news, or not known."""

    PENDING = "pending"
    GOOD = "good"
    BAD = "bad"
    UNKNOWN = "unknown"


_SHORT = {
    SmsStateCode.NO_FUNDS: N_("no funds"),
    SmsStateCode.NEW: N_("new"),
    SmsStateCode.PROCESSING: N_("being handled"),
    SmsStateCode.ERROR: N_("error"),
    SmsStateCode.UNDELIVERED: N_("undelivered"),
    SmsStateCode.SENT: N_("sent"),
    SmsStateCode.DELIVERED: N_("delivered"),
}

_LONG = {
    SmsStateCode.NO_FUNDS: N_(
        "Not sent: the account had no funds for it. Top up the account, then send it again."
    ),
    SmsStateCode.NEW: N_("Accepted by SPIKON, waiting to be handled."),
    SmsStateCode.PROCESSING: N_("SPIKON is handling it."),
    SmsStateCode.ERROR: N_("Not delivered: SPIKON reported an error."),
    SmsStateCode.UNDELIVERED: N_(
        "Not delivered: the number is wrong or the phone could not be reached."
    ),
    SmsStateCode.SENT: N_("Sent to the network; waiting for the delivery report."),
    SmsStateCode.DELIVERED: N_("Delivered to the recipient's phone."),
}

_TONE = {
    SmsStateCode.NO_FUNDS: Tone.BAD,
    SmsStateCode.NEW: Tone.PENDING,
    SmsStateCode.PROCESSING: Tone.PENDING,
    SmsStateCode.ERROR: Tone.BAD,
    SmsStateCode.UNDELIVERED: Tone.BAD,
    SmsStateCode.SENT: Tone.PENDING,
    SmsStateCode.DELIVERED: Tone.GOOD,
}


def _code(state: int | None) -> SmsStateCode | None:
    if state is None:
        return None
    try:
        return SmsStateCode(state)
    except ValueError:
        return None


def is_final(state: int | None) -> bool:
    """True when the state will not change any more (unknown numbers are not final)."""
    code = _code(state)
    return code is not None and code.is_final


def short_label(state: int | None, *, error: str | None = None) -> str:
    """A few words for a table cell: "delivered", "error: <text>", "state 9"."""
    code = _code(state)
    if state is None:
        return _("not checked yet")
    if code is None:
        return _("state {state}").format(state=state)
    if code is SmsStateCode.ERROR and error:
        return _("error: {error}").format(error=error)
    label = _SHORT[code]
    return _(label)


def explanation(state: int | None, *, error: str | None = None) -> str:
    """A sentence for the details of one message."""
    code = _code(state)
    if state is None:
        return _("Its state has not been checked yet.")
    if code is None:
        return _("SPIKON reports state {state}, which its documentation does not describe.").format(
            state=state
        )
    sentence = _LONG[code]
    text = _(sentence)
    if code is SmsStateCode.ERROR and error:
        text = _("{text} SPIKON says: {error}").format(text=text, error=error)
    return text


def tone(state: int | None) -> Tone:
    code = _code(state)
    return Tone.UNKNOWN if code is None else _TONE[code]
