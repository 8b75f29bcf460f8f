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
from textual.widgets import Button, Static

from spikon_tui.formatting import format_age, format_datetime
from spikon_tui.i18n import N_, _, ngettext
from spikon_tui.sms.length import measure
from spikon_tui.sms.recipients import format_number
from spikon_tui.sms.sent import SentMessage
from spikon_tui.ui.dialogs.base import Dialog


def details_text(record: SentMessage, now: float) -> str:
    """The facts about one message, one per line."""
    sent = format_datetime(datetime.fromtimestamp(record.sent_at), seconds=True)
    lines = [
        _("Sent {when} ({age} ago) from “{sender}”.").format(
            when=sent, age=format_age(now - record.sent_at), sender=record.sender
        ),
        _("State: {state}. {explanation}").format(
            state=record.state_name, explanation=record.explanation
        ),
    ]
    if record.checked_at is not None:
        lines.append(_("Last checked {age} ago.").format(age=format_age(now - record.checked_at)))
    if record.sms_id is not None:
        lines.append(_("SMS id {sms_id}.").format(sms_id=record.sms_id))
    length = measure(record.message)
    parts = ngettext("{count} SMS", "{count} SMS parts", length.parts).format(count=length.parts)
    encoding = "Unicode" if length.is_unicode else "GSM-7"
    characters = _("{count} characters, {parts} ({encoding}).")
    lines.append(characters.format(count=length.characters, parts=parts, encoding=encoding))
    return "\n".join(lines)


class SmsDetailsDialog(Dialog[str | None]):
    TITLE = N_("Sent SMS")
    HELP = N_("""
Everything known about one sent SMS. [b]c[/b] calls the recipient (your phone
rings first), [b]u[/b] puts the text and sender back in the form to send it
again, [b]escape[/b] closes.
""")
    BINDINGS = [
        Binding("escape", "close", N_("Close")),
        Binding("c", "choose('call')", N_("Call")),
        Binding("u", "choose('reuse')", N_("Use again")),
        Binding("f1", "app.help", N_("Help")),
    ]

    def __init__(self, record: SentMessage, clock: Callable[[], float]) -> None:
        super().__init__()
        self.record = record
        self._clock = clock

    def compose(self) -> ComposeResult:
        record = self.record
        who = format_number(record.number)
        if record.name:
            title = _("SMS to {name} ({number})").format(name=record.name, number=who)
        else:
            title = _("SMS to {number}").format(number=who)
        with Vertical(classes="dialog sms-details"):
            yield Static(Text(title), classes="dialog-title")
            yield Static(Text(details_text(record, self._clock())), classes="dialog-text")
            with VerticalScroll(id="details-message"):
                yield Static(Text(record.message))
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Call (c)"), id="call", compact=True)
                yield Button(_("Use again (u)"), id="reuse", compact=True)
                yield Button(_("Close"), id="close", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "close" else event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    def action_close(self) -> None:
        self.dismiss(None)
