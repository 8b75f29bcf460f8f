"""From one HTTP request to one answer: routing, the body format, access checks, the error envelope.

Checks run in the documented order: unknown method -1 (a POST method asked
with GET, or the reverse, is -1 too), a body that is not a form (url-encoded or multipart) -12,
key missing -2, unknown key -3, API off -4, caller not whitelisted -5, then
`api_format` (-6 unless 0 or 1) and the method's own parameters (-7, -6, ...).
Errors are answered with HTTP 200 and `{"error":{"id":"-6","name":...,"desc":...}}`
(see docs/api-notes.md), in XML when the request asked for XML.

tts/download is the one GET method: its key is read from the `Spikon-API-Key`
header only (a key in the query string counts as missing) and its errors are
always JSON.
"""

from __future__ import annotations

import email.policy
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.parser import BytesParser
from urllib.parse import parse_qsl

from spikon_tui.sandbox.access import AccessControl
from spikon_tui.sandbox.encode import CONTENT_TYPES, JSON, XML, Binary, encode
from spikon_tui.sandbox.errors import ApiError, wrong
from spikon_tui.sandbox.handlers import GET_METHODS, POST_METHODS, Call, Handler
from spikon_tui.sandbox.params import Params
from spikon_tui.sandbox.state import SandboxState
from spikon_tui.sandbox.transport import Request, Response

API_PREFIX = "/api/"
FORM_TYPE = "application/x-www-form-urlencoded"
MULTIPART_TYPE = "multipart/form-data"
KEY_HEADER = "spikon-api-key"
_KEEP_INTERNAL_ERRORS = 20


def method_name(path: str) -> str:
    """The key "group/action" of /api/group/action (for counts and faults), else the path."""
    if path.startswith(API_PREFIX):
        return path[len(API_PREFIX) :].strip("/")
    return path


@dataclass
class Dispatcher:
    state: SandboxState
    access: AccessControl
    post_methods: dict[str, Handler] = field(default_factory=lambda: dict(POST_METHODS))
    get_methods: dict[str, Handler] = field(default_factory=lambda: dict(GET_METHODS))
    internal_errors: list[str] = field(default_factory=list)

    def handle(self, request: Request) -> Response:
        fmt = JSON
        try:
            name = method_name(request.path)
            if name in self.post_methods:
                if request.verb != "POST":
                    fmt = best_effort_format(request)
                    raise ApiError(-1, f"{name} must be called with POST")
                fields = form_fields(request)
                fmt = requested_format(fields)
                key = fields.get("api_key")
                handler = self.post_methods[name]
            elif name in self.get_methods:
                if request.verb not in ("GET", "HEAD"):
                    raise ApiError(-1, f"{name} must be called with GET")
                fields = _query_fields(request.query)
                key = request.headers.get(KEY_HEADER)
                handler = self.get_methods[name]
            else:
                fmt = best_effort_format(request)
                raise ApiError(-1, f"There is no method '{name}'")
            self.access.check(key.strip() if key else None, request.peer)
            if name in self.post_methods and fields.get("api_format", "0") not in ("0", "1"):
                raise wrong("api_format", "must be 0 (JSON) or 1 (XML)")
            return self._run(handler, Params(fields), fmt)
        except ApiError as error:
            return error_response(error, fmt)
        except Exception:
            self._remember(traceback.format_exc())
            return error_response(ApiError(-1000), fmt)

    def _run(self, handler: Handler, params: Params, fmt: int) -> Response:
        state = self.state
        with state.lock:
            result = handler(Call(state, params, state.clock(), fmt))
        if isinstance(result, Binary):
            disposition = f'attachment; filename="{result.filename}"'
            return Response(
                200, result.content_type, result.body, (("Content-Disposition", disposition),)
            )
        body = result if isinstance(result, bytes) else encode(result, fmt)
        return Response(200, CONTENT_TYPES[fmt], body)

    def _remember(self, text: str) -> None:
        self.internal_errors.append(text)
        del self.internal_errors[:-_KEEP_INTERNAL_ERRORS]


def error_response(error: ApiError, fmt: int, status: int = 200) -> Response:
    content = {"id": str(error.code), "name": error.name}
    if error.desc:
        content["desc"] = error.desc
    return Response(status, CONTENT_TYPES[fmt], encode({"error": content}, fmt))


def form_fields(request: Request) -> dict[str, str]:
    """The form's fields (the first of repeated ones); -12 for a body that is not a form.

    Form-encoded as documented, or multipart/form-data, which web servers accept
    as a form just the same (browsers and many HTTP libraries send it).
    """
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type == MULTIPART_TYPE:
        return _multipart_fields(request)
    if content_type and content_type != FORM_TYPE:
        raise ApiError(-12, f"Send the parameters as {FORM_TYPE}, not {content_type}")
    try:
        text = request.body.decode("utf-8")
        if text.lstrip()[:1] in ("{", "[", "<"):
            raise ValueError("not a form")
        pairs = parse_qsl(text, keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS)
    except ValueError:
        raise ApiError(-12, f"Send the parameters as {FORM_TYPE} in UTF-8") from None
    return _first_of_each(pairs)


MAX_PARTS = 100
"""A form has a few dozen fields at most; counted before the body is parsed."""

MAX_PART_HEAD = 8192
MAX_FIELDS = 1000

_BOUNDARY = re.compile(r'boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))', re.IGNORECASE)


def _multipart_fields(request: Request) -> dict[str, str]:
    found = _BOUNDARY.search(request.headers.get("content-type", ""))
    if found is None:
        raise ApiError(-12, "The multipart/form-data body has no boundary")
    boundary = (found.group(1) or found.group(2)).encode("latin-1")
    delimiter = b"--" + boundary
    if request.body.count(delimiter) > MAX_PARTS + 1:
        raise ApiError(-12, f"A form of more than {MAX_PARTS} parts is not read")
    for piece in request.body.split(delimiter)[1:]:
        if piece.startswith(b"--"):
            break  # the closing delimiter: what follows is an epilogue
        head_end = piece.find(b"\r\n\r\n")
        if (head_end if head_end >= 0 else len(piece)) > MAX_PART_HEAD:
            raise ApiError(-12, "A part of the form has more than 8 KiB of headers")
    head = f"Content-Type: {request.headers.get('content-type', '')}\r\n\r\n".encode()
    message = BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    if not message.is_multipart():
        raise ApiError(-12, "The multipart/form-data body could not be read")
    pairs = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name is None or part.get_filename() is not None:
            continue
        payload = part.get_payload(decode=True)  # bytes; None for a part that is multipart
        try:
            text = payload.decode("utf-8") if isinstance(payload, bytes) else None
        except UnicodeDecodeError:
            text = None
        if text is None:
            raise ApiError(-12, "Send the form's fields in UTF-8")
        pairs.append((str(name), text))
    return _first_of_each(pairs)


def requested_format(fields: Mapping[str, str]) -> int:
    return XML if fields.get("api_format") == "1" else JSON


def best_effort_format(request: Request) -> int:
    """The format to answer in when the request is not processed (an injected failure)."""
    try:
        return requested_format(form_fields(request))
    except ApiError:
        return JSON


def _query_fields(query: str) -> dict[str, str]:
    try:
        return _first_of_each(parse_qsl(query, keep_blank_values=True, errors="strict"))
    except ValueError:
        raise ApiError(-12, "The query string is not valid UTF-8") from None


def _first_of_each(pairs: list[tuple[str, str]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    return fields
