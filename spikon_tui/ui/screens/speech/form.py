"""The announcement form: language, voice, name and text, the price, and Generate.

The language and voice are picked in `VoicePicker` (speech_voice.py). The price
follows the text and the voice: it is asked a moment after the user stops
typing (`PRICE_DELAY`), and an
answer that arrives after a newer question was asked never replaces the newer
one (`PriceQuotes`). Generating costs money, so it always shows the price in a
confirmation first, and is sent once per confirmed "yes": the button is
disabled while the order is on its way, and when the answer is lost the form
says the outcome is unknown and asks the screen to reload the list instead of
ordering again.

Nothing the user typed is ever cleared, after a success or a failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Static, TextArea

from spikon_tui.api import validation
from spikon_tui.api.errors import SpikonError
from spikon_tui.api.models import TtsCreated, TtsPrice, TtsVoice
from spikon_tui.formatting import format_money
from spikon_tui.i18n import N_, _
from spikon_tui.speech.pricing import PriceQuotes, PriceRequest
from spikon_tui.speech.wording import (
    character_count,
    gender_word,
    grouped,
    price_text,
)
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.forms.api_validator import ApiCheck
from spikon_tui.ui.requests import Failed, Outcome, Succeeded, run_request
from spikon_tui.ui.screens.speech.voice import VoicePicker
from spikon_tui.ui.typed_app import spikon_client
from spikon_tui.ui.widgets.field import Field


def check_announcement_name(value: str) -> str:
    """tts/generate `name`: the documentation sets no length, only that it is required."""
    return validation.check_text(value, "name")


THE_NAME = N_("the name")
THE_TEXT = N_("the text")
"""How the checks' messages name the fields (msgids: the checks are made per form)."""


def _problem(check: ApiCheck, value: str) -> str | None:
    result = check.validate(value)
    return None if result.is_valid else " ".join(result.failure_descriptions)


@dataclass(frozen=True)
class Order:
    """One announcement as confirmed by the user: exactly what tts/generate is sent."""

    language: str
    voice: TtsVoice
    name: str
    text: str
    price: TtsPrice

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.voice.name, self.name, self.text)


