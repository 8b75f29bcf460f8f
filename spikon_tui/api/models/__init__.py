"""Typed answers of the SPIKON API: one frozen dataclass per answer shape.

Field names are the API's field names in snake_case (`free-members` ->
`free_members`). Money is `Decimal`, ids and counts are `int`, flags are
`bool`, dates are `datetime`, "MM:SS" durations are `timedelta`, lists are
`list`. Where the API's text carries meaning beyond the typed value (`pause`
is "Tak"/"Nie", `last-call` is "Brak danych"), the text is kept in an extra
`*_raw` field.

Reading the API's loose payloads into these classes is `answers.py`'s job;
this package only describes the shapes.

One module per group of methods (`account`, `phone_books`, `calls`,
`call_center`, `sms`, `speech`, `common`). Importing this package builds none
of them: each is imported when one of its names is first asked for
(`from spikon_tui.api.models import Balance` imports `account` alone), since
building ~25 frozen dataclasses costs start-up time the first screen does not need.
"""

from __future__ import annotations

from spikon_tui.lazy_exports import lazy_exports

_MODULE_OF = {
    "Balance": "account",
    "PhoneAccount": "account",
    "PhoneBook": "phone_books",
    "PhoneBookElement": "phone_books",
    "DeletedItem": "common",
    "ActionStatus": "common",
    "CallInitiated": "calls",
    "CallListOrder": "calls",
    "CallListStatus": "calls",
    "CallRecord": "calls",
    "CcCampaign": "call_center",
    "CcAgent": "call_center",
    "CcBasicData": "call_center",
    "CcCampaignMember": "call_center",
    "CcWaitingCall": "call_center",
    "CcMonitor": "call_center",
    "SmsSent": "sms",
    "SmsStateCode": "sms",
    "SmsState": "sms",
    "TtsLanguage": "speech",
    "TtsVoice": "speech",
    "TtsCreated": "speech",
    "TtsAnnouncement": "speech",
    "TtsPrice": "speech",
    "TtsStatus": "speech",
}
"""Where each model lives: the module imported when it is first asked for."""

__all__ = sorted(_MODULE_OF)
__getattr__, __dir__ = lazy_exports(__name__, globals(), _MODULE_OF)
