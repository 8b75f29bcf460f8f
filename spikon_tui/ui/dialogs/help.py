"""F1: what the current screen is for, what Escape does everywhere, and every key it answers to.

The screen's `TITLE`, `HELP` and binding descriptions are English msgids (marked
with `N_()`); they are translated here, when shown.
"""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from spikon_tui.i18n import N_, _
from spikon_tui.ui.dialogs.base import Dialog
from spikon_tui.ui.screen_keys import own_keys

EVERYWHERE = N_("""
[b]escape[/b] works the same on every screen: it clears what is nearest first and
leaves only when nothing is left to clear. In a filter with text it clears the
text; in an empty filter it goes to the list below, so the next letter is a key
again; then it clears the selected rows, then a filter's text elsewhere; then it
goes back (from a report to the list of reports, from a campaign to the
overview). On a main screen ([b]F2[/b]-[b]F8[/b]) with nothing to clear it does
nothing. In a dialog it cancels. The footer shows what [b]esc[/b] does now.
[b]ctrl+p[/b] finds any command, [b]ctrl+q[/b] quits.
""")
"""The part of help shown on every screen (`ui/escape_rule.py` is the rule it words)."""


def _keys_table(screen: Screen) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    seen: set[str] = set()
    # The keys the footer offers, then the screen's own that the focused field hides
    # (letters, while typing); a focused widget's own moves (arrows) are not shown.
    shown = [active.binding for active in screen.active_bindings.values()]
    for binding in [*shown, *own_keys(screen)]:
        if binding.show and binding.description and binding.description not in seen:
            seen.add(binding.description)
            table.add_row(screen.app.get_key_display(binding), _(binding.description))
    return table


def reflow(help_text: str) -> str:
    """Join the lines of each paragraph, so the text wraps to the dialog, not to the source."""
    paragraphs = re.split(r"\n\s*\n", help_text.strip())
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


class HelpDialog(Dialog[None]):
    """Shows the screen's HELP text and its keys; any of escape, q or F1 closes it."""

    BINDINGS = [
        Binding("escape", "dismiss", N_("Close")),
        Binding("q", "dismiss", "Close", show=False),
        Binding("f1", "dismiss", "Close", show=False),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.about = screen

    def compose(self) -> ComposeResult:
        title = getattr(self.about, "TITLE", None)
        title = _(title) if title else type(self.about).__name__
        help_text = getattr(self.about, "HELP", "")
        text = Text.from_markup(reflow(_(help_text) if help_text else ""))
        with VerticalScroll(classes="dialog help-dialog"):
            yield Static(
                Text(_("Help — {title}").format(title=title), style="bold"), classes="dialog-title"
            )
            yield Static(
                Text(_("escape, q or F1 closes this help"), style="italic"), id="help-closing"
            )
            yield Static(text, classes="dialog-text")
            yield Static(Text(_("Everywhere"), style="bold"), classes="dialog-title")
            yield Static(Text.from_markup(reflow(_(EVERYWHERE))), classes="dialog-text")
            yield Static(Text(_("Keys"), style="bold"), classes="dialog-title")
            yield Static(_keys_table(self.about))
