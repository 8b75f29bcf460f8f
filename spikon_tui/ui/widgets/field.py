"""Field: a text input that keys typed fast follow, from one field to the next.

A fast typist's burst ("Paweł Żółć", Tab, "12ab") is queued for the focused
input before it handles the first key. Tab is the screen's binding, run only
when the key has gone through the input, and the focus moves later still, so
"12ab" used to land in the name. A `Field` moves the focus on Tab and
shift+Tab itself, at once, and any key it receives once the focus has gone
elsewhere is passed on (through the app) to the widget that has it now.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class Field(Input):
    """An `Input` whose queued keys follow the focus (see the module docstring)."""

    def on_key(self, event: events.Key) -> None:
        screen = self.screen
        focused = screen.focused
        if focused is not None and focused is not self:  # has_focus changes later, on Blur
            self.handled(event)
            # Through the app again, which hands it to the focused widget with its bindings.
            self.app.post_message(events.Key(event.key, event.character))
        elif event.key == "tab":
            self.handled(event)
            screen.focus_next()
        elif event.key == "shift+tab":
            self.handled(event)
            screen.focus_previous()

    @staticmethod
    def handled(event: events.Key) -> None:
        event.prevent_default()
        event.stop()
