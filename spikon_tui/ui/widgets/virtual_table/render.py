"""Drawing a `VirtualTable`'s lines: the header and one row, each as a `Strip`.

Plain-text cells are padded or cut (with an ellipsis) to their column's width as strings,
the fast path; Rich `Text` cells and cells with a filter match are rendered as Text.
Control characters are shown as spaces.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from spikon_tui.text_fold import find_folded_spans
from spikon_tui.ui.widgets.virtual_table.layout import ColumnLayout
from spikon_tui.ui.widgets.virtual_table.model import Column, Row, plain

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_DIGITS = frozenset("0123456789")


def fit(text: str, width: int, align: str) -> str:
    """Pad or truncate (with an ellipsis) `text` to exactly `width` cells."""
    if not text.isprintable():
        text = _CONTROL_CHARACTERS.sub(" ", text)
    length = cell_len(text)
    if length > width:
        # set_cell_size pads when it has to split a wide character; drop that padding.
        text = set_cell_size(text, width - 1).rstrip() + "…" if width > 0 else ""
        length = cell_len(text)
    padding = " " * (width - length)
    return padding + text if align == "right" else text + padding


def text_segments(
    text: Text, width: int, align: str, style: Style, console: Console
) -> list[Segment]:
    """`text` fitted to `width` cells like `fit`, as segments over the line's `style`."""
    if not text.plain.isprintable():
        text = Text(_CONTROL_CHARACTERS.sub(" ", text.plain), style=text.style)
    if text.cell_len > width:
        text.truncate(max(0, width - 1), overflow="crop")
        text.rstrip()
        text.append("…")
    padding = width - text.cell_len
    if padding > 0:
        if align == "right":
            text.pad_left(padding)
        else:
            text.pad_right(padding)
    if text.style:  # Text.render leaves the base style to its caller
        style = style + console.get_style(text.style)
    segments = Segment.apply_style(text.render(console), style)
    return list(Segment.adjust_line_length(list(segments), width, style))


def render_row(
    row: Row,
    columns: Sequence[Column],
    layout: ColumnLayout,
    style: Style,
    console: Console,
    *,
    needles: Sequence[str],
    highlight: Collection[int],
    digit_needles: Sequence[str] = (),
    match_style: Style,
    cursor_column: int = -1,
    cursor_style: Style | None = None,
    mark: Segment | None = None,
) -> Strip:
    """One row's line at full width (every shown column), on `style`.

    Where a column of `highlight` contains one of `needles` (folded), or one of
    `digit_needles` (separators between digits skipped), the match gets `match_style`.
    The cell in the column at `cursor_column` (if any) is on `cursor_style` instead.
    `mark` fills the layout's gutter (a selectable table's selection mark).
    """
    cells = row.cells
    segments: list[Segment] = [] if mark is None else [mark]
    hidden = layout.hidden
    line_style = style
    for index, (column, width) in enumerate(zip(columns, layout.widths, strict=True)):
        if index in hidden:
            continue
        style = cursor_style if index == cursor_column and cursor_style else line_style
        cell = cells[index] if index < len(cells) else ""
        marked = (needles or digit_needles) and index in highlight
        spans = matched_spans(plain(cell), needles, digit_needles) if marked else []
        if isinstance(cell, str) and not spans:
            segments.append(Segment(f" {fit(cell, width, column.align)} ", style))
            continue
        text = Text(cell) if isinstance(cell, str) else cell.copy()
        for start, end in spans:
            text.stylize(match_style, start, end)
        segments.append(Segment(" ", style))
        segments.extend(text_segments(text, width, column.align, style, console))
        segments.append(Segment(" ", style))
    return Strip(segments).adjust_cell_length(layout.total_width, line_style)


def matched_spans(
    text: str, needles: Sequence[str], digit_needles: Sequence[str] = ()
) -> list[tuple[int, int]]:
    """Where any of `needles` (folded) occurs in `text`, ignoring case and accents, and
    any of `digit_needles` in its digits."""
    spans = [span for needle in needles for span in find_folded_spans(text, needle)]
    if digit_needles:
        spans.extend(span for digits in digit_needles for span in digit_spans(text, digits))
    return spans


def digit_spans(text: str, digits: str) -> list[tuple[int, int]]:
    """Where `digits` occurs among the digits of `text`, whatever lies between them:
    "528160" in "+48 528-160 736" is the span of "528-160"."""
    if not digits:
        return []
    places = [index for index, character in enumerate(text) if character in _DIGITS]
    only_digits = "".join(text[index] for index in places)
    spans: list[tuple[int, int]] = []
    start = only_digits.find(digits)
    while start != -1:
        end = start + len(digits)
        spans.append((places[start], places[end - 1] + 1))
        start = only_digits.find(digits, end)
    return spans


def header_strip(
    columns: Sequence[Column],
    layout: ColumnLayout,
    style: Style,
    *,
    sort_column: str | None,
    sort_reverse: bool,
) -> Strip:
    """The header line: each shown column's label, the sort column's with ▲ or ▼."""
    labels: list[str] = [" " * layout.gutter]
    for index, (column, width) in enumerate(zip(columns, layout.widths, strict=True)):
        if index in layout.hidden:
            continue
        label = column.label
        if column.key == sort_column:
            arrow = "▼" if sort_reverse else "▲"
            if cell_len(label) + 2 > width:
                label = fit(label, max(0, width - 2), "left").rstrip()
            label = f"{label} {arrow}"
        labels.append(f" {fit(label, width, column.align)} ")
    return Strip([Segment("".join(labels), style)], layout.total_width)


def centered_line(text: str, visible_width: int, width: int, style: Style) -> Strip:
    """`text` centered in the first `visible_width` cells of a line `width` cells wide."""
    text = fit(text, visible_width, "left").rstrip()
    left = (visible_width - cell_len(text)) // 2
    line = " " * left + text
    return Strip([Segment(line, style)], cell_len(line)).adjust_cell_length(width, style)
