"""The encoder's rules, and the fast table encoder giving the same bytes as the general one."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from spikon_tui.sandbox.encode import JSON, XML, encode, encode_table
from spikon_tui.sandbox.handlers import numbered

ROWS = [
    ("2025-06-15 10:00:00", "501234567", 'Zażółć "gęślą" & <jaźń>', "12", "Odebrane", ""),
    ("2025-06-14 09:00:00", "back\\slash", "tab\there", "0", "Zajęte", "a/b?c=d"),
]
COLUMNS = ("date", "src", "dst", "duration", "state", "file")


@pytest.mark.parametrize("api_format", [JSON, XML])
@pytest.mark.parametrize("rows", [ROWS, []])
def test_table_encoder_matches_the_general_one(api_format: int, rows: list) -> None:
    general = encode(
        {
            "call-lists": numbered(
                "call-list", (dict(zip(COLUMNS, row, strict=True)) for row in rows)
            )
        },
        api_format,
    )
    assert encode_table("call-lists", "call-list", COLUMNS, rows, api_format) == general


def test_json_keeps_polish_letters_and_escapes_quotes() -> None:
    body = encode({"a": {"b": 'Zażółć "x"', "n": 3}}, JSON)
    assert body == '{"a":{"b":"Zażółć \\"x\\"","n":3}}'.encode()
    assert json.loads(body) == {"a": {"b": 'Zażółć "x"', "n": 3}}


def test_xml_naming_types_and_arrays() -> None:
    body = encode(
        {"cc_agent": {"in_campaigns": [1, 2], "default_out_campaign": 1, "name": "A&B", "x": {}}},
        XML,
    ).decode()
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<cc-agent>')
    assert '<in-campaigns type="array">' in body
    assert '<in-campaign type="integer">1</in-campaign>' in body
    assert '<default-out-campaign type="integer">1</default-out-campaign>' in body
    assert "<name>A&amp;B</name>" in body
    assert "<x></x>" in body
    assert ET.fromstring(body.encode()).findtext("name") == "A&B"


def test_booleans_have_no_encoding() -> None:
    with pytest.raises(TypeError):
        encode({"a": {"b": True}}, XML)
