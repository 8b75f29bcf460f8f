"""Reading one request's parameters, with the documented limits and the -6 / -7 errors.

A parameter that is absent is "missing" (-7, `desc` is its name). A parameter
that is present but empty, too long, not a number, or not one of the allowed
values is "wrong" (-6, `desc` says which parameter and why).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from spikon_tui.sandbox.errors import missing, wrong

_DIGITS = re.compile(r"[0-9]{1,18}", re.ASCII)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
# A dialable number: digits with the usual punctuation, at least one digit.
_PHONE = re.compile(r"\+?[0-9 ()*#-]*[0-9][0-9 ()*#-]*", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Params:
    """The form fields (or query fields) of one request."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = values

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def text(self, name: str, *, max_length: int, multiline: bool = False) -> str:
        """A required, non-blank text of at most `max_length` characters."""
        value = self._required(name)
        if not value.strip():
            raise wrong(name, "must not be empty")
        if len(value) > max_length:
            raise wrong(name, f"too long ({len(value)} characters, at most {max_length})")
        control = _CONTROL.search(value) or (None if multiline else re.search(r"[\r\n\t]", value))
        if control:
            raise wrong(name, "must not contain control characters")
        return value

    def phone_number(self, name: str, *, max_length: int = 25, required: bool = True) -> str:
        """A dialable number of at most `max_length` characters; "" when optional and absent."""
        value = self._values.get(name)
        if value is None or (not required and value == ""):
            if required:
                raise missing(name)
            return ""
        if len(value) > max_length:
            raise wrong(name, f"too long ({len(value)} characters, at most {max_length})")
        if not _PHONE.fullmatch(value):
            raise wrong(name, f"'{value}' is not a phone number")
        return value

    def identifier(self, name: str) -> int:
        """A required non-negative integer id."""
        value = self._required(name)
        if not _DIGITS.fullmatch(value):
            raise wrong(name, f"'{value}' is not a non-negative integer")
        return int(value)

    def choice(self, name: str, allowed: Sequence[str], *, default: str | None = None) -> str:
        """One of `allowed`; `default` when absent (required when there is no default)."""
        value = self._values.get(name)
        if value is None:
            if default is None:
                raise missing(name)
            return default
        if value not in allowed:
            raise wrong(name, f"'{value}' is not one of: {', '.join(allowed)}")
        return value

    def date(self, name: str) -> date:
        """A required date written YYYY-MM-DD."""
        value = self._required(name)
        if not _DATE.fullmatch(value):
            raise wrong(name, f"'{value}' is not a date in the format YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise wrong(name, f"'{value}' is not a valid date") from None

    def _required(self, name: str) -> str:
        value = self._values.get(name)
        if value is None:
            raise missing(name)
        return value
