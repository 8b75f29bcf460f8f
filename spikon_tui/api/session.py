"""One HTTP conversation with the SPIKON API: send, retry safely, decode, raise.

`ApiSession` owns the single `httpx.AsyncClient` a `SpikonClient` uses. It:

- POSTs a form with `api_key` and `api_format` in the body (never in the URL),
  or, for `tts/download`, GETs with the key in the `Spikon-API-Key` header;
- never follows a redirect (`UnexpectedRedirectError`);
- retries read methods after timeouts, connection failures and 5xx answers
  (unless the 5xx carries an API error other than -1000, which would not
  change on a second try), but retries a state-changing method only when the request provably never
  left this machine (connection refused, DNS failure, connect timeout);
  otherwise it raises with `outcome_unknown=True` and says what to check;
- turns every failure into a `SpikonError` with a plain message, raised
  outside the `except` block that caught the httpx exception, so no chained
  traceback carries the request (and its key) along;
- decodes the body and raises the API's own error when the body holds one,
  whatever the HTTP status.

httpx is imported when the first request needs it.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from spikon_tui.api.apikey import ApiKey
from spikon_tui.api.decode import decode_body
from spikon_tui.api.endpoint import is_loopback
from spikon_tui.api.errors import (
    ConnectionFailedError,
    HttpStatusError,
    MalformedResponseError,
    RequestTimeoutError,
    ServiceFailureError,
    SpikonError,
    TlsError,
    TransportError,
    UnexpectedRedirectError,
    error_from_payload,
)
from spikon_tui.api.methods import is_read_method, outcome_hint
from spikon_tui.i18n import _, ngettext

if TYPE_CHECKING:
    import httpx

_log = logging.getLogger(__name__)

USER_AGENT = "spikon-tui (python-httpx)"
REQUEST_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "application/json, application/xml;q=0.9, */*;q=0.5",
}
MAX_RETRY_AFTER = 10.0
"""Longest wait (seconds) a server's Retry-After may impose between two attempts."""

# --- sending ---------------------------------------------------------------------