class AnnouncementForm(Vertical):
    PRICE_DELAY: ClassVar[float] = 0.6
    """Seconds of quiet typing before the price is asked (tests shorten it)."""

    @dataclass
    class Generated(Message):
        """An announcement was ordered; it is being generated."""

        created: TtsCreated
        name: str

    @dataclass
    class OutcomeUnknown(Message):
        """An order's answer was lost: it may or may not exist (the list must be reloaded)."""

        name: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quotes = PriceQuotes()
        self.sending = False
        """True while an order is on its way: it cannot be sent again."""
        self.ordered: dict[tuple[str, str, str], int] = {}
        """What was ordered from this form (voice, name, text) -> the announcement's id."""
        self.unknown_outcome: Order | None = None
        """The last order whose answer was lost, until the form changes."""
        self._price_timer: Timer | None = None
        self._confirm_when_priced = False
        self.name_check = ApiCheck(check_announcement_name, _(THE_NAME))
        self.text_check = ApiCheck(validation.check_tts_text, _(THE_TEXT))

    def compose(self) -> ComposeResult:
        yield VoicePicker(id="tts-voice-row")
        name = Field(
            placeholder=_("How the list shows it, e.g. Greeting"),
            id="tts-name",
            valid_empty=True,
            validators=[self.name_check],
        )
        name.border_title = _("Name")
        yield name
        text = TextArea(
            id="tts-text",
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=_("What the voice says, at most {limit} characters").format(
                limit=validation.TTS_TEXT_MAX
            ),
        )
        text.border_title = _("Text")
        yield text
        yield Static("", id="tts-error")
        with Horizontal(id="tts-bottom-row"):
            with Vertical(id="tts-figures"):
                yield Static(character_count(0), id="tts-count")
                yield Static(_("Price: type the text first"), id="tts-price")
            yield Button(_("Generate"), id="tts-generate", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#tts-name", Input).focus()

    # -- what the form holds -------------------------------------------------------------

    @property
    def picker(self) -> VoicePicker:
        return self.query_one(VoicePicker)

    @property
    def language(self) -> str | None:
        return self.picker.language

    @property
    def voice(self) -> TtsVoice | None:
        return self.picker.voice

    @property
    def name_typed(self) -> str:
        return self.query_one("#tts-name", Input).value

    @property
    def text(self) -> str:
        return self.query_one("#tts-text", TextArea).text

    @property
    def error_text(self) -> str:
        error = self.query_one("#tts-error", Static)
        return str(error.content) if error.display else ""

    def show_error(self, text: str, *, progress: bool = False) -> None:
        error = self.query_one("#tts-error", Static)
        error.update(text)
        error.set_class(progress, "-progress")
        error.display = bool(text)

    def _set_price_line(self, text: str, *, warning: bool = False) -> None:
        line = self.query_one("#tts-price", Static)
        line.update(text)
        line.set_class(warning, "-warning")

    def reload_failed(self) -> None:
        """ctrl+r on the screen: load again whatever could not be loaded, or ask the price."""
        voice = self.voice
        if self.picker.reload_failed() or voice is None:
            return
        if self.quotes.known(voice.name, self.text) is None:
            self._schedule_price()

    @on(VoicePicker.Changed)
    def _voice_changed(self, event: VoicePicker.Changed) -> None:
        event.stop()
        self._form_changed()

    # -- typing: the counter and the price ------------------------------------------------

    @on(TextArea.Changed, "#tts-text")
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._form_changed()

    @on(Input.Changed, "#tts-name")
    def _name_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._forget_unknown_outcome()
        if self.sending:
            return
        problem = self._name_problem() if event.value.strip() else None
        self.show_error(problem or "")

    @on(Input.Submitted, "#tts-name")
    def _name_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#tts-text", TextArea).focus()

    def _form_changed(self) -> None:
        self._forget_unknown_outcome()
        if self._confirm_when_priced:
            # The price being fetched is for what the form held: no question pops up later.
            self._confirm_when_priced = False
            self.show_error("")
        length = len(self.text)
        count = self.query_one("#tts-count", Static)
        count.update(character_count(length))
        count.set_class(length > validation.TTS_TEXT_MAX, "-over")
        if not self.sending:
            problem = self._text_problem() if self.text.strip() else None
            if problem is not None or self.error_text:
                self.show_error(problem or "")
        self._schedule_price()

    def _forget_unknown_outcome(self) -> None:
        if self.unknown_outcome is not None:
            self.unknown_outcome = None
            if not self.sending:
                self.query_one("#tts-generate", Button).label = _("Generate")

    def _price_blocker(self) -> str | None:
        """Why no price can be asked for what the form holds now, or None."""
        if self.voice is None:
            return _("Price: choose a voice first")
        if not self.text.strip():
            return _("Price: type the text first")
        if len(self.text) > validation.TTS_TEXT_MAX:
            return _("Price: shorten the text first")
        return None

    def _schedule_price(self) -> None:
        if self._price_timer is not None:
            self._price_timer.stop()
            self._price_timer = None
        blocker = self._price_blocker()
        if blocker is not None:
            self._set_price_line(blocker)
            return
        assert self.voice is not None
        known = self.quotes.known(self.voice.name, self.text)
        if known is not None:
            self._set_price_line(_("Price: {price}").format(price=price_text(known)))
            return
        self._set_price_line(_("Price: checking…"))
        self._price_timer = self.set_timer(self.PRICE_DELAY, self._ask_price)

    def _ask_price(self) -> None:
        self._price_timer = None
        if self._price_blocker() is not None or self.voice is None:
            return
        self._set_price_line(_("Price: checking…"))
        self.fetch_price(self.quotes.ask(self.voice.name, self.text))

    def fetch_price(self, request: PriceRequest) -> None:
        # Not exclusive: an older answer still arriving is fine, PriceQuotes keeps it from
        # replacing a newer one.
        client = spikon_client(self)
        run_request(
            self,
            lambda: client.tts_price(voice=request.voice, text=request.text),
            partial(self._price_loaded, request),
            group="tts-price",
        )

    def _price_loaded(self, request: PriceRequest, outcome: Outcome[TtsPrice]) -> None:
        if isinstance(outcome, Succeeded):
            latest = self.quotes.answered(request, outcome.result)
        else:
            latest = self.quotes.is_latest(request)
        voice = self.voice
        current = voice is not None and (voice.name, self.text) == (request.voice, request.text)
        if not (latest and current):
            return
        confirm = self._confirm_when_priced
        self._confirm_when_priced = False
        if isinstance(outcome, Failed):
            self._set_price_line(_("Price unknown (ctrl+g asks again)"), warning=True)
            self.show_error(
                _("The price could not be checked: {error}").format(
                    error=describe_error(outcome.error)
                )
            )
            return
        self._set_price_line(_("Price: {price}").format(price=price_text(outcome.result)))
        if confirm:
            self.show_error("")
            self.request_generate()

    # -- generating ----------------------------------------------------------------------

    def _name_problem(self) -> str | None:
        return _problem(self.name_check, self.name_typed)

    def _text_problem(self) -> str | None:
        return _problem(self.text_check, self.text)

    def _first_problem(self) -> tuple[Widget | None, str] | None:
        voice_problem = self.picker.problem()
        if voice_problem is not None:
            return voice_problem
        name_problem = self._name_problem()
        if name_problem:
            return self.query_one("#tts-name", Input), name_problem
        text_problem = self._text_problem()
        if text_problem:
            return self.query_one("#tts-text", TextArea), text_problem
        return None

    def request_generate(self) -> None:
        """ctrl+g or the button: check the form, make sure of the price, then ask."""
        if self.sending:
            self.app.notify(_("The announcement is being ordered; wait for SPIKON's answer."))
            return
        found = self._first_problem()
        if found is not None:
            widget, problem = found
            self.show_error(problem)
            if widget is not None:
                widget.focus()
            return
        voice, language = self.voice, self.language
        assert voice is not None and language is not None
        name = check_announcement_name(self.name_typed)
        text = self.text
        price = self.quotes.known(voice.name, text)
        if price is None:
            if self._price_timer is not None:
                self._price_timer.stop()
                self._price_timer = None
            self._confirm_when_priced = True
            self.show_error(_("Checking the price before ordering…"), progress=True)
            self._set_price_line(_("Price: checking…"))
            self.fetch_price(self.quotes.ask(voice.name, text))
            return
        self._confirm(Order(language, voice, name, text, price))

    def _confirm(self, order: Order) -> None:
        voice = order.voice
        details = ", ".join(filter(None, (gender_word(voice), order.language)))
        about_voice = f"{voice.name} ({details})"
        question = _(
            "Generate “{name}” ({count} characters) with the voice {voice}?\n"
            "It costs {net} net ({gross} gross), taken from your balance."
        ).format(
            name=order.name,
            count=grouped(len(order.text)),
            voice=about_voice,
            net=format_money(order.price.cost_net),
            gross=format_money(order.price.cost_gross),
        )
        if self.unknown_outcome is not None:
            warning = _(
                "The last order's answer was lost, so it may already exist: check the list first."
            )
            question = f"{warning} {question}"
        elif order.key in self.ordered:
            warning = _("You already ordered exactly this announcement (#{tts_id}).").format(
                tts_id=self.ordered[order.key]
            )
            question = f"{warning} {question}"

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._send(order)

        self.app.push_screen(ConfirmDialog(question, yes_label=_("Generate")), confirmed)

    def _send(self, order: Order) -> None:
        if self.sending:
            return
        self.sending = True
        button = self.query_one("#tts-generate", Button)
        button.disabled = True
        button.label = _("Generating…")
        self.show_error(_("Ordering “{name}”…").format(name=order.name), progress=True)
        self.generate(order)

    def generate(self, order: Order) -> None:
        """tts/generate, once (never retried here)."""
        client = spikon_client(self)
        run_request(
            self,
            lambda: client.tts_generate(voice=order.voice.name, name=order.name, text=order.text),
            partial(self._order_finished, order),
            group="tts-generate",
        )

    def _order_finished(self, order: Order, outcome: Outcome[TtsCreated]) -> None:
        self.sending = False
        button = self.query_one("#tts-generate", Button)
        button.disabled = False
        button.label = _("Generate")
        if isinstance(outcome, Succeeded):
            created = outcome.result
            self.ordered[order.key] = created.tts_id
            self.show_error("")
            self.post_message(self.Generated(created, order.name))
            return
        error = outcome.error
        self.show_error(describe_error(error))
        if isinstance(error, SpikonError) and error.outcome_unknown:
            self.unknown_outcome = order
            button.label = _("Generate again")
            self.app.notify(
                _(
                    "The list of announcements is being reloaded: if it shows "
                    "“{name}” as new, the order went through."
                ).format(name=order.name),
                title=_("Whether it was ordered is unknown"),
                severity="warning",
                timeout=15,
            )
            self.post_message(self.OutcomeUnknown(order.name))
        else:
            self.app.notify(
                describe_error(error),
                title=_("Could not generate “{name}”").format(name=order.name),
                severity="error",
            )

    @on(Button.Pressed, "#tts-generate")
    def _generate_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.request_generate()
