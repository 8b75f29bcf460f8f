"""Reading the recipients a user typed: Polish numbers separated by commas or semicolons.

Each number goes through the client's own check (`check_sms_number`: 9 digits,
spaces and hyphens allowed, a +48 / 0048 prefix dropped), so the form and the
API never disagree. A number given twice is sent to once. A number the numbering
plan says is not a mobile (a landline, a free-phone line) is warned of by
`no_sms_warning`, never refused: the API takes it, and the plan may be out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spikon_tui.api.errors import ValidationError
from spikon_tui.api.validation import FieldError, check_sms_number
from spikon_tui.contacts.numbers import can_receive_sms, display_number
from spikon_tui.i18n import _, ngettext

_SEPARATORS = re.compile(r"[,;\n]")


class NoRecipientsError(FieldError):
    """No number was typed at all (as opposed to a number that breaks a rule)."""

    def __init__(self) -> None:
        super().__init__("to", _("{parameter} must name at least one phone number."))


@dataclass(frozen=True)
class Recipients:
    numbers: tuple[str, ...]
    """Each number as it will be sent (9 digits), in the order typed, without repeats."""
    repeats: int = 0
    """How many numbers were typed more than once (and will be sent to once)."""


def parse_recipients(text: str) -> Recipients:
    """The numbers in `text`; raises `ValidationError` (parameter "to") naming a bad one.

    Text with no number at all raises its subclass `NoRecipientsError`.
    """
    numbers: dict[str, None] = {}
    repeats = 0
    for piece in _SEPARATORS.split(text):
        if not piece.strip():
            continue
        number = check_sms_number(piece)
        if number in numbers:
            repeats += 1
        numbers[number] = None
    if not numbers:
        raise NoRecipientsError()
    return Recipients(tuple(numbers), repeats)


def format_number(number: str) -> str:
    """ "501234567" -> "501 234 567" (anything else is returned unchanged)."""
    if len(number) == 9 and number.isdigit():
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return number


def add_number(text: str, number: str) -> str:
    """`text` with `number` appended as one more recipient (unchanged if already there)."""
    try:
        present = parse_recipients(text).numbers if text.strip() else ()
    except ValidationError:
        present = ()
    if number in present:
        return text
    stripped = text.rstrip().rstrip(",;").rstrip()
    return f"{stripped}, {number}" if stripped else number


def numbers_without_sms(text: str) -> tuple[str, ...]:
    """The well-formed numbers in `text` that cannot receive an SMS (not mobiles), in the
    order typed, each once; a number still being typed, or refused, is left out."""
    found: dict[str, None] = {}
    for piece in _SEPARATORS.split(text):
        if not piece.strip():
            continue
        try:
            number = check_sms_number(piece)
        except ValidationError:
            continue
        if can_receive_sms(number) is False:
            found[number] = None
    return tuple(found)


def no_sms_warning(text: str) -> str | None:
    """A warning naming the numbers in `text` that cannot receive an SMS; None if none."""
    numbers = numbers_without_sms(text)
    if not numbers:
        return None
    shown = ", ".join(display_number(number) for number in numbers)
    return ngettext(
        "{numbers} is not a mobile number: it cannot receive an SMS.",
        "{numbers} are not mobile numbers: they cannot receive an SMS.",
        len(numbers),
    ).format(numbers=shown)
