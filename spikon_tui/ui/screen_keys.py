"""A screen's own keys, for the command palette and the F1 help, whatever has focus.

Textual's `Screen.active_bindings` leaves out a key that the focused widget takes as text
(`n` while typing in a filter): right for the footer, since pressing it types, but the
palette and the help should still offer the action. `own_keys` reads the bindings the
screen's class declares, enabled by its `check_action`, shown and described.
"""

from __future__ import annotations

from textual.actions import parse
from textual.binding import Binding
from textual.screen import Screen


def own_keys(screen: Screen) -> list[Binding]:
    """The screen class's shown, described bindings whose action is enabled now, one per
    action, leaving out the app's own (`app.…`, such as F1)."""
    keys: list[Binding] = []
    actions: set[str] = set()
    for binding in getattr(type(screen), "BINDINGS", []):
        if not isinstance(binding, Binding) or not (binding.show and binding.description):
            continue
        if binding.action in actions or binding.action.startswith("app."):
            continue
        _namespace, name, parameters = parse(binding.action)
        if screen.check_action(name, parameters):
            actions.add(binding.action)
            keys.append(binding)
    return keys
