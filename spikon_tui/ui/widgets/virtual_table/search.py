"""Filtering a `VirtualTable`: each row's search text, the query a filter stands for, and
the rows that match it, best first.

A table searches with a `TableSearch` strategy: it names the columns it reads, turns
their cells into one search text per row (in batches, so folding runs at C speed), and
parses the filter text into a `TableQuery`. A query is made of plain substrings, so
filtering 50,000 rows is a few `substring in text` passes, never a Python call per row:

- `terms`: a row matches when its text has every term; a term is a tuple of
  alternatives, any of which will do (a phone number typed with or without +48);
- `tiers`: stricter term lists, best first; a match's rank is the first tier it meets
  (none: after them all). No tiers: matches keep the table's order;
- `highlights`: folded substrings to mark in the `highlight_columns`, and
  `digit_highlights`: digit strings to mark there, skipping separators ("528160" marks
  "528 160" in "+48 528 160 736").

`WordSearch`, the default, matches every whitespace-separated word of the filter, in
any order, case and accents ignored, as a substring of the row's filter columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Protocol

from spikon_tui.text_fold import fold_many, fold_text
from spikon_tui.ui.widgets.virtual_table.model import Cell, Row, plain

INDEX_CHUNK_SIZE = 2500
"""How many rows get their search text per step of the background indexing."""

SEPARATOR = "\x1f"
"""Between the cells of a search text, so that no word matches across two cells."""

Term = tuple[str, ...]
"""Alternative substrings: a text has the term when it contains any of them."""


class TableQuery(Protocol):
    """What a filter text stands for (see the module docstring)."""

    @property
    def terms(self) -> tuple[Term, ...]: ...

    @property
    def tiers(self) -> tuple[tuple[Term, ...], ...]: ...

    @property
    def highlights(self) -> tuple[str, ...]: ...

    @property
    def digit_highlights(self) -> tuple[str, ...]: ...


class TableSearch(Protocol):
    """How a table searches its rows (see the module docstring)."""

    @property
    def columns(self) -> tuple[str, ...]:
        """Keys of the columns whose plain text `texts` is given, in this order."""
        ...

    @property
    def highlight_columns(self) -> tuple[str, ...]:
        """Keys of the columns where the query's `highlights` are marked."""
        ...

    def texts(self, cells: Sequence[tuple[str, ...]]) -> list[str]:
        """The search text of each row, from the plain text of its `columns`."""
        ...

    def parse(self, text: str) -> TableQuery:
        """The query the filter `text` stands for; no terms: every row is shown."""
        ...


@dataclass(frozen=True, slots=True)
class WordQuery:
    """Every word, in any order: one term and one highlight per word (folded)."""

    terms: tuple[Term, ...]
    tiers: tuple[tuple[Term, ...], ...] = ()
    highlights: tuple[str, ...] = ()
    digit_highlights: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> WordQuery:
        words = tuple(dict.fromkeys(fold_text(text).split()))
        return cls(tuple((word,) for word in words), (), words)


@dataclass(frozen=True, slots=True)
class WordSearch:
    """The default search: every word of the filter in the given columns (folded)."""

    columns: tuple[str, ...]

    @property
    def highlight_columns(self) -> tuple[str, ...]:
        return self.columns

    def texts(self, cells: Sequence[tuple[str, ...]]) -> list[str]:
        join = SEPARATOR.join
        return fold_many([join(row) for row in cells])

    def parse(self, text: str) -> WordQuery:
        return WordQuery.parse(text)


def _cells_getter(indexes: tuple[int, ...]) -> Callable[[tuple[Cell, ...]], tuple[Any, ...]]:
    """The searched cells of a row; Any, since a Text cell among them sends
    `SearchIndex.cells` down its slow path."""
    if len(indexes) > 1:
        return itemgetter(*indexes)
    if indexes:
        index = indexes[0]
        return lambda cells: (cells[index],)
    return lambda cells: ()


class SearchIndex:
    """The search text of the first `len(texts)` rows, by a table's `TableSearch`."""

    def __init__(self, search: TableSearch, column_index: dict[str, int]) -> None:
        self.search = search
        # A column the table does not have (any more) reads as empty.
        self.indexes = tuple(column_index.get(key, -1) for key in search.columns)
        self.highlight_indexes = frozenset(
            column_index[key] for key in search.highlight_columns if key in column_index
        )
        self._get = _cells_getter(self.indexes) if -1 not in self.indexes else None
        self.texts: list[str] = []

    def cells(self, rows: Sequence[Row]) -> list[tuple[str, ...]]:
        """The plain text of each row's searched columns."""
        get = self._get
        if get is not None:
            try:  # fast path: plain-text cells, none missing
                cells = [get(row.cells) for row in rows]
                "".join(map("".join, cells))  # TypeError at a Text cell, at C speed
                return cells
            except (TypeError, IndexError):
                pass
        return [
            tuple(plain(row.cells[i]) if 0 <= i < len(row.cells) else "" for i in self.indexes)
            for row in rows
        ]

    def fold(self, rows: Sequence[Row]) -> list[str]:
        """The search texts of `rows`."""
        return self.search.texts(self.cells(rows))

    def extend(self, rows: Sequence[Row]) -> None:
        """Add the search texts of the rows that follow those already indexed."""
        self.texts.extend(self.fold(rows))

    def complete(self, rows: Sequence[Row]) -> None:
        """Index every row of `rows` not indexed yet."""
        start = len(self.texts)
        if start < len(rows):
            self.extend(rows[start:])

    def matching(self, base: list[int], terms: tuple[Term, ...]) -> list[int]:
        """The positions of `base` whose search text has every term (all indexed)."""
        return having(self.texts, base, terms)

    def ranked(self, matched: list[int], tiers: tuple[tuple[Term, ...], ...]) -> list[int]:
        """`matched` reordered by tier, best first, keeping their order within a tier."""
        texts = self.texts
        remaining = matched
        ordered: list[int] = []
        for tier in tiers:
            if not remaining:
                break
            hits = having(texts, remaining, tier)
            if hits:
                ordered.extend(hits)
                taken = set(hits)
                remaining = [position for position in remaining if position not in taken]
        return ordered + remaining if ordered else list(matched)


def having(texts: Sequence[str], base: list[int], terms: tuple[Term, ...]) -> list[int]:
    """The positions of `base` whose text has every term (the most selective first)."""
    found = base
    for term in sorted(map(_essential, terms), key=lambda term: -min(map(len, term), default=0)):
        if not term:
            return []
        if len(term) == 1:
            needle = term[0]
            found = [position for position in found if needle in texts[position]]
        else:
            found = [
                position for position in found if any(needle in texts[position] for needle in term)
            ]
    return found if found is not base else list(base)


def _essential(term: Term) -> Term:
    """`term` without the alternatives that contain another one (which matches wherever
    they do): `("48528160", "528160")` is `("528160",)`, one pass instead of two."""
    return tuple(
        form for form in term if not any(other in form and other != form for other in term)
    )


def narrows(query: TableQuery, previous: TableQuery) -> bool:
    """True when every text having `query`'s terms has `previous`'s (as when typing on),
    so only the rows `previous` matched need checking."""
    return all(
        any(
            all(any(old in new for old in old_term) for new in new_term) for new_term in query.terms
        )
        for old_term in previous.terms
    )
