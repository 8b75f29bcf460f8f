"""The API key, kept out of every repr, log line and message.

`ApiKey` wraps the key so that printing it (or a traceback that shows local
variables, as Textual's does) shows only a hint such as `BXlm…test`. The
real value is taken out with `reveal()` at the single place a request is
built. `scrub()` replaces the key in any text that came from elsewhere (a
server's error description, a body excerpt) before that text reaches a
message, and masks every piece of it of 4 or more characters too, so an
excerpt cut through the key shows no more of it than the hint does.

`hide_in_http_logs(key)` adds the key to `HTTP_LOG_FILTER`, a `logging.Filter`
on the httpx and httpcore loggers: their DEBUG lines (a response's headers,
such as a `Location` carrying the key) are masked the same way.
"""

from __future__ import annotations

import logging
import weakref
from typing import NoReturn

from spikon_tui.api.errors import ValidationError
from spikon_tui.i18n import _

HINT_MIN_LENGTH = 16
"""Shorter keys are masked completely; longer ones show 4 characters at each end."""

FRAGMENT_MIN_LENGTH = 4
"""What is left of the key where a text was cut through it is masked from this length
on: a beginning of the key anywhere (a text cut short after it), an ending of the key
that a text starts with (a text cut before it)."""
PIECE_MIN_LENGTH = 8
"""Any other part of the key this long or longer is masked wherever it appears (a server
that split the key). Shorter parts are left alone: a word of ours that happens to occur
inside a test key ("this", "test") stays readable, and 4 to 7 characters from the
middle of a random key say next to nothing about it."""

FRAGMENT_MASK = "****"
_HOLD = "\x00"  # stands for a whole key (or its mask) while pieces are looked for


def mask_key(key: str) -> str:
    """`"BXlmr2sN5phLwYftAaJP2yWgmcIXtest"` -> `"BXlm…test"`; short keys -> `"****"`."""
    if len(key) < HINT_MIN_LENGTH:
        return "****"
    return f"{key[:4]}…{key[-4:]}"


class ApiKey:
    """An API key that does not show itself."""

    __slots__ = ("__weakref__", "_pieces", "_value")

    def __init__(self, value: object) -> None:
        self._value: str | None = value.strip() if isinstance(value, str) else None
        self._pieces: frozenset[str] | None = None

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
        """`text` with the key replaced by its mask, and pieces of it by `****`:
        what a cut left of the key (see `FRAGMENT_MIN_LENGTH`) and any part of
        `PIECE_MIN_LENGTH` or more characters. A mask already in the text is kept
        as it is, so scrubbing twice changes nothing.
        """
        key = self._value
        if not key or len(key) < FRAGMENT_MIN_LENGTH:
            return text
        mask = self.mask()
        held = text.replace(_HOLD, "?").replace(key, _HOLD)
        if mask != FRAGMENT_MASK:
            held = held.replace(mask, _HOLD)
        return self._mask_pieces(held, key).replace(_HOLD, mask)

    def _mask_pieces(self, text: str, key: str) -> str:
        pieces = self._pieces
        if pieces is None:
            size = PIECE_MIN_LENGTH
            pieces = self._pieces = frozenset(key[i : i + size] for i in range(len(key) - size + 1))
        start = key[:FRAGMENT_MIN_LENGTH]
        parts: list[str] = []
        kept_from = position = 0
        ending = _longest_end_of(key, text)  # a text cut at its start, through the key
        if ending >= FRAGMENT_MIN_LENGTH:
            parts.append(FRAGMENT_MASK)
            kept_from = position = ending
        end = len(text) - FRAGMENT_MIN_LENGTH
        while position <= end:
            if text.startswith(start, position):  # the longest beginning of the key here
                stop = position + FRAGMENT_MIN_LENGTH
                while (
                    stop < len(text)
                    and stop - position < len(key)
                    and text[stop] == key[stop - position]
                ):
                    stop += 1
            elif text[position : position + PIECE_MIN_LENGTH] in pieces:
                stop = position + PIECE_MIN_LENGTH  # the longest part of the key here
                while stop < len(text) and text[position : stop + 1] in key:
                    stop += 1
            else:
                position += 1
                continue
            parts += (text[kept_from:position], FRAGMENT_MASK)
            kept_from = position = stop
        if not parts:
            return text
        parts.append(text[kept_from:])
        return "".join(parts)

    def __repr__(self) -> str:
        return f"ApiKey({self.mask()!r})"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("an API key cannot be pickled")


class KeyLogFilter(logging.Filter):
    """Masks the keys it is given in every record of the loggers it is added to.

    Holds the keys weakly: a client that is gone no longer needs hiding.
    """

    def __init__(self) -> None:
        super().__init__("spikon_tui.api.apikey")
        self._keys: weakref.WeakSet[ApiKey] = weakref.WeakSet()

    def add(self, key: ApiKey) -> None:
        self._keys.add(key)

    def filter(self, record: logging.LogRecord) -> bool:
        keys = list(self._keys)
        if not keys:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the logging module's to report
            return True
        scrubbed = message
        for key in keys:
            scrubbed = key.scrub(scrubbed)
        if scrubbed != message:
            record.msg = scrubbed
            record.args = None
        return True

    def __repr__(self) -> str:
        return f"KeyLogFilter({len(self._keys)} keys)"


HTTP_LOG_FILTER = KeyLogFilter()
"""The one filter on the HTTP libraries' loggers (see `hide_in_http_logs`)."""

HTTP_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
"""A logger's filters see only what is logged on it, not on its children: each is named."""


def hide_in_http_logs(key: ApiKey) -> None:
    """Mask `key` in the httpx and httpcore loggers' records from now on."""
    HTTP_LOG_FILTER.add(key)
    names = set(HTTP_LOGGERS)
    names.update(
        name
        for name in list(logging.Logger.manager.loggerDict)
        if name.startswith(("httpx.", "httpcore."))
    )
    for name in names:
        logger = logging.getLogger(name)
        if HTTP_LOG_FILTER not in logger.filters:
            logger.addFilter(HTTP_LOG_FILTER)


def _longest_end_of(key: str, text: str) -> int:
    """The length of the longest ending of `key` that `text` begins with."""
    for length in range(min(len(key), len(text)), 0, -1):
        if text.startswith(key[-length:]):
            return length
    return 0
