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
  whatever the HTTP status;
- holds every attempt to `timeout` seconds from connecting to the last byte
  (`asyncio.timeout` around sending and reading: a server trickling its answer
  is cut off like one that does not answer, a `RequestTimeoutError`), and every
  answer to `max_answer_bytes`, counted after decompression while it streams
  in (`reading.read_limited`);
- lets nothing but a `SpikonError` out of `post` and `get_file`: any other
  exception becomes a `MalformedResponseError` that holds nothing of it (it
  may hold the key), and every text of an error leaving is scrubbed of the key
  and of any piece of it (`ApiKey.scrub`).

httpx is imported when the first request needs it.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import urlsplit

from spikon_tui.api.apikey import ApiKey, hide_in_http_logs
from spikon_tui.api.decode import decode_body, excerpt
from spikon_tui.api.endpoint import is_loopback
from spikon_tui.api.errors import (
    ConnectionFailedError,
    HttpStatusError,
    MalformedResponseError,
    ReadOnlyError,
    RequestTimeoutError,
    ServiceFailureError,
    SpikonError,
    TlsError,
    TransportError,
    UnexpectedRedirectError,
    error_from_payload,
)
from spikon_tui.api.limits import DEFAULT_MAX_ANSWER_BYTES
from spikon_tui.api.methods import is_read_method, outcome_hint
from spikon_tui.api.reading import (
    ACCEPT_ENCODING,
    AnswerTooLarge,
    UndecodableAnswer,
    read_limited,
)
from spikon_tui.i18n import _, ngettext

if TYPE_CHECKING:
    import httpx

_log = logging.getLogger(__name__)

USER_AGENT = "spikon-tui (python-httpx)"
REQUEST_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "application/json, application/xml;q=0.9, */*;q=0.5",
    "Accept-Encoding": ACCEPT_ENCODING,
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


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Typed(Generic[T]):
    """What `post`'s `typed` reader made of a body, told apart from a decoded payload."""

    value: T


