"""SMS messages and how their delivery state moves with the clock.

States (sms/state): -1 no funds, 0 new, 1 being handled, 2 error, 3 undelivered,
4 sent, 5 delivered. A message moves one step every SMS_STEP_SECONDS:

- a number ending in "000" ends undelivered:        0 -> 1 -> 3
- a number ending in "999" ends in error (with `error` text): 0 -> 1 -> 2
- any other number is delivered:                     0 -> 1 -> 4 -> 5
- a message sent when the balance could not pay it:  -1 at once, and nothing is charged
"""

from __future__ import annotations

from dataclasses import dataclass

from spikon_tui.sandbox.errors import not_found

SMS_STEP_SECONDS = 1.0
UNDELIVERED_SUFFIX = "000"
ERROR_SUFFIX = "999"
ERROR_TEXT = "Odrzucona przez operatora sieci odbiorcy"

NO_FUNDS = -1
_DELIVERED_PATH = (0, 1, 4, 5)
_UNDELIVERED_PATH = (0, 1, 3)
_ERROR_PATH = (0, 1, 2)


@dataclass(frozen=True)
class Sms:
    id: int
    sender: str
    number: str
    message: str
    sent_at: float
    paid: bool

    def state(self, now: float) -> tuple[int, str | None]:
        """The delivery state at `now`, and the error text when it is 2."""
        if not self.paid:
            return NO_FUNDS, None
        path: tuple[int, ...]
        if self.number.endswith(UNDELIVERED_SUFFIX):
            path = _UNDELIVERED_PATH
        elif self.number.endswith(ERROR_SUFFIX):
            path = _ERROR_PATH
        else:
            path = _DELIVERED_PATH
        step = min(len(path) - 1, max(0, int((now - self.sent_at) // SMS_STEP_SECONDS)))
        state = path[step]
        return state, ERROR_TEXT if state == 2 else None


class Outbox:
    """Every message sent, by id."""

    def __init__(self) -> None:
        self.messages: dict[int, Sms] = {}
        self._next_id = 1

    def add(self, sender: str, number: str, message: str, now: float, *, paid: bool) -> Sms:
        sms = Sms(self._next_id, sender, number, message, now, paid)
        self._next_id += 1
        self.messages[sms.id] = sms
        return sms

    def get(self, sms_id: int) -> Sms:
        try:
            return self.messages[sms_id]
        except KeyError:
            raise not_found("SMS", sms_id) from None
