"""A screen's own keys, for the command palette and the F1 help, whatever has focus.

Textual's `Screen.active_bindings` leaves out a key that the focused widget takes as text
(`n` while typing in a filter): right for the footer, since pressing it types, but the
palette and the help should still offer the action. `own_keys` reads the bindings the
screen's class and its bases declare, enabled by its `check_action`, shown and
described, each action and each description once.
"""

from __future__ import annotations

from textual.actions import parse
from textual.binding import Binding
from textual.screen import Screen


def declared_bindings(screen: Screen) -> list[Binding]:
    """The bindings the screen's class and its base classes declare, the class's first.

    A monitor screen's keys are declared partly by `MonitorScreen`, partly by the
    overview or detail class; Textual merges them the same way (a class with
    `inherit_bindings = False` ends the walk).
    """
    found: list[Binding] = []
    for cls in type(screen).__mro__:
        found += [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
        # Textual keeps the class keyword `inherit_bindings=False` only in this private
        # attribute (no public reader); tests/ui/test_textual_private.py checks it.
        if not cls.__dict__.get("_inherit_bindings", True):
            break
    return found


def own_keys(screen: Screen) -> list[Binding]:
    """The screen's shown, described bindings whose action is enabled now, one per
    action and one per description, leaving out the app's own (`app.…`, such as F1)."""
    keys: list[Binding] = []
    actions: set[str] = set()
    descriptions: set[str] = set()
    for binding in declared_bindings(screen):
        if not (binding.show and binding.description):
            continue
        if binding.description in descriptions:
            continue  # a subclass's key for the same thing replaces its base's
        if binding.action in actions or binding.action.startswith("app."):
            continue
        _namespace, name, parameters = parse(binding.action)
        if screen.check_action(name, parameters):
            actions.add(binding.action)
            descriptions.add(binding.description)
            keys.append(binding)
    return keys
