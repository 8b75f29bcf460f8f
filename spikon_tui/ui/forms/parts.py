"""Pieces the forms share: the submit/cancel button row and phone-number validation."""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import Horizontal
from textual.widgets import Button

from spikon_tui.api import validation
from spikon_tui.i18n import _


def dialog_buttons(submit_label: str) -> Horizontal:
    """The primary button (id `submit`) and Cancel (id `cancel`), right-aligned."""
    return Horizontal(
        Button(submit_label, id="submit", variant="primary"),
        Button(_("Cancel"), id="cancel"),
        classes="dialog-buttons",
    )


def number_check(parameter: str) -> Callable[[str], str]:
    """The client's phone-number check for one API parameter, for an `ApiCheck` validator."""
    return lambda value: validation.check_phone_number(value, parameter)
