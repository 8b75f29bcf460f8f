"""SPIKON answer bodies (JSON or XML) -> plain Python dicts and lists.

What comes out:

- JSON: exactly what `json.loads` gives (floats as `Decimal`), keys as the
  server spelled them. This is the fast path; a 50,000-row call history goes
  through nothing else. Only when `json.loads` fails is the body handed to
  `lenient_json`, which repairs the two broken examples the documentation
  prints (a keyless array inside an object; a missing final brace).
- XML (read with `defusedxml`; a DTD or entity declaration is refused): the
  root becomes `{root_name: value}` so it has the same shape as the JSON;
  elements with children become dicts, `type="array"` elements become lists,
  `type="integer"` elements become ints, other leaves become stripped text
  (an empty element is `""`). Names are normalised with `normalise_key`.

Helpers used by the answer parsers:

- `normalise_key` turns any key spelling into snake_case: trimmed, lower case,
  runs of `-`, `_` and spaces collapsed to one `_` (`"tts- 1"` -> `"tts_1"`,
  `"free-members"` -> `"free_members"`). `normalised` applies it to one dict,
  `normalise_keys` to a whole tree.
- `numbered_items` reads a list that the API spells as numbered keys
  (`phone-book-1`, `phone-book-2`, ...), sorted numerically so `-2` comes
  before `-10`; it also accepts real arrays and empty containers.

Malformed bodies raise `MalformedResponseError` with at most a short excerpt,
and so does an answer past the limits of `limits.py`, checked before the
expensive step: JSON nesting is measured on the raw bytes before `json.loads`
(`json_too_deep`), XML nesting while the elements are turned into values, and
every number's text before `int()` or `Decimal()` sees it (`json_number_hooks`;
`NaN` and `Infinity` are refused).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from itertools import islice, repeat
from operator import le, lt
from typing import TYPE_CHECKING, Any

from spikon_tui.api.errors import MalformedResponseError
from spikon_tui.api.lenient_json import loads_lenient
from spikon_tui.api.limits import (
    JSON_NUMBER_HOOKS,
    MAX_DEPTH,
    MAX_NUMBER_LENGTH,
    too_deep,
)
from spikon_tui.i18n import _

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

LENIENT_JSON_LIMIT = 4_000_000
"""Bodies larger than this (bytes) are not given to the slow lenient JSON reader."""

_KEY_SEPARATORS = re.compile(r"[\s_-]+")
_KEY_CACHE: dict[str, str] = {}
_KEY_CACHE_LIMIT = 4096
_BOM = b"\xef\xbb\xbf"


# --- keys ---------------------------------------------------------------------


def normalise_key(key: str) -> str:
    """`"Free-Members "` -> `"free_members"`; see the module docstring."""
    cached = _KEY_CACHE.get(key)
    if cached is not None:
        return cached
    result = _KEY_SEPARATORS.sub("_", key.strip().lower())
    if len(_KEY_CACHE) < _KEY_CACHE_LIMIT:
        _KEY_CACHE[key] = result
    return result


def normalised(mapping: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of one mapping with its keys (not its values' keys) normalised."""
    return {normalise_key(key) if isinstance(key, str) else key: v for key, v in mapping.items()}


