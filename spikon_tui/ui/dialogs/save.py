"""Ask where to write a file (CSV export, an audio download); the downloads folder by default."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import platformdirs
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Static

from spikon_tui.files.csv_flavour import PLAIN, SPREADSHEET, CsvFlavour, default_flavour
from spikon_tui.i18n import N_, _, current_language
from spikon_tui.ui.dialogs.base import Dialog
from spikon_tui.ui.widgets.field import Field


def default_download_path(stem: str, suffix: str, now: float) -> str:
    """~/Downloads/<stem>-20250615-1706<suffix>, in the user's downloads folder."""
    stamp = datetime.fromtimestamp(now).strftime("%Y%m%d-%H%M")
    return str(Path(platformdirs.user_downloads_dir()) / f"{stem}-{stamp}{suffix}")


class SaveDialog(Dialog[str | None]):
    """Dismisses with the path typed (enter or the action button), or None (escape or Cancel)."""

    DEFAULT_CSS = """
    SaveDialog #save-path { width: 100%; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(
        self,
        title: str,
        explanation: str,
        default_path: str,
        action: str | None = None,
        *,
        csv: bool = False,
    ) -> None:
        """`action` labels the button ("Export"); "Save" in the interface language by default.

        With `csv`, a checkbox offers the spreadsheet flavour (`files.csv_flavour`),
        ticked in the Polish interface; `flavour` says what was chosen.
        """
        super().__init__()
        self.title_text = title
        self.explanation = explanation
        self.default_path = default_path
        self.action_label = action if action is not None else _("Save")
        self.csv = csv
        self.flavour: CsvFlavour = default_flavour(current_language())
        """The CSV flavour chosen: the interface language's until the checkbox changes it."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Static(self.explanation, classes="dialog-text")
            yield Field(self.default_path, id="save-path")
            if self.csv:
                yield Checkbox(
                    _("For a spreadsheet set to Polish (; between cells, decimal commas)"),
                    self.flavour is SPREADSHEET,
                    id="save-spreadsheet",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.action_label, id="save", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.flavour = SPREADSHEET if event.value else PLAIN

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        path = self.query_one(Input).value.strip()
        if path:
            self.dismiss(os.path.expanduser(path))  # keeps a trailing "/": "into this folder"

    def action_cancel(self) -> None:
        self.dismiss(None)
