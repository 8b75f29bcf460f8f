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
__getattr__, __dir__ = lazy_exports(__name__, globals(), _MODULE_OF)
