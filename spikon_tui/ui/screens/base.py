"""What every main screen shares: F1 first in the footer, then Escape by the app's one rule.

F1 comes first so help is in sight even at 80 columns; ``esc`` follows it, with the word
for what it does now ("Clear filter", "To the list", "Clear selection", "Back"), or not
at all when there is nothing to clear and nowhere to go back to (`ui/escape_rule.py`).

A subclass that overrides ``check_action`` hands the Escape bindings to this class::

    if action == ESCAPE_ACTION:
        return super().check_action(action, parameters)

A subclass binding Escape to something of its own lists `ESCAPE_BINDINGS` with it (a
class's bindings of a key replace its base's), the rule's first.

A screen with views of its own (a report opened over a list) overrides `can_go_back`
and `go_back`; a screen pushed over another goes back to it by itself.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.screen import Screen

from spikon_tui.i18n import N_, _
from spikon_tui.ui.escape_rule import (
    ESCAPE_ACTION,
    ESCAPE_BINDINGS,
    escape_enabled,
    take_escape_step,
)

__all__ = ["ESCAPE_ACTION", "ESCAPE_BINDINGS", "HELP_BINDING", "MainScreen"]

HELP_BINDING = Binding("f1", "app.help", N_("Help"))


class MainScreen(Screen):
    """A screen of the app (not a dialog). Subclasses add their own keys after F1 and esc."""

    BINDINGS = [HELP_BINDING, *ESCAPE_BINDINGS]

    CHANGES: ClassVar[frozenset[str]] = frozenset()
    """Actions that change data or cost money: a read-only session offers none of them
    (keys, footer, palette and help all ask `check_action`). The client refuses the
    requests anyway (`SpikonClient(read_only=True)`); this keeps them out of sight."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.TITLE:
            self.title = _(self.TITLE)  # the header, in the interface language; TITLE is the msgid

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.offers(action):
            return False
        if action == ESCAPE_ACTION:
            return escape_enabled(self, self, parameters)
        return True

    def offers(self, action: str) -> bool:
        """False for an action in `CHANGES` while the session is read-only."""
        session = getattr(self.app, "session", None)
        return not (action in self.CHANGES and getattr(session, "read_only", False))

    def action_escape_step(self, step: str = "") -> None:
        """Escape: the step the rule gives now (the footer named it; ``step`` is that name)."""
        take_escape_step(self, self)

    def can_go_back(self) -> bool:
        """Opened over another screen of the app (a campaign's detail over the overview).

        Asked of this screen's place in the stack, not of the stack's height: with the help
        dialog on top, a mode's first screen is under a second one and still goes nowhere."""
        stack = self.app.screen_stack
        return self in stack and stack.index(self) > 0

    def go_back(self) -> None:
        """Back to the screen under this one."""
        if self.can_go_back() and self.is_current:
            self.app.pop_screen()

    def on_virtual_table_selection_changed(self) -> None:
        self.refresh_bindings()  # Escape's word: "Clear selection" comes and goes
