"""As-you-type validation with the client's own checks, so the UI and the API limits never drift."""

from __future__ import annotations

from collections.abc import Callable

from textual.validation import ValidationResult, Validator

from spikon_tui.api.errors import ValidationError


class ApiCheck(Validator):
    """Runs a check from `api.validation`; the message names the field, not the parameter."""

    def __init__(self, check: Callable[[str], object], label: str) -> None:
        super().__init__()
        self.check = check
        self.label = label

    def validate(self, value: str) -> ValidationResult:
        try:
            self.check(value)
        except ValidationError as error:
            message = str(error).replace(error.parameter, self.label, 1)
            return self.failure(message[:1].upper() + message[1:])
        return self.success()
