"""No answer can crash, freeze or exhaust the client (issue 13): one real local server per fault.

Each test starts `HostileServer` (tests/integration/hostile.py) on 127.0.0.1 and
has it answer in one hostile way: slowly, hugely, compressed into a bomb,
nested too deep, with numbers that cannot be numbers, or echoing the key where
a message cuts it. The client must answer each with a `SpikonError` (a
`RequestTimeoutError` or a `MalformedResponseError`), quickly, without a
piece of the key anywhere.
"""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
import zlib
from collections.abc import Awaitable, Callable

import pytest

from spikon_tui.api import (
    MalformedResponseError,
    RequestTimeoutError,
    SpikonClient,
    SpikonError,
)
from spikon_tui.formatting import format_money
from tests.integration.hostile import (
    Request,
    Writer,
    answering,
    head,
    hostile_server,
    send,
    send_chunked,
    trickle,
)

KEY = "Zq8rT2mWv9kLx3NpB7cYh5JdF4sGa6Ue"
"""A key with no word in it, so any five characters of it in a text are a leak."""

MIB = 1 << 20
DEFAULT_LIMIT_TEXT = "64 MiB"

Call = Callable[[SpikonClient], Awaitable[object]]


def client(base_url: str, api_format: int = 0, **options: object) -> SpikonClient:
    options.setdefault("max_retries", 0)
    return SpikonClient(KEY, base_url=base_url, api_format=api_format, **options)  # type: ignore[arg-type]


def key_pieces_in(text: str, size: int = 5) -> list[str]:
    """Every piece of the key of `size` characters found in `text` (the mask shows 4 + 4)."""
    return [KEY[i : i + size] for i in range(len(KEY) - size + 1) if KEY[i : i + size] in text]


def error_texts(error: BaseException) -> list[str]:
    texts = [str(error), repr(error), *map(str, error.args)]
    texts += [str(getattr(error, name, "")) for name in ("desc", "name", "message")]
    for frame, _line in traceback.walk_tb(error.__traceback__):
        if "spikon_tui" in frame.f_code.co_filename:
            texts += [repr(value)[:100_000] for value in frame.f_locals.values()]
    return texts


async def outcome(call: Call, base_url: str, api_format: int = 0, **options: object) -> object:
    """What the call returns or raises (as an exception object), within 20 s."""
    async with client(base_url, api_format, **options) as spikon:
        try:
            async with asyncio.timeout(20):
                return await call(spikon)
        except BaseException as exc:  # noqa: BLE001 - the test looks at whatever came out
            return exc


def assert_malformed(result: object, *words: str) -> MalformedResponseError:
    assert isinstance(result, MalformedResponseError), f"not refused: {result!r}"[:300]
    for word in words:
        assert word in str(result)
    assert result.__cause__ is None
    assert result.__context__ is None or result.__suppress_context__
    return result


# --- time: one whole attempt is held to `timeout` ---------------------------------


@pytest.mark.parametrize("kind", ["read", "state-changing"])
async def test_an_answer_trickling_one_byte_a_second_is_cut_at_the_timeout(kind: str) -> None:
    body = b'{"account": {"balance": "123,45"}, "padding": "' + b"x" * 40 + b'"}'

    async def slowly(request: Request, writer: Writer) -> None:
        await trickle(writer, body, every=1.0)  # a read timeout of 2.5 s never fires

    async with hostile_server(slowly) as server:
        started = time.monotonic()
        call: Call = (
            (lambda c: c.balance_show()) if kind == "read" else (lambda c: c.phone_book_add("X"))
        )
        result = await outcome(call, server.base_url, timeout=2.5)
        elapsed = time.monotonic() - started
    assert isinstance(result, RequestTimeoutError), repr(result)
    assert 2.4 <= elapsed < 4.5
    assert "2.5 s" in str(result)
    assert result.outcome_unknown is (kind == "state-changing")


