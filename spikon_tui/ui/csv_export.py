"""Writing a CSV export off the UI thread and saying how it went, for any screen.

`export_in_background(node, path, write, ...)` makes the folder, writes the file
atomically (`files.atomic.open_atomically`) in a thread through `run_request`, and
then toasts either "N rows written to PATH" (the caller's words) or the error.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from textual.screen import Screen

from spikon_tui.files.atomic import open_atomically
from spikon_tui.i18n import _
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Failed, Outcome, run_request


def save_csv(path: str, write: Callable[[IO[str]], int]) -> int:
    """Write the file at `path` with `write(stream)`, replacing it whole; return the rows."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open_atomically(target, newline="") as file:
        return write(file)


def export_in_background(
    node: Screen[Any],
    path: str,
    write: Callable[[IO[str]], int],
    *,
    written: Callable[[int], str],
    title: str,
    group: str,
) -> None:
    """Save in a thread; toast `written(rows)` under `title`, or the error in words."""

    def done(outcome: Outcome[int]) -> None:
        if isinstance(outcome, Failed):
            node.notify(
                f"{path}: {describe_error(outcome.error)}",
                title=_("Export failed"),
                severity="error",
            )
        else:
            node.notify(written(outcome.result), title=title)

    run_request(
        node,
        lambda: asyncio.to_thread(save_csv, path, write),
        done,
        group=group,
        exit_on_error=False,
    )
