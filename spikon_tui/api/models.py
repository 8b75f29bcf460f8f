"""Typed answers of the SPIKON API: one frozen dataclass per answer shape.

Field names are the API's field names in snake_case (`free-members` ->
`free_members`). Money is `Decimal`, ids and counts are `int`, flags are
`bool`, dates are `datetime`, "MM:SS" durations are `timedelta`, lists are
`list`. Where the API's text carries meaning beyond the typed value (`pause`
is "Tak"/"Nie", `last-call` is "Brak danych"), the text is kept in an extra
`*_raw` field.

Reading the API's loose payloads into these classes is `answers.py`'s job;
this module only describes the shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from enum import IntEnum
from typing import Any, ClassVar

from spikon_tui.i18n import N_


@dataclass(frozen=True, slots=True)
class Balance:
    """balance/show: the account's funds in PLN; may be negative."""

    balance: Decimal


@dataclass(frozen=True, slots=True)
class PhoneAccount:
    """phone_account/list: one phone (SIP) account.

    `internal` is the extension number, None when the API says `-` (none);
    `state` is the registration state exactly as sent (e.g. `"1"`).
    """

    id: int
    number: str
    internal: str | None
    login: str
    description: str
    state: str
    recording: bool


@dataclass(frozen=True, slots=True)
class PhoneBook:
    """phone_book/list and phone_book/add: a phone book. Id 0 is the main book."""

    id: int
    name: str

    MAIN_BOOK_ID: ClassVar[int] = 0

    @property
    def is_main(self) -> bool:
        """The main book (id 0) cannot be deleted."""
        return self.id == self.MAIN_BOOK_ID


@dataclass(frozen=True, slots=True)
class PhoneBookElement:
    """phone_book/show and phone_book_element/add: one entry of a phone book.

    The documentation prints `phone_book/show` entries without an `id`; such
    an entry can be shown but not deleted (`can_delete` is False and
    `cannot_delete_reason` says why).
    """

    id: int | None
    name: str
    number: str

    NO_ID_REASON: ClassVar[str] = N_(
        "SPIKON did not send this entry's id, so it cannot be deleted through the API; "
        "delete it in the SPIKON panel instead."
    )
    """A msgid: show it with `_()`."""

    @property
    def can_delete(self) -> bool:
        return self.id is not None

    @property
    def cannot_delete_reason(self) -> str | None:
        return None if self.can_delete else self.NO_ID_REASON


@dataclass(frozen=True, slots=True)
class CallInitiated:
    """call/initiate: the state of the new call (`"initiated"`)."""

    state: str


@dataclass(frozen=True, slots=True)
class DeletedItem:
    """phone_book/delete, phone_book_element/delete, tts/delete."""

    id: int
    state: str

    @property
    def deleted(self) -> bool:
        return self.state.strip().lower() == "deleted"


@dataclass(frozen=True, slots=True)
class CallListOrder:
    """call_list/order: the id of the queued call history report."""

    call_list_id: int


@dataclass(frozen=True, slots=True)
class CallListStatus:
    """call_list/list: one ordered report; `generated` False means still waiting."""

    id: int
    generated: bool


@dataclass(frozen=True, slots=True)
class CallRecord:
    """call_list/show: one call.

    `duration` is in seconds. `file` is a URL of the recording, a bare file name
    (when recordings go to the account's FTP), or "" when nothing was recorded.
    """

    date: datetime
    src: str
    dst: str
    duration: int
    state: str
    file: str

    @property
    def has_recording(self) -> bool:
        return bool(self.file)

    @property
    def recording_is_url(self) -> bool:
        return self.file.startswith(("https://", "http://"))


@dataclass(frozen=True, slots=True)
class CcCampaign:
    """cc_campaigns/list: one call-center campaign."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class CcAgent:
    """cc_agent/list: one call-center agent and the campaigns they belong to."""

    id: int
    name: str
    sip: str
    ddi: str
    in_campaigns: list[int]
    out_campaigns: list[int]
    default_out_campaign: int | None


@dataclass(frozen=True, slots=True)
class CcBasicData:
    """cc_monitor/show `basic-data`: the queue's headline figures."""

    free_members: int
    busy_members: int
    calls_waiting: int
    answered: int
    unanswered: int
    in_queue: int
    average_waiting_time: timedelta
    max_waiting: int
    average_call_time: timedelta
    measured_sla: timedelta
    sla: int
    """Percent."""


@dataclass(frozen=True, slots=True)
class CcCampaignMember:
    """cc_monitor/show: one agent in the campaign.

    `state` is SPIKON's Polish text (e.g. "Wolny" = free). `last_call` is None
    when the API says "Brak danych" (no data); the text is in `last_call_raw`.
    `pause` is True for "Tak"; the text is in `pause_raw`.
    """

    login: str
    description: str
    state: str
    answered: int
    last_call: str | None
    pause: bool
    skill: int
    last_call_raw: str = ""
    pause_raw: str = ""


@dataclass(frozen=True, slots=True)
class CcWaitingCall:
    """cc_monitor/show: one caller waiting in the queue.

    The documentation does not describe these items; the fields known from the
    project's decision (`position`, `number`, `waiting-time`) are typed, and
    everything else that arrives is kept in `extra` (keys normalised).
    """

    position: int | None
    number: str | None
    waiting_time: timedelta | None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CcMonitor:
    """cc_monitor/show: a snapshot of one campaign's queue."""

    basic_data: CcBasicData
    campaign_members: list[CcCampaignMember]
    waiting_calls: list[CcWaitingCall]


@dataclass(frozen=True, slots=True)
class ActionStatus:
    """cc_in_campaign/*, cc_out_campaign/*: the action's status (`"OK"`)."""

    status: str

    @property
    def ok(self) -> bool:
        return self.status.strip().upper() == "OK"


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


@dataclass(frozen=True, slots=True)
class TtsLanguage:
    """tts/language_list: a language code (for tts/voice_list) and its Polish name."""

    language: str
    description: str


@dataclass(frozen=True, slots=True)
class TtsVoice:
    """tts/voice_list: a voice name (for tts/generate) and its gender, "F" or "M"."""

    name: str
    gender: str


@dataclass(frozen=True, slots=True)
class TtsCreated:
    """tts/generate: the id of the announcement being generated."""

    tts_id: int


@dataclass(frozen=True, slots=True)
class TtsAnnouncement:
    """tts/list: one announcement; `generated` False means still being generated."""

    id: int
    name: str
    generated: bool


@dataclass(frozen=True, slots=True)
class TtsPrice:
    """tts/price: what an announcement would cost, in PLN."""

    cost_net: Decimal
    cost_gross: Decimal


@dataclass(frozen=True, slots=True)
class TtsStatus:
    """tts/status: whether the announcement is generated yet."""

    id: int
    generated: bool
