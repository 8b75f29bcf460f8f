"""Which API methods change something, and what to say when their outcome is unknown.

The retry policy rests on this split: a read can always be sent again; a
state-changing method (a call, an SMS, a new phone book) only when the first
attempt provably never left this machine. When a state-changing request may
have reached the server but its answer was lost, `outcome_hint` gives the
sentence that tells the user what to check before trying again.
"""

from __future__ import annotations

from spikon_tui.i18n import N_, _

ALL_METHODS: tuple[str, ...] = (
    "balance/show",
    "phone_account/list",
    "call/initiate",
    "phone_book/list",
    "phone_book/show",
    "phone_book/add",
    "phone_book/delete",
    "phone_book_element/add",
    "phone_book_element/delete",
    "call_list/order",
    "call_list/list",
    "call_list/show",
    "cc_campaigns/list",
    "cc_agent/list",
    "cc_in_campaign/add_agent",
    "cc_in_campaign/remove_agent",
    "cc_out_campaign/add_agent",
    "cc_out_campaign/remove_agent",
    "cc_out_campaign/set_default",
    "cc_monitor/show",
    "sms/send",
    "sms/state",
    "tts/language_list",
    "tts/voice_list",
    "tts/generate",
    "tts/list",
    "tts/download",
    "tts/delete",
    "tts/price",
    "tts/status",
)
"""The 30 API paths, in the documentation's order."""

READ_METHODS: frozenset[str] = frozenset(
    {
        "balance/show",
        "phone_account/list",
        "phone_book/list",
        "phone_book/show",
        "call_list/list",
        "call_list/show",
        "cc_campaigns/list",
        "cc_agent/list",
        "cc_monitor/show",
        "sms/state",
        "tts/language_list",
        "tts/voice_list",
        "tts/list",
        "tts/download",
        "tts/price",
        "tts/status",
    }
)
"""Methods that change nothing; safe to send again after any failure."""

STATE_CHANGING_METHODS: frozenset[str] = frozenset(
    {
        "call/initiate",
        "phone_book/add",
        "phone_book/delete",
        "phone_book_element/add",
        "phone_book_element/delete",
        "call_list/order",
        "cc_in_campaign/add_agent",
        "cc_in_campaign/remove_agent",
        "cc_out_campaign/add_agent",
        "cc_out_campaign/remove_agent",
        "cc_out_campaign/set_default",
        "sms/send",
        "tts/generate",
        "tts/delete",
    }
)
"""Methods that act; sent again only when the first attempt never left this machine."""

_CC_HINT = N_(
    "The agent's campaigns may or may not have changed; reload the agent list before trying again."
)
OUTCOME_HINTS: dict[str, str] = {
    "call/initiate": N_(
        "The call may or may not have been started; check your phone and the call history "
        "before trying again."
    ),
    "sms/send": N_(
        "The SMS may or may not have been sent; check sms/state or the SPIKON panel before "
        "trying again, or the recipient may get it twice."
    ),
    "phone_book/add": N_(
        "The phone book may or may not have been created; reload the list of phone books "
        "before trying again."
    ),
    "phone_book/delete": N_(
        "The phone book may or may not have been deleted; reload the list of phone books "
        "before trying again."
    ),
    "phone_book_element/add": N_(
        "The entry may or may not have been added; reload the phone book before trying again."
    ),
    "phone_book_element/delete": N_(
        "The entry may or may not have been deleted; reload the phone book before trying again."
    ),
    "call_list/order": N_(
        "The call history report may or may not have been ordered; check the list of reports "
        "before ordering again."
    ),
    "cc_in_campaign/add_agent": _CC_HINT,
    "cc_in_campaign/remove_agent": _CC_HINT,
    "cc_out_campaign/add_agent": _CC_HINT,
    "cc_out_campaign/remove_agent": _CC_HINT,
    "cc_out_campaign/set_default": _CC_HINT,
    "tts/generate": N_(
        "The announcement may or may not have been ordered (and charged); check the list of "
        "announcements before trying again."
    ),
    "tts/delete": N_(
        "The announcement may or may not have been deleted; reload the list of announcements "
        "before trying again."
    ),
}
_DEFAULT_OUTCOME_HINT = N_(
    "The request may or may not have taken effect; check its result before trying again."
)


def outcome_hint(path: str) -> str:
    """What to tell the user when a state-changing call's outcome is unknown."""
    hint = OUTCOME_HINTS.get(path, _DEFAULT_OUTCOME_HINT)
    return _(hint)


def is_read_method(path: str) -> bool:
    """True for methods that are safe to repeat (unknown paths count as state-changing)."""
    return path in READ_METHODS
