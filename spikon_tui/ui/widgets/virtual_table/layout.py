"""Column widths of a `VirtualTable`: measured from the data, fitted to the viewport.

`measure_widths` gives each column its natural width (fixed, or sized from the header
and a sample of rows); `fit_widths` drops columns by `drop_order` until the rest fit and
lets flex columns take the room left; `ColumnLayout` is the result, with each column's
x offset, for drawing and for finding the column under the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from spikon_tui.ui.widgets.virtual_table.model import Column, Row, plain

MAX_AUTO_WIDTH = 40
"""Columns sized from their content never grow wider than this many cells."""

WIDTH_SAMPLE_SIZE = 1000
"""How many rows (spread over the data) are measured to size a column automatically."""

PADDING = 2
"""Cells around each column's content: one blank on either side."""


@dataclass(frozen=True, slots=True)
class ColumnLayout:
    """The widths drawn, the columns hidden for want of room, and where each column starts.

    Attributes:
        widths: Content width of every column (hidden ones included, in column order).
        hidden: Indexes of the columns dropped for want of room.
        offsets: x of each column's first cell (padding included); a hidden column has
            the offset of the next shown one.
        total_width: Cells across the gutter and all shown columns, padding included.
        gutter: Cells before the first column (the selection marks of a selectable table).
    """

    widths: tuple[int, ...]
    hidden: frozenset[int]
    offsets: tuple[int, ...]
    total_width: int
    gutter: int = 0

    @classmethod
    def of(
        cls, widths: Sequence[int], hidden: frozenset[int] = frozenset(), gutter: int = 0
    ) -> ColumnLayout:
        offsets: list[int] = []
        x = gutter
        for index, width in enumerate(widths):
            offsets.append(x)
            if index not in hidden:
                x += width + PADDING
        return cls(tuple(widths), hidden, tuple(offsets), x, gutter)

    def column_at(self, x: int) -> int | None:
        """Index of the shown column drawn at `x` (None past the last one)."""
        for index, (start, width) in enumerate(zip(self.offsets, self.widths, strict=True)):
            if index not in self.hidden and start <= x < start + width + PADDING:
                return index
        return None


def measure_widths(
    columns: Sequence[Column], rows: Sequence[Row], *, sort_arrow: bool = True
) -> list[int]:
    """Each column's natural width: its own, or the widest of its label (with room for
    the sort arrow " ▲" unless `sort_arrow` is False) and a sample of rows (at most
    `MAX_AUTO_WIDTH`)."""
    arrow = 2 if sort_arrow else 0
    if len(rows) > WIDTH_SAMPLE_SIZE:
        rows = rows[:: len(rows) // WIDTH_SAMPLE_SIZE]
    widths: list[int] = []
    for index, column in enumerate(columns):
        if column.width is not None:
            widths.append(max(column.width, column.min_width))
            continue
        texts = [plain(row.cells[index]) for row in rows if index < len(row.cells)]
        widest = max(cell_len(column.label) + arrow, max(map(cell_len, texts), default=0))
        widths.append(max(column.min_width, min(widest, MAX_AUTO_WIDTH)))
    return widths


def fit_widths(
    columns: Sequence[Column], natural: list[int], room: int | None
) -> tuple[list[int], frozenset[int]]:
    """The natural widths, with columns dropped (`drop_order`) until the rest fit in `room`
    cells and flex columns taking the room the others leave; and the dropped columns.
    With no `room` (no size yet), the natural widths and nothing dropped."""
    if room is None:
        return natural, frozenset()
    hidden = dropped_columns(columns, natural, room)
    flexible = [i for i, column in enumerate(columns) if column.flex and i not in hidden]
    if not flexible:
        return natural, hidden
    widths = _shrunk_to_leave_flex_its_minimum(columns, natural, hidden, flexible, room)
    fixed = sum(w + PADDING for i, w in enumerate(widths) if i not in flexible and i not in hidden)
    spare = room - fixed - PADDING * len(flexible)
    share, extra = divmod(max(0, spare), len(flexible))
    for order, index in enumerate(flexible):
        wanted = share + (1 if order < extra else 0)
        widths[index] = max(columns[index].min_width, wanted)
    return widths, hidden


def _shrunk_to_leave_flex_its_minimum(
    columns: Sequence[Column],
    natural: list[int],
    hidden: frozenset[int],
    flexible: list[int],
    room: int,
) -> list[int]:
    """The natural widths, with sized-from-content columns narrowed (the widest first, not
    below their `min_width`; their cells end in "…") until the flex columns get theirs.

    Otherwise one long name in a "To" column pushes the message column off the table's
    right edge, leaving it two cells wide.
    """
    widths = list(natural)
    needed = sum(widths[i] + PADDING for i in range(len(columns)) if i not in hidden)
    needed += sum(columns[i].min_width - widths[i] for i in flexible)
    shrinkable = [
        i
        for i, column in enumerate(columns)
        if i not in hidden and not column.flex and column.width is None
    ]
    while needed > room:
        widest = max(shrinkable, key=lambda i: widths[i] - columns[i].min_width, default=None)
        if widest is None or widths[widest] <= columns[widest].min_width:
            break
        widths[widest] -= 1
        needed -= 1
    return widths


def dropped_columns(columns: Sequence[Column], natural: list[int], room: int) -> frozenset[int]:
    """The columns to hide so the others fit in `room` cells: by `drop_order`, lowest
    first (the rightmost first among equals); flex columns count at `min_width`."""
    droppable = sorted(
        (i for i, column in enumerate(columns) if column.drop_order is not None),
        key=lambda i: (columns[i].drop_order, -i),
    )
    if not droppable:
        return frozenset()
    needs = [
        (column.min_width if column.flex else width) + PADDING
        for column, width in zip(columns, natural, strict=True)
    ]
    total = sum(needs)
    hidden: set[int] = set()
    for index in droppable:
        if total <= room:
            break
        hidden.add(index)
        total -= needs[index]
    return frozenset(hidden)