async def test_a_trickle_is_retried_for_a_read_and_each_attempt_is_cut() -> None:
    async def slowly(request: Request, writer: Writer) -> None:
        await trickle(writer, b'{"account": {"balance": "1"}}' + b" " * 50, every=1.0)

    async with hostile_server(slowly) as server:
        started = time.monotonic()
        result = await outcome(
            lambda c: c.balance_show(), server.base_url, timeout=1.5, max_retries=1, backoff=0.0
        )
        elapsed = time.monotonic() - started
        attempts = len(server.requests)
    assert isinstance(result, RequestTimeoutError)
    assert attempts == 2
    assert 2.9 <= elapsed < 5


# --- size: answers stop at max_answer_bytes, decompressed ------------------------------

_BALANCE = b'{"account": {"balance": "123,45"}}'


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
async def test_a_200_mb_answer_stops_at_the_limit(chunked: bool, api_format: int) -> None:
    # Valid JSON (a balance, then spaces): a client that reads it all accepts it.
    padding = b" " * MIB
    kind = "application/xml" if api_format else "application/json"
    start = _BALANCE if api_format == 0 else b"<account><balance>1</balance></account>"

    async def huge(request: Request, writer: Writer) -> None:
        if chunked:
            await send_chunked(writer, [start, *(padding for _ in range(200))], kind)
            return
        length = len(start) + 200 * MIB
        await writer.write(head(200, {"Content-Type": kind, "Content-Length": str(length)}))
        await writer.write(start)
        for _ in range(200):
            await writer.write(padding)

    async with hostile_server(huge) as server:
        result = await outcome(lambda c: c.balance_show(), server.base_url, api_format)
        written = server.bytes_written
    assert_malformed(result, f"larger than {DEFAULT_LIMIT_TEXT}")
    assert written < 100 * MIB, "the client stopped reading at the limit"


async def test_max_answer_bytes_is_the_largest_answer_read() -> None:
    body = _BALANCE + b" " * (1000 - len(_BALANCE))
    async with hostile_server(answering(body)) as server:
        fits = await outcome(lambda c: c.balance_show(), server.base_url, max_answer_bytes=1000)
        too_big = await outcome(lambda c: c.balance_show(), server.base_url, max_answer_bytes=999)
    assert not isinstance(fits, BaseException), repr(fits)
    assert_malformed(too_big, "larger than 999 B")