class _Answer:
    """What one attempt brought back: status, headers and the (decompressed) body.

    Its repr shows no body: a body may echo the key.
    """

    __slots__ = ("content", "headers", "reason_phrase", "status_code")

    def __init__(
        self, status_code: int, reason_phrase: str, headers: httpx.Headers, content: bytes
    ) -> None:
        self.status_code = status_code
        self.reason_phrase = reason_phrase
        self.headers = headers
        self.content = content

    @property
    def content_type(self) -> str:
        return str(self.headers.get("content-type", ""))

    def __repr__(self) -> str:
        return f"<answer {self.status_code}, {len(self.content)} bytes>"


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
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        read_only: bool = False,
    ) -> None:
        self.key = api_key
        self.read_only = read_only
        """Refuse every method that is not a read (`methods.READ_METHODS`) before sending."""
        self.max_answer_bytes = max_answer_bytes
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

            hide_in_http_logs(self.key)
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

    async def post(
        self,
        path: str,
        params: Mapping[str, object],
        typed: Callable[[bytes], T | None] | None = None,
    ) -> Any:
        """POST one method; return the decoded payload (raises the API's error if any).

        `typed` (see `typed_json.py`) is tried on the body first: when it reads
        the body, its result comes back wrapped in `Typed`; when it returns
        None, the body is decoded the general way.
        """
        self._check_open()
        failure: SpikonError | None = None
        try:
            answer = await self._send("POST", path, params)
            if typed is not None:
                value = typed(answer.content)
                if value is not None:
                    return Typed(value)
            return self._payload(path, answer.content, answer.content_type)
        except SpikonError as exc:
            failure = self._finished(exc)
        except Exception as exc:
            failure = self._unexpected(path, exc)
        raise failure  # outside the `except`: nothing chained (it may hold the key)

    async def get_file(self, path: str, params: Mapping[str, object]) -> bytes:
        """GET a file (tts/download); an API answer instead of a file raises its error."""
        self._check_open()
        failure: SpikonError | None = None
        try:
            return await self._get_file(path, params)
        except SpikonError as exc:
            failure = self._finished(exc)
        except Exception as exc:
            failure = self._unexpected(path, exc)
        raise failure  # outside the `except`: nothing chained (it may hold the key)

    async def _get_file(self, path: str, params: Mapping[str, object]) -> bytes:
        answer = await self._send("GET", path, params)
        body = answer.content
        content_type = answer.content_type.lower()
        head = body[:64].lstrip()[:1]
        if (
            "json" in content_type
            or "xml" in content_type
            or "html" in content_type
            or (not content_type.startswith("audio/") and head in (b"{", b"<"))
        ):
            del body  # an API answer may echo the key; keep it out of tracebacks
            self._payload(path, answer.content, content_type)
            raise self._malformed(path, _("The server sent an API answer instead of the file."))
        if not body:
            raise self._malformed(path, _("The server sent an empty file."))
        return body

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this API session is closed")

    def _unexpected(self, path: str, exc: Exception) -> MalformedResponseError:
        """The last resort: any exception but a SpikonError, in words, holding nothing of it.

        Only the exception's type is logged (its text may quote the answer, and the key).
        """
        _log.debug("%s: unexpected %s, reported as a malformed answer", path, type(exc).__name__)
        return self._malformed(
            path, _("The server's answer to {path} has an unexpected shape.").format(path=path)
        )

    def _finished(self, error: SpikonError) -> SpikonError:
        """The error as it leaves: every text scrubbed of the key (and of pieces of it),
        nothing chained, and no traceback of the frames that held the answer."""
        error = self._scrubbed(error)
        error.__cause__ = error.__context__ = None
        return error.with_traceback(None)

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

    def _api_error_in(self, path: str, answer: _Answer) -> SpikonError | None:
        """The API's error carried by an HTTP error answer, if its body holds one."""
        try:
            payload = decode_body(answer.content, answer.content_type)
        except MalformedResponseError:
            return None
        error = error_from_payload(payload, method=path)
        return self._scrubbed(error) if error is not None else None

    # -- sending with retries --

    def _form(self, params: Mapping[str, object]) -> dict[str, str]:
        values = {name: form_value(value) for name, value in params.items() if value is not None}
        return {"api_key": self.key.reveal(), "api_format": str(self.api_format), **values}

    async def _send_once(self, method: str, path: str, params: Mapping[str, object]) -> _Answer:
        """One attempt, connect to last byte, within `timeout` seconds and `max_answer_bytes`.

        With `_form`, the only frames that hold the key in clear. Exceptions raised
        here are caught in `_send`, which raises its own error after the `except`
        block. The deadline (`asyncio.timeout`) raises TimeoutError; an answer past
        the size limit raises `AnswerTooLarge`.
        """
        url = self.base_url + path
        http = self.load_http()
        if method == "GET":
            values = {k: form_value(v) for k, v in params.items() if v is not None}
            request = http.build_request(
                "GET", url, params=values, headers={"Spikon-API-Key": self.key.reveal()}
            )
        else:
            request = http.build_request("POST", url, data=self._form(params))
        async with asyncio.timeout(self.timeout):
            response = await http.send(request, stream=True)
            try:
                content = await read_limited(response, self.max_answer_bytes)
            finally:
                await response.aclose()
        return _Answer(response.status_code, response.reason_phrase, response.headers, content)

    async def _send(self, method: str, path: str, params: Mapping[str, object]) -> _Answer:
        """Send with httpx, retrying as the module docstring says."""
        safe = is_read_method(path)
        if self.read_only and not safe:
            raise ReadOnlyError(path)  # the one door every request goes through
        import httpx

        attempt = 0
        while True:
            started = time.perf_counter()
            failure: SpikonError | None = None
            retryable = False
            retry_after: float | None = None
            try:
                answer = await self._send_once(method, path, params)
            except httpx.HTTPError as exc:
                failure, never_left = self._transport_failure(exc, path, safe)
                retryable = (safe or never_left) and not isinstance(failure, TlsError)
            except TimeoutError:
                failure = self._deadline_failure(path, safe)
                retryable = safe
            except AnswerTooLarge:
                failure = self._malformed(
                    path,
                    _(
                        "The answer from {where} is larger than {size}; it was not read to the end."
                    ).format(where=self.base_url, size=_size(self.max_answer_bytes)),
                )
            except UndecodableAnswer as exc:
                failure = self._malformed(
                    path,
                    _("The answer from {where} could not be decompressed ({reason}).").format(
                        where=self.base_url, reason=exc.reason
                    ),
                )
            else:
                _log.debug(
                    "%s %s -> %d (%d bytes, %.0f ms)",
                    method,
                    path,
                    answer.status_code,
                    len(answer.content),
                    (time.perf_counter() - started) * 1000,
                )
                status = answer.status_code
                if status < 300:
                    return answer
                failure, retryable = self._status_failure(path, answer, safe)
                retry_after = _retry_after(answer)
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

    def _deadline_failure(self, path: str, safe: bool) -> SpikonError:
        """The whole attempt took `timeout` seconds: cut, like a read timeout."""
        message = _("The server at {where} did not answer within {seconds} s.").format(
            where=self.base_url, seconds=f"{self.timeout:g}"
        )
        if safe:
            check = _("Check your network connection.")
            return RequestTimeoutError(f"{message} {check}", method=path)
        return RequestTimeoutError(
            f"{message} {outcome_hint(path)}", outcome_unknown=True, method=path
        )

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

    def _status_failure(self, path: str, answer: _Answer, safe: bool) -> tuple[SpikonError, bool]:
        """The error to raise for a non-2xx answer, and whether to retry."""
        status = answer.status_code
        if 300 <= status < 400:
            location = answer.headers.get("location", "")
            location = self.key.scrub(excerpt(self.key.scrub(location), 200)) or _("nowhere")
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
        api_error = self._api_error_in(path, answer)
        if api_error is not None:
            # -1000 (general failure) in a 5xx may pass; any other API error is final
            passing = status >= 500 and isinstance(api_error, ServiceFailureError)
            return api_error, safe and passing
        phrase = self.key.scrub(excerpt(answer.reason_phrase, 60)) or _("error")
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


def _retry_after(answer: _Answer) -> float | None:
    value = str(answer.headers.get("retry-after", "")).strip()
    if value.isascii() and value.isdigit() and len(value) < 10:
        return float(value)
    return None


def _size(count: int) -> str:
    """`67108864` -> `"64 MiB"`; sizes under a MiB in KiB, under a KiB in bytes."""
    for unit, size in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= size:
            return f"{count / size:.4g} {unit}"
    return f"{count} B"
