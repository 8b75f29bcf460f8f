"""A modal form that sends one request and stays open, with what was typed, when it fails.

Subclasses compose their inputs and implement `build_request()`, which reads the
fields (on the UI side) and returns the coroutine function to run; this base runs
it in a worker (`spikon_tui.ui.requests.run_request`), shows the server's answer
inline on failure, and dismisses with the result on success. The submit button is
disabled while a request is in flight, so a double press can never send the same
request twice.

While the user types, the line under the fields names the first problem of a
field that has something in it (an empty field the user has not reached yet is
not an error); on submit every field must pass, and nothing is sent otherwise.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from textual.binding import Binding
from textual.widgets import Button, Input, Static

from spikon_tui.i18n import N_, _
from spikon_tui.ui.dialogs.base import Dialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Outcome, Succeeded, run_request

ResultT = TypeVar("ResultT")


class RequestDialog(Dialog[ResultT | None], Generic[ResultT]):
    TITLE = N_("Form")
    HELP = N_("""
Each field is checked against SPIKON's limits as you type; the line above the
buttons says what is wrong. [b]enter[/b] moves to the next field and, in the
last one, sends the form; [b]escape[/b] closes it without sending anything.

If SPIKON refuses or cannot be reached, the reason shows above the buttons and
everything you typed stays, ready to correct and send again.
""")
    BINDINGS = [Binding("escape", "cancel", N_("Cancel")), Binding("f1", "app.help", N_("Help"))]

    sending: bool = False
    """True while the request is in flight: the form cannot be sent again."""

    _as_opened: tuple[str, ...] = ()

    def on_mount(self) -> None:
        self._as_opened = tuple(field.value for field in self.query(Input))

    def typed_work(self) -> str | None:
        """What quitting would throw away: the fields, once changed from how they opened."""
        if tuple(field.value for field in self.query(Input)) == self._as_opened:
            return None
        return _("what is typed in “{form}”").format(form=_(self.TITLE))

    def build_request(self) -> Callable[[], Awaitable[ResultT]]:
        """Read the (valid) fields and return what sends the request; runs on the UI side."""
        raise NotImplementedError

    def field_problem(self, field: Input) -> str | None:
        """What is wrong with one field, in words, or None when its validators pass.

        The fields are built with `valid_empty=True`, so an empty field is not painted
        as invalid while the user is still on another one; here it is checked all the same.
        """
        for validator in field.validators:
            result = validator.validate(field.value)
            if not result.is_valid:
                return " ".join(result.failure_descriptions)
        return None

    def first_problem(self, *, typed_only: bool = False) -> tuple[Input | None, str] | None:
        """The first field that cannot be sent and why (field None: not about one field).

        With `typed_only`, fields that are still empty are not checked (the user is
        filling the form in and has not got to them yet).
        """
        for field in self.query(Input):
            if typed_only and not field.value.strip():
                continue
            problem = self.field_problem(field)
            if problem:
                return field, problem
        return None

    def validation_problem(self, *, typed_only: bool = False) -> str | None:
        """The first thing wrong with the form, in words, or None when it can be sent."""
        found = self.first_problem(typed_only=typed_only)
        return None if found is None else found[1]

    def show_error(self, text: str) -> None:
        error = self.query_one(".dialog-error", Static)
        error.update(text)
        error.display = bool(text)

    @property
    def error_text(self) -> str:
        """What the error line under the fields says now ("" when it is hidden)."""
        error = self.query_one(".dialog-error", Static)
        return str(error.content) if error.display else ""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.action_cancel()
        elif event.button.id == "submit":
            self.submit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on to the next field; in the last field it sends the form."""
        event.stop()
        fields = list(self.query(Input))
        if event.input in fields and event.input is not fields[-1]:
            fields[fields.index(event.input) + 1].focus()
            return
        self.submit()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if not self.sending:
            self.show_error(self.validation_problem(typed_only=True) or "")

    def submit(self) -> None:
        if self.sending:
            return
        found = self.first_problem()
        if found is not None:
            field, problem = found
            self.show_error(problem)
            if field is not None:
                field.add_class("-invalid")
                field.focus()
            return
        self.sending = True
        self.query_one("#submit", Button).disabled = True
        self.show_error("")
        self._run(self.build_request())

    def _run(self, request: Callable[[], Awaitable[ResultT]]) -> None:
        run_request(self, request, self._finished, group="request-dialog", exclusive=True)

    def _finished(self, outcome: Outcome[ResultT]) -> None:
        if isinstance(outcome, Succeeded):
            self.dismiss(outcome.result)
            return
        self.sending = False
        self.query_one("#submit", Button).disabled = False
        self.failed(outcome.error)  # shown inline, the form keeps its values

    def failed(self, error: Exception) -> None:
        """Show why the request failed; the fields keep what was typed."""
        self.show_error(describe_error(error))

    def action_cancel(self) -> None:
        if self.sending:
            # The request may already be on its way: closing now would hide its outcome.
            self.notify(_("Wait for SPIKON's answer before closing this form."), severity="warning")
            return
        self.dismiss(None)

    def value_of(self, selector: str) -> Any:
        return self.query_one(selector, Input).value.strip()
