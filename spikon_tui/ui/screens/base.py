"""What every main screen shares: F1 first in the footer, so help is in sight even at 80 columns."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from spikon_tui.i18n import _


class MainScreen(Screen):
    """A screen of the app (not a dialog). Subclasses add their own keys after F1."""

    BINDINGS = [Binding("f1", "app.help", "Help")]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.TITLE:
            self.title = _(self.TITLE)  # the header, in the interface language; TITLE is the msgid
