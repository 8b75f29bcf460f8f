"""Every way a SPIKON call can fail, as exceptions a person can read.

`SpikonError` is the root. Errors the API reports (the numbered list in section 5
of the vendor documentation) get one class per family, chosen by
`error_from_payload`; failures on the way there and back (network, TLS,
redirects, unreadable answers) are `TransportError`s; `ValidationError` is
raised before anything is sent.

`str(error)` is a complete sentence meant for the user. When a state-changing
request may have reached the server but its answer was lost, `outcome_unknown`
is True and the message says what to check before trying again.

No message ever contains the API key: the client masks it in any server text it
passes in, and nothing here is given the request body.

The summaries are msgids (`N_()`), translated when an error is made, so a
message is in the interface language of the moment it was raised. They spell
out `PANEL_API_SETTINGS` and `SERVICE_CONTACT` (a msgid must be one literal,
and the panel's menu path is Polish in both languages): change them together.
"""

from __future__ import annotations

from collections.abc import Mapping

from spikon_tui.i18n import N_, _

PANEL_API_SETTINGS = '"Ustawienia i dodatki" -> "API - ustawienia"'
"""Where in the SPIKON web panel the API switch, key and IP whitelist live."""

SERVICE_CONTACT = "serwis@spikon.pl, phone 588 808 888"


class SpikonError(Exception):
    """Base of every error raised by the SPIKON client.

    Attributes:
        code: the SPIKON error id (-1 ... -12, -1000), None for errors the API
            did not report itself.
        name: the SPIKON error name ("Wrong value for parameter") or a short
            English label for the other failures.
        desc: the server's extra detail (which parameter, which id), if any.
        outcome_unknown: True when a state-changing request may have reached the
            server and nobody knows whether it took effect.
        method: the API path that failed ("sms/send"), when known.
    """

    default_name = "SPIKON error"
    summary = N_("The SPIKON API reported an error.")
    """The message in English (a msgid); `_summary()` gives it in the interface language."""

    def __init__(
        self,
        message: str | None = None,
        *,
        code: int | None = None,
        name: str | None = None,
        desc: str | None = None,
        outcome_unknown: bool = False,
        method: str | None = None,
    ) -> None:
        self.code = code
        self.name = name or self.default_name
        self.desc = desc or None
        self.outcome_unknown = outcome_unknown
        self.method = method
        self.message = message if message is not None else self._compose()
        super().__init__(self.message)

    def _summary(self) -> str:
        return _(self.summary)

    def _compose(self) -> str:
        text = self._summary()
        if self.desc:
            text = f"{text.rstrip('.')}: {self.desc}"
            if not text.endswith((".", "!", "?")):
                text += "."
        if self.code is not None:
            # The name stays as SPIKON documents it: it is what SPIKON's service knows.
            text += " " + _("[SPIKON error {code}: {name}]").format(code=self.code, name=self.name)
        return text

    def __str__(self) -> str:
        return self.message


# --- errors the API reports -------------------------------------------------


class UnknownMethodError(SpikonError):
    """-1: the server does not know the method (a typo in the URL)."""

    default_name = "Unknown method"
    summary = N_(
        "The SPIKON server does not know this API method. Check that the base URL "
        "ends in /api/ (https://panel.spikon.pl/api/)."
    )


class AuthError(SpikonError):
    """-2 ... -5: the request was not accepted as coming from this account."""

    default_name = "Not authorised"
    summary = N_(
        "SPIKON did not accept the API key. Check the API settings in the SPIKON panel: "
        '"Ustawienia i dodatki" -> "API - ustawienia".'
    )


class ApiKeyMissingError(AuthError):
    """-2: no key reached the server."""

    default_name = "API key missing"
    summary = N_(
        "No API key reached SPIKON. Enter your API key; you find it in the SPIKON "
        'panel under "Ustawienia i dodatki" -> "API - ustawienia".'
    )


class UnknownApiKeyError(AuthError):
    """-3: the key is wrong or was replaced by a newer one."""

    default_name = "Unknown API key"
    summary = N_(
        "SPIKON does not recognise this API key; usually a new key was generated since. "
        'Copy the current key from the SPIKON panel: "Ustawienia i dodatki" -> "API - ustawienia".'
    )


