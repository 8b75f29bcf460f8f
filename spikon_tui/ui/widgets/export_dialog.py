"""Ask where to write the monitor's interval figures (CSV); the downloads folder by default."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import platformdirs
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


def default_export_path(now: float) -> str:
    """~/Downloads/spikon-intervals-20250615-1706.csv (the user's downloads folder)."""
    stamp = datetime.fromtimestamp(now).strftime("%Y%m%d-%H%M")
    return str(Path(platformdirs.user_downloads_dir()) / f"spikon-intervals-{stamp}.csv")


class ExportDialog(ModalScreen[str | None]):
    """Dismisses with the path typed (enter or Export), or None (escape or Cancel)."""

    DEFAULT_CSS = """
    ExportDialog #export-path { width: 100%; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_path: str) -> None:
        super().__init__()
        self.default_path = default_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Export interval figures (CSV)", classes="dialog-title")
            yield Static(
                "The 15- and 60-minute figures of every campaign, one row per campaign "
                "and window. Write them to:",
                classes="dialog-text",
            )
            yield Input(self.default_path, id="export-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        path = self.query_one(Input).value.strip()
        if path:
            self.dismiss(str(Path(path).expanduser()))

    def action_cancel(self) -> None:
        self.dismiss(None)
