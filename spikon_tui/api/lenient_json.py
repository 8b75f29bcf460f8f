"""A forgiving JSON reader for the two broken shapes the SPIKON documentation prints.

Only used after `json.loads` has failed. It accepts everything JSON accepts,
plus:

- a value with no key inside an object (`{"count": "28", [ ... ]}`, the
  `tts/language_list` example): it is stored under the key `"items"`
  (`"items_2"`, `"items_3"` ... if there are more);
- objects and arrays still open at the end of the input (the `tts/voice_list`
  example lacks its final `}`): they are closed;
- missing or doubled commas between members and elements.

Anything else (an unterminated string, a stray character, text after the
value) raises `ValueError`; nesting past `limits.MAX_DEPTH` or a number past
the limits of `limits.py` raises `MalformedResponseError`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from spikon_tui.api.limits import JSON_NUMBER_HOOKS, MAX_DEPTH, too_deep

KEYLESS_KEY = "items"
"""Where a value found without a key inside an object is stored."""

_WHITESPACE = " \t\r\n"
_NUMBER_CHARS = frozenset("0123456789+-.eE")
_LITERALS = {"true": True, "false": False, "null": None}
# The JSON string reader behind json.loads: (text, index after the opening quote) ->
# (the string, index after its closing quote). Typeshed's json.decoder leaves it out.
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, what: str) -> ValueError:
        return ValueError(f"{what} at character {self.pos}")

    def skip(self, also: str = "") -> None:
        text, pos, chars = self.text, self.pos, _WHITESPACE + also
        while pos < len(text) and text[pos] in chars:
            pos += 1
        self.pos = pos

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def value(self, depth: int) -> Any:
        self.skip()
        if self.at_end():
            raise self.fail("value expected")
        char = self.text[self.pos]
        if char in "{[" and depth >= MAX_DEPTH:
            raise too_deep()
        if char == "{":
            return self.obj(depth + 1)
        if char == "[":
            return self.array(depth + 1)
        if char == '"':
            return self.string()
        if char in _NUMBER_CHARS:
            return self.number()
        for word, result in _LITERALS.items():
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        raise self.fail(f"unexpected {char!r}")

    def string(self) -> str:
        try:
            result, end = _scanstring(self.text, self.pos + 1)
        except json.JSONDecodeError as exc:
            raise self.fail(f"bad string ({exc.msg})") from None
        self.pos = end
        return result

    def number(self) -> object:
        start = self.pos
        while not self.at_end() and self.text[self.pos] in _NUMBER_CHARS:
            self.pos += 1
        try:
            # Only digits, signs, dots and exponents: an int, or a Decimal (parse_float),
            # each checked against the limits before it is converted.
            number: object = json.loads(self.text[start : self.pos], **JSON_NUMBER_HOOKS)
        except json.JSONDecodeError:
            raise self.fail("bad number") from None
        return number

    def obj(self, depth: int) -> dict[str, Any]:
        self.pos += 1
        result: dict[str, Any] = {}
        keyless = 0
        while True:
            self.skip(",")
            if self.at_end():
                return result
            if self.text[self.pos] == "}":
                self.pos += 1
                return result
            if self.text[self.pos] == '"':
                first = self.string()
                self.skip()
                if not self.at_end() and self.text[self.pos] == ":":
                    self.pos += 1
                    self.skip()
                    if self.at_end():
                        raise self.fail(f"value for {first!r} expected")
                    result[first] = self.value(depth)
                    continue
                item: Any = first
            else:
                item = self.value(depth)
            keyless += 1
            key = KEYLESS_KEY if keyless == 1 else f"{KEYLESS_KEY}_{keyless}"
            result[key] = item

    def array(self, depth: int) -> list[Any]:
        self.pos += 1
        result: list[Any] = []
        while True:
            self.skip(",")
            if self.at_end():
                return result
            if self.text[self.pos] == "]":
                self.pos += 1
                return result
            result.append(self.value(depth))


def loads_lenient(text: str) -> Any:
    """Parse `text` as JSON, repairing the two documented kinds of breakage.

    Raises `ValueError` when the text cannot be read even so.
    """
    parser = _Parser(text)
    result = parser.value(0)
    parser.skip()
    if not parser.at_end():
        raise parser.fail("unexpected text after the value")
    return result
