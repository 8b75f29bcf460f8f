"""Escape, the same on every screen: clear the nearest thing first, leave only when nothing is left.

In this order, the first that applies:

1. the focus is in a filter box (`FilterBox`) with text: the text is cleared, the
   focus stays there;
2. the focus is in an empty filter box: the focus goes to the table below it, so the
   next letter is an action again;
3. a table shown has selected rows: the selection is cleared;
4. a filter box shown (the focus elsewhere) has text: it is cleared;
5. the screen can go back (a report, a campaign's detail, the staffing grid opened over
   another screen): it goes back.

When none applies, Escape does nothing and the footer shows no ``esc``: on a main
screen (F2-F8) with nothing to clear there is nowhere "back" to go. Dialogs keep
Escape = cancel; they are not `MainScreen`s.

The footer's word beside ``esc`` follows the step: `ESCAPE_BINDINGS` holds one binding
per step, all calling ``escape_step``, and a screen's ``check_action`` enables only the one
for the step Escape would take now (`escape_enabled`).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Protocol

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from spikon_tui.i18n import N_
from spikon_tui.ui.widgets.filter_box import FilterBox

ESCAPE_ACTION = "escape_step"
"""The action of every Escape binding (its one parameter names the step)."""


class EscapeStep(StrEnum):
    CLEAR_FILTER = "clear_filter"
    LEAVE_FILTER = "leave_filter"
    CLEAR_SELECTION = "clear_selection"
    BACK = "back"


ESCAPE_BINDINGS = [
    Binding("escape", f"{ESCAPE_ACTION}('{EscapeStep.CLEAR_FILTER}')", N_("Clear filter")),
    Binding("escape", f"{ESCAPE_ACTION}('{EscapeStep.LEAVE_FILTER}')", N_("To the list")),
    Binding("escape", f"{ESCAPE_ACTION}('{EscapeStep.CLEAR_SELECTION}')", N_("Clear selection")),
    Binding("escape", f"{ESCAPE_ACTION}('{EscapeStep.BACK}')", N_("Back")),
]
"""One binding per step, so the footer and F1 say what Escape does now."""


class GoesBack(Protocol):
    """What the rule asks of a screen for its last step (`MainScreen` has both)."""

    def can_go_back(self) -> bool: ...

    def go_back(self) -> None: ...


def is_shown(widget: Widget) -> bool:
    """Mounted and neither it nor a parent hidden (e.g. the other view of a ContentSwitcher)."""
    if not widget.is_mounted:
        return False
    node: DOMNode | None = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True


def _shown(screen: Screen, selector: str) -> Iterator[Widget]:
    return (widget for widget in screen.query(selector) if is_shown(widget))


def table_below(box: Widget) -> Widget | None:
    """The table a filter box filters: the first shown one in its container or a parent's."""
    node = box.parent
    while isinstance(node, Widget):
        for table in node.query("VirtualTable"):
            if table.focusable and is_shown(table):
                return table
        node = node.parent
    return None


def _selected_table(screen: Screen) -> Widget | None:
    """A shown table with selected rows (the focused one first); only tables that select."""
    tables = sorted(_shown(screen, "VirtualTable"), key=lambda table: not table.has_focus)
    for table in tables:
        if getattr(table, "selected_keys", None) and hasattr(table, "clear_selection"):
            return table
    return None


def _filter_with_text(screen: Screen) -> FilterBox | None:
    boxes = (box for box in screen.query(FilterBox) if is_shown(box))
    return next((box for box in boxes if box.value), None)


def _focused_filter(screen: Screen) -> FilterBox | None:
    focused = screen.focused
    return focused if isinstance(focused, FilterBox) and is_shown(focused) else None


def escape_step(screen: Screen, back: GoesBack) -> EscapeStep | None:
    """What Escape would do now on ``screen`` (None: nothing)."""
    if not screen.is_mounted:
        return None
    focused = _focused_filter(screen)
    if focused is not None:
        if focused.value:
            return EscapeStep.CLEAR_FILTER
        if table_below(focused) is not None:
            return EscapeStep.LEAVE_FILTER
    if _selected_table(screen) is not None:
        return EscapeStep.CLEAR_SELECTION
    if _filter_with_text(screen) is not None:
        return EscapeStep.CLEAR_FILTER
    if back.can_go_back():
        return EscapeStep.BACK
    return None


def escape_enabled(screen: Screen, back: GoesBack, parameters: tuple[object, ...]) -> bool:
    """For ``check_action``: whether the Escape binding of this step is the one in force."""
    step = escape_step(screen, back)
    return step is not None and parameters == (str(step),)


def take_escape_step(screen: Screen, back: GoesBack) -> EscapeStep | None:
    """Do what Escape does now on ``screen``; return the step taken."""
    step = escape_step(screen, back)
    focused = _focused_filter(screen)
    if step is EscapeStep.CLEAR_FILTER:
        box = focused or _filter_with_text(screen)
        if box is not None:
            box.value = ""
    elif step is EscapeStep.LEAVE_FILTER and focused is not None:
        table = table_below(focused)
        if table is not None:
            screen.set_focus(table)  # now: the next key (typed fast) goes there
    elif step is EscapeStep.CLEAR_SELECTION:
        table = _selected_table(screen)
        if table is not None:
            table.clear_selection()  # type: ignore[attr-defined]  # a selectable VirtualTable
    elif step is EscapeStep.BACK:
        back.go_back()
    return step
