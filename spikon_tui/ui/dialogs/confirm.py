"""A yes/no question before anything destructive or costly: yes confirms, no or escape cancels.

The keys follow the interface language (`ANSWER_KEYS`: `y`/`n` in English,
`t`/`n` for "tak"/"nie" in Polish), and the buttons name them. The other
language's yes key does nothing: a Polish user's `y` is no answer.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from spikon_tui.i18n import N_, _, current_language
from spikon_tui.ui.dialogs.base import Dialog

ANSWER_KEYS = {"en": ("y", "n"), "pl": ("t", "n")}
"""(yes key, no key) in each interface language."""


def answer_keys() -> tuple[str, str]:
    """The (yes, no) keys of the interface language now."""
    return ANSWER_KEYS.get(current_language(), ANSWER_KEYS["en"])


class ConfirmDialog(Dialog[bool]):
    """Dismisses with True only on an explicit yes."""

    TITLE = N_("Confirm")
    HELP = N_(
        "The key in brackets on each button answers with it; [b]escape[/b] cancels "
        "and nothing is changed."
    )

    BINDINGS = [
        *(
            Binding(key, f"answer_key('{key}')", N_("Yes"))
            for key in sorted({yes for yes, _no in ANSWER_KEYS.values()})
        ),
        *(
            Binding(key, f"answer_key('{key}')", N_("No"))
            for key in sorted({no for _yes, no in ANSWER_KEYS.values()})
        ),
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
                yes, no = answer_keys()
                yield Button(
                    f"{self.yes_label} ({yes})",
                    id="yes",
                    variant="error" if self.danger else "primary",
                )
                yield Button(f"{_('No')} ({no})", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the interface language's answer keys answer (and show)."""
        if action == "answer_key":
            return parameters[0] in answer_keys()
        return True

    def action_answer_key(self, key: str) -> None:
        yes, no = answer_keys()
        if key in (yes, no):
            self.dismiss(key == yes)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
