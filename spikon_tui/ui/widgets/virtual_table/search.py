"""Filtering a `VirtualTable`: each row's folded search text, and the rows that match.

A row's search text is its filter columns joined by a separator (so no match spans two
cells), folded (case and accents ignored). The texts are kept in row order and may be
built in chunks: `texts` covers the first `len(texts)` rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from spikon_tui.text_fold import fold_many
from spikon_tui.ui.widgets.virtual_table.model import Cell, Row, plain

INDEX_CHUNK_SIZE = 2500
"""How many rows get their search text per step of the background indexing."""

SEPARATOR = "\x1f"


def _cells_getter(indexes: tuple[int, ...]) -> Callable[[tuple[Cell, ...]], tuple[Any, ...]]:
    """The filter cells of a row; Any, since joining them raises TypeError at a Text cell
    (which sends `SearchIndex.sources` down its slow path)."""
    if len(indexes) > 1:
        return itemgetter(*indexes)
    if indexes:
        index = indexes[0]
        return lambda cells: (cells[index],)
    return lambda cells: ()


class SearchIndex:
    """The folded search text of the first `len(texts)` rows, and filtering by it."""

    def __init__(self, filter_indexes: tuple[int, ...]) -> None:
        self.filter_indexes = filter_indexes
        self._get = _cells_getter(filter_indexes)
        self.texts: list[str] = []

    def sources(self, rows: Sequence[Row]) -> list[str]:
        """Each row's filter columns joined by a separator, not yet folded."""
        join = SEPARATOR.join
        get = self._get
        try:  # fast path: plain-text cells, none missing
            return [join(get(row.cells)) for row in rows]
        except (TypeError, IndexError):
            pass
        return [
            join([plain(row.cells[i]) for i in self.filter_indexes if i < len(row.cells)])
            for row in rows
        ]

    def fold(self, rows: Sequence[Row]) -> list[str]:
        """The search texts of `rows`."""
        return fold_many(self.sources(rows))

    def extend(self, rows: Sequence[Row]) -> None:
        """Add the search texts of the rows that follow those already indexed."""
        self.texts.extend(self.fold(rows))

    def complete(self, rows: Sequence[Row]) -> None:
        """Index every row of `rows` not indexed yet."""
        start = len(self.texts)
        if start < len(rows):
            self.extend(rows[start:])

    def matching(self, base: list[int], needle: str) -> list[int]:
        """The positions of `base` whose search text contains `needle` (all indexed)."""
        texts = self.texts
        return [position for position in base if needle in texts[position]]
