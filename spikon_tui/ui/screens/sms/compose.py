"""The compose form of the SMS screen: sender, recipients, message, and a live counter.

The form checks as you type with the client's own limits (`spikon_tui.sms.draft`
goes through `api.validation`), counts characters and SMS parts the way the
network does, and keeps everything typed until a send succeeds. It never sends
anything itself: the screen asks it for a `Draft` and locks it while SPIKON answers.
A recipient that is not a mobile (a landline) is named on a warning line, which does
not stop the send.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static, TextArea

from spikon_tui.api import validation
from spikon_tui.api.errors import ValidationError
from spikon_tui.i18n import N_, _
from spikon_tui.sms.draft import Draft, counter_lines, read_draft, sender_note
from spikon_tui.sms.length import measure
from spikon_tui.sms.plain_letters import plain_letters
from spikon_tui.sms.recipients import (
    NoRecipientsError,
    add_number,
    no_sms_warning,
    parse_recipients,
)
from spikon_tui.ui.forms.api_validator import ApiCheck, in_form_words
from spikon_tui.ui.typed_app import spikon_app
from spikon_tui.ui.widgets.field import Field

DEFAULT_SENDER = "SMS"
REMEMBERED_SENDER = "sms_sender"
"""The session preference holding the sender chosen last time."""

EACH_RECIPIENT = N_("each recipient")
_FIELD_LABELS = {"from": N_("the sender"), "to": EACH_RECIPIENT, "message": N_("the message")}
"""The API's parameter names as the form says them (msgids)."""
_FIELD_IDS = {"from": "#sender", "to": "#recipients", "message": "#message"}


class MessageArea(TextArea, inherit_bindings=False):
    """A TextArea without its own f6/f7 (select line / select all), which the app uses to
    switch screens: left in, they would jump to the front of the footer while typing."""

    BINDINGS = [
        binding
        for binding in TextArea.BINDINGS
        if not (isinstance(binding, Binding) and binding.key in ("f6", "f7"))
    ]


def _sender_label(sender: str) -> str:
    return _("2way (replies)") if sender == "2way" else sender


def problem_text(error: ValidationError) -> str:
    """A check's refusal with the field named as the user sees it."""
    if isinstance(error, NoRecipientsError):
        return _("Type a recipient's number, or pick one from a phone book (ctrl+o).")
    return in_form_words(error, {parameter: _(label) for parameter, label in _FIELD_LABELS.items()})


