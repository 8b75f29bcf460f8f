"""Dialog: a modal screen with a footer of its own.

A modal screen lets the screen behind it show through, footer included, so a
dialog used to show keys that did nothing while it was open ("d Delete" behind
"Delete 4 entries?"). A `Dialog` mounts its own `KeysFooter` over that line:
the dialog's keys first, then the app-wide ones.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from spikon_tui.ui.widgets.keys_footer import KeysFooter

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A `ModalScreen` whose footer shows its own keys (see the module docstring)."""

    def on_mount(self) -> None:
        # Textual runs a subclass's on_mount too; a dialog that yields its own footer keeps it.
        if not self.query(KeysFooter):
            self.mount(KeysFooter())
