"""The filter box over a list: an `Input` that Escape clears, then leaves for the list below;
down goes to the list too, and keys typed fast behind either follow the focus.

What Escape does with it is the app's one Escape rule (`spikon_tui.ui.escape_rule`);
this widget only marks itself as a filter and tells the footer when its text changes,
since the word shown beside ``esc`` ("Clear filter" or "To the list") follows it.
"""

from __future__ import annotations

from textual import events

from spikon_tui.ui.widgets.field import Field


class FilterBox(Field):
    """A filter over the table below it (in the same container or one of its parents)."""

    def on_key(self, event: events.Key) -> None:
        """Down and Escape move the focus here, at once; keys queued behind them follow it.

        Keys typed in one burst are all queued for this box before it handles the first.
        A binding's action would run only after the queue, so the keys typed after down
        would land in the text; handled here, the focus has moved when they come, and
        `Field.on_key` (which Textual calls next) passes them on to the widget that has it."""
        screen = self.screen
        if screen.focused not in (None, self):
            return  # a key queued behind a move: Field's
        if event.key == "down":
            from spikon_tui.ui.escape_rule import table_below  # it imports this module

            table = table_below(self)
            if table is not None:
                self.handled(event)
                screen.set_focus(table)
        elif event.key == "escape" and hasattr(screen, "action_escape_step"):
            self.handled(event)
            screen.action_escape_step()  # the app's one rule, now rather than queued

    def watch_value(self, value: str) -> None:
        self.refresh_bindings()  # a no-op until mounted
