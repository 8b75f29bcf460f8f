"""As-you-type validation with the client's own checks, so the UI and the API limits never drift."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.validation import ValidationResult, Validator

from spikon_tui.api.errors import ValidationError
from spikon_tui.api.validation import FieldError


def in_form_words(error: ValidationError, labels: Mapping[str, str]) -> str:
    """The check's sentence naming the fields as a form does (`labels`: parameter -> label)."""
    return error.worded(labels) if isinstance(error, FieldError) else str(error)


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
            return self.failure(in_form_words(error, {error.parameter: self.label}))
        return self.success()
