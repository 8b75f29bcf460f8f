"""The form that orders a call history report, checked against SPIKON's limits as you type.

Direction (incoming, outgoing, both), the first and last day (the last 7 days by
default, at most 100 days apart, the first not after the last; shown the
interface language's way, typed either way: 2025-06-09 or 09.06.2025), recorded
calls only, and an optional number. Every check is the client's own, through
`calls.order.check_order`; the line under the fields names the first problem of
what has been typed. Nothing here sends anything: the screen does, once per press,
and the fields keep what was typed whatever happens to the request.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from spikon_tui.api.errors import ValidationError
from spikon_tui.api.validation import CALL_LIST_MAX_DAYS, CallDirection
from spikon_tui.calls.order import OrderRequest, check_end, check_order, check_start
from spikon_tui.formatting import format_date
from spikon_tui.i18n import N_, _
from spikon_tui.ui.forms.api_validator import ApiCheck, in_form_words
from spikon_tui.ui.forms.parts import number_check

FIRST_DAY = N_("the first day")
LAST_DAY = N_("the last day")
THE_NUMBER = N_("the number")
FIELD_NAMES = {
    "date_start": FIRST_DAY,
    "date_end": LAST_DAY,
    "number": THE_NUMBER,
    "dir": N_("the direction"),
}
"""The API's parameter names, as the form's labels say them (msgids)."""

_FIELD_OF_PARAMETER = {
    "date_start": "#order-start",
    "date_end": "#order-end",
    "number": "#order-number",
    "dir": "#order-direction",
}
_DIRECTION_BUTTONS = {
    "order-in": CallDirection.INCOMING,
    "order-out": CallDirection.OUTGOING,
    "order-both": CallDirection.BOTH,
}


def in_words(error: ValidationError) -> str:
    """The client's message with the form's names for the parameters, as a sentence."""
    return in_form_words(error, {parameter: _(name) for parameter, name in FIELD_NAMES.items()})


class CallOrderForm(Vertical):
    """Direction, dates, recordings only and number; posts `Submitted` on enter or the button."""

    class Submitted(Message):
        """The user asked to order a report (the screen checks and sends it)."""

    def __init__(self, first_day: date, last_day: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._first_day = first_day
        self._last_day = last_day

    def compose(self) -> ComposeResult:
        with Horizontal(classes="order-line"):
            direction = RadioSet(
                RadioButton(_("Incoming"), id="order-in"),
                RadioButton(_("Outgoing"), id="order-out"),
                RadioButton(_("Both"), id="order-both", value=True),
                id="order-direction",
            )
            direction.border_title = _("Calls")
            yield direction
            yield Checkbox(_("Recorded calls only"), id="order-records-only")
        with Horizontal(classes="order-line"):
            yield self._date_field(
                "order-start",
                self._first_day,
                _("From"),
                ApiCheck(check_start, _(FIRST_DAY)),
            )
            yield self._date_field(
                "order-end",
                self._last_day,
                _("To"),
                ApiCheck(check_end, _(LAST_DAY)),
            )
            number = Input(
                placeholder=_("any number"),
                id="order-number",
                valid_empty=True,
                validators=[ApiCheck(number_check("number"), _(THE_NUMBER))],
            )
            number.border_title = _("Number (optional)")
            yield number
            yield Button(_("Order report"), id="order-submit", variant="primary")
        yield Static("", id="order-problem")

    @staticmethod
    def _date_field(field_id: str, value: date, title: str, check: ApiCheck) -> Input:
        field = Input(
            format_date(value),
            placeholder=_("YYYY-MM-DD"),
            id=field_id,
            max_length=10,
            valid_empty=True,
            validators=[check],
        )
        field.border_title = title
        return field

    # -- reading and filling ---------------------------------------------------------

    @property
    def direction(self) -> CallDirection:
        pressed = self.query_one("#order-direction", RadioSet).pressed_button
        if pressed is None or pressed.id not in _DIRECTION_BUTTONS:
            return CallDirection.BOTH
        return _DIRECTION_BUTTONS[pressed.id]

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def read_request(self) -> OrderRequest:
        """The request the form describes; `ValidationError` names the first problem."""
        return check_order(
            int(self.direction),
            check_start(self._value("#order-start")),
            check_end(self._value("#order-end")),
            self.query_one("#order-records-only", Checkbox).value,
            self._value("#order-number"),
        )

    def fill(self, request: OrderRequest) -> None:
        """Put an earlier request's choices back into the form."""
        for button_id, direction in _DIRECTION_BUTTONS.items():
            if direction == request.direction:
                self.query_one(f"#{button_id}", RadioButton).value = True
        self.query_one("#order-start", Input).value = format_date(request.date_start)
        self.query_one("#order-end", Input).value = format_date(request.date_end)
        self.query_one("#order-records-only", Checkbox).value = request.records_only
        self.query_one("#order-number", Input).value = request.number

    # -- checking ----------------------------------------------------------------------

    def problem(self, *, typed_only: bool = False) -> tuple[Widget | None, str] | None:
        """The first thing wrong with the form and the field it is in, or None.

        With `typed_only`, empty dates are not a problem yet (the user has not got to
        them); otherwise they are, and only the number may stay empty.
        """
        for field in self.query(Input):
            if not field.value.strip():
                continue
            for validator in field.validators:
                result = validator.validate(field.value)
                if not result.is_valid:
                    return field, " ".join(result.failure_descriptions)
        if typed_only and not (self._value("#order-start") and self._value("#order-end")):
            return None
        try:
            self.read_request()
        except ValidationError as error:
            field_id = _FIELD_OF_PARAMETER.get(error.parameter)
            return (self.query_one(field_id) if field_id else None), in_words(error)
        return None

    def show_problem(self, text: str) -> None:
        line = self.query_one("#order-problem", Static)
        line.update(text)
        line.display = bool(text)

    @property
    def problem_text(self) -> str:
        line = self.query_one("#order-problem", Static)
        return str(line.content) if line.display else ""

    def check_and_point(self) -> OrderRequest | None:
        """The request, or None after showing the problem and moving to its field."""
        found = self.problem()
        if found is None:
            self.show_problem("")
            return self.read_request()
        field, text = found
        self.show_problem(text)
        if field is not None:
            field.focus()
        return None

    def set_sending(self, sending: bool, *, label: str | None = None) -> None:
        """Disable the button while an order is on its way; `label`: its words afterwards."""
        button = self.query_one("#order-submit", Button)
        button.disabled = sending
        button.label = _("Ordering…") if sending else (label or _("Order report"))

    # -- events ------------------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        found = self.problem(typed_only=True)
        self.show_problem("" if found is None else found[1])

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())

    @on(Button.Pressed, "#order-submit")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Submitted())

    def on_mount(self) -> None:
        self.show_problem("")
        self.query_one("#order-end", Input).tooltip = _(
            "At most {days} days after the first day."
        ).format(days=CALL_LIST_MAX_DAYS)
