"""VirtualTable: a table for very large data (phone books, call histories) that stays fast.

Textual's DataTable measures every cell before its first paint, which blocks the event loop
for seconds at 50,000 rows. VirtualTable is a Line-API `ScrollView`: Textual asks it for one
line at a time (`render_line(y)`), and it builds only the lines on screen, so the work per
frame is proportional to the viewport height, never to the number of rows.

What it keeps per row is cheap to compute: the row itself, its folded search text (built in
small chunks after the first paint, or at once when a filter needs it earlier) and, per
sorted column, a precomputed sort key. Filtering is one pass of substring checks over the
folded texts, and narrows the previous result when the new filter extends the old one
(typing). Rendered rows are cached by row key, so scrolling back and forth and moving the
cursor redraw almost nothing.

Usage:

    columns = [Column("name", "Name", flex=True), Column("calls", "Calls", align="right")]
    table = VirtualTable(columns)
    table.set_rows([Row(key=1, cells=("Łódź Anna", "12"), sort_values=("Łódź Anna", 12))])
    table.set_filter("lodz")
    table.sort_by("calls", reverse=True)
    table.update_rows(rows)  # live data: replace by key, keep cursor and scroll

A `flex` column takes the width the other columns leave, so the table fits its viewport at
any terminal size (recomputed on resize and when the vertical scrollbar comes or goes).

Columns with a `drop_order` give way when the table is too narrow for all of them: the
lowest `drop_order` is hidden first, then the next, until the rest fit (flex columns at
their `min_width`); columns without one are always shown. A hidden column keeps its cells
(rows need not change), is skipped by the sort key `s`, and comes back when room returns.

    Column("status", "Status", width=14)                    # always shown
    Column("abandon", "Abandoned", width=9, drop_order=1)   # the first to go

With `cell_cursor=True` the cursor is one cell, not a row: left and right move it between
the shown columns (scrolling its column into view) and `cursor_column` says which column
it is on. `sortable=False` keeps the rows in the order given (no `s`, no header clicks).
`set_columns` replaces the columns and the rows together (say, a column per campaign, as
campaigns come and go), the cursor staying on its row and column where they remain.

The filter shows the rows with every word of it, in any order, in the `filter_columns`
(all by default). A `search` strategy (see `search.py`) gives a table its own query
semantics and ranking, best matches first, the sort order within a rank:

    VirtualTable(columns, search=ContactSearch(name_column="name", number_column="number"))

With `selectable=True`, rows can be selected: space toggles the cursor row, shift+up/down
(and shift+pageup/pagedown) extend a range, ctrl+a selects the rows shown (again: unselects
them), a click on the mark toggles; `selected_keys` says which (by key, whether the filter
shows them or not), `SelectionChanged` tells of every change. A selected row has a `✓` in a
2-cell gutter before the first column. Filtering and `update_rows` keep the selection (keys
gone from the data drop out); `set_rows` clears it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from spikon_tui.i18n import N_, _
from spikon_tui.ui.widgets.virtual_table.layout import (
    ColumnLayout,
    fit_widths,
    measure_widths,
)
from spikon_tui.ui.widgets.virtual_table.model import Column, Row, same_row
from spikon_tui.ui.widgets.virtual_table.render import centered_line, header_strip, render_row
from spikon_tui.ui.widgets.virtual_table.search import (
    INDEX_CHUNK_SIZE,
    SearchIndex,
    TableQuery,
    TableSearch,
    WordSearch,
    narrows,
)
from spikon_tui.ui.widgets.virtual_table.selection import RowSelection
from spikon_tui.ui.widgets.virtual_table.sorting import sort_values, sorted_positions

_MISSING = object()


class VirtualTable(ScrollView, can_focus=True):
    """A table that renders only its visible rows, for tens of thousands of rows.

    The first line is a fixed header (click it to sort); the others are rows, one line each.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "cursor_first", "First row", show=False),
        Binding("end,ctrl+end", "cursor_last", "Last row", show=False),
        Binding("left", "column_left", "Scroll left", show=False),
        Binding("right", "column_right", "Scroll right", show=False),
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("s", "cycle_sort", N_("Sort")),
        # Only with selectable=True (see check_action):
        Binding("space", "toggle_selection", N_("Select")),
        # Footer room goes to the screen's own keys; the screen's F1 help names this one.
        Binding("ctrl+a", "toggle_select_all", N_("Select all"), show=False),
        Binding("shift+up", "extend_selection(-1)", "Extend selection up", show=False),
        Binding("shift+down", "extend_selection(1)", "Extend selection down", show=False),
        Binding("shift+pageup", "extend_selection_page(-1)", "Extend selection", show=False),
        Binding("shift+pagedown", "extend_selection_page(1)", "Extend selection", show=False),
    ]

    SELECTION_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"toggle_selection", "toggle_select_all", "extend_selection", "extend_selection_page"}
    )
    SELECTED_MARK = "✓ "
    """Drawn in the gutter of a selected row (a character, so plain-text captures show it)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--even-row",
        "virtual-table--match",
        "virtual-table--empty",
        "virtual-table--selected",
    }

    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .virtual-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .virtual-table--header {
            background: $panel;
            color: $foreground;
            text-style: bold;
        }
        &:ansi > .virtual-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .virtual-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .virtual-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .virtual-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .virtual-table--match {
            text-style: bold underline;
        }
        & > .virtual-table--empty {
            color: $text-muted;
            text-style: italic;
        }
        & > .virtual-table--selected {
            color: $accent;
            text-style: bold;
        }
    }
    """

    empty_text: reactive[str] = reactive(N_("No rows"))
    """Shown centered when no row is visible, e.g. 'No entries match “xyz”'.

    The class default is the English msgid; each table starts with it translated."""

    zebra: reactive[bool] = reactive(True)
    """Stripe every other row."""

    class RowHighlighted(Message):
        """The cursor moved to another row (`row_key` is None when no row is visible)."""

        def __init__(self, table: VirtualTable, row_key: Hashable | None) -> None:
            super().__init__()
            self.table = table
            self.row_key = row_key

        @property
        def control(self) -> VirtualTable:
            return self.table

    class SelectionChanged(Message):
        """The selected rows changed (`table.selected_keys`); only in a selectable table."""

        def __init__(self, table: VirtualTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> VirtualTable:
            return self.table

    class RowSelected(Message):
        """The user chose the cursor row (enter, or a click on the cursor row)."""

        def __init__(self, table: VirtualTable, row_key: Hashable) -> None:
            super().__init__()
            self.table = table
            self.row_key = row_key

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        filter_columns: Sequence[str] | None = None,
        search: TableSearch | None = None,
        selectable: bool = False,
        zebra: bool = True,
        cursor: bool = True,
        cell_cursor: bool = False,
        sortable: bool = True,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.set_reactive(VirtualTable.empty_text, _("No rows"))
        self._show_cursor = cursor
        self._cell_cursor = cell_cursor
        self._sortable = sortable
        if search is not None and filter_columns is not None:
            raise ValueError("give filter_columns or a search, not both")
        self._filter_keys = None if filter_columns is None else tuple(filter_columns)
        self._search = search  # None: a WordSearch over the filter columns
        self._selectable = selectable
        self._selection = RowSelection()
        self._extending = False  # moving the cursor for a shift+move: keep the range
        self._gutter = len(self.SELECTED_MARK) if selectable else 0
        self._columns: tuple[Column, ...] = ()
        self._column_index: dict[str, int] = {}
        self._install_columns(columns)
        searched = self._filter_keys if search is None else search.columns
        unknown = [key for key in searched or () if key not in self._column_index]
        if unknown:
            raise ValueError(f"unknown filter columns: {unknown}")

        self._rows: list[Row] = []
        self._key_index: dict[Hashable, int] | None = None  # row key -> position in _rows
        self._sort_keys: dict[int, list[Any]] = {}  # column index -> key per row position
        self._order: list[int] = []  # row positions in display order (sorted)
        self._matched: list[int] = []  # the positions in _order that pass the filter
        self._visible: list[int] = []  # _matched, best rank first: what is shown
        self._filter_text = ""
        self._query: TableQuery | None = None  # None: no filter
        self._sort_column: str | None = None
        self._sort_reverse = False
        self._cursor = 0  # index into _visible
        self._cursor_column = 0  # index into _columns (with cell_cursor)
        self._highlighted_key: object = _MISSING  # key of the last RowHighlighted
        self._generation = 0  # bumped whenever _rows changes
        self._after_paint_pending = False  # set_rows has work for after its first paint
        self._retired: tuple[object, ...] | None = None  # data replaced by set_rows, to free

        # (row key, style state, cell cursor column or -1, selected) -> the row and its line
        self._row_cache: LRUCache[tuple[Hashable, int, int, bool], tuple[Row, Strip]] = LRUCache(
            1024
        )
        self._header_cache: tuple[tuple[Any, ...], Strip] | None = None
        self._frame_key: tuple[Any, ...] = ()

        self._natural_widths: list[int] = []  # widths from the columns and the data alone
        # What is drawn: natural widths, columns dropped and flex columns fitted.
        self._layout = ColumnLayout.of(self._measure(()), gutter=self._gutter)
        self._set_widths(self._measure(()))
        self.set_reactive(VirtualTable.zebra, zebra)

    # ------------------------------------------------------------------ public state

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns, in display order."""
        return self._columns

    @property
    def shown_columns(self) -> tuple[Column, ...]:
        """The columns drawn at the current width (those not dropped), in display order."""
        hidden = self._layout.hidden
        return tuple(c for i, c in enumerate(self._columns) if i not in hidden)

    @property
    def row_count(self) -> int:
        """Number of rows, whether the filter shows them or not."""
        return len(self._rows)

    @property
    def visible_row_count(self) -> int:
        """Number of rows that pass the filter."""
        return len(self._visible)

    @property
    def cursor_row(self) -> int:
        """Index of the cursor among the visible rows (0 when there are none)."""
        return self._cursor

    @property
    def cursor_column(self) -> str | None:
        """Key of the column the cell cursor is on (None without `cell_cursor`).

        When that column is dropped for want of room, the nearest shown column to its left.
        """
        if not self._cell_cursor:
            return None
        return self._columns[self._shown_cursor_column()].key

    @property
    def cursor_row_key(self) -> Hashable | None:
        """Key of the row under the cursor, or None when no row is visible."""
        if not self._visible:
            return None
        return self._rows[self._visible[self._cursor]].key

    @property
    def search_ready(self) -> bool:
        """True once every row's search text is prepared (set_rows does it after painting).

        Before that, the first `set_filter` prepares the rest itself, which takes longer.
        """
        return len(self._index.texts) == len(self._rows)

    @property
    def filter_text(self) -> str:
        """The filter as last given to `set_filter`."""
        return self._filter_text

    @property
    def selectable(self) -> bool:
        """Whether rows can be selected (space, shift+arrows, ctrl+a)."""
        return self._selectable

    @property
    def selected_keys(self) -> frozenset[Hashable]:
        """Keys of the selected rows, those the filter hides included."""
        return self._selection.keys

    @property
    def selected_count(self) -> int:
        """How many rows are selected, those the filter hides included."""
        return len(self._selection)

    @property
    def sort_column(self) -> str | None:
        """Key of the column the rows are sorted by, or None for data order."""
        return self._sort_column

    @property
    def sort_reverse(self) -> bool:
        """True when sorted descending."""
        return self._sort_reverse

    def keys_in_view(self) -> list[Hashable]:
        """Keys of the rows scrolled into view, top to bottom (for redrawing only those)."""
        return [self._rows[self._visible[index]].key for index in self._indexes_in_view()]

    def _indexes_in_view(self) -> range:
        """Indexes (among the visible rows) of the rows scrolled into view."""
        first = int(self.scroll_offset.y)
        return range(first, min(len(self._visible), first + max(0, self._body_height()) + 1))

    def get_row(self, key: Hashable) -> Row:
        """The row with this key (raises KeyError when there is none)."""
        return self._rows[self._ensure_key_index()[key]]

    def row_key_at(self, index: int) -> Hashable:
        """Key of the row at `index` among the visible rows, in display order."""
        return self._rows[self._visible[index]].key

    # ------------------------------------------------------------------ data

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Replace all rows; the current sort and filter apply to the new rows.

        The cursor goes to the first row and the view scrolls to the top. Searchable text
        is prepared in the background after the first paint (at once if a filter is set).
        """
        # Freeing 50,000 old rows takes longer than painting the new ones: do it afterwards.
        self._retired = (self._rows, self._index.texts, self._key_index, self._order, self._visible)
        self._rows = list(rows)
        self._generation += 1
        self._index.texts = []
        self._key_index = None
        self._sort_keys = {}
        self._row_cache.clear()
        self._set_widths(self._measure(self._rows))
        self._order = self._sorted_order()
        self._refilter()
        self._cursor = 0
        if self._selection.clear():
            self.post_message(self.SelectionChanged(self))
        self._update_virtual_size()
        if self.is_mounted:
            self.scroll_to(y=0, animate=False)
        self.refresh()
        self._post_highlighted()
        self._after_paint_pending = True

    def update_rows(self, rows: Iterable[Row], *, remove_missing: bool = True) -> None:
        """Update the table by row key: rows with a known key are replaced where they are,
        new keys are appended, and keys missing from `rows` are removed (kept instead when
        `remove_missing` is False, to add or change a few rows).

        The cursor stays on the same row key (if that row is still visible) and the scroll
        offset is kept, so a table refreshed by polling does not jump under the user.
        """
        incoming: dict[Hashable, Row] = {row.key: row for row in rows}
        layout_before = (list(self._visible), self._layout, self._cursor)
        reshaped = False  # rows removed or added: positions no longer mean the same rows
        self._complete_search_index()
        old_index = self._ensure_key_index()
        cursor_key = self.cursor_row_key
        new_rows: list[Row] = []
        new_search: list[str] = []
        to_fold: list[int] = []
        for row, search in zip(self._rows, self._index.texts, strict=True):
            new_row = incoming.get(row.key)
            if new_row is None:
                if remove_missing:
                    reshaped = True
                    continue
                new_row = row
            if new_row is row or same_row(new_row, row):
                new_rows.append(row)
                new_search.append(search)
            else:
                to_fold.append(len(new_rows))
                new_rows.append(new_row)
                new_search.append("")
        for key, row in incoming.items():
            if key not in old_index:
                reshaped = True
                to_fold.append(len(new_rows))
                new_rows.append(row)
                new_search.append("")
        folded = self._index.fold([new_rows[i] for i in to_fold])
        for position, text in zip(to_fold, folded, strict=True):
            new_search[position] = text

        self._rows = new_rows
        self._index.texts = new_search
        self._key_index = {row.key: position for position, row in enumerate(new_rows)}
        self._generation += 1
        self._sort_keys = {}
        changed = [new_rows[i] for i in to_fold]
        grown = [
            max(old, new)
            for old, new in zip(self._natural_widths, self._measure(changed), strict=True)
        ]
        self._set_widths(grown)
        self._order = self._sorted_order()
        self._refilter()
        if reshaped and self._selection.keep_only(self._key_index):
            self.post_message(self.SelectionChanged(self))

        position = self._key_index.get(cursor_key, -1) if cursor_key is not None else -1
        cursor = self._index_in_visible(position)
        self._cursor = cursor if cursor is not None else self._clamp(self._cursor)
        self._update_virtual_size()
        same_places = layout_before == (self._visible, self._layout, self._cursor)
        if same_places and not reshaped:
            self._refresh_changed(set(to_fold))  # same rows in the same places: redraw fewer
        else:
            self.refresh()
        self._post_highlighted()

    def _refresh_changed(self, positions: set[int]) -> None:
        """Redraw the lines, among those in view, that show a row at one of `positions`."""
        for index in self._indexes_in_view():
            if self._visible[index] in positions:
                self._refresh_row(index)

    def set_columns(self, columns: Sequence[Column], rows: Iterable[Row]) -> None:
        """Replace the columns and, since cells go by column, all rows with them.

        Unlike `set_rows`, the cursor stays on its row key and (cell cursor) column key
        where they remain, and the scroll offset is kept. The sort stays if its column
        does; the filter columns given at construction are those that remain.
        """
        cursor_key = self.cursor_row_key
        column_key = self.cursor_column
        self._install_columns(columns)
        if self._sort_column not in self._column_index:
            self._sort_column = None
        self._rows = list(rows)
        self._generation += 1
        self._key_index = None
        self._sort_keys = {}
        self._clear_render_caches()
        self._set_widths(self._measure(self._rows))
        self._order = self._sorted_order()
        self._refilter()
        if self._selection.keep_only(self._ensure_key_index()):
            self.post_message(self.SelectionChanged(self))
        position = self._ensure_key_index().get(cursor_key, -1) if cursor_key is not None else -1
        cursor = self._index_in_visible(position)
        self._cursor = cursor if cursor is not None else self._clamp(self._cursor)
        self._cursor_column = self._column_index.get(
            column_key or "", min(self._cursor_column, len(self._columns) - 1)
        )
        self._update_virtual_size()
        self._scroll_cursor_into_view()
        self.refresh()
        self._post_highlighted()

    # ------------------------------------------------------------------ filter and sort

    def set_filter(self, text: str) -> None:
        """Show only the rows that match `text`, best matches first: by default, rows whose
        filter columns contain every word of it, in any order, ignoring case and accents
        (a `search` strategy given to the table decides otherwise).

        The cursor stays on its row if that row still matches, else goes to the first row.
        """
        self._filter_text = text
        parsed = self._index.search.parse(text)
        query = parsed if parsed.terms else None
        if query == self._query:
            return
        # A filter that extends the previous one can only match a subset of its rows.
        previous = self._query
        narrower = previous is not None and query is not None and narrows(query, previous)
        base = self._matched if narrower else self._order
        self._replace_visible(self._filtered(base, query), query=query)

    def sort_by(self, column_key: str | None, reverse: bool = False) -> None:
        """Sort by a column (stable; None values last), or restore data order with None."""
        if column_key is not None and column_key not in self._column_index:
            raise KeyError(f"no column {column_key!r}")
        self._sort_column = column_key
        self._sort_reverse = reverse
        self._order = self._sorted_order()
        self._replace_visible(self._filtered(self._order, self._query), query=self._query)

    # ------------------------------------------------------------------ cursor

    def move_cursor(self, index: int, *, column: str | None = None, scroll: bool = True) -> None:
        """Put the cursor on the visible row at `index` (clamped) and, with a cell cursor,
        on the column with key `column` (None: the column it is on).

        Ends a selection range (shift+moves start a new one from the new row)."""
        if not self._extending:
            self._selection.end_range()
        old = self._cursor
        old_column = self._cursor_column
        self._cursor = self._clamp(index)
        if column is not None:
            if column not in self._column_index:
                raise KeyError(f"no column {column!r}")
            self._cursor_column = self._column_index[column]
        if scroll:
            self._scroll_cursor_into_view()
        if old != self._cursor:
            self._refresh_row(old)
            self._refresh_row(self._cursor)
        elif old_column != self._cursor_column and self._cell_cursor:
            self._refresh_row(self._cursor)
        self._post_highlighted()

    def move_cursor_to_key(self, key: Hashable, *, column: str | None = None) -> bool:
        """Put the cursor on the row with `key` (and, with a cell cursor, the column with
        key `column`); False if no such row is visible."""
        index = self._index_in_visible(self._ensure_key_index().get(key, -1))
        if index is None:
            return False
        self.move_cursor(index, column=column)
        return True

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_page_up(self) -> None:
        page = max(1, self._body_height())
        self.scroll_to(y=self.scroll_offset.y - page, animate=False)
        self.move_cursor(self._cursor - page)

    def action_page_down(self) -> None:
        page = max(1, self._body_height())
        self.scroll_to(y=self.scroll_offset.y + page, animate=False)
        self.move_cursor(self._cursor + page)

    def action_cursor_first(self) -> None:
        self.move_cursor(0)

    def action_cursor_last(self) -> None:
        self.move_cursor(len(self._visible) - 1)

    def action_column_left(self) -> None:
        """The cell cursor to the previous shown column; without one, scroll left so the
        previous column starts at the left edge."""
        if self._cell_cursor:
            self._step_cursor_column(-1)
            return
        x = self.scroll_offset.x
        self.scroll_to(
            x=max([start for start in self._column_starts() if start < x], default=0),
            animate=False,
        )

    def action_column_right(self) -> None:
        """The cell cursor to the next shown column; without one, scroll right so the next
        column starts at the left edge."""
        if self._cell_cursor:
            self._step_cursor_column(1)
            return
        x = self.scroll_offset.x
        following = [start for start in self._column_starts() if start > x]
        if following:
            self.scroll_to(x=following[0], animate=False)

    def action_select_cursor(self) -> None:
        key = self.cursor_row_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def action_cycle_sort(self) -> None:
        """Sort by the next shown column (data order after the last one)."""
        shown = [column.key for column in self.shown_columns]
        if self._sort_column is None:
            self.sort_by(shown[0])
            return
        start = self._column_index[self._sort_column]
        following = [c.key for c in self._columns[start + 1 :] if c.key in shown]
        self.sort_by(following[0] if following else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cycle_sort":
            return self._sortable
        if action in self.SELECTION_ACTIONS:
            return self._selectable  # False: the key goes on to the screen, and off the footer
        return True

    # ------------------------------------------------------------------ selection

    def toggle_selection(self, key: Hashable) -> None:
        """Select the row with `key` if it is not selected, else unselect it."""
        self._selection.toggle(key)
        self._selection_changed()

    def select_all_shown(self) -> None:
        """Select every row the filter shows (those selected already stay so)."""
        if self._selection.add(self._shown_keys()):
            self._selection_changed()

    def clear_selection(self) -> None:
        """Unselect every row."""
        if self._selection.clear():
            self._selection_changed()

    def action_toggle_selection(self) -> None:
        key = self.cursor_row_key
        if key is not None:
            self.toggle_selection(key)

    def action_toggle_select_all(self) -> None:
        """Select every row shown; when they all are already, unselect them."""
        shown = self._shown_keys()
        if shown and all(key in self._selection for key in shown):
            self._selection.remove(shown)
            self._selection_changed()
        else:
            self.select_all_shown()

    def action_extend_selection(self, step: int) -> None:
        """Move the cursor `step` rows, selecting from where the range started to it."""
        self._extend_selection_to(self._cursor + step)

    def action_extend_selection_page(self, direction: int) -> None:
        page = max(1, self._body_height())
        self.scroll_to(y=self.scroll_offset.y + direction * page, animate=False)
        self._extend_selection_to(self._cursor + direction * page)

    def _extend_selection_to(self, index: int) -> None:
        key = self.cursor_row_key
        if key is None:
            return
        anchor = self._selection.anchor
        if anchor is None or self._index_in_visible(self._ensure_key_index()[anchor]) is None:
            self._selection.end_range()
            self._selection.start_range(key)
            anchor = key
        self._extending = True
        try:
            self.move_cursor(index)
        finally:
            self._extending = False
        start = self._index_in_visible(self._ensure_key_index()[anchor])
        assert start is not None
        low, high = sorted((start, self._cursor))
        if self._selection.set_range(self.row_key_at(i) for i in range(low, high + 1)):
            self._selection_changed()

    def _shown_keys(self) -> list[Hashable]:
        rows = self._rows
        return [rows[position].key for position in self._visible]

    def _selection_changed(self) -> None:
        """Redraw the marks in view and tell the screen."""
        for index in self._indexes_in_view():
            self._refresh_row(index)
        self.post_message(self.SelectionChanged(self))

    # ------------------------------------------------------------------ events

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        scroll_x, scroll_y = self.scroll_offset
        column_index = self._layout.column_at(offset.x + scroll_x)
        if offset.y == 0:
            if column_index is not None and self._sortable:
                event.stop()
                key = self._columns[column_index].key
                same = key == self._sort_column
                self.sort_by(key, reverse=same and not self._sort_reverse)
            return
        index = scroll_y + offset.y - 1
        if index >= len(self._visible):
            return
        event.stop()
        if self._selectable and offset.x + scroll_x < self._layout.gutter:
            self.toggle_selection(self.row_key_at(index))  # a click on the mark
            return
        column: str | None = None  # the cell cursor's new column
        if self._cell_cursor and column_index is not None:
            column = self._columns[column_index].key
        if index == self._cursor and column in (None, self.cursor_column):
            self.action_select_cursor()
        else:
            self.move_cursor(index, column=column)

    def on_resize(self) -> None:
        # Flex columns follow the viewport; the header and rows are rebuilt at the new widths.
        self._update_virtual_size()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._clear_render_caches()

    def watch_zebra(self) -> None:
        self._clear_render_caches()
        self.refresh()

    def watch_empty_text(self) -> None:
        if not self._visible:
            self.refresh()

    # ------------------------------------------------------------------ rendering

    def render_lines(self, crop: Region) -> list[Strip]:
        # Focus and other pseudo-classes change component styles (the cursor colour)
        # without always notifying us, so they are part of what the cache depends on.
        frame_key = (self.get_pseudo_class_state(), self.zebra)
        if frame_key != self._frame_key:
            self._frame_key = frame_key
            self._clear_render_caches()
        strips = super().render_lines(crop)
        if self._after_paint_pending:
            self._after_paint_pending = False
            # Handled by this widget's own task, so only after the compositor has output
            # the frame being rendered now.
            self.call_later(self._after_paint, self._generation)
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            style = self.get_component_rich_style("virtual-table--header")
            return self._header_strip(style).crop_extend(scroll_x, scroll_x + width, style)
        index = scroll_y + y - 1
        if index >= len(self._visible):
            if not self._visible:
                return self._empty_line(y, width)
            return Strip.blank(width, self.rich_style)
        cursor_cell = -1  # the column of the cell cursor, on its row
        if index == self._cursor and self._show_cursor and not self._cell_cursor:
            state, style = 2, self.get_component_rich_style("virtual-table--cursor")
        elif self.zebra and index % 2 == 0:
            state, style = 1, self.get_component_rich_style("virtual-table--even-row")
        else:
            state, style = 0, self.rich_style
        if index == self._cursor and self._show_cursor and self._cell_cursor:
            cursor_cell = self._shown_cursor_column()
        row = self._rows[self._visible[index]]
        selected = row.key in self._selection
        cache_key = (row.key, state, cursor_cell, selected)
        cached = self._row_cache.get(cache_key)
        if cached is not None and cached[0] is row:
            strip = cached[1]
        else:
            strip = self._render_row(row, style, cursor_cell, selected)
            self._row_cache.set(cache_key, (row, strip))
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def _render_row(
        self, row: Row, style: Style, cursor_cell: int = -1, selected: bool = False
    ) -> Strip:
        mark: Segment | None = None
        if self._selectable:
            if selected:
                mark_style = style + self.get_component_rich_style(
                    "virtual-table--selected", partial=True
                )
                mark = Segment(self.SELECTED_MARK, mark_style)
            else:
                mark = Segment(" " * self._gutter, style)
        return render_row(
            row,
            self._columns,
            self._layout,
            style,
            self.app.console,
            needles=self._marks(self._query)[0],
            digit_needles=self._marks(self._query)[1],
            highlight=self._index.highlight_indexes,
            match_style=self.get_component_rich_style("virtual-table--match", partial=True),
            cursor_column=cursor_cell,
            cursor_style=(
                self.get_component_rich_style("virtual-table--cursor") if cursor_cell >= 0 else None
            ),
            mark=mark,
        )

    def _header_strip(self, style: Style) -> Strip:
        cache_key = (self._sort_column, self._sort_reverse, style, self._layout)
        if self._header_cache is not None and self._header_cache[0] == cache_key:
            return self._header_cache[1]
        strip = header_strip(
            self._columns,
            self._layout,
            style,
            sort_column=self._sort_column,
            sort_reverse=self._sort_reverse,
        )
        self._header_cache = (cache_key, strip)
        return strip

    def _empty_line(self, y: int, width: int) -> Strip:
        middle = 1 + max(0, self._body_height() - 1) // 2
        if y != middle:
            return Strip.blank(width, self.rich_style)
        style = self.get_component_rich_style("virtual-table--empty")
        visible_width = min(width, self.scrollable_content_region.width)
        return centered_line(self.empty_text, visible_width, width, style)

    def _clear_render_caches(self) -> None:
        self._row_cache.clear()
        self._header_cache = None

    def _refresh_row(self, index: int) -> None:
        # Virtual line index + 1 is the row's line (line 0 is the header).
        self.refresh_line(index + 1)

    # ------------------------------------------------------------------ internals

    def _replace_visible(self, matched: list[int], *, query: TableQuery | None) -> None:
        """Install a new filter/sort result, keeping the cursor on its row if possible."""
        position = self._visible[self._cursor] if self._visible else -1
        self._selection.end_range()
        if self._marks(query) != self._marks(self._query):
            self._row_cache.clear()
        self._query = query
        self._matched = matched
        self._visible = self._ranked(matched, query)
        cursor = self._index_in_visible(position)
        self._cursor = cursor if cursor is not None else 0
        self._update_virtual_size()
        self._scroll_cursor_into_view()
        self.refresh()
        self._post_highlighted()

    def _filtered(self, base: list[int], query: TableQuery | None) -> list[int]:
        if query is None:
            return base if base is self._order else list(base)
        self._complete_search_index()
        return self._index.matching(base, query.terms)

    def _ranked(self, matched: list[int], query: TableQuery | None) -> list[int]:
        if query is None or not query.tiers:
            return matched
        return self._index.ranked(matched, query.tiers)

    def _refilter(self) -> None:
        """Filter and rank the rows (in `_order`) anew by the current query."""
        self._matched = self._filtered(self._order, self._query)
        self._visible = self._ranked(self._matched, self._query)

    @staticmethod
    def _marks(query: TableQuery | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What rows mark as matched: the query's highlights and digit highlights."""
        return ((), ()) if query is None else (query.highlights, query.digit_highlights)

    def _sorted_order(self) -> list[int]:
        if self._sort_column is None:
            return list(range(len(self._rows)))
        values = self._sort_values(self._column_index[self._sort_column])
        return sorted_positions(values, self._sort_reverse)

    def _sort_values(self, column_index: int) -> list[Any]:
        """Sort key of every row for one column, computed once per data change."""
        cached = self._sort_keys.get(column_index)
        if cached is None:
            sort_key = self._columns[column_index].sort_key
            cached = self._sort_keys[column_index] = sort_values(self._rows, column_index, sort_key)
        return cached

    def _complete_search_index(self) -> None:
        self._index.complete(self._rows)

    def _ensure_key_index(self) -> dict[Hashable, int]:
        if self._key_index is None:
            self._key_index = {row.key: position for position, row in enumerate(self._rows)}
        return self._key_index

    def _after_paint(self, generation: int) -> None:
        """Runs once the rows given to set_rows have been painted."""
        self._retired = None
        self.call_later(self._index_next_chunk, generation)

    async def _index_next_chunk(self, generation: int) -> None:
        """Fold the search text of one chunk of rows, then let other work run."""
        # Without this await, chained callbacks would run back to back without
        # giving the event loop (painting, other widgets) a turn.
        await asyncio.sleep(0)
        if generation != self._generation:
            return
        start = len(self._index.texts)
        self._index.extend(self._rows[start : start + INDEX_CHUNK_SIZE])
        if len(self._index.texts) < len(self._rows):
            self.call_later(self._index_next_chunk, generation)
        else:
            self._ensure_key_index()

    def _measure(self, rows: Sequence[Row]) -> list[int]:
        return measure_widths(self._columns, rows, sort_arrow=self._sortable)

    def _set_widths(self, natural: list[int]) -> None:
        self._natural_widths = natural
        self._apply_widths(*fit_widths(self._columns, natural, self._available_width()))

    def _available_width(self) -> int | None:
        """Cells across the viewport for the columns (None before the table has a size).

        Worked out from the widget's size and the row count rather than read from the
        current scrollbars, which are only updated after the virtual size is set.
        """
        if not self.is_mounted:
            return None
        width, height = self.container_size
        if width <= 0:
            return None
        styles = self.styles
        needs_vertical = styles.overflow_y == "scroll" or (
            styles.overflow_y == "auto" and len(self._visible) + 1 > height
        )
        if needs_vertical or styles.scrollbar_gutter == "stable":
            width -= styles.scrollbar_size_vertical
        return width - self._gutter

    def _apply_widths(self, widths: list[int], hidden: frozenset[int]) -> None:
        if tuple(widths) == self._layout.widths and hidden == self._layout.hidden:
            return
        self._layout = ColumnLayout.of(widths, hidden, self._gutter)
        self._clear_render_caches()

    def _update_virtual_size(self) -> None:
        self._set_widths(self._natural_widths)
        self.virtual_size = Size(self._layout.total_width, len(self._visible) + 1)

    def _body_height(self) -> int:
        return self.scrollable_content_region.height - 1

    def _install_columns(self, columns: Sequence[Column]) -> None:
        """Take `columns` (checked) and the filter columns among them; data not touched."""
        if not columns:
            raise ValueError("a VirtualTable needs at least one column")
        column_index: dict[str, int] = {}
        for index, column in enumerate(columns):
            if column.key in column_index:
                raise ValueError(f"duplicate column key {column.key!r}")
            column_index[column.key] = index
        self._columns = tuple(columns)
        self._column_index = column_index
        search = self._search
        if search is None:
            wanted = self._filter_keys if self._filter_keys is not None else column_index
            search = WordSearch(tuple(key for key in wanted if key in column_index))
        self._index = SearchIndex(search, column_index)

    def _shown_cursor_column(self) -> int:
        """The cell cursor's column, or the nearest shown one to its left if it is dropped
        (the first shown one if none is)."""
        hidden = self._layout.hidden
        column = min(self._cursor_column, len(self._columns) - 1)
        if column not in hidden:
            return column
        shown = [index for index in range(len(self._columns)) if index not in hidden]
        return max((index for index in shown if index < column), default=shown[0])

    def _step_cursor_column(self, step: int) -> None:
        """Move the cell cursor `step` shown columns right (left if negative), within bounds."""
        hidden = self._layout.hidden
        shown = [index for index in range(len(self._columns)) if index not in hidden]
        here = shown.index(self._shown_cursor_column())
        target = shown[max(0, min(here + step, len(shown) - 1))]
        self.move_cursor(self._cursor, column=self._columns[target].key)

    def _scroll_cursor_into_view(self) -> None:
        if not self.is_mounted or not self._visible:
            return
        if self._cell_cursor:
            self._scroll_cursor_column_into_view()
        height = self._body_height()
        if height <= 0:
            return
        top = self.scroll_offset.y
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False)
        elif self._cursor >= top + height:
            self.scroll_to(y=self._cursor - height + 1, animate=False)

    def _scroll_cursor_column_into_view(self) -> None:
        column = self._shown_cursor_column()
        start = self._column_starts()[column]
        end = self._layout.offsets[column] + self._layout.widths[column] + 2
        left = self.scroll_offset.x
        width = self.scrollable_content_region.width
        if start < left or width <= 0:
            self.scroll_to(x=start, animate=False)
        elif end > left + width:
            self.scroll_to(x=min(start, end - width), animate=False)

    def _column_starts(self) -> list[int]:
        """Where to scroll to show each column at the left edge (the first with the gutter)."""
        gutter = self._layout.gutter
        return [0 if start <= gutter else start for start in self._layout.offsets]

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self._visible) - 1))

    def _index_in_visible(self, position: int) -> int | None:
        if position < 0:
            return None
        try:
            return self._visible.index(position)
        except ValueError:
            return None

    def _post_highlighted(self) -> None:
        key = self.cursor_row_key
        if key != self._highlighted_key or self._highlighted_key is _MISSING:
            self._highlighted_key = key
            self.post_message(self.RowHighlighted(self, key))