def form_value(value: object) -> str:
    """How one parameter value travels in a form or query string."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _cause_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _reason(exc: BaseException) -> str:
    """A short lower-case reason from an httpx exception ("connection refused")."""
    for link in _cause_chain(exc):
        if isinstance(link, ConnectionRefusedError):
            return _("connection refused")
    text = str(exc).strip()
    lowered = text.lower()
    if "refused" in lowered:
        return _("connection refused")
    if any(
        marker in lowered
        for marker in (
            "name or service not known",
            "nodename nor servname",
            "name resolution",
            "getaddrinfo failed",
            "no address associated",
        )
    ):
        return _("the server name could not be found (DNS)")
    if "network is unreachable" in lowered:
        return _("the network is unreachable")
    if text.startswith("[Errno") and "]" in text:
        text = text.split("]", 1)[1].strip()
    text = text[:120].rstrip(".")  # the reason sits inside a sentence of ours
    return (text[:1].lower() + text[1:]) if text else type(exc).__name__


def _is_tls_failure(exc: BaseException) -> bool:
    for link in _cause_chain(exc):
        if isinstance(link, ssl.SSLError | ssl.CertificateError):
            return True
    lowered = str(exc).lower()
    return "ssl" in lowered or "certificate" in lowered


class ApiSession:
    """Sends API requests for one key and base URL; see the module docstring."""

    def __init__(
        self,
        api_key: ApiKey,
        base_url: str,
        api_format: int,
        *,
        timeout: float,
        max_retries: int,
        backoff: float,
        transport: httpx.AsyncBaseTransport | None,
    ) -> None:
        self.key = api_key
        self.base_url = base_url
        self.api_format = api_format
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self._transport = transport
        self._uses_tls = urlsplit(base_url).scheme == "https"
        # this computer (the sandbox) is never reached through an HTTP(S)_PROXY
        self._trust_env = not is_loopback(urlsplit(base_url).hostname or "")
        self._http: httpx.AsyncClient | None = None
        self._closed = False

    def load_http(self) -> httpx.AsyncClient:
        """The httpx client, imported and built on first use (see the module docstring)."""
        if self._http is None:
            if self._closed:
                raise RuntimeError("this API session is closed")
            import httpx

            self._http = httpx.AsyncClient(
                follow_redirects=False,
                # Only https URLs use TLS (plain http is allowed on loopback alone); not
                # building a certificate store for an http URL saves ~90 ms of start-up.
                verify=self._uses_tls,
                trust_env=self._trust_env,
                timeout=httpx.Timeout(self.timeout),
                transport=self._transport,
                headers=REQUEST_HEADERS,
            )
        return self._http

    async def aclose(self) -> None:
        self._closed = True
        if self._http is not None:
            await self._http.aclose()

    # -- public entry points --

    async def post(self, path: str, params: Mapping[str, object]) -> Any:
        """POST one method; return the decoded payload (raises the API's error if any)."""
        response = await self._send("POST", path, params)
        return self._payload(path, response.content, _content_type(response))

    async def get_file(self, path: str, params: Mapping[str, object]) -> bytes:
        """GET a file (tts/download); an API answer instead of a file raises its error."""
        response = await self._send("GET", path, params)
        body = response.content
        content_type = _content_type(response).lower()
        head = body[:64].lstrip()[:1]
        if (
            "json" in content_type
            or "xml" in content_type
            or "html" in content_type
            or (not content_type.startswith("audio/") and head in (b"{", b"<"))
        ):
            del body  # an API answer may echo the key; keep it out of tracebacks
            self._payload(path, response.content, content_type)
            raise self._malformed(path, _("The server sent an API answer instead of the file."))
        if not body:
            raise self._malformed(path, _("The server sent an empty file."))
        return body

    # -- decoding --

    def _payload(self, path: str, body: bytes, content_type: str) -> Any:
        failure: SpikonError | None = None
        try:
            payload = decode_body(body, content_type)
        except MalformedResponseError as exc:
            failure = self._malformed(path, str(exc))
        del body  # may echo the key (-3 "Unknown API key"); keep it out of tracebacks
        if failure is not None:
            raise failure
        error = error_from_payload(payload, method=path)
        if error is not None:
            del payload  # may echo the key (-3 "Unknown API key"); keep it out of tracebacks
            raise self._scrubbed(error)
        return payload

    def _malformed(self, path: str, message: str) -> MalformedResponseError:
        """A MalformedResponseError; for a state-changing call, the outcome is unknown."""
        message = self.key.scrub(message)
        unknown = not is_read_method(path)
        if unknown:
            message = f"{message} {outcome_hint(path)}"
        return MalformedResponseError(message, outcome_unknown=unknown, method=path)

    def _scrubbed(self, error: SpikonError) -> SpikonError:
        if error.desc:
            error.desc = self.key.scrub(error.desc)
        error.name = self.key.scrub(error.name)
        error.message = self.key.scrub(error.message)
        error.args = (error.message,)
        return error

    def _api_error_in(self, path: str, response: httpx.Response) -> SpikonError | None:
        """The API's error carried by an HTTP error answer, if its body holds one."""
        try:
            payload = decode_body(response.content, _content_type(response))
        except MalformedResponseError:
            return None
        error = error_from_payload(payload, method=path)
        return self._scrubbed(error) if error is not None else None

    # -- sending with retries --

    def _form(self, params: Mapping[str, object]) -> dict[str, str]:
        values = {name: form_value(value) for name, value in params.items() if value is not None}
        return {"api_key": self.key.reveal(), "api_format": str(self.api_format), **values}

    async def _send_once(
        self, method: str, path: str, params: Mapping[str, object]
    ) -> httpx.Response:
        # With `_form`, the only frames that hold the key in clear. Exceptions raised
        # here are caught in `_send`, which raises its own error after the `except` block.
        url = self.base_url + path
        http = self.load_http()
        if method == "GET":
            values = {k: form_value(v) for k, v in params.items() if v is not None}
            return await http.get(url, params=values, headers={"Spikon-API-Key": self.key.reveal()})
        return await http.post(url, data=self._form(params))

    async def _send(self, method: str, path: str, params: Mapping[str, object]) -> httpx.Response:
        """Send with httpx, retrying as the module docstring says."""
        import httpx

        safe = is_read_method(path)
        attempt = 0
        while True:
            started = time.perf_counter()
            failure: SpikonError | None = None
            retryable = False
            retry_after: float | None = None
            try:
                response = await self._send_once(method, path, params)
            except httpx.HTTPError as exc:
                failure, never_left = self._transport_failure(exc, path, safe)
                retryable = (safe or never_left) and not isinstance(failure, TlsError)
            else:
                _log.debug(
                    "%s %s -> %d (%d bytes, %.0f ms)",
                    method,
                    path,
                    response.status_code,
                    len(response.content),
                    (time.perf_counter() - started) * 1000,
                )
                status = response.status_code
                if status < 300:
                    return response
                failure, retryable = self._status_failure(path, response, safe)
                retry_after = _retry_after(response)
            if retryable and attempt < self.max_retries:
                delay = self.backoff * (2**attempt)
                if retry_after is not None:
                    delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
                attempt += 1
                _log.debug(
                    "retrying %s in %.2f s (attempt %d): %s",
                    path,
                    delay,
                    attempt + 1,
                    type(failure).__name__,
                )
                await asyncio.sleep(delay)
                continue
            assert failure is not None
            if attempt and isinstance(failure, TransportError):
                tries = attempt + 1
                tried = ngettext("(Tried {count} time.)", "(Tried {count} times.)", tries)
                failure.message = f"{failure.message} {tried.format(count=tries)}"
                failure.args = (failure.message,)
            raise failure

    def _transport_failure(
        self, exc: httpx.HTTPError, path: str, safe: bool
    ) -> tuple[SpikonError, bool]:
        """The error to raise for an httpx exception, and whether the request never left."""
        import httpx

        where = self.base_url
        reason = self.key.scrub(_reason(exc))
        if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout) and _is_tls_failure(exc):
            return (
                TlsError(
                    _(
                        "Could not make a secure (TLS) connection to {where}: {reason}. The "
                        "server's certificate could not be verified; check the base URL, the "
                        "system clock, and any proxy that intercepts HTTPS."
                    ).format(where=where, reason=reason),
                    method=path,
                ),
                True,
            )
        if isinstance(exc, httpx.ConnectTimeout):
            return (
                RequestTimeoutError(
                    _(
                        "Connecting to {where} timed out after {seconds} s. Check your "
                        "network connection."
                    ).format(where=where, seconds=f"{self.timeout:g}"),
                    method=path,
                ),
                True,
            )
        if isinstance(exc, httpx.PoolTimeout):
            return (
                RequestTimeoutError(
                    _("Too many requests to {where} were waiting; this one was not sent.").format(
                        where=where
                    ),
                    method=path,
                ),
                True,
            )
        if isinstance(exc, httpx.ConnectError | httpx.ProxyError | httpx.UnsupportedProtocol):
            return (
                ConnectionFailedError(
                    _(
                        "Could not connect to {where}: {reason}. Check your network connection "
                        "and the server address."
                    ).format(where=where, reason=reason),
                    method=path,
                ),
                True,
            )
        if isinstance(exc, httpx.LocalProtocolError):
            return (
                TransportError(
                    _("The request to {where} could not be sent: {reason}.").format(
                        where=where, reason=reason
                    ),
                    method=path,
                ),
                True,
            )
        if isinstance(exc, httpx.TimeoutException):
            message = _("The server at {where} did not answer within {seconds} s.").format(
                where=where, seconds=f"{self.timeout:g}"
            )
            error_class: type[TransportError] = RequestTimeoutError
        elif isinstance(exc, httpx.DecodingError):
            message = _("The answer from {where} could not be decompressed ({reason}).").format(
                where=where, reason=reason
            )
            error_class = MalformedResponseError
        else:
            message = _(
                "The connection to {where} broke off before the answer arrived ({reason})."
            ).format(where=where, reason=reason)
            error_class = ConnectionFailedError
        if safe:
            check = _("Check your network connection.")
            return error_class(f"{message} {check}", method=path), False
        return (
            error_class(f"{message} {outcome_hint(path)}", outcome_unknown=True, method=path),
            False,
        )

    def _status_failure(
        self, path: str, response: httpx.Response, safe: bool
    ) -> tuple[SpikonError, bool]:
        """The error to raise for a non-2xx answer, and whether to retry."""
        status = response.status_code
        if 300 <= status < 400:
            location = self.key.scrub(response.headers.get("location", "")[:200]) or _("nowhere")
            return (
                UnexpectedRedirectError(
                    _(
                        "The server answered {status} (a redirect to {location}) instead of "
                        "answering. Redirects are never followed, so the API key is not sent "
                        "anywhere else; check the base URL ({base_url})."
                    ).format(status=status, location=location, base_url=self.base_url),
                    method=path,
                ),
                False,
            )
        api_error = self._api_error_in(path, response)
        if api_error is not None:
            # -1000 (general failure) in a 5xx may pass; any other API error is final
            passing = status >= 500 and isinstance(api_error, ServiceFailureError)
            return api_error, safe and passing
        phrase = response.reason_phrase or _("error")
        if status >= 500:
            message = _("The server at {base_url} failed with HTTP {status} ({phrase}).").format(
                base_url=self.base_url, status=status, phrase=phrase
            )
            if safe:
                return HttpStatusError(
                    f"{message} {_('Try again later.')}", status_code=status, method=path
                ), True
            return (
                HttpStatusError(
                    f"{message} {outcome_hint(path)}",
                    status_code=status,
                    outcome_unknown=True,
                    method=path,
                ),
                False,
            )
        if status == 429:
            return (
                HttpStatusError(
                    _(
                        "The server at {base_url} is receiving too many requests (HTTP 429); "
                        "wait a moment and try again."
                    ).format(base_url=self.base_url),
                    status_code=status,
                    method=path,
                ),
                safe,
            )
        hint = " " + _("Check the base URL.") if status in (404, 405) else ""
        return (
            HttpStatusError(
                _(
                    "The server at {base_url} refused the request with HTTP {status} ({phrase})."
                ).format(base_url=self.base_url, status=status, phrase=phrase)
                + hint,
                status_code=status,
                method=path,
            ),
            False,
        )


def _content_type(response: httpx.Response) -> str:
    # httpx types `Headers.get` as returning Any (for its default); a header is text.
    content_type: str = response.headers.get("content-type", "")
    return content_type


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    return None
