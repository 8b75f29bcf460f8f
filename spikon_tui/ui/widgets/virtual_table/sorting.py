"""Sorting a `VirtualTable`: a sort key per row for one column, and the rows in order.

A row's key is its sort value for the column, or else its folded cell text; the column's
`sort_key` is applied to it. Rows without a key (None, or an empty cell) go last, in
either direction; the sort is stable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spikon_tui.text_fold import fold_many
from spikon_tui.ui.widgets.virtual_table.model import Row, plain


def sort_values(
    rows: Sequence[Row], column_index: int, sort_key: Callable[[Any], Any] | None
) -> list[Any]:
    """Every row's sort key for the column at `column_index` (None: sorts last)."""
    values: list[Any] = [None] * len(rows)
    from_text: list[int] = []
    for position, row in enumerate(rows):
        raw = row.sort_values
        if raw is not None and column_index < len(raw):
            values[position] = raw[column_index]
        else:
            from_text.append(position)
    if from_text:
        texts = [
            plain(cells[column_index]) if column_index < len(cells) else ""
            for cells in (rows[position].cells for position in from_text)
        ]
        for position, folded in zip(from_text, fold_many(texts), strict=True):
            values[position] = folded or None
    if sort_key is not None:
        values = [None if value is None else sort_key(value) for value in values]
    return values


def sorted_positions(values: list[Any], reverse: bool) -> list[int]:
    """Row positions ordered by `values` (stable; None last whatever the direction).

    Values of different types that cannot be compared are compared as text.
    """
    present = [position for position, value in enumerate(values) if value is not None]
    missing = [position for position, value in enumerate(values) if value is None]
    try:
        present = sorted(present, key=values.__getitem__, reverse=reverse)
    except TypeError:  # values of different types: compare them as text
        present = sorted(
            present,
            key=lambda position: (type(values[position]).__name__, str(values[position])),
            reverse=reverse,
        )
    return present + missing