class ApiTurnedOffError(AuthError):
    """-4: the API is switched off for the account."""

    default_name = "API turned off"
    summary = N_(
        "The API is switched off for this SPIKON account. Switch it on in the SPIKON panel "
        'under "Ustawienia i dodatki" -> "API - ustawienia"; switching it on generates a '
        "new key, so copy that key afterwards."
    )


class IpNotWhitelistedError(AuthError):
    """-5: this machine's address is not on the account's IP whitelist."""

    default_name = "IP address not whitelisted"
    summary = N_(
        "This computer's IP address is not on the account's IP whitelist. Add it in the "
        'SPIKON panel under "Ustawienia i dodatki" -> "API - ustawienia", or use a '
        "whitelisted machine."
    )


class BadRequestError(SpikonError):
    """-6 wrong value, -7 parameter missing, -12 data in wrong format."""

    default_name = "Bad request"
    summary = N_("SPIKON rejected the request.")
    _summaries = {
        -6: N_("SPIKON rejected a parameter value."),
        -7: N_("A required parameter was missing."),
        -12: N_("SPIKON could not read the data; it was in the wrong format."),
    }

    def _summary(self) -> str:
        summary = self._summaries.get(self.code or 0, self.summary)
        return _(summary)


class NotFoundError(SpikonError):
    """-8: nothing matched (unknown id, or an empty list)."""

    default_name = "No elements found"
    summary = N_("Nothing was found.")


class NotReadyError(SpikonError):
    """-9: the result (a call report, an announcement) is not generated yet."""

    default_name = "Not ready"
    summary = N_("The result is not ready yet; try again in a little while.")


class AlreadyExistsError(SpikonError):
    """-10: the element being added exists already."""

    default_name = "Already exist"
    summary = N_("It already exists and cannot be added twice (names must be unique).")


class ForbiddenError(SpikonError):
    """-11: the action is not allowed (e.g. deleting the main phone book)."""

    default_name = "Forbidden"
    summary = N_("SPIKON does not allow this action.")


class ServiceFailureError(SpikonError):
    """-1000: a general failure on SPIKON's side."""

    default_name = "General failure, please contact service!"
    summary = N_(
        "SPIKON reported a general failure on its side. Please tell SPIKON service "
        "(serwis@spikon.pl, phone 588 808 888)."
    )


class UnknownErrorCodeError(SpikonError):
    """An error id this client does not know (newer API, or a garbled envelope)."""

    default_name = "Unknown error"
    summary = N_("SPIKON reported an error this program does not know.")


_CLASS_BY_CODE: dict[int, type[SpikonError]] = {
    -1: UnknownMethodError,
    -2: ApiKeyMissingError,
    -3: UnknownApiKeyError,
    -4: ApiTurnedOffError,
    -5: IpNotWhitelistedError,
    -6: BadRequestError,
    -7: BadRequestError,
    -8: NotFoundError,
    -9: NotReadyError,
    -10: AlreadyExistsError,
    -11: ForbiddenError,
    -12: BadRequestError,
    -1000: ServiceFailureError,
}

ERROR_NAMES: dict[int, str] = {
    -1: "Unknown method",
    -2: "API key missing",
    -3: "Unknown API key",
    -4: "API turned off",
    -5: "IP address not whitelisted",
    -6: "Wrong value for parameter",
    -7: "Parameter missing",
    -8: "No elements found",
    -9: "Not ready",
    -10: "Already exist",
    -11: "Forbidden",
    -12: "Data in wrong format",
    -1000: "General failure, please contact service!",
}
"""The documented error names, by id (section 5 of the documentation)."""

_CODE_BY_NAME = {name.casefold(): code for code, name in ERROR_NAMES.items()}


def error_class_for(code: int | None) -> type[SpikonError]:
    """The exception class for a SPIKON error id."""
    if code is None:
        return UnknownErrorCodeError
    return _CLASS_BY_CODE.get(code, UnknownErrorCodeError)


# --- failures on the way to and from the server ------------------------------


class TransportError(SpikonError):
    """The request or its answer failed outside the API's own error reporting."""

    default_name = "Transport error"


class ConnectionFailedError(TransportError):
    """No connection could be made (refused, DNS failure, network down)."""

    default_name = "Connection failed"


class RequestTimeoutError(TransportError):
    """The server did not answer in time."""

    default_name = "Timed out"


