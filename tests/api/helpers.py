"""Shared helpers for the client's unit tests: the documented key and fake servers.

The fake servers are `httpx.MockTransport`s: they either answer with the
documentation's own printed examples (tests/fixtures/doc_examples/) or
produce faults the sandbox cannot (timeouts, refused connections, garbage).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs

import httpx

from spikon_tui.api import SpikonClient

KEY = "BXlmr2sN5phLwYftAaJP2yWgmcIXtest"
"""The sample key printed in the documentation's screenshot (section 3.2)."""

DOC_EXAMPLES = Path(__file__).parent.parent / "fixtures" / "doc_examples"

Handler = Callable[[httpx.Request], httpx.Response]


def form_of(request: httpx.Request) -> dict[str, str]:
    """The form fields of a POST request, one value each."""
    return {name: values[0] for name, values in parse_qs(request.content.decode()).items()}


def api_path(request: httpx.Request) -> str:
    """`https://panel.spikon.pl/api/phone_book/list` -> `phone_book/list`."""
    return request.url.path.split("/api/", 1)[1]


def doc_example(path: str, api_format: int) -> bytes:
    """The documentation's printed example answer for `path`, as bytes."""
    extension = "xml" if api_format == 1 else "json"
    return (DOC_EXAMPLES / f"{path.replace('/', '_')}.{extension}").read_bytes()


def doc_examples_handler(request: httpx.Request) -> httpx.Response:
    """Answers every method with its documented example, in the format asked for."""
    api_format = int(form_of(request).get("api_format", "0"))
    content_type = "application/xml" if api_format == 1 else "application/json"
    return httpx.Response(
        200,
        content=doc_example(api_path(request), api_format),
        headers={"content-type": content_type},
    )


def json_response(payload: object, status: int = 200) -> httpx.Response:
    return httpx.Response(
        status,
        content=json.dumps(payload).encode(),
        headers={"content-type": "application/json"},
    )


def answering(payload: object, status: int = 200) -> Handler:
    """A handler answering every request with the same JSON payload."""

    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(payload, status)

    return handler


def answering_bytes(body: bytes, status: int = 200, content_type: str = "") -> Handler:
    """A handler answering every request with the same raw body."""
    headers = {"content-type": content_type} if content_type else {}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers=headers)

    return handler


class Recorder:
    """A MockTransport handler that records requests and replays scripted answers.

    Each script entry is an `httpx.Response`, an exception instance to raise,
    or a callable taking the request.
    """

    def __init__(self, *script: object) -> None:
        self.script = list(script)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if not self.script:
            raise AssertionError(f"unexpected extra request to {request.url}")
        step = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(step, BaseException):
            raise step
        if callable(step) and not isinstance(step, httpx.Response):
            return step(request)
        assert isinstance(step, httpx.Response)
        return step

    @property
    def count(self) -> int:
        return len(self.requests)


def make_client(handler: Handler, api_format: int = 0, **options: object) -> SpikonClient:
    """A client on a MockTransport; retries have no backoff so tests stay fast."""
    options.setdefault("backoff", 0.0)
    return SpikonClient(
        KEY,
        api_format=api_format,
        transport=httpx.MockTransport(handler),
        **options,  # type: ignore[arg-type]
    )
