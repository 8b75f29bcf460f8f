"""Answers as bytes: a nested dict in the JSON or the XML shape the documentation prints.

An answer is a dict with one root key. Strings stay strings and integers stay
integers, exactly as the documentation types each field (`"count":"2"` but
`"free-members":2`). The XML form is derived from the same dict:

- element names are the keys with `_` turned into `-` (`phone_book` -> `<phone-book>`);
- an integer becomes `<name type="integer">1</name>`;
- a list becomes `<name type="array">` holding one element per item, named by
  the list's name without its final "s" (`ids` -> `<id>`, `voices` -> `<voice>`);
- an empty dict becomes an empty element (`<waiting-calls></waiting-calls>`).

When the documented XML differs in structure from the JSON (the add_agent
answers), a handler returns `Shapes` holding both.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

JSON = 0
XML = 1

CONTENT_TYPES = {
    JSON: "application/json; charset=utf-8",
    XML: "application/xml; charset=utf-8",
}

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

Answer = Mapping[str, Any]
_json_string = json.encoder.encode_basestring  # the C escaper json.dumps uses without ensure_ascii


@dataclass(frozen=True)
class Shapes:
    """An answer whose documented XML is not the mechanical translation of its JSON."""

    json: Answer
    xml: Answer


@dataclass(frozen=True)
class Binary:
    """A file answer (tts/download)."""

    content_type: str
    body: bytes
    filename: str


def encode(answer: Answer | Shapes, api_format: int) -> bytes:
    """The body for `api_format` (JSON or XML)."""
    if isinstance(answer, Shapes):
        answer = answer.json if api_format == JSON else answer.xml
    return to_json(answer) if api_format == JSON else to_xml(answer)


def encode_table(
    root: str, prefix: str, columns: Sequence[str], rows: Sequence[Sequence[str]], api_format: int
) -> bytes:
    """The same bytes as `encode({root: {"count": .., "<prefix>-1": {column: value}, ..}})`,
    built without the intermediate dicts: a 50,000-row call list takes a fraction of the time.
    """
    count = str(len(rows))
    if api_format == JSON:
        quoted = [_json_string(column) + ":" for column in columns]
        parts = [f'{{{_json_string(root)}:{{"count":{_json_string(count)}']
        for index, row in enumerate(rows, 1):
            fields = ",".join(
                [name + _json_string(value) for name, value in zip(quoted, row, strict=True)]
            )
            parts.append(f",{_json_string(f'{prefix}-{index}')}:{{{fields}}}")
        parts.append("}}")
        return "".join(parts).encode("utf-8")
    names = [_xml_name(column) for column in columns]
    opening = [f"    <{name}>" for name in names]
    closing = [f"</{name}>\n" for name in names]
    root_name, item_name = _xml_name(root), _xml_name(prefix)
    parts = [XML_DECLARATION, f"<{root_name}>\n  <count>{count}</count>\n"]
    for index, row in enumerate(rows, 1):
        fields = "".join(
            [
                head + _escape(value) + tail
                for head, value, tail in zip(opening, row, closing, strict=True)
            ]
        )
        parts.append(f"  <{item_name}-{index}>\n{fields}  </{item_name}-{index}>\n")
    parts.append(f"</{root_name}>\n")
    return "".join(parts).encode("utf-8")


def to_json(answer: Answer) -> bytes:
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def to_xml(answer: Answer) -> bytes:
    if len(answer) != 1:
        raise ValueError("an XML answer needs exactly one root key")
    parts = [XML_DECLARATION]
    for key, value in answer.items():
        _element(parts, _xml_name(key), value, "")
    return "".join(parts).encode("utf-8")


def _element(parts: list[str], name: str, value: Any, indent: str) -> None:
    if type(value) is str:
        parts.append(f"{indent}<{name}>{_escape(value)}</{name}>\n")
    elif isinstance(value, bool):
        raise TypeError(f"{name}: booleans have no documented encoding")
    elif isinstance(value, int):
        parts.append(f'{indent}<{name} type="integer">{value}</{name}>\n')
    elif isinstance(value, Mapping):
        if not value:
            parts.append(f"{indent}<{name}></{name}>\n")
            return
        parts.append(f"{indent}<{name}>\n")
        inner = indent + "  "
        for key, item in value.items():
            child = _xml_name(key)
            if type(item) is str:  # the common case, inlined: 50,000-row reports
                parts.append(f"{inner}<{child}>{_escape(item)}</{child}>\n")
            else:
                _element(parts, child, item, inner)
        parts.append(f"{indent}</{name}>\n")
    elif isinstance(value, list | tuple):
        item_name = name[:-1] if name.endswith("s") else name
        parts.append(f'{indent}<{name} type="array">\n')
        inner = indent + "  "
        for item in value:
            _element(parts, item_name, item, inner)
        parts.append(f"{indent}</{name}>\n")
    else:
        raise TypeError(f"{name}: cannot encode {type(value).__name__}")


_XML_NAMES: dict[str, str] = {}


def _xml_name(key: str) -> str:
    name = _XML_NAMES.get(key)
    if name is None:
        name = key.replace("_", "-")
        if len(_XML_NAMES) < 10_000:
            _XML_NAMES[key] = name
    return name


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text
