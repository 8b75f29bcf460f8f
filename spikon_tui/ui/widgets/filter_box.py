"""The filter box over a list: an `Input` that Escape clears, then leaves for the list below;
down goes to the list too, and keys typed fast behind either follow the focus.

What Escape does with it is the app's one Escape rule (`spikon_tui.ui.escape_rule`);
this widget only marks itself as a filter and tells the footer when its text changes,
since the word shown beside ``esc`` ("Clear filter" or "To the list") follows it.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class FilterBox(Input):
    """A filter over the table below it (in the same container or one of its parents)."""

    def on_key(self, event: events.Key) -> None:
        """Down and Escape move the focus here, at once; keys queued behind them follow it.

        Keys typed in one burst are all queued for this box before it handles the first.
        A binding's action would run only after the queue, so the keys typed after down
        would land in the text; handled here, the focus has moved when they come, and
        they are passed on (through the app) to the widget that has it."""
        screen = self.screen
        focused = screen.focused
        if focused is not None and focused is not self:  # has_focus changes later, on Blur
            self._handled(event)
            # Through the app again, which hands it to the focused widget with its bindings.
            self.app.post_message(events.Key(event.key, event.character))
        elif event.key == "down":
            from spikon_tui.ui.escape_rule import table_below  # it imports this module

            table = table_below(self)
            if table is not None:
                self._handled(event)
                screen.set_focus(table)
        elif event.key == "escape" and hasattr(screen, "action_escape_step"):
            self._handled(event)
            screen.action_escape_step()  # the app's one rule, now rather than queued

    @staticmethod
    def _handled(event: events.Key) -> None:
        event.prevent_default()
        event.stop()

    def watch_value(self, value: str) -> None:
        self.refresh_bindings()  # a no-op until mounted