def normalise_keys(value: Any) -> Any:
    """A copy of a whole decoded tree with every dict key normalised."""
    if isinstance(value, dict):
        return {
            normalise_key(k) if isinstance(k, str) else k: normalise_keys(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [normalise_keys(v) for v in value]
    return value


def item_number(key: str) -> int | None:
    """The trailing number of a numbered key (`"call-list-12"` -> 12, `"tts- 1"` -> 1)."""
    text = key.strip()
    if text.isascii() and text.isdigit():
        return int(text) if len(text) <= MAX_NUMBER_LENGTH else None
    for separator in ("-", "_", " "):
        head, found, tail = text.rpartition(separator)
        if found:
            tail = tail.strip()
            if tail.isascii() and tail.isdigit() and head.strip():
                return int(tail) if len(tail) <= MAX_NUMBER_LENGTH else None
    return None


def items_in_sequence(container: dict[Any, Any], item_type: type = dict) -> list[Any] | None:
    """The usual shape, checked with C-level passes only (a report can have 50,000 rows).

    An optional `count`, then values of `item_type` under keys `<prefix><digits>`
    in ascending numeric order. Returns None for anything else, which the
    general path then handles.

    With a common prefix and no leading zeros, numeric order is "shorter key
    first, then alphabetical", which `map` checks without parsing a number:
    key lengths must never decrease, and keys of equal length must ascend.
    Keys of one length that ascend between a first and a last key starting
    with the prefix all start with it, so only those two are checked.
    """
    keys = list(container)
    values = list(container.values())
    if "count" in container:
        position = keys.index("count")
        del keys[position]
        del values[position]
    if not keys or keys[0].__class__ is not str:
        return None
    prefix = keys[0].rstrip("0123456789")
    if prefix == keys[0]:
        return None
    lengths = list(map(len, keys))
    if not all(map(le, lengths, islice(lengths, 1, None))):
        return None
    for length in range(lengths[0], lengths[-1] + 1):
        first = bisect_left(lengths, length)
        last = bisect_right(lengths, length)
        if first == last:
            continue
        group = keys[first:last]
        if not (group[0].startswith(prefix) and group[-1].startswith(prefix)):
            return None
        if not all(map(lt, group, islice(group, 1, None))):
            return None
    if not all(map(isinstance, values, repeat(item_type))):
        return None
    return values


def numbered_items(container: Any) -> list[Any]:
    """The items of a list the API may spell as numbered keys or as an array.

    - a dict: its dict values under numbered keys (`"cc-agent-3"`, `"tts- 1"`,
      `"2"`), in numeric key order, then dict values under other keys (a lone
      `"phone_book"`) and the dict elements of any list values (`"languages"`,
      or the `"items"` the lenient JSON reader files a keyless array under);
      scalars such as `"count"` are skipped;
    - a list: its elements;
    - anything empty (`{}`, `[]`, `""`, `None`, whitespace-only XML): `[]`.
    """
    if isinstance(container, list):
        return container
    if not isinstance(container, dict):
        return []
    in_sequence = items_in_sequence(container)
    if in_sequence is not None:
        return in_sequence
    numbers: list[int] = []
    values: list[Any] = []
    others: list[Any] = []
    in_order = True
    last = -1
    for key, value in container.items():
        if value.__class__ is dict:
            number = item_number(key) if isinstance(key, str) else None
            if number is None:
                others.append(value)
                continue
            if number <= last:
                in_order = False
            last = number
            numbers.append(number)
            values.append(value)
        elif isinstance(value, dict):
            others.append(value)
        elif isinstance(value, list):
            others.extend(item for item in value if isinstance(item, dict))
    if not in_order:
        order = sorted(range(len(values)), key=numbers.__getitem__)
        values = [values[i] for i in order]
    if others:
        values.extend(others)
    return values


# --- bodies -------------------------------------------------------------------


def excerpt(body: bytes | str, limit: int = 60) -> str:
    """A short, single-line, printable beginning of a body for error messages."""
    text = body[: limit * 4].decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = " ".join(text.split())
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text[:limit] + ("…" if len(text) > limit else "")


# --- limits -----------------------------------------------------------------

_NOT_STRUCTURE = bytes(c for c in range(256) if c not in b'"{}[]')
_ARRAYS_AS_OBJECTS = bytes.maketrans(b"[]", b"{}")
_TOO_DEEP_RUN = b"{" * (MAX_DEPTH + 1)


def json_too_deep(body: bytes | str) -> bool:
    """Whether a JSON text nests arrays and objects more than `MAX_DEPTH` deep.

    Measured on the raw text before it is parsed, with C-level passes only (a
    50,000-row report costs a few per cent of `json.loads`): escaped quotes and
    backslashes are dropped, then everything but quotes and brackets; the parts
    inside strings go; each pass then removes the innermost `{}` pairs, so a
    structure `MAX_DEPTH` deep is gone after `MAX_DEPTH` passes. Brackets left
    open (the lenient reader closes them) count as levels.
    """
    data = body.encode("utf-8", "replace") if isinstance(body, str) else body
    if b"\\" in data:
        # In JSON a backslash only starts an escape: pairs first, then escaped quotes.
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    data = data.translate(_ARRAYS_AS_OBJECTS, _NOT_STRUCTURE)
    # Adjacent quotes close a string and open the next with no bracket between.
    data = data.replace(b'""', b"")
    if b'"' in data:
        data = b"".join(data.split(b'"')[::2])  # what is left between strings
    if _TOO_DEEP_RUN in data:
        return True
    passes = 0
    while data and passes < MAX_DEPTH:
        inner_removed = data.replace(b"{}", b"")
        if len(inner_removed) == len(data):
            break
        data = inner_removed
        passes += 1
    return b"{}" in data or passes + data.count(b"{") > MAX_DEPTH


def decode_json(body: bytes | str, charset: str | None = None) -> Any:
    """Decode a JSON body; fall back to the lenient reader when it is invalid."""
    if json_too_deep(body):
        raise too_deep()
    try:
        return json.loads(body, **JSON_NUMBER_HOOKS)
    except json.JSONDecodeError:
        pass
    except UnicodeDecodeError:
        if not charset:
            raise MalformedResponseError(
                _("The server's JSON answer is not valid UTF-8 text.")
            ) from None
    except RecursionError:
        raise too_deep() from None
    text = body
    if isinstance(body, bytes):
        try:
            text = body.decode(charset or "utf-8")
        except (UnicodeDecodeError, LookupError):
            raise MalformedResponseError(
                _("The server's JSON answer could not be read as text.")
            ) from None
    assert isinstance(text, str)
    if len(text) > LENIENT_JSON_LIMIT:
        raise MalformedResponseError(
            _("The server's JSON answer is broken (it starts with: {excerpt}).").format(
                excerpt=repr(excerpt(text))
            )
        )
    try:
        return loads_lenient(text.lstrip("\ufeff"))
    except MalformedResponseError:
        raise
    except (ValueError, RecursionError):
        raise MalformedResponseError(
            _(
                "The server's JSON answer is broken and could not be read "
                "(it starts with: {excerpt})."
            ).format(excerpt=repr(excerpt(text)))
        ) from None


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2] if tag.startswith("{") else tag


def _element_value(element: Element, depth: int = 1) -> Any:
    if depth > MAX_DEPTH:
        raise too_deep(xml=True)
    kind = element.get("type")
    if element.get("nil") == "true":
        return None
    children = list(element)
    if kind == "array":
        return [_element_value(child, depth + 1) for child in children]
    if not children:
        text = (element.text or "").strip()
        if kind == "integer":
            if len(text) > MAX_NUMBER_LENGTH:
                return text  # left as text: reading it as a number refuses it
            try:
                return int(text)
            except ValueError:
                return text
        if kind == "boolean":
            return text.lower() in ("true", "1")
        return text
    result: dict[str, Any] = {}
    repeated: set[str] = set()
    for child in children:
        key = normalise_key(_local_name(child.tag))
        value = _element_value(child, depth + 1)
        if key not in result:
            result[key] = value
        elif key in repeated:
            result[key].append(value)
        else:
            result[key] = [result[key], value]
            repeated.add(key)
    return result


def decode_xml(body: bytes | str) -> dict[str, Any]:
    """Decode an XML body to `{root_name: value}`; refuses DTDs and entities."""
    # Imported here: the app asks for JSON, and start-up need not pay for XML.
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring as _xml_fromstring

    if isinstance(body, bytes):
        body = body.lstrip().removeprefix(_BOM).lstrip()
    else:
        body = body.lstrip().lstrip("\ufeff").lstrip()
    try:
        # defusedxml ships no types: its fromstring is ElementTree's, behind the checks.
        root: Element = _xml_fromstring(
            body, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        raise MalformedResponseError(
            _("The server's XML answer declares a DTD or entities; it was refused for safety.")
        ) from None
    except (ParseError, ValueError) as exc:
        reason = str(exc).split(":")[0]
        raise MalformedResponseError(
            _("The server's XML answer is broken ({reason}; it starts with: {excerpt}).").format(
                reason=reason, excerpt=repr(excerpt(body))
            )
        ) from None
    return {normalise_key(_local_name(root.tag)): _element_value(root)}


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _equals, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def decode_body(body: bytes, content_type: str = "") -> Any:
    """Decode an API answer, choosing JSON or XML by its first character.

    The content type is only a tie-breaker: servers label bodies wrongly more
    often than they start a JSON body with `<`.
    """
    head = body[:512].lstrip()
    if head.startswith(_BOM):
        head = head[len(_BOM) :].lstrip()
    first = head[:1]
    if first in (b"{", b"["):
        return decode_json(body, _charset(content_type))
    if first == b"<":
        lowered = head[:64].lower()
        if lowered.startswith((b"<!doctype html", b"<html")):
            raise MalformedResponseError(
                _(
                    "The server sent a web page instead of an API answer. Check the base URL; "
                    "a proxy or a network login page may be in the way."
                )
            )
        return decode_xml(body)
    if not head:
        raise MalformedResponseError(_("The server sent an empty answer."))
    lowered_type = content_type.lower()
    if "json" in lowered_type:
        return decode_json(body, _charset(content_type))
    if "xml" in lowered_type:
        return decode_xml(body)
    raise MalformedResponseError(
        _("The server's answer is neither JSON nor XML (it starts with: {excerpt}).").format(
            excerpt=repr(excerpt(body))
        )
    )
