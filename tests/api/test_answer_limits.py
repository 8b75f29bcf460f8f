"""The limits every answer is held to (spikon_tui/api/limits.py), one unit at a time (issue 13).

The end-to-end faults are in tests/integration/test_hostile_server.py and the
generated answers in test_decode_properties.py; here each limit is checked at
its edge, where it is enforced.
"""

from __future__ import annotations

import gzip
import logging
import time
import zlib
from datetime import timedelta
from decimal import Decimal

import pytest

from spikon_tui.api import MalformedResponseError, SpikonClient, ValidationError, answers
from spikon_tui.api.apikey import HTTP_LOG_FILTER, ApiKey, hide_in_http_logs
from spikon_tui.api.coerce import to_decimal, to_duration, to_id, to_int, to_seconds
from spikon_tui.api.decode import decode_body, item_number, json_too_deep
from spikon_tui.api.errors import UnknownErrorCodeError, error_from_payload
from spikon_tui.api.lenient_json import loads_lenient
from spikon_tui.api.limits import DEFAULT_MAX_ANSWER_BYTES, MAX_DEPTH, MAX_INT
from spikon_tui.api.reading import AnswerTooLarge, UndecodableAnswer, _decoder_for
from spikon_tui.api.validation import check_id
from spikon_tui.session import Session
from tests.api.helpers import KEY

# --- nesting ------------------------------------------------------------------------------


def _json_nested(depth: int) -> str:
    return '{"a":' * (depth - 1) + "[1]" + "}" * (depth - 1)


def _xml_nested(depth: int) -> str:
    return "<a>" * (depth - 1) + "<b>1</b>" + "</a>" * (depth - 1)


def test_json_and_xml_nested_to_the_limit_are_read_one_more_level_is_refused() -> None:
    assert not json_too_deep(_json_nested(MAX_DEPTH))
    assert json_too_deep(_json_nested(MAX_DEPTH + 1))
    decode_body(_json_nested(MAX_DEPTH).encode())
    decode_body(_xml_nested(MAX_DEPTH).encode())
    for body in (_json_nested(MAX_DEPTH + 1), _xml_nested(MAX_DEPTH + 1)):
        with pytest.raises(MalformedResponseError, match="nested more than 32 levels"):
            decode_body(body.encode())


@pytest.mark.parametrize(
    "text",
    [
        '{"a": "' + "[" * 100 + '"}',  # brackets inside a string are text
        '{"a": "' + "]" * 100 + '", "b": [[1]]}',
        '{"a": "\\"' + "[" * 100 + '\\\\", "b": 1}',  # escaped quote, escaped backslash
        '["\\\\\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]',
    ],
)
def test_brackets_inside_strings_do_not_count_as_nesting(text: str) -> None:
    assert not json_too_deep(text)
    decode_body(text.encode())


def test_closing_brackets_hidden_in_strings_do_not_hide_real_depth() -> None:
    text = '{"x": "' + "]" * 40 + '", "y": ' + "[" * 40 + "]" * 40 + "}"
    assert json_too_deep(text)


def test_the_lenient_reader_refuses_deep_nesting_as_malformed() -> None:
    with pytest.raises(MalformedResponseError):
        loads_lenient("[" * (MAX_DEPTH + 1))
    assert loads_lenient("[" * MAX_DEPTH) == loads_lenient("[" * MAX_DEPTH)


def test_deep_json_is_refused_before_it_is_parsed() -> None:
    body = ("[" * 1_000_000 + "]" * 1_000_000).encode()
    started = time.perf_counter()
    with pytest.raises(MalformedResponseError):
        decode_body(body)
    assert time.perf_counter() - started < 1


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "9" * 5000,
        "1e999999999",
        "1e9999",
        str(MAX_INT + 1),
        str(-MAX_INT - 1),
        MAX_INT + 1,
        Decimal("1E+30"),
        Decimal("NaN"),
        float("inf"),
    ],
    ids=lambda v: repr(v)[:16],
)
def test_whole_numbers_past_the_limits_are_malformed_and_fast(raw: object) -> None:
    started = time.perf_counter()
    with pytest.raises(MalformedResponseError):
        to_int(raw, "count")
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), (" 12 ", 12), ("12.0", 12), ("-7", -7), ("1e3", 1000), (str(MAX_INT), MAX_INT)],
)
def test_whole_numbers_within_the_limits_are_read(raw: str, expected: int) -> None:
    assert to_int(raw, "count") == expected


def test_ids_are_zero_or_more() -> None:
    assert to_id("0", "id") == 0
    assert to_id(MAX_INT, "id") == MAX_INT
    for raw in (-1, "-5", MAX_INT + 1):
        with pytest.raises(MalformedResponseError, match="0 or more"):
            to_id(raw, "id")


@pytest.mark.parametrize(
    "raw",
    ["NaN", "1e999999999", "1E+30", Decimal("NaN"), Decimal("1E+30"), float("nan"), 10**12],
    ids=repr,
)
def test_amounts_are_finite_and_below_a_trillion(raw: object) -> None:
    with pytest.raises(MalformedResponseError):
        to_decimal(raw, "balance")


def test_an_amount_just_below_the_limit_is_read() -> None:
    assert to_decimal("-999 999 999 999,99", "balance") == Decimal("-999999999999.99")


