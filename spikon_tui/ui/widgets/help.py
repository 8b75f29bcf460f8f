"""F1: what the current screen is for and every key it answers to."""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def _keys_table(screen: Screen) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        # The keys the footer offers; a focused widget's own moves (arrows, paging) are not
        # this screen's business.
        if binding.show and binding.description and binding.description not in seen:
            seen.add(binding.description)
            table.add_row(screen.app.get_key_display(binding), binding.description)
    return table


def reflow(help_text: str) -> str:
    """Join the lines of each paragraph, so the text wraps to the dialog, not to the source."""
    paragraphs = re.split(r"\n\s*\n", help_text.strip())
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


class HelpDialog(ModalScreen[None]):
    """Shows the screen's HELP text and its keys; any of escape, q or F1 closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("f1", "dismiss", "Close", show=False),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.about = screen

    def compose(self) -> ComposeResult:
        title = getattr(self.about, "TITLE", None) or type(self.about).__name__
        text = Text.from_markup(reflow(getattr(self.about, "HELP", "")))
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(Text(f"Help — {title}", style="bold"), classes="dialog-title")
            yield Static(text, classes="dialog-text")
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(_keys_table(self.about))
