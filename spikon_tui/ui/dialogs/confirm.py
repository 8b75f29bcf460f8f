"""A yes/no question before anything destructive or costly: y confirms, n or escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from spikon_tui.i18n import N_, _


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True only on an explicit yes."""

    TITLE = N_("Confirm")
    HELP = N_("[b]y[/b] confirms; [b]n[/b] or [b]escape[/b] cancels and nothing is changed.")

    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes")),
        Binding("n", "answer(False)", N_("No")),
        Binding("escape", "answer(False)", N_("Cancel")),
        Binding("f1", "app.help", N_("Help")),
    ]

    def __init__(
        self, question: str, *, yes_label: str | None = None, danger: bool = False
    ) -> None:
        """`yes_label` names the action ("Delete"); "Yes" in the interface language by default."""
        super().__init__()
        self.question = question
        self.yes_label = yes_label if yes_label is not None else _("Yes")
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    f"{self.yes_label} (y)", id="yes", variant="error" if self.danger else "primary"
                )
                yield Button(_("No (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