@pytest.mark.parametrize(
    "raw", ["99999999999999:00", "1:" + "9" * 5000 + ":00", 2**40, "-" + "9" * 12]
)
def test_durations_past_2_31_seconds_are_malformed(raw: object) -> None:
    with pytest.raises(MalformedResponseError):
        to_seconds(raw, "duration")
    with pytest.raises(MalformedResponseError):
        to_duration(raw, "duration")


def test_a_call_record_duration_out_of_bounds_is_refused() -> None:
    row = {"date": "2025-01-02 03:04:05", "src": "1", "dst": "2", "state": "x", "file": ""}
    assert (
        answers.call_records({"call-lists": {"call-list-1": {**row, "duration": "61"}}})[0].duration
        == 61
    )
    for duration in ("1e999999999", "9" * 5000, "²"):
        with pytest.raises(MalformedResponseError):
            answers.call_records({"call-lists": {"call-list-1": {**row, "duration": duration}}})
    assert to_duration("02:03", "x") == timedelta(seconds=123)


def test_an_error_id_of_5000_digits_is_an_unknown_error_not_a_crash() -> None:
    error = error_from_payload({"error": {"id": "9" * 5000, "desc": "x" * 5000}})
    assert isinstance(error, UnknownErrorCodeError)
    assert error.desc is not None and len(error.desc) <= 301


def test_a_numbered_key_of_5000_digits_is_no_number() -> None:
    assert item_number("phone-book-" + "9" * 5000) is None
    assert item_number("phone-book-12") == 12


def test_an_id_argument_of_5000_digits_is_refused_before_sending() -> None:
    with pytest.raises(ValidationError):
        check_id("9" * 5000, "tts_id")
    with pytest.raises(ValidationError):
        check_id(MAX_INT + 1, "tts_id")


# --- size -----------------------------------------------------------------------------------


def test_max_answer_bytes_defaults_to_64_mib_and_must_be_a_positive_whole_number() -> None:
    assert SpikonClient(KEY).max_answer_bytes == DEFAULT_MAX_ANSWER_BYTES == 64 * 1024 * 1024
    assert SpikonClient(KEY, max_answer_bytes=1000).max_answer_bytes == 1000
    for bad in (0, -1, True, 1.5, "1000"):
        with pytest.raises(ValidationError):
            SpikonClient(KEY, max_answer_bytes=bad)  # type: ignore[arg-type]


def test_inflating_stops_one_byte_past_the_limit() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = packer.compress(b"\0" * (64 << 20)) + packer.flush()
    decoder = _decoder_for("gzip")
    out = bytearray()
    with pytest.raises(AnswerTooLarge):
        decoder.feed(bomb, out, 1 << 20)
    assert len(out) == (1 << 20) + 1


def test_unknown_or_broken_compression_is_undecodable() -> None:
    with pytest.raises(UndecodableAnswer):
        _decoder_for("br")
    with pytest.raises(UndecodableAnswer):
        _decoder_for("gzip, gzip")
    with pytest.raises(UndecodableAnswer):  # a zlib header is no gzip one
        _decoder_for("gzip").feed(zlib.compress(b"x" * 1000), bytearray(), 10_000)
    decoder = _decoder_for("gzip")
    out = bytearray()
    decoder.feed(gzip.compress(b"x" * 1000)[:-12], out, 10_000)
    with pytest.raises(UndecodableAnswer, match="ends early"):
        decoder.finish(out)
    deflated = _decoder_for("deflate")  # raw deflate, as some servers send it
    raw = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    deflated.feed(raw.compress(b"y" * 1000) + raw.flush(), out := bytearray(), 10_000)
    deflated.finish(out)
    assert out == b"y" * 1000


# --- secrecy --------------------------------------------------------------------------------


def test_a_session_repr_masks_the_key() -> None:
    session = Session(profile="work", base_url="https://panel.spikon.pl/api/", api_key=KEY)
    assert KEY not in repr(session) and KEY not in str(session)
    assert "BXlm…test" in repr(session)
    assert "api_key=None" in repr(Session(profile="x", base_url="y", api_key=None))


def test_the_key_is_masked_in_pieces_and_scrubbing_twice_changes_nothing() -> None:
    key = ApiKey(KEY)
    text = f"cut here: {KEY[:20]}| and here: {KEY[11:]} whole: {KEY}"
    scrubbed = key.scrub(text)
    assert KEY[:5] not in scrubbed and KEY[11:16] not in scrubbed
    assert "whole: BXlm…test" in scrubbed
    assert key.scrub(scrubbed) == scrubbed


def test_the_http_loggers_mask_the_key(caplog: pytest.LogCaptureFixture) -> None:
    key = ApiKey("Zq8rT2mWv9kLx3NpB7cYh5JdF4sGa6Ue")
    hide_in_http_logs(key)
    caplog.set_level(logging.DEBUG)
    for name in ("httpcore.http11", "httpcore.connection", "httpx"):
        assert HTTP_LOG_FILTER in logging.getLogger(name).filters
        logging.getLogger(name).debug(
            "receive_response_headers.complete return_value=%r",
            [(b"Location", b"https://x/?api_key=" + key.reveal().encode())],
        )
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 3
    assert all(key.reveal()[:6] not in message for message in messages)
    assert all("api_key=" in message for message in messages)
