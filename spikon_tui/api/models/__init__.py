"""Typed answers of the SPIKON API: one frozen dataclass per answer shape.

Field names are the API's field names in snake_case (`free-members` ->
`free_members`). Money is `Decimal`, ids and counts are `int`, flags are
`bool`, dates are `datetime`, "MM:SS" durations are `timedelta`, lists are
`list`. Where the API's text carries meaning beyond the typed value (`pause`
is "Tak"/"Nie", `last-call` is "Brak danych"), the text is kept in an extra
`*_raw` field.

Reading the API's loose payloads into these classes is `answers.py`'s job;
this package only describes the shapes. One exception: `CallRecord` is a
frozen `msgspec.Struct`, so that `typed_json.py` can decode a 50,000-call
report straight into it.

One module per group of methods (`account`, `phone_books`, `calls`,
`call_center`, `sms`, `speech`, `common`). Importing this package builds none
of them: each is imported when one of its names is first asked for
(`from spikon_tui.api.models import Balance` imports `account` alone), since
building ~25 frozen dataclasses costs start-up time the first screen does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
if TYPE_CHECKING:
    # What each name is, for type checkers; at run time `__getattr__` imports it when asked for.
    from spikon_tui.api.models.account import Balance as Balance
    from spikon_tui.api.models.account import PhoneAccount as PhoneAccount
    from spikon_tui.api.models.call_center import CcAgent as CcAgent
    from spikon_tui.api.models.call_center import CcBasicData as CcBasicData
    from spikon_tui.api.models.call_center import CcCampaign as CcCampaign
    from spikon_tui.api.models.call_center import CcCampaignMember as CcCampaignMember
    from spikon_tui.api.models.call_center import CcMonitor as CcMonitor
    from spikon_tui.api.models.call_center import CcWaitingCall as CcWaitingCall
    from spikon_tui.api.models.calls import CallInitiated as CallInitiated
    from spikon_tui.api.models.calls import CallListOrder as CallListOrder
    from spikon_tui.api.models.calls import CallListStatus as CallListStatus
    from spikon_tui.api.models.calls import CallRecord as CallRecord
    from spikon_tui.api.models.common import ActionStatus as ActionStatus
    from spikon_tui.api.models.common import DeletedItem as DeletedItem
    from spikon_tui.api.models.phone_books import PhoneBook as PhoneBook
    from spikon_tui.api.models.phone_books import PhoneBookElement as PhoneBookElement
    from spikon_tui.api.models.sms import SmsSent as SmsSent
    from spikon_tui.api.models.sms import SmsState as SmsState
    from spikon_tui.api.models.sms import SmsStateCode as SmsStateCode
    from spikon_tui.api.models.speech import TtsAnnouncement as TtsAnnouncement
    from spikon_tui.api.models.speech import TtsCreated as TtsCreated
    from spikon_tui.api.models.speech import TtsLanguage as TtsLanguage
    from spikon_tui.api.models.speech import TtsPrice as TtsPrice
    from spikon_tui.api.models.speech import TtsStatus as TtsStatus
    from spikon_tui.api.models.speech import TtsVoice as TtsVoice
else:
    __getattr__, __dir__ = lazy_exports(__name__, globals(), _MODULE_OF)
