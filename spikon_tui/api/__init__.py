"""The SPIKON API client: typed coroutines for all 30 methods of API v1.3.

    from spikon_tui.api import SpikonClient, SpikonError

    async with SpikonClient(api_key) as client:
        balance = await client.balance_show()

Modules: `client` (SpikonClient), `models` (answer dataclasses), `errors`
(SpikonError and its families), `validation` (documented limits, for forms
too), `session` (sending, retrying, error mapping), `methods` (which methods
change state), `endpoint` (base URL rules), `apikey` (keeping the key out of
sight), `decode` / `lenient_json` / `coerce` / `answers` (reading answers).
No Textual import here, ever.
"""

from spikon_tui.api.client import SpikonClient
from spikon_tui.api.endpoint import DEFAULT_BASE_URL
from spikon_tui.api.errors import (
    AlreadyExistsError,
    ApiKeyMissingError,
    ApiTurnedOffError,
    AuthError,
    BadRequestError,
    ConnectionFailedError,
    ForbiddenError,
    HttpStatusError,
    IpNotWhitelistedError,
    MalformedResponseError,
    NotFoundError,
    NotReadyError,
    RequestTimeoutError,
    ServiceFailureError,
    SpikonError,
    TlsError,
    TransportError,
    UnexpectedRedirectError,
    UnknownApiKeyError,
    UnknownErrorCodeError,
    UnknownMethodError,
    ValidationError,
    error_from_payload,
)
from spikon_tui.api.methods import READ_METHODS, STATE_CHANGING_METHODS
from spikon_tui.api.models import (
    ActionStatus,
    Balance,
    CallInitiated,
    CallListOrder,
    CallListStatus,
    CallRecord,
    CcAgent,
    CcBasicData,
    CcCampaign,
    CcCampaignMember,
    CcMonitor,
    CcWaitingCall,
    DeletedItem,
    PhoneAccount,
    PhoneBook,
    PhoneBookElement,
    SmsSent,
    SmsState,
    SmsStateCode,
    TtsAnnouncement,
    TtsCreated,
    TtsLanguage,
    TtsPrice,
    TtsStatus,
    TtsVoice,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "READ_METHODS",
    "STATE_CHANGING_METHODS",
    "ActionStatus",
    "AlreadyExistsError",
    "ApiKeyMissingError",
    "ApiTurnedOffError",
    "AuthError",
    "BadRequestError",
    "Balance",
    "CallInitiated",
    "CallListOrder",
    "CallListStatus",
    "CallRecord",
    "CcAgent",
    "CcBasicData",
    "CcCampaign",
    "CcCampaignMember",
    "CcMonitor",
    "CcWaitingCall",
    "ConnectionFailedError",
    "DeletedItem",
    "ForbiddenError",
    "HttpStatusError",
    "IpNotWhitelistedError",
    "MalformedResponseError",
    "NotFoundError",
    "NotReadyError",
    "PhoneAccount",
    "PhoneBook",
    "PhoneBookElement",
    "RequestTimeoutError",
    "ServiceFailureError",
    "SmsSent",
    "SmsState",
    "SmsStateCode",
    "SpikonClient",
    "SpikonError",
    "TlsError",
    "TransportError",
    "TtsAnnouncement",
    "TtsCreated",
    "TtsLanguage",
    "TtsPrice",
    "TtsStatus",
    "TtsVoice",
    "UnexpectedRedirectError",
    "UnknownApiKeyError",
    "UnknownErrorCodeError",
    "UnknownMethodError",
    "ValidationError",
    "error_from_payload",
]