class ComposeForm(Vertical):
    """Sender, recipients and message; `draft()` returns what may be sent."""

    DEFAULT_CSS = """
    ComposeForm #no-sms-warning {
        height: auto;
        display: none;
        color: $text-warning;
        padding: 0 1;
    }
    """

    def __init__(self, sender: str = DEFAULT_SENDER, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._initial_sender = sender if sender in validation.SMS_SENDERS else DEFAULT_SENDER
        self.names: dict[str, str] = {}
        """Phone-book names of numbers picked from a book."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="address-row"):
            yield Select(
                [(_sender_label(sender), sender) for sender in validation.SMS_SENDERS],
                value=self._initial_sender,
                allow_blank=False,
                id="sender",
            )
            recipients = Field(
                placeholder=_("e.g. 501 234 567, 601 234 567"),
                id="recipients",
                valid_empty=True,
                validators=[ApiCheck(parse_recipients, _(EACH_RECIPIENT))],
            )
            recipients.border_title = _("To")
            yield recipients
        yield Static("", id="no-sms-warning")
        yield Static(sender_note(self._initial_sender), id="sender-note")
        message = MessageArea(
            id="message", tab_behavior="focus", placeholder=_("Type the message…")
        )
        message.border_title = _("Message")
        yield message
        with Horizontal(id="send-row"):
            yield Static("", id="counter")
            yield Button(_("Send"), id="send", variant="primary", compact=True)
            yield Button(_("Phone book"), id="pick", compact=True)
        yield Static("", id="compose-error")

    def on_mount(self) -> None:
        self.update_counter()

    # -- what is typed -------------------------------------------------------------

    @property
    def sender(self) -> str:
        value = self.query_one("#sender", Select).value
        return value if isinstance(value, str) else DEFAULT_SENDER

    @property
    def recipients_text(self) -> str:
        return self.query_one("#recipients", Input).value

    @property
    def message(self) -> str:
        return self.query_one("#message", TextArea).text

    def draft(self) -> Draft:
        """What may be sent; raises `ValidationError` naming the first field at fault."""
        return read_draft(self.sender, self.recipients_text, self.message, self.names)

    def recipient_count(self) -> int:
        try:
            return len(parse_recipients(self.recipients_text).numbers)
        except ValidationError:
            return 0

    # -- changing it ---------------------------------------------------------------------

    def add_recipients(self, picked: Mapping[str, str | None]) -> None:
        """Append numbers (with the phone-book names they were picked with)."""
        field = self.query_one("#recipients", Input)
        text = field.value
        for number, name in picked.items():
            text = add_number(text, number)
            if name:
                self.names[number] = name
        field.value = text
        field.cursor_position = len(text)

    def use_again(self, sender: str, message: str) -> None:
        """Fill in the sender and text of an earlier message (undo brings the old text back)."""
        self.query_one("#sender", Select).value = sender
        area = self.query_one("#message", TextArea)
        area.replace(message, (0, 0), area.document.end, maintain_selection_offset=False)

    def make_plain(self) -> bool:
        """Replace Polish letters and typographic marks; False when nothing changed."""
        area = self.query_one("#message", TextArea)
        plain = plain_letters(area.text)
        if plain == area.text:
            return False
        area.replace(plain, (0, 0), area.document.end, maintain_selection_offset=False)
        return True

    def clear_after_send(self) -> None:
        """Empty the recipients and the message (the sender stays)."""
        self.query_one("#recipients", Input).value = ""
        self.query_one("#message", TextArea).clear()
        self.names.clear()
        self.show_error("")

    def set_locked(self, locked: bool) -> None:
        """No editing while SPIKON answers: what is sent is what is on screen."""
        for widget in self.query("#sender, #recipients, #pick, #send").results(Widget):
            widget.disabled = locked
        self.query_one("#message", TextArea).read_only = locked

    def set_send_label(self, label: str) -> None:
        self.query_one("#send", Button).label = label

    # -- feedback ----------------------------------------------------------------------

    def show_error(self, text: str, *, progress: bool = False) -> None:
        line = self.query_one("#compose-error", Static)
        line.update(text)
        line.display = bool(text)
        line.set_class(progress, "-progress")

    @property
    def error_text(self) -> str:
        line = self.query_one("#compose-error", Static)
        return str(line.content) if line.display else ""

    @property
    def no_sms_text(self) -> str:
        """The warning about recipients that cannot receive an SMS; "" when there is none."""
        line = self.query_one("#no-sms-warning", Static)
        return str(line.content) if line.display else ""

    @on(Input.Changed, "#recipients")
    def _warn_of_numbers_without_sms(self) -> None:
        warning = no_sms_warning(self.recipients_text) or ""
        line = self.query_one("#no-sms-warning", Static)
        line.update(warning)
        line.display = bool(warning)

    def show_problem(self, error: ValidationError) -> None:
        """Say what is wrong and put the cursor in the field at fault."""
        self.show_error(problem_text(error))
        selector = _FIELD_IDS.get(error.parameter)
        if selector is not None:
            self.query_one(selector).focus()

    def typed_problem(self) -> str | None:
        """The first problem of what has been typed so far (empty fields are not problems yet)."""
        if self.recipients_text.strip():
            try:
                parse_recipients(self.recipients_text)
            except ValidationError as error:
                return problem_text(error)
        if len(self.message) > validation.SMS_MESSAGE_MAX:
            try:
                validation.check_sms_message(self.message)
            except ValidationError as error:
                return problem_text(error)
        return None

    def update_counter(self) -> None:
        length = measure(self.message)
        summary, detail = counter_lines(length, self.recipient_count())
        if length.is_unicode and plain_letters(self.message) != self.message:
            detail += " " + _("ctrl+g drops Polish letters.")
        counter = self.query_one("#counter", Static)
        counter.update(f"{summary}\n{detail}")
        counter.set_class(length.characters > validation.SMS_MESSAGE_MAX, "-over")

    @property
    def counter_text(self) -> str:
        return str(self.query_one("#counter", Static).content)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "sender":
            self.query_one("#sender-note", Static).update(sender_note(self.sender))
            spikon_app(self).session.remember(REMEMBERED_SENDER, self.sender)
