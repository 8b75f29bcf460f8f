"""Bring a DataTable in line with fresh rows by key, keeping cursor and scroll.

Used by every screen that refreshes a DataTable (never clear and rebuild: the cursor
and scroll would jump). Rich `Text` cells compare by text *and* style (so a wait turning
red is redrawn), and the rows can be put in a new order (worst first) with the cursor
staying on the row it was on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from spikon_tui.ui.same_shown import same_shown


def cursor_row_key(table: DataTable) -> str | None:
    if table.row_count == 0:
        return None
    try:
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
    except CellDoesNotExist:
        return None
    return key.value


def row_keys(table: DataTable) -> list[str]:
    """The row keys in display order."""
    if not table.columns:
        return []
    return [
        table.coordinate_to_cell_key(Coordinate(index, 0)).row_key.value or ""
        for index in range(table.row_count)
    ]


def update_cells(table: DataTable, row_key: str, cells: Mapping[str, Any]) -> None:
    """Set some cells of one row (column key -> value), only where they changed."""
    for column_key, value in cells.items():
        try:
            current = table.get_cell(row_key, column_key)
        except (CellDoesNotExist, RowDoesNotExist):
            continue
        if not same_shown(current, value):
            # Only ever widen a column: a narrower value would make DataTable measure
            # every cell of the column again, for each cell updated (quadratic at 200 rows).
            width = value.cell_len if isinstance(value, Text) else cell_len(str(value))
            column = table.columns.get(column_key)  # type: ignore[call-overload]
            grows = column is None or width > column.content_width
            table.update_cell(row_key, column_key, value, update_width=grows)


def sync_table(
    table: DataTable, rows: Mapping[str, Sequence[Any]], *, rank_column: str | None = None
) -> None:
    """Update changed cells, add new rows, remove gone rows, never clearing the table.

    With `rank_column` (a column holding each row's position as an int, e.g. "#"),
    the rows are shown in the mapping's order; the cursor stays on the row key it
    was on, wherever that row moves.
    """
    cursor = cursor_row_key(table)
    column_keys = [key.value for key in table.columns]
    for row_key in [key.value for key in table.rows if key.value not in rows]:
        table.remove_row(row_key)
    for row_key, cells in rows.items():
        try:
            table.get_row_index(row_key)
        except RowDoesNotExist:
            table.add_row(*cells, key=row_key)
            continue
        update_cells(table, row_key, dict(zip(column_keys, cells, strict=True)))
    if rank_column is not None and row_keys(table) != list(rows):
        table.sort(rank_column)
    if cursor is not None and cursor in rows:
        index = table.get_row_index(cursor)
        if index != table.cursor_row:
            table.move_cursor(row=index, animate=False, scroll=False)
