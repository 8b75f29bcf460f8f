"""Bring a DataTable in line with fresh rows by key, so cursor and scroll stay put."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist


def sync_rows(table: DataTable, rows: Mapping[str, Sequence[Any]]) -> None:
    """Update changed cells, add new rows, remove rows that are gone; never clear the table.

    `rows` maps a row key to its cells, in column order; new rows are added in
    the mapping's order.
    """
    column_keys = list(table.columns)
    for row_key in [key.value for key in table.rows if key.value not in rows]:
        table.remove_row(row_key)
    for row_key, cells in rows.items():
        try:
            table.get_row_index(row_key)
        except RowDoesNotExist:
            table.add_row(*cells, key=row_key)
            continue
        for column_key, value in zip(column_keys, cells, strict=True):
            try:
                current = table.get_cell(row_key, column_key)
            except CellDoesNotExist:
                current = None
            if current != value:
                table.update_cell(row_key, column_key, value)
