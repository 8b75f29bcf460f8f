"""Helpers for the sandbox tests: a fake clock, a raw HTTP client, shape comparison.

The tests talk to the sandbox over real loopback HTTP with httpx and parse the
answers themselves (json, xml.etree): the sandbox must match the documentation,
not a client that could share its mistakes.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

import httpx

from spikon_tui.sandbox import Sandbox

START = 1_750_000_000.0  # 2025-06-15 17:06:40 in Poland, a Sunday afternoon
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


class FakeClock:
    """Epoch seconds that move only when a test says so."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Api:
    """Raw form-encoded POSTs to one sandbox."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.http = httpx.Client(base_url=sandbox.base_url, timeout=30)

    def post(
        self, method: str, params: Mapping[str, Any] | None = None, *, fmt: int = 0, key: Any = ...
    ) -> httpx.Response:
        data = {"api_key": self.sandbox.api_key if key is ... else key, **(params or {})}
        if key is None:
            del data["api_key"]
        if fmt:
            data["api_format"] = fmt
        return self.http.post(method, data=data)

    def json(self, method: str, params: Mapping[str, Any] | None = None, **kw: Any) -> Any:
        response = self.post(method, params, **kw)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json; charset=utf-8"
        return json.loads(response.content.decode("utf-8"))

    def xml(self, method: str, params: Mapping[str, Any] | None = None, **kw: Any) -> ET.Element:
        response = self.post(method, params, fmt=1, **kw)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/xml; charset=utf-8"
        assert response.text.startswith(XML_DECLARATION)
        return ET.fromstring(response.content)

    def ok(self, method: str, params: Mapping[str, Any] | None = None) -> Any:
        """The JSON answer, asserting it is not an error."""
        answer = self.json(method, params)
        assert "error" not in answer, answer
        return answer

    def error(self, method: str, params: Mapping[str, Any] | None = None, **kw: Any) -> dict:
        answer = self.json(method, params, **kw)
        assert list(answer) == ["error"], answer
        return answer["error"]

    def close(self) -> None:
        self.http.close()


# Comparing shapes

_NUMBERED = re.compile(r"(.+-)(\d+)")


def xml_data(element: ET.Element) -> Any:
    """An XML answer as data: `type="integer"` -> int, `type="array"` -> list of {tag: value}."""
    kind = element.get("type")
    if kind == "integer":
        return int((element.text or "").strip())
    if kind == "array":
        return [{child.tag: xml_data(child)} for child in element]
    if len(element):
        data: dict[str, Any] = {}
        for child in element:
            assert child.tag not in data, f"repeated <{child.tag}> outside an array"
            data[child.tag] = xml_data(child)
        return data
    return (element.text or "").strip()


def assert_same_shape(actual: Any, documented: Any, where: str = "") -> None:
    """Same key names in the same order, same nesting, same str/int types.

    Numbered keys ("phone-book-3") are compared with the documentation's first
    key of the same prefix, and every list item with the documented first item.
    """
    if isinstance(documented, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not an object"
        assert _key_patterns(actual) == _key_patterns(documented), where
        examples = {}
        for key, value in documented.items():
            match = _NUMBERED.fullmatch(key)
            examples.setdefault(match.group(1) if match else key, value)
        for key, value in actual.items():
            match = _NUMBERED.fullmatch(key)
            assert_same_shape(value, examples[match.group(1) if match else key], f"{where}/{key}")
    elif isinstance(documented, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not an array"
        for index, item in enumerate(actual):
            assert_same_shape(item, documented[0], f"{where}[{index}]")
    else:
        assert type(actual) is type(documented), f"{where}: {actual!r} vs {documented!r}"


def _key_patterns(data: dict) -> list[str]:
    patterns: list[str] = []
    for key in data:
        match = _NUMBERED.fullmatch(key)
        pattern = match.group(1) + "N" if match else key
        if pattern not in patterns:
            patterns.append(pattern)
    return patterns
