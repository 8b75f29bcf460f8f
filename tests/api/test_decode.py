"""Bodies -> plain data: JSON fast path, lenient fallback, XML rules, key spelling, lists."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from spikon_tui.api.decode import (
    decode_body,
    decode_json,
    decode_xml,
    item_number,
    normalise_key,
    normalise_keys,
    numbered_items,
)
from spikon_tui.api.errors import MalformedResponseError
from spikon_tui.api.lenient_json import loads_lenient

# --- keys ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("free-members", "free_members"),
        ("tts ", "tts"),
        ("tts- 1", "tts_1"),
        ("phone_book", "phone_book"),
        ("Phone-Book-Elements", "phone_book_elements"),
        ("  call list  id ", "call_list_id"),
        ("add_agent_status", "add_agent_status"),
    ],
)
def test_normalise_key(raw: str, expected: str) -> None:
    assert normalise_key(raw) == expected


def test_normalise_keys_walks_dicts_inside_lists() -> None:
    tree = {"Cc-Monitor ": {"waiting-calls": [{"waiting-time": "00:10"}]}}
    assert normalise_keys(tree) == {"cc_monitor": {"waiting_calls": [{"waiting_time": "00:10"}]}}


@pytest.mark.parametrize(
    ("key", "number"),
    [
        ("phone-book-1", 1),
        ("call-list-12", 12),
        ("tts- 1", 1),
        ("tts_7", 7),
        ("cc-campaign-member-10", 10),
        ("3", 3),
        ("count", None),
        ("phone_book", None),
        ("-5", None),
    ],
)
def test_item_number(key: str, number: int | None) -> None:
    assert item_number(key) == number


# --- numbered lists ---------------------------------------------------------------


def test_numbered_keys_sorted_numerically_not_alphabetically() -> None:
    order = [1, 10, 11, 12, 2, 3, 4, 5, 6, 7, 8, 9]  # how a string sort would list them
    container = {"count": "12", **{f"phone-book-{n}": {"id": str(n)} for n in order}}
    assert [item["id"] for item in numbered_items(container)] == [str(n) for n in range(1, 13)]


def test_numbered_keys_in_order_keep_their_order() -> None:
    container = {"count": 12, **{f"phone_book_{n}": {"id": n} for n in range(1, 13)}}
    assert [item["id"] for item in numbered_items(container)] == list(range(1, 13))


def test_numbered_keys_out_of_order_within_the_same_width() -> None:
    container = {"x-3": {"n": 3}, "x-1": {"n": 1}, "x-2": {"n": 2}}
    assert [item["n"] for item in numbered_items(container)] == [1, 2, 3]


def test_numbered_keys_with_different_prefixes_are_still_sorted_by_number() -> None:
    container = {"count": "2", "a-2": {"n": 2}, "b-1": {"n": 1}}
    assert [item["n"] for item in numbered_items(container)] == [1, 2]


def test_numbered_keys_with_leading_zeros() -> None:
    container = {f"x-{n:02d}": {"n": n} for n in (1, 2, 10, 11)}
    assert [item["n"] for item in numbered_items(container)] == [1, 2, 10, 11]


def test_numbered_keys_with_stray_spaces() -> None:
    container = {"count": "2", "tts- 2": {"n": 2}, "tts- 1": {"n": 1}}
    assert [item["n"] for item in numbered_items(container)] == [1, 2]


def test_numbered_items_accepts_arrays_and_lone_items() -> None:
    assert numbered_items([{"a": 1}, {"a": 2}]) == [{"a": 1}, {"a": 2}]
    assert numbered_items({"count": "2", "languages": [{"a": 1}, {"a": 2}]}) == [
        {"a": 1},
        {"a": 2},
    ]
    assert numbered_items({"phone_book": {"id": "1"}}) == [{"id": "1"}]


@pytest.mark.parametrize("empty", [{}, [], "", "\n", None, {"count": "0"}])
def test_numbered_items_of_empty_containers(empty: object) -> None:
    assert numbered_items(empty) == []


def test_numbered_items_skips_scalars_and_empty_numbered_elements() -> None:
    container = {"count": "3", "tts-1": {"id": 1}, "tts-2": "", "tts-3": {"id": 3}}
    assert numbered_items(container) == [{"id": 1}, {"id": 3}]


# --- JSON ----------------------------------------------------------------------------


def test_json_fast_path_returns_what_json_loads_returns_with_decimal_floats() -> None:
    body = b'{"tts": {"cost_net": 9.0, "count": 2, "name": "Zapowied\\u017a"}}'
    assert decode_json(body) == {
        "tts": {"cost_net": Decimal("9.0"), "count": 2, "name": "Zapowiedź"}
    }


def test_lenient_reader_files_a_keyless_array_under_items() -> None:
    text = '{ "tts": { "count": "28", [{ "language": "pl-PL" }, { "language": "en-US" }] } }'
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    assert decode_json(text) == {
        "tts": {"count": "28", "items": [{"language": "pl-PL"}, {"language": "en-US"}]}
    }


def test_lenient_reader_closes_brackets_left_open() -> None:
    text = '{ "tts": { "count": "4", "voices": [{ "name": "Ewa", "gender": "F" }] }'
    assert decode_json(text.encode()) == {
        "tts": {"count": "4", "voices": [{"name": "Ewa", "gender": "F"}]}
    }
    assert loads_lenient('{"a": [1, 2') == {"a": [1, 2]}


def test_lenient_reader_numbers_several_keyless_values() -> None:
    assert loads_lenient('{"a": 1, [1], [2]}') == {"a": 1, "items": [1], "items_2": [2]}


@pytest.mark.parametrize(
    "broken",
    [
        '{"a": "unterminated',
        '{"a": 1} trailing',
        "{'single': 'quotes'}",
        '{"a": }',
        "[1, 2, @]",
        "{" * 500,
    ],
)
def test_hopeless_json_is_malformed(broken: str) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        decode_json(broken.encode())
    assert "JSON" in str(caught.value)


def test_malformed_message_quotes_only_a_short_excerpt() -> None:
    body = b'{"secret": "' + b"x" * 5000  # the string never ends
    with pytest.raises(MalformedResponseError) as caught:
        decode_body(body)
    assert len(str(caught.value)) < 200


# --- XML -----------------------------------------------------------------------------


def test_xml_root_becomes_the_wrapper_key_and_names_are_normalised() -> None:
    body = b'<?xml version="1.0"?><call-list><call-list-id>1</call-list-id></call-list>'
    assert decode_xml(body) == {"call_list": {"call_list_id": "1"}}


def test_xml_arrays_and_integers() -> None:
    body = (
        b'<sms><state type="integer">1</state><ids type="array">'
        b'<id type="integer">13</id><id type="integer">14</id></ids>'
        b'<none type="array"/></sms>'
    )
    assert decode_xml(body) == {"sms": {"state": 1, "ids": [13, 14], "none": []}}


def test_xml_text_is_stripped_and_empty_elements_are_empty_strings() -> None:
    body = b"<sms> <state> OK </state> <file></file> <waiting-calls>\n</waiting-calls> </sms>"
    assert decode_xml(body) == {"sms": {"state": "OK", "file": "", "waiting_calls": ""}}


def test_xml_repeated_elements_become_a_list() -> None:
    body = b"<list><item>a</item><item>b</item><item>c</item></list>"
    assert decode_xml(body) == {"list": {"item": ["a", "b", "c"]}}


def test_xml_leading_blank_line_before_declaration_is_tolerated() -> None:
    body = b'\n<?xml version="1.0" encoding="UTF-8"?>\n<tts><id>1</id></tts>\n  \n'
    assert decode_body(body) == {"tts": {"id": "1"}}


def test_xml_with_a_dtd_is_refused() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;">]><sms><state>&lol2;</state></sms>'
    )
    with pytest.raises(MalformedResponseError) as caught:
        decode_body(body, "application/xml")
    assert "DTD" in str(caught.value)


def test_xml_external_entity_is_refused() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE sms [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<sms><state>&xxe;</state></sms>"
    )
    with pytest.raises(MalformedResponseError):
        decode_body(body)


def test_broken_xml_is_malformed() -> None:
    with pytest.raises(MalformedResponseError) as caught:
        decode_body(b"<sms><state>OK</sms>")
    assert "XML" in str(caught.value)


# --- choosing the decoder -----------------------------------------------------------


def test_decoder_is_chosen_by_the_body_not_the_label() -> None:
    assert decode_body(b'{"a": 1}', "text/xml") == {"a": 1}
    assert decode_body(b"<a>1</a>", "application/json") == {"a": "1"}
    assert decode_body(b'\xef\xbb\xbf  {"a": 1}', "") == {"a": 1}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<!DOCTYPE html><html><body>Login</body></html>", "web page"),
        (b"<html><body>502 Bad Gateway</body></html>", "web page"),
        (b"Internal Server Error", "neither JSON nor XML"),
        (b"\x00\x01\x02\xff", "neither JSON nor XML"),
    ],
)
def test_unreadable_bodies(body: bytes, words: str) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        decode_body(body, "text/plain")
    assert words in str(caught.value)


def test_invalid_utf8_json_is_malformed() -> None:
    with pytest.raises(MalformedResponseError):
        decode_body(b'{"name": "\xff\xfe"}', "application/json")


def test_latin2_json_is_read_when_the_charset_says_so() -> None:
    body = '{"name": "Książka"}'.encode("iso-8859-2")
    assert decode_body(body, "application/json; charset=iso-8859-2") == {"name": "Książka"}
