"""One sent SMS in full: recipient, sender, times, what its state means, and the whole text.

Dismisses with "call" (call the recipient), "reuse" (put the text back in the
form) or None (closed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from spikon_tui.formatting import format_age
from spikon_tui.sms.length import measure
from spikon_tui.sms.recipients import format_number
from spikon_tui.sms.sent import SentMessage


def details_text(record: SentMessage, now: float) -> str:
    """The facts about one message, one per line."""
    sent = datetime.fromtimestamp(record.sent_at).strftime("%Y-%m-%d %H:%M:%S")
    lines = [
        f"Sent {sent} ({format_age(now - record.sent_at)} ago) from “{record.sender}”.",
        f"State: {record.state_name}. {record.explanation}",
    ]
    if record.checked_at is not None:
        lines.append(f"Last checked {format_age(now - record.checked_at)} ago.")
    if record.sms_id is not None:
        lines.append(f"SMS id {record.sms_id}.")
    length = measure(record.message)
    parts = "1 SMS" if length.parts == 1 else f"{length.parts} SMS parts"
    encoding = "Unicode" if length.is_unicode else "GSM-7"
    lines.append(f"{length.characters} characters, {parts} ({encoding}).")
    return "\n".join(lines)


class SmsDetailsDialog(ModalScreen[str | None]):
    TITLE = "Sent SMS"
    HELP = """
Everything known about one sent SMS. [b]c[/b] calls the recipient (your phone
rings first), [b]u[/b] puts the text and sender back in the form to send it
again, [b]escape[/b] closes.
"""
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("c", "choose('call')", "Call"),
        Binding("u", "choose('reuse')", "Use again"),
        Binding("f1", "app.help", "Help"),
    ]

    def __init__(self, record: SentMessage, clock: Callable[[], float]) -> None:
        super().__init__()
        self.record = record
        self._clock = clock

    def compose(self) -> ComposeResult:
        record = self.record
        who = format_number(record.number)
        title = f"SMS to {record.name} ({who})" if record.name else f"SMS to {who}"
        with Vertical(classes="dialog sms-details"):
            yield Static(Text(title), classes="dialog-title")
            yield Static(Text(details_text(record, self._clock())), classes="dialog-text")
            with VerticalScroll(id="details-message"):
                yield Static(Text(record.message))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Call (c)", id="call", compact=True)
                yield Button("Use again (u)", id="reuse", compact=True)
                yield Button("Close", id="close", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "close" else event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    def action_close(self) -> None:
        self.dismiss(None)
