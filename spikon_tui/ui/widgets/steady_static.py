"""SteadyStatic: a `Static` that redraws only when its text changes, and asks for a new
layout only when the new text needs one.

`Static.update` re-lays out the whole screen by default, which means repainting every
widget on it. Figures that tick every second ("updated 8 s ago" -> "9 s ago", a wait
"0:41" -> "0:42") keep their size, so a repaint of this one widget is enough.

The size is judged from the cell length of each line of plain text: a widget whose
width follows its content needs a layout when a length changes; one whose height
follows its content, when its number of lines changes (or, once a line is too long
for the widget and wraps, when any length changes). Content that is not plain text
(markup, a Rich table) is always laid out again.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from spikon_tui.ui.same_shown import same_shown


def line_lengths(content: object) -> tuple[int, ...] | None:
    """Cell length of each line of plain text; None when the size can't be told."""
    if isinstance(content, Text):
        content = content.plain
    if not isinstance(content, str) or "[" in content:  # markup: its length is not its size
        return None
    return tuple(cell_len(line) for line in content.split("\n"))


class SteadyStatic(Static):
    _line_cells: tuple[int, ...] | None = None
    _shown: object = None

    def update(self, content: object = "", *, layout: bool | None = None) -> None:  # type: ignore[override]
        if same_shown(content, self._shown):
            return  # nothing to redraw
        self._shown = content
        lengths = line_lengths(content)
        if layout is None:
            layout = self._needs_layout(self._line_cells, lengths)
        self._line_cells = lengths
        super().update(content, layout=layout)  # type: ignore[arg-type]

    def _needs_layout(self, old: tuple[int, ...] | None, new: tuple[int, ...] | None) -> bool:
        if old is None or new is None or not self.is_mounted:
            return True
        if old == new:
            return False
        width, height = self.styles.width, self.styles.height
        if width is None or width.is_auto:
            return True
        if height is None or height.is_auto:
            room = self.content_region.width
            if room <= 0 or max(old + new) > room:  # wrapping: the line count can't be told
                return True
            return len(old) != len(new)
        return False
