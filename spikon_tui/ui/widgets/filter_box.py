"""The filter box over a list: an `Input` that Escape clears, then leaves for the list below.

What Escape does with it is the app's one Escape rule (`spikon_tui.ui.escape_rule`);
this widget only marks itself as a filter and tells the footer when its text changes,
since the word shown beside ``esc`` ("Clear filter" or "To the list") follows it.
"""

from __future__ import annotations

from textual.widgets import Input


class FilterBox(Input):
    """A filter over the table below it (in the same container or one of its parents)."""

    def watch_value(self, value: str) -> None:
        self.refresh_bindings()  # a no-op until mounted
