"""One message sent to one recipient, as kept in the list of sent messages.

`sms/send` answers one id per recipient, so a message to three people is three
`SentMessage`s sharing `batch` (the time and text). Each knows its last state
from sms/state and when that was checked. Two cases have no state to follow: the
answer to sms/send was lost (`outcome_unknown`: nobody knows whether it went out),
and SPIKON no longer knows the id (`gone`, -8 on sms/state).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from spikon_tui.i18n import _
from spikon_tui.sms import states
from spikon_tui.sms.recipients import format_number
from spikon_tui.sms.states import Tone


@dataclass(frozen=True)
class SentMessage:
    key: str
    """Unique in the list: "sms-<id>", or "unknown-<time>-<n>" when there is no id."""
    number: str
    sender: str
    message: str
    sent_at: float
    sms_id: int | None = None
    name: str | None = None
    """The phone-book name the number was picked with, if any."""
    state: int | None = None
    error: str | None = None
    checked_at: float | None = None
    outcome_unknown: bool = False
    gone: bool = False

    @property
    def followable(self) -> bool:
        """True while sms/state can still tell something new."""
        return (
            self.sms_id is not None
            and not self.outcome_unknown
            and not self.gone
            and not states.is_final(self.state)
        )

    @property
    def who(self) -> str:
        """The name when known, else the number ("501 234 567")."""
        return self.name or format_number(self.number)

    @property
    def label(self) -> str:
        """A few words for the list: "delivered", "error: <SPIKON's text>", "outcome unknown"."""
        return self._label(with_error=True)

    @property
    def state_name(self) -> str:
        """The label without SPIKON's error text (shown beside the full explanation)."""
        return self._label(with_error=False)

    def _label(self, *, with_error: bool) -> str:
        if self.outcome_unknown:
            return _("outcome unknown")
        if self.sms_id is None:
            return _("no id to follow")
        if self.gone:
            return _("unknown to SPIKON")
        return states.short_label(self.state, error=self.error if with_error else None)

    @property
    def tone(self) -> Tone:
        if self.outcome_unknown or self.sms_id is None or self.gone:
            return Tone.UNKNOWN
        return states.tone(self.state)

    @property
    def explanation(self) -> str:
        if self.outcome_unknown:
            return _(
                "The answer to sending was lost on the way: the SMS may or may not have been "
                "sent. Check the SPIKON panel before sending it again, or the recipient may "
                "get it twice."
            )
        if self.sms_id is None:
            return _("SPIKON accepted the message but gave no id for it, so its state is unknown.")
        if self.gone:
            return _(
                "SPIKON no longer knows SMS {sms_id}, so its state cannot be checked. "
                "The last state seen: {state}."
            ).format(sms_id=self.sms_id, state=states.short_label(self.state, error=self.error))
        return states.explanation(self.state, error=self.error)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "number": self.number,
            "sender": self.sender,
            "message": self.message,
            "sent_at": self.sent_at,
            "sms_id": self.sms_id,
            "name": self.name,
            "state": self.state,
            "error": self.error,
            "checked_at": self.checked_at,
            "outcome_unknown": self.outcome_unknown,
            "gone": self.gone,
        }

    @classmethod
    def from_json(cls, data: object) -> SentMessage:
        """Read one stored record; ValueError when it is not one."""
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return cls(
            key=_text(data, "key"),
            number=_text(data, "number"),
            sender=_text(data, "sender"),
            message=_text(data, "message", allow_empty=True),
            sent_at=_number(data, "sent_at"),
            sms_id=_optional_int(data, "sms_id"),
            name=_optional_text(data, "name"),
            state=_optional_int(data, "state"),
            error=_optional_text(data, "error"),
            checked_at=_optional_number(data, "checked_at"),
            outcome_unknown=data.get("outcome_unknown", False) is True,
            gone=data.get("gone", False) is True,
        )


def _text(data: Mapping[str, object], name: str, *, allow_empty: bool = False) -> str:
    value = data.get(name)
    if not isinstance(value, str) or (not value and not allow_empty):
        raise ValueError(f"{name} is missing")
    return value


def _optional_text(data: Mapping[str, object], name: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name} is not text")
    return value


def _number(data: Mapping[str, object], name: str) -> float:
    value = data.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} is not a number")
    return float(value)


def _optional_number(data: Mapping[str, object], name: str) -> float | None:
    return None if data.get(name) is None else _number(data, name)


def _optional_int(data: Mapping[str, object], name: str) -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} is not a whole number")
    return value
