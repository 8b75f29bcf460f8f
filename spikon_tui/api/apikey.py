"""The API key, kept out of every repr, log line and message.

`ApiKey` wraps the key so that printing it (or a traceback that shows local
variables, as Textual's does) shows only a hint such as `BXlm…test`. The
real value is taken out with `reveal()` at the single place a request is
built. `scrub()` replaces the key in any text that came from elsewhere (a
server's error description, a body excerpt) before that text reaches a
message.
"""

from __future__ import annotations

from typing import NoReturn

from spikon_tui.api.errors import ValidationError
from spikon_tui.i18n import _

HINT_MIN_LENGTH = 16
"""Shorter keys are masked completely; longer ones show 4 characters at each end."""


def mask_key(key: str) -> str:
    """`"BXlmr2sN5phLwYftAaJP2yWgmcIXtest"` -> `"BXlm…test"`; short keys -> `"****"`."""
    if len(key) < HINT_MIN_LENGTH:
        return "****"
    return f"{key[:4]}…{key[-4:]}"


class ApiKey:
    """An API key that does not show itself."""

    __slots__ = ("_value",)

    def __init__(self, value: object) -> None:
        self._value: str | None = value.strip() if isinstance(value, str) else None

    def check(self) -> ApiKey:
        """Raise `ValidationError` (without quoting the key) unless the key is usable."""
        if self._value is None:
            raise ValidationError("api_key", _("The API key must be text."))
        if not self._value:
            raise ValidationError(
                "api_key",
                _(
                    "The API key is empty. Copy it from the SPIKON panel: "
                    '"Ustawienia i dodatki" -> "API - ustawienia".'
                ),
            )
        if not self._value.isprintable() or any(ch.isspace() for ch in self._value):
            raise ValidationError(
                "api_key", _("The API key contains spaces or control characters; copy it again.")
            )
        return self

    def reveal(self) -> str:
        """The real key, for the request being built; never store or print it."""
        return self._value or ""

    def mask(self) -> str:
        return mask_key(self._value or "")

    def scrub(self, text: str) -> str:
        """`text` with every occurrence of the key replaced by its mask."""
        if not self._value or len(self._value) < 4 or self._value not in text:
            return text
        return text.replace(self._value, self.mask())

    def __repr__(self) -> str:
        return f"ApiKey({self.mask()!r})"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("an API key cannot be pickled")
