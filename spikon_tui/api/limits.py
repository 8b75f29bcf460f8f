"""The limits every answer is held to, so that no answer can crash, freeze or exhaust the client.

A server (or anything between it and us) can send anything. These bounds are far
above what SPIKON really sends, and anything past them is a
`MalformedResponseError` (or a `RequestTimeoutError` for the deadline) raised
before the expensive step, never after it:

- `DEFAULT_MAX_ANSWER_BYTES`: the largest answer read, counted after
  decompression while it streams in (a gzip bomb stops at the limit). The
  largest real answer is a 50,000-row `call_list/show`: 8.1 MB as JSON and
  11.7 MB as XML from the sandbox; 64 MiB leaves more than five times that.
  `SpikonClient(max_answer_bytes=...)` changes it.
- `MAX_DEPTH`: nesting of JSON arrays and objects or XML elements. Real answers
  are at most 4 deep (answer, list, item, field).
- `MAX_NUMBER_LENGTH` and `MAX_EXPONENT_DIGITS`: a number's text, checked
  before `int()` or `Decimal()` sees it (int() of a 5,000-digit text raises,
  and `1e999999999` made into an int takes minutes and gigabytes).
- `MAX_INT`: whole numbers (counts, states, seconds) lie within +-2**63; ids
  within 0 ... 2**63.
- `MAX_MONEY`: amounts are finite and smaller than 10**12 zł in size, so
  formatting them with two decimals can never fail.
- `errors.SERVER_TEXT_LIMIT`: at most this many characters of a server's own
  text (an error's name or description) reach a message.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NoReturn

from spikon_tui.api.errors import MalformedResponseError
from spikon_tui.i18n import _

DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024
"""64 MiB: more than five times the largest real answer (see the module docstring)."""

MAX_DEPTH = 32
"""Deepest nesting of arrays/objects (JSON) or elements (XML); real answers reach 4."""

MAX_NUMBER_LENGTH = 40
"""Longest text of a number read from an answer (digits, sign, point, exponent)."""

MAX_EXPONENT_DIGITS = 3
"""Digits of a number's exponent (`1e999` passes, `1e9999` is refused)."""

MAX_INT = 2**63
"""Whole numbers lie within -MAX_INT ... MAX_INT; ids within 0 ... MAX_INT."""

MAX_MONEY = Decimal(10) ** 12
"""Amounts lie strictly between -MAX_MONEY and MAX_MONEY."""


def too_deep(xml: bool = False) -> MalformedResponseError:
    if xml:
        message = _("The server's XML answer is nested more than {depth} levels deep.")
    else:
        message = _("The server's JSON answer is nested more than {depth} levels deep.")
    return MalformedResponseError(message.format(depth=MAX_DEPTH))


def unreadable_number(text: str) -> MalformedResponseError:
    shown = text if len(text) <= 24 else text[:24] + "…"
    return MalformedResponseError(
        _("The server's answer holds a number that cannot be read ({excerpt}).").format(
            excerpt=repr(shown)
        )
    )


def number_text_fits(text: str) -> bool:
    """Whether a number's text is short enough, with a small enough exponent, to convert."""
    if len(text) > MAX_NUMBER_LENGTH:
        return False
    _mantissa, has_exponent, exponent = text.lower().partition("e")
    return not has_exponent or len(exponent.lstrip("+-")) <= MAX_EXPONENT_DIGITS


def _json_int(text: str) -> int:
    if len(text) > MAX_NUMBER_LENGTH:
        raise unreadable_number(text)
    return int(text)


def _json_decimal(text: str) -> Decimal:
    if not number_text_fits(text):
        raise unreadable_number(text)
    return Decimal(text)


def _json_constant(name: str) -> NoReturn:
    raise unreadable_number(name)


JSON_NUMBER_HOOKS: dict[str, Any] = {
    "parse_int": _json_int,
    "parse_float": _json_decimal,
    "parse_constant": _json_constant,
}
"""`json.loads` keywords: numbers checked before conversion, floats as `Decimal`, no NaN."""
