"""Delivery failures in words, kept for the screen to show, with every secret blotted out.

Channels report from their background threads; the screen either reads
`Problems.take` on its own schedule (each poll, say) or is called back with
each text as it happens (``on_problem``, called on the channel's thread: the UI
must hop to its event loop, e.g. with ``app.call_from_thread``). Any secret
given (the API key) is replaced by ``***`` before a text is kept or passed on,
and texts are capped in length: a child's stderr cannot flood the screen.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable, Iterable

PROBLEMS_KEPT = 50
PROBLEM_LENGTH = 300
REDACTED = "***"


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with each non-empty secret replaced by ``***``."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def one_line(text: str, limit: int = PROBLEM_LENGTH) -> str:
    """The text on one line, control characters as spaces, cut to ``limit`` with "…"."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class Problems:
    """A thread-safe list of failures in words, redacted, the newest `PROBLEMS_KEPT` kept."""

    def __init__(
        self,
        on_problem: Callable[[str], None] | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        self._on_problem = on_problem
        self._secrets = tuple(secret for secret in secrets if secret)
        self._texts: deque[str] = deque(maxlen=PROBLEMS_KEPT)
        self._lock = threading.Lock()

    @property
    def secrets(self) -> tuple[str, ...]:
        return self._secrets

    def clean(self, text: str) -> str:
        """Redacted first (a secret cut in two by the cap would escape), then on one line."""
        return one_line(redact(text, self._secrets))

    def report(self, text: str) -> None:
        text = self.clean(text)
        with self._lock:
            self._texts.append(text)
        if self._on_problem is not None:
            with contextlib.suppress(Exception):  # a broken callback must not stop delivery
                self._on_problem(text)

    def take(self) -> list[str]:
        """The failures since the last call, oldest first."""
        with self._lock:
            texts = list(self._texts)
            self._texts.clear()
        return texts
