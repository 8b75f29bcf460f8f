"""Text messages: sending and their delivery states.

See the package docstring for the conventions all models follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


@dataclass(frozen=True, slots=True)
class SmsSent:
    """sms/send: `state` is always "OK"; one id per recipient, for sms/state."""

    state: str
    ids: list[int]


class SmsStateCode(IntEnum):
    """The documented sms/state values."""

    NO_FUNDS = -1
    NEW = 0
    PROCESSING = 1
    ERROR = 2
    UNDELIVERED = 3
    SENT = 4
    DELIVERED = 5

    @property
    def is_final(self) -> bool:
        """True when the state will not change any more.

        SENT is not final: a delivery report may still turn it into DELIVERED.
        """
        return self in _FINAL_SMS_STATES

    @property
    def description(self) -> str:
        return _SMS_STATE_TEXT[self]


_FINAL_SMS_STATES = frozenset(
    {SmsStateCode.NO_FUNDS, SmsStateCode.ERROR, SmsStateCode.UNDELIVERED, SmsStateCode.DELIVERED}
)


_SMS_STATE_TEXT = {
    SmsStateCode.NO_FUNDS: "not sent: no funds",
    SmsStateCode.NEW: "new",
    SmsStateCode.PROCESSING: "being handled",
    SmsStateCode.ERROR: "error",
    SmsStateCode.UNDELIVERED: "undelivered (wrong or unreachable number)",
    SmsStateCode.SENT: "sent",
    SmsStateCode.DELIVERED: "delivered",
}


@dataclass(frozen=True, slots=True)
class SmsState:
    """sms/state: the message's state number, and the error text for state 2."""

    state: int
    error: str | None = None

    @property
    def code(self) -> SmsStateCode | None:
        """The state as an enum member, None for a number the documentation lacks."""
        try:
            return SmsStateCode(self.state)
        except ValueError:
            return None

    @property
    def is_final(self) -> bool:
        """True when polling can stop; False for unknown state numbers too."""
        code = self.code
        return code is not None and code.is_final

    @property
    def description(self) -> str:
        code = self.code
        text = code.description if code is not None else f"unknown state {self.state}"
        return f"{text}: {self.error}" if self.error else text
