"""What a `VirtualTable` holds: its columns, its rows and what a cell may contain."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Literal

from rich.text import Text

from spikon_tui.ui.same_shown import same_shown

Cell = str | Text
"""What a table cell displays: plain text, or Rich `Text` for styled content."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a `VirtualTable`.

    Attributes:
        key: Identifies the column in `sort_by` and `filter_columns`.
        label: The header text.
        width: Content width in cells; `None` sizes it from the header and a sample of rows
            (at most `MAX_AUTO_WIDTH`).
        align: Alignment of the cells and the header.
        sort_key: Applied to each row's sort value (or folded cell text) before sorting.
        min_width: The narrowest the column may be.
        flex: Take whatever width the other columns leave in the viewport, growing or
            shrinking with the table (never below `min_width`), so the columns fill the
            table exactly instead of running past its right edge. Set it on one column
            (if several flex, they share the space).
        drop_order: When the viewport is too narrow for every column, columns with a
            drop order are hidden, the lowest first (ties: the rightmost first), until
            the others fit. None (the default): never hidden.
    """

    key: str
    label: str
    width: int | None = None
    align: Literal["left", "right"] = "left"
    sort_key: Callable[[Any], Any] | None = None
    min_width: int = 1
    flex: bool = False
    drop_order: int | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a `VirtualTable`.

    Attributes:
        key: Unique within the table; identifies the row across updates.
        cells: What each column displays, in column order.
        sort_values: Raw values to sort by (ints, datetimes, Decimals...), in column order.
            A tuple shorter than the columns (or no tuple) leaves the remaining columns
            sorting by their folded cell text. `None`, like an empty cell, sorts last.
    """

    key: Hashable
    cells: tuple[Cell, ...]
    sort_values: tuple[Any, ...] | None = None


def same_row(a: Row, b: Row) -> bool:
    """Whether two rows have the same key, sort values and cells as shown."""
    return (
        a.key == b.key
        and a.sort_values == b.sort_values
        and len(a.cells) == len(b.cells)
        and all(same_shown(x, y) for x, y in zip(a.cells, b.cells, strict=True))
    )


def plain(cell: Cell) -> str:
    """The cell's text without styles."""
    return cell if isinstance(cell, str) else cell.plain
