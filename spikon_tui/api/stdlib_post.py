"""Read requests over the standard library, for start-up, while httpx is not loaded yet.

httpx, httpcore and anyio together take about a third as long to import as
Textual itself, and the first screen waits for its data. So until the app has
painted that screen and loaded httpx (`ApiSession.load_http`), `ApiSession`
sends *read* methods with `http.client` in a thread instead.

Only the plain success path lives here. In every other case `post_form`
returns None and the caller sends the request again with httpx, whose
retries, redirect refusal and error messages then apply: any failure
(connection, TLS, timeout, a broken answer), any HTTP status but 2xx, or an
environment that httpx would honour and this does not (`environment_allows`).
Sending a read method twice is harmless; a state-changing one never comes here.

TLS is verified as httpx verifies it by default: certifi's certificates, with
the host name checked. The thread is a daemon: quitting the app while a
request hangs does not wait for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import logging
import threading
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

if TYPE_CHECKING:
    import ssl

_log = logging.getLogger(__name__)

SETTINGS_HTTPX_HONOURS = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
)
"""Environment variables (upper or lower case) that change how httpx connects."""


class Answer:
    """A 2xx answer: its body and Content-Type. Its repr leaves out the body, which may
    echo the key, so a traceback showing a frame that holds one does not show it."""

    __slots__ = ("body", "content_type")

    def __init__(self, body: bytes, content_type: str) -> None:
        self.body = body
        self.content_type = content_type

    def __repr__(self) -> str:
        return f"<Answer {len(self.body)} bytes, {self.content_type!r}>"


def environment_allows(trust_env: bool, environ: Mapping[str, str]) -> bool:
    """Whether a request sent here would go out as httpx would send it."""
    if not trust_env:
        return True
    return not any(
        environ.get(name) or environ.get(name.lower()) for name in SETTINGS_HTTPX_HONOURS
    )


async def post_form(
    url: str, form: Mapping[str, str], headers: Mapping[str, str], timeout: float
) -> Answer | None:
    """POST `form` to `url`; the answer if it came back 2xx, otherwise None."""
    loop = asyncio.get_running_loop()
    answered: asyncio.Future[Answer | None] = loop.create_future()

    def send() -> None:
        answer = _post_form(url, form, headers, timeout)
        with contextlib.suppress(RuntimeError):  # the loop is closed: the app has quit
            loop.call_soon_threadsafe(_settle, answered, answer)

    threading.Thread(target=send, name="spikon-first-read", daemon=True).start()
    return await answered


def _settle(answered: asyncio.Future[Answer | None], answer: Answer | None) -> None:
    if not answered.done():
        answered.set_result(answer)


def _post_form(
    url: str, form: Mapping[str, str], headers: Mapping[str, str], timeout: float
) -> Answer | None:
    # The form holds the key: nothing raised here leaves this function, so no
    # traceback carries it; only the exception's type is logged.
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        if parts.scheme == "https":
            connection: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname or "", parts.port, timeout=timeout, context=_tls_context()
            )
        else:
            connection = http.client.HTTPConnection(
                parts.hostname or "", parts.port, timeout=timeout
            )
        try:
            connection.request(
                "POST",
                target,
                body=urlencode(form).encode(),
                headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
            )
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
    except Exception as exc:  # noqa: BLE001 - whatever it was, httpx sends it again
        _log.debug("first read of %s over http.client failed (%s)", target, type(exc).__name__)
        return None
    if not 200 <= response.status < 300:
        _log.debug("first read of %s over http.client answered %d", target, response.status)
        return None
    return Answer(body, response.getheader("Content-Type", ""))


@cache
def _tls_context() -> ssl.SSLContext:
    import ssl

    import certifi

    return ssl.create_default_context(cafile=certifi.where())
