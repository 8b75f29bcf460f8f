"""How the app writes an escape sequence (a desktop notification) to the terminal.

Textual 8 has no public way to send raw output: its own `App.bell` and
`App.copy_to_clipboard` write through the app's driver (`App._driver.write`),
which queues the text on the same output thread that draws the frames, so a
sequence never lands in the middle of one. We do the same, reading that
private attribute in this one place; tests/alerting/test_textual_terminal.py fails the
day Textual renames it or stops using it for its bell. Writing to
`sys.__stdout__` instead would race the frames (Textual draws to stderr on its
own thread) and would corrupt textual-serve's protocol.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App


def terminal_writer(app: App) -> Callable[[str], None]:
    """A function that writes text to `app`'s terminal while it runs (else drops it)."""

    def write(text: str) -> None:
        driver = getattr(app, "_driver", None)
        if driver is not None and app.is_running:
            driver.write(text)

    return write
