"""A modal form that sends one request and stays open, with what was typed, when it fails.

Subclasses compose their inputs and implement `send()`; this base runs it in a
worker, shows the server's answer inline on failure, and dismisses with the
result on success. The submit button is disabled while a request is in flight,
so a double press can never send the same request twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from spikon_tui.ui.errors import describe_error

ResultT = TypeVar("ResultT")


class RequestDialog(ModalScreen[ResultT | None], Generic[ResultT]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    sending: bool = False

    async def send(self) -> ResultT:
        raise NotImplementedError

    def validation_problem(self) -> str | None:
        """The first thing wrong with the form, in words, or None when it can be sent."""
        for field in self.query(Input):
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                label = field.border_title or field.placeholder or "This field"
                return f"{label}: {'; '.join(result.failure_descriptions)}"
        return None

    def show_error(self, text: str) -> None:
        error = self.query_one(".dialog-error", Static)
        error.update(text)
        error.display = bool(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.action_cancel()
        elif event.button.id == "submit":
            self.submit()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_input_changed(self, event: Input.Changed) -> None:
        if not self.sending:
            self.show_error(self.validation_problem() or "" if event.value else "")

    def submit(self) -> None:
        if self.sending:
            return
        problem = self.validation_problem()
        if problem:
            self.show_error(problem)
            return
        self.sending = True
        self.query_one("#submit", Button).disabled = True
        self.show_error("")
        self._run()

    @dataclass
    class Finished(Message):
        result: Any = None
        error: Exception | None = None

    @work(exclusive=True, group="request-dialog")
    async def _run(self) -> None:
        try:
            result = await self.send()
        except Exception as error:  # noqa: BLE001 - shown inline, the form keeps its values
            self.post_message(self.Finished(error=error))
        else:
            self.post_message(self.Finished(result=result))

    def on_request_dialog_finished(self, message: Finished) -> None:
        message.stop()
        if message.error is None:
            self.dismiss(message.result)
            return
        self.sending = False
        self.query_one("#submit", Button).disabled = False
        self.show_error(describe_error(message.error))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def value_of(self, selector: str) -> Any:
        return self.query_one(selector, Input).value.strip()
