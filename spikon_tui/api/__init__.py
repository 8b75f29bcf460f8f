"""The SPIKON API client: typed coroutines for all 30 methods of API v1.3.

    from spikon_tui.api import SpikonClient, SpikonError

    async with SpikonClient(api_key) as client:
        balance = await client.balance_show()

Modules: `client` (SpikonClient), `models` (answer dataclasses), `errors`
(SpikonError and its families), `validation` (documented limits, for forms
too), `session` (sending, retrying, error mapping), `methods` (which methods
change state), `endpoint` (base URL rules), `apikey` (keeping the key out of sight),
`decode` / `lenient_json` / `coerce` / `answers` (reading answers).
No Textual import here, ever.

Importing this package imports none of them: each name is imported from its
module when first asked for (`from spikon_tui.api import SpikonError` imports
`errors` alone), which keeps the app's start-up from paying for all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spikon_tui.lazy_exports import lazy_exports

_MODULE_OF = {
    "DEFAULT_BASE_URL": "endpoint",
    "READ_METHODS": "methods",
    "STATE_CHANGING_METHODS": "methods",
    "ActionStatus": "models",
    "Balance": "models",
    "CallInitiated": "models",
    "CallListOrder": "models",
    "CallListStatus": "models",
    "CallRecord": "models",
    "CcAgent": "models",
    "CcBasicData": "models",
    "CcCampaign": "models",
    "CcCampaignMember": "models",
    "CcMonitor": "models",
    "CcWaitingCall": "models",
    "DeletedItem": "models",
    "PhoneAccount": "models",
    "PhoneBook": "models",
    "PhoneBookElement": "models",
    "SmsSent": "models",
    "SmsState": "models",
    "SmsStateCode": "models",
    "TtsAnnouncement": "models",
    "TtsCreated": "models",
    "TtsLanguage": "models",
    "TtsPrice": "models",
    "TtsStatus": "models",
    "TtsVoice": "models",
    "AlreadyExistsError": "errors",
    "ApiKeyMissingError": "errors",
    "ApiTurnedOffError": "errors",
    "AuthError": "errors",
    "BadRequestError": "errors",
    "ConnectionFailedError": "errors",
    "ForbiddenError": "errors",
    "HttpStatusError": "errors",
    "IpNotWhitelistedError": "errors",
    "MalformedResponseError": "errors",
    "NotFoundError": "errors",
    "NotReadyError": "errors",
    "RequestTimeoutError": "errors",
    "ServiceFailureError": "errors",
    "SpikonError": "errors",
    "TlsError": "errors",
    "TransportError": "errors",
    "ReadOnlyError": "errors",
    "UnexpectedRedirectError": "errors",
    "UnknownApiKeyError": "errors",
    "UnknownErrorCodeError": "errors",
    "UnknownMethodError": "errors",
    "ValidationError": "errors",
    "error_from_payload": "errors",
    "SpikonClient": "client",
}
"""Where each public name lives: the module imported when it is first asked for."""

__all__ = sorted(_MODULE_OF)
if TYPE_CHECKING:
    # What each name is, for type checkers; at run time `__getattr__` imports it when asked for.
    from spikon_tui.api.client import SpikonClient as SpikonClient
    from spikon_tui.api.endpoint import DEFAULT_BASE_URL as DEFAULT_BASE_URL
    from spikon_tui.api.errors import AlreadyExistsError as AlreadyExistsError
    from spikon_tui.api.errors import ApiKeyMissingError as ApiKeyMissingError
    from spikon_tui.api.errors import ApiTurnedOffError as ApiTurnedOffError
    from spikon_tui.api.errors import AuthError as AuthError
    from spikon_tui.api.errors import BadRequestError as BadRequestError
    from spikon_tui.api.errors import ConnectionFailedError as ConnectionFailedError
    from spikon_tui.api.errors import ForbiddenError as ForbiddenError
    from spikon_tui.api.errors import HttpStatusError as HttpStatusError
    from spikon_tui.api.errors import IpNotWhitelistedError as IpNotWhitelistedError
    from spikon_tui.api.errors import MalformedResponseError as MalformedResponseError
    from spikon_tui.api.errors import NotFoundError as NotFoundError
    from spikon_tui.api.errors import NotReadyError as NotReadyError
    from spikon_tui.api.errors import ReadOnlyError as ReadOnlyError
    from spikon_tui.api.errors import RequestTimeoutError as RequestTimeoutError
    from spikon_tui.api.errors import ServiceFailureError as ServiceFailureError
    from spikon_tui.api.errors import SpikonError as SpikonError
    from spikon_tui.api.errors import TlsError as TlsError
    from spikon_tui.api.errors import TransportError as TransportError
    from spikon_tui.api.errors import UnexpectedRedirectError as UnexpectedRedirectError
    from spikon_tui.api.errors import UnknownApiKeyError as UnknownApiKeyError
    from spikon_tui.api.errors import UnknownErrorCodeError as UnknownErrorCodeError
    from spikon_tui.api.errors import UnknownMethodError as UnknownMethodError
    from spikon_tui.api.errors import ValidationError as ValidationError
    from spikon_tui.api.errors import error_from_payload as error_from_payload
    from spikon_tui.api.methods import READ_METHODS as READ_METHODS
    from spikon_tui.api.methods import STATE_CHANGING_METHODS as STATE_CHANGING_METHODS
    from spikon_tui.api.models import ActionStatus as ActionStatus
    from spikon_tui.api.models import Balance as Balance
    from spikon_tui.api.models import CallInitiated as CallInitiated
    from spikon_tui.api.models import CallListOrder as CallListOrder
    from spikon_tui.api.models import CallListStatus as CallListStatus
    from spikon_tui.api.models import CallRecord as CallRecord
    from spikon_tui.api.models import CcAgent as CcAgent
    from spikon_tui.api.models import CcBasicData as CcBasicData
    from spikon_tui.api.models import CcCampaign as CcCampaign
    from spikon_tui.api.models import CcCampaignMember as CcCampaignMember
    from spikon_tui.api.models import CcMonitor as CcMonitor
    from spikon_tui.api.models import CcWaitingCall as CcWaitingCall
    from spikon_tui.api.models import DeletedItem as DeletedItem
    from spikon_tui.api.models import PhoneAccount as PhoneAccount
    from spikon_tui.api.models import PhoneBook as PhoneBook
    from spikon_tui.api.models import PhoneBookElement as PhoneBookElement
    from spikon_tui.api.models import SmsSent as SmsSent
    from spikon_tui.api.models import SmsState as SmsState
    from spikon_tui.api.models import SmsStateCode as SmsStateCode
    from spikon_tui.api.models import TtsAnnouncement as TtsAnnouncement
    from spikon_tui.api.models import TtsCreated as TtsCreated
    from spikon_tui.api.models import TtsLanguage as TtsLanguage
    from spikon_tui.api.models import TtsPrice as TtsPrice
    from spikon_tui.api.models import TtsStatus as TtsStatus
    from spikon_tui.api.models import TtsVoice as TtsVoice
else:
    __getattr__, __dir__ = lazy_exports(__name__, globals(), _MODULE_OF)