class TlsError(TransportError):
    """The secure (TLS) connection could not be established or verified."""

    default_name = "TLS error"


class MalformedResponseError(TransportError):
    """The answer was neither readable JSON nor readable XML, or had an unexpected shape."""

    default_name = "Malformed response"


class UnexpectedRedirectError(TransportError):
    """The server answered with a redirect; the client never follows one."""

    default_name = "Unexpected redirect"


class HttpStatusError(TransportError):
    """An HTTP error status with no SPIKON error in the body."""

    default_name = "HTTP error"

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        outcome_unknown: bool = False,
        method: str | None = None,
    ) -> None:
        self.status_code = status_code
        super().__init__(message, outcome_unknown=outcome_unknown, method=method)


class ValidationError(SpikonError, ValueError):
    """A parameter breaks a documented limit; raised before anything is sent.

    `parameter` names the offending parameter the way the API does
    (`phone_book_name`, `from`, `date_end`).
    """

    default_name = "Invalid parameter"

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(message)


class ReadOnlyError(SpikonError):
    """A read-only client was asked for a method that changes something or costs money;
    raised before anything is sent (`SpikonClient(read_only=True)`)."""

    default_name = "Read-only"
    summary = N_(
        "This session is read-only: {method} changes data or costs money, so it was not sent."
    )

    def __init__(self, method: str) -> None:
        super().__init__(_(self.summary).format(method=method), method=method)


# --- reading an error out of a decoded answer --------------------------------


_MAX_CODE_LENGTH = 12
"""Longest error id read (`-1000` has 5 characters); a longer one is no id."""

SERVER_TEXT_LIMIT = 300
"""Characters of a server's error name or description kept in a message."""


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if abs(value) < 10**_MAX_CODE_LENGTH else None
    if isinstance(value, str):
        text = value.strip()
        if len(text) > _MAX_CODE_LENGTH:
            return None  # never int() of a 5,000-digit text
        try:
            return int(text)
        except ValueError:
            return None
    return None


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, int | float) and not isinstance(value, bool):
        text = str(value) if not isinstance(value, int) or abs(value) < 10**40 else "…"
    else:
        return None
    if len(text) > SERVER_TEXT_LIMIT:
        text = text[:SERVER_TEXT_LIMIT].rstrip() + "…"
    return text or None


def _error_value(payload: object) -> object:
    """The value under a top-level `error` key, or None when there is none."""
    if not isinstance(payload, Mapping):
        return None
    for key, value in payload.items():
        if isinstance(key, str) and key.strip().casefold() == "error":
            return value
    return None


def error_from_payload(payload: object, *, method: str | None = None) -> SpikonError | None:
    """Turn a decoded answer carrying an error envelope into the matching exception.

    Accepts `{"error": {"id": "-6", "name": ..., "desc": ...}}` (ids as strings
    or ints), the same decoded from XML, and `{"error": "some text"}`. Returns
    None when the payload carries no error, so callers can write
    `if (err := error_from_payload(p)) is not None: raise err`.
    """
    value = _error_value(payload)
    if value is None:
        return None
    if not value and isinstance(payload, Mapping) and len(payload) > 1:
        return None  # {"error": "", "sms": {...}}: an empty error field beside an answer
    if isinstance(value, Mapping):
        fields = {str(k).strip().casefold().replace("-", "_"): v for k, v in value.items()}
        code = _as_int(fields.get("id", fields.get("code")))
        name = _as_text(fields.get("name"))
        desc = _as_text(fields.get("desc", fields.get("description", fields.get("message"))))
        if code is None and name is not None:
            code = _CODE_BY_NAME.get(name.casefold())
        if code is None and name is None and desc is None:
            return UnknownErrorCodeError(
                desc=_("the server sent an error with no details"), method=method
            )
        cls = error_class_for(code)
        return cls(code=code, name=name or ERROR_NAMES.get(code or 0), desc=desc, method=method)
    text = _as_text(value)
    if text is None:
        return UnknownErrorCodeError(
            desc=_("the server sent an error with no details"), method=method
        )
    code = _as_int(text)
    if code is None:
        code = _CODE_BY_NAME.get(text.casefold())
    if code is not None:
        name = ERROR_NAMES.get(code)
        return error_class_for(code)(code=code, name=name, method=method)
    return UnknownErrorCodeError(desc=text, method=method)