def _bomb(encoding: str, size: int = 256 * MIB) -> bytes:
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}[encoding]
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    zeros = b"\0" * (16 * MIB)
    return b"".join([*(packer.compress(zeros) for _ in range(size // len(zeros))), packer.flush()])


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    return {encoding: _bomb(encoding) for encoding in ("gzip", "deflate")}


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
async def test_a_compression_bomb_stops_at_the_limit(
    bombs: dict[str, bytes], encoding: str, chunked: bool
) -> None:
    bomb = bombs[encoding]  # 256 MiB of zeros in about 256 kB

    async def explode(request: Request, writer: Writer) -> None:
        if chunked:
            pieces = [bomb[i : i + 65536] for i in range(0, len(bomb), 65536)]
            await send_chunked(writer, pieces, Content_Encoding=encoding)
        else:
            await send(writer, bomb, Content_Encoding=encoding)

    async with hostile_server(explode) as server:
        result = await outcome(lambda c: c.phone_book_list(), server.base_url)
    assert_malformed(result, f"larger than {DEFAULT_LIMIT_TEXT}")


async def test_an_encoding_the_client_did_not_ask_for_is_refused() -> None:
    async def brotli(request: Request, writer: Writer) -> None:
        assert request.headers["accept-encoding"] == "gzip, deflate"
        await send(writer, b"\x8b\x02\x80{}\x03", Content_Encoding="br")

    async with hostile_server(brotli) as server:
        result = await outcome(lambda c: c.balance_show(), server.base_url)
    assert_malformed(result, "could not be decompressed")


# --- nesting ------------------------------------------------------------------------

_DEEP = {
    0: b"[" * 100_000 + b"]" * 100_000,
    1: b"<a>" * 50_000 + b"</a>" * 50_000,
}


@pytest.mark.parametrize(
    "call",
    [lambda c: c.balance_show(), lambda c: c.phone_book_list(), lambda c: c.call("balance/show")],
    ids=["balance_show", "phone_book_list", "call"],
)
async def test_deep_nesting_is_refused_quickly(call: Call, api_format: int) -> None:
    async with hostile_server(answering(_DEEP[api_format])) as server:
        started = time.monotonic()
        result = await outcome(call, server.base_url, api_format)
        elapsed = time.monotonic() - started
    assert_malformed(result, "nested more than 32 levels")
    assert elapsed < 5


async def test_deep_but_unclosed_json_is_refused_too() -> None:
    async with hostile_server(answering(b'{"a":' * 100_000)) as server:
        result = await outcome(lambda c: c.balance_show(), server.base_url)
    assert_malformed(result, "nested more than 32 levels")


# --- numbers --------------------------------------------------------------------------

# (call, JSON template, XML template); {} is replaced by the value as it is written.
_SHAPES: dict[str, tuple[Call, str, str]] = {
    "balance": (
        lambda c: c.balance_show(),
        '{{"account": {{"balance": {}}}}}',
        "<account><balance>{}</balance></account>",
    ),
    "price": (
        lambda c: c.tts_price("Ewa", "Dzień dobry"),
        '{{"tts": {{"cost_net": {}, "cost_gross": "11.07"}}}}',
        "<tts><cost-net>{}</cost-net><cost-gross>11.07</cost-gross></tts>",
    ),
    "book id": (
        lambda c: c.phone_book_list(),
        '{{"phone-books": {{"count": "1", "phone-book-1": {{"id": {}, "name": "A"}}}}}}',
        "<phone-books><count>1</count><phone-book-1><id>{}</id><name>A</name>"
        "</phone-book-1></phone-books>",
    ),
    "sms ids": (
        lambda c: c.sms_send("SMS", "501234567", "hi"),
        '{{"sms": {{"state": "OK", "ids": [{}]}}}}',
        '<sms><state>OK</state><ids type="array"><id type="integer">{}</id></ids></sms>',
    ),
    "duration": (
        lambda c: c.call_list_show(1),
        '{{"call-lists": {{"count": "1", "call-list-1": {{"date": "2025-01-02 03:04:05", '
        '"src": "1", "dst": "2", "duration": {}, "state": "Odebrane", "file": ""}}}}}}',
        "<call-lists><count>1</count><call-list-1><date>2025-01-02 03:04:05</date><src>1</src>"
        "<dst>2</dst><duration>{}</duration><state>Odebrane</state><file></file></call-list-1>"
        "</call-lists>",
    ),
    "count": (
        lambda c: c.cc_monitor_show(1),
        '{{"cc-monitor": {{"basic-data": {{"answered": {}}}, "campaign-members": {{}}, '
        '"waiting-calls": {{}}}}}}',
        '<cc-monitor><basic-data><answered type="integer">{}</answered></basic-data>'
        "<campaign-members></campaign-members><waiting-calls></waiting-calls></cc-monitor>",
    ),
}

_FIVE_THOUSAND_DIGITS = "9" * 5000

# (shape, the value's text): each one is refused in JSON (raw and quoted) and in XML.
_BAD_NUMBERS = [
    ("book id", _FIVE_THOUSAND_DIGITS),
    ("book id", "1e999999999"),
    ("book id", "1e9999"),
    ("book id", "-5"),
    ("sms ids", _FIVE_THOUSAND_DIGITS),
    ("sms ids", "-1"),
    ("sms ids", "1e999999999"),
    ("duration", "1e999999999"),
    ("duration", _FIVE_THOUSAND_DIGITS),
    ("count", "1e999999999"),
    ("count", _FIVE_THOUSAND_DIGITS),
    ("balance", "1e999999999"),
    ("balance", "1E+30"),
    ("balance", "NaN"),
    ("balance", "Infinity"),
    ("balance", _FIVE_THOUSAND_DIGITS),
    ("price", "NaN"),
    ("price", "1e999999999"),
]


def _spellings(shape: str, value: str) -> list[tuple[int, bytes]]:
    _call, json_template, xml_template = _SHAPES[shape]
    return [
        (0, json_template.format(value).encode()),  # raw (NaN is JavaScript's, not JSON's)
        (0, json_template.format(f'"{value}"').encode()),
        (1, xml_template.format(value).encode()),
    ]


@pytest.mark.parametrize(("shape", "value"), _BAD_NUMBERS, ids=lambda v: str(v)[:14])
async def test_numbers_that_cannot_be_numbers_are_refused_quickly(shape: str, value: str) -> None:
    call = _SHAPES[shape][0]
    for api_format, body in _spellings(shape, value):
        async with hostile_server(answering(body)) as server:
            started = time.monotonic()
            result = await outcome(call, server.base_url, api_format)
            elapsed = time.monotonic() - started
        assert_malformed(result)
        assert elapsed < 2, f"{body[:60]!r} took {elapsed:.1f} s"


@pytest.mark.parametrize(
    ("shape", "value"),
    [("balance", "123,45"), ("balance", "-999999999999.99"), ("book id", str(2**63))],
)
async def test_numbers_at_the_edge_of_the_limits_are_read(shape: str, value: str) -> None:
    call = _SHAPES[shape][0]
    for api_format, body in _spellings(shape, value)[1:]:
        async with hostile_server(answering(body)) as server:
            result = await outcome(call, server.base_url, api_format)
        assert not isinstance(result, BaseException), repr(result)
        if shape == "balance":
            format_money(result.balance)  # type: ignore[attr-defined]
        else:
            assert result[0].id == 2**63  # type: ignore[index]


# --- secrecy ----------------------------------------------------------------------------


async def test_the_key_echoed_in_a_broken_answer_never_shows_at_any_cut() -> None:
    """The excerpt of a broken answer cuts it after 60 characters: at every offset of the key."""
    offset = 0

    def echo(request: Request) -> bytes:
        return (
            "Bad request! " + "x" * offset + " api_key=" + request.api_key + " and more"
        ).encode()

    async with hostile_server(answering(echo, content_type="text/plain")) as server:
        for offset in range(0, 70):  # noqa: B007 - `echo` reads it
            result = await outcome(lambda c: c.phone_book_list(), server.base_url)
            assert isinstance(result, MalformedResponseError)
            for text in error_texts(result):
                assert not key_pieces_in(text), (offset, text)


async def test_the_key_echoed_in_a_value_never_shows_at_any_cut() -> None:
    """A value that is not a number is quoted after 40 characters: at every offset of the key."""
    offset = 0

    def echo(request: Request) -> bytes:
        value = "x" * offset + request.api_key
        return f'{{"phone-books": {{"phone-book-1": {{"id": "{value}", "name": "A"}}}}}}'.encode()

    async with hostile_server(answering(echo)) as server:
        for offset in range(0, 45):  # noqa: B007 - `echo` reads it
            result = await outcome(lambda c: c.phone_book_list(), server.base_url)
            assert isinstance(result, MalformedResponseError)
            for text in error_texts(result):
                assert not key_pieces_in(text), (offset, text)


async def test_the_key_echoed_in_an_error_description_never_shows_at_any_cut() -> None:
    """A server cutting the key in its own text, and the description kept to 300 characters."""
    offset, length = 0, 0

    def echo(request: Request) -> bytes:
        desc = "y" * offset + request.api_key[:length]
        return f'{{"error": {{"id": "-3", "name": "Unknown API key", "desc": "{desc}"}}}}'.encode()

    async with hostile_server(answering(echo)) as server:
        for offset in (0, 280, 290, 297):  # noqa: B007 - `echo` reads it
            for length in range(5, len(KEY) + 1):  # noqa: B007 - `echo` reads it
                result = await outcome(lambda c: c.balance_show(), server.base_url)
                assert isinstance(result, SpikonError) and result.code == -3
                for text in error_texts(result):
                    assert not key_pieces_in(text), (offset, length, text)


async def test_a_location_header_carrying_the_key_is_masked_in_debug_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def redirect(request: Request, writer: Writer) -> None:
        location = f"https://elsewhere.example/login?api_key={request.api_key}"
        await send(writer, b"", status=302, Location=location)

    caplog.set_level(logging.DEBUG)
    async with hostile_server(redirect) as server:
        result = await outcome(lambda c: c.balance_show(), server.base_url)
    assert isinstance(result, SpikonError)
    lines = [record.getMessage() for record in caplog.records]
    assert any("elsewhere.example" in line for line in lines), "httpcore logged the headers"
    for line in [*lines, *error_texts(result)]:
        assert not key_pieces_in(line), line
