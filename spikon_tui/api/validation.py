"""The documented parameter limits, checked before a request is sent.

Each `check_*` function takes what a caller (or a form field) holds, returns
the value exactly as it will be sent, and raises `ValidationError` naming the
API parameter when the value breaks a limit. The UI uses the same functions
and constants for validation as the user types.

Choices where the documentation is silent or loose:

- Text parameters (`phone_book_name`, element name, TTS voice/name) are
  stripped of surrounding whitespace before their length is checked.
- Phone numbers to call or look up (`destination_number`, the `number` filter
  of call_list/order) may contain spaces and hyphens, which are removed; what
  remains must be digits with an optional leading `+`, 1 to 25 characters.
- A phone-book entry's number (`phone_book_element_number`) is only "at most 25
  characters" in the documentation, so any text is accepted (`*100#`, `(22)`,
  an extension): spaces and hyphens are removed, and what remains must be 1 to
  25 characters with no control characters. Which form to store is
  `contacts.numbers.number_for_book`'s choice, not the client's.
- SMS `to`: a Polish number of 9 digits. Spaces and hyphens are removed, and a
  `+48` or `0048` country prefix is accepted and dropped ("+48 123 456 789" ->
  "123456789"); a bare `48` prefix is not guessed at. Several recipients may
  be given as a list or as one comma-separated string; they are sent joined
  with commas (see docs/api-notes.md).
- SMS `from`: one of `SMS_SENDERS`, compared without regard to case and sent
  in the documented spelling.
- call_list/order dates: `date` objects or "YYYY-MM-DD" strings; `date_start`
  must not be after `date_end`, and `(date_end - date_start).days` must be at
  most 100 ("at most 100 days" read as the difference of the two dates, so
  2024-01-01 .. 2024-04-10 is allowed and 2024-01-01 .. 2024-04-11 is not).
- Ids are whole numbers >= 0 (ints, or strings of digits); flags are 0/1 or
  bool.

Messages are in the interface language and name the parameter in words, never
by its API name (`PARAMETER_NAMES`: "The phone book name must not be empty.",
Polish "Pole „Nazwa książki” nie może być puste."). A `FieldError` can say its
sentence again with a form's own name for the field (`worded`), which is how
the forms' messages name what the user sees. Each sentence is whole in each
language: Polish words the field as „label” after "Pole"/"W polu", so no
adjective has to agree with a field name's gender.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import IntEnum

from spikon_tui.api.errors import ValidationError
from spikon_tui.api.limits import MAX_INT
from spikon_tui.i18n import N_, _

PHONE_BOOK_NAME_MAX = 25
PHONE_BOOK_ELEMENT_NAME_MAX = 120
PHONE_NUMBER_MAX = 25
"""destination_number, phone_book_element_number and the call_list/order `number` filter."""
SMS_MESSAGE_MAX = 918
"""6 standard SMS parts of 153 characters."""
SMS_NUMBER_DIGITS = 9
TTS_TEXT_MAX = 3000
CALL_LIST_MAX_DAYS = 100

SMS_SENDERS: tuple[str, ...] = (
    "SMS",
    "Informacja",
    "INFO",
    "KONKURS",
    "NOWOSC",
    "OFERTA",
    "PROMOCJA",
    "WIZYTA",
    "2way",
)
"""The sender names `sms/send` accepts in `from`; "2way" lets the recipient reply."""

_SENDER_BY_FOLDED = {sender.casefold(): sender for sender in SMS_SENDERS}
_PHONE_NUMBER = re.compile(r"\+?[0-9]+")
_NUMBER_FORMATTING = re.compile(r"[\s-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SMS_COUNTRY_PREFIXES = ("+48", "0048")


class CallDirection(IntEnum):
    """call_list/order `dir`."""

    INCOMING = 0
    OUTGOING = 1
    BOTH = 2


PARAMETER_NAMES: dict[str, str] = {
    "phone_book_name": N_("the phone book name"),
    "phone_book_element_name": N_("the entry name"),
    "phone_book_element_number": N_("the entry number"),
    "destination_number": N_("the number to call"),
    "number": N_("the number"),
    "dir": N_("the direction"),
    "date_start": N_("the first day"),
    "date_end": N_("the last day"),
    "from": N_("the sender"),
    "to": N_("the recipient"),
    "message": N_("the message"),
    "text": N_("the text"),
    "name": N_("the name"),
    "voice": N_("the voice"),
    "language": N_("the language"),
    "with_records_only": N_("the recorded-calls-only choice"),
    "sign": N_("the decimal mark choice"),
    "pcm_8k16bm": N_("the WAV format choice"),
    "id": N_("the id"),
    "agent_id": N_("the agent id"),
    "campaign_id": N_("the campaign id"),
    "cc_campaign_id": N_("the campaign id"),
    "call_list_id": N_("the report id"),
    "phone_account_id": N_("the phone account id"),
    "phone_book_id": N_("the phone book id"),
    "phone_book_element_id": N_("the entry id"),
    "tts_id": N_("the announcement id"),
}
"""Each API parameter in words (msgids); a parameter missing here is named as the API names it."""


def parameter_name(parameter: str) -> str:
    """ "phone_book_name" -> "the phone book name" (Polish "Nazwa książki")."""
    name = PARAMETER_NAMES.get(parameter)
    return _(name) if name is not None else parameter


class FieldError(ValidationError):
    """A `ValidationError` whose sentence can be said again naming the fields differently.

    `template` is the sentence in the interface language with `{parameter}` (and
    `{other}`, a second parameter) where the names go; `values` fill the rest.
    """

    def __init__(
        self, parameter: str, template: str, *, other: str | None = None, **values: object
    ) -> None:
        self.parameter = parameter
        self.template = template
        self.other = other
        self.values = values
        super().__init__(parameter, self.worded())

    def worded(self, names: Mapping[str, str] | None = None) -> str:
        """The sentence with each parameter named by `names` (a form's labels, by API
        parameter), else by `parameter_name`; it starts with a capital letter."""

        def name(parameter: str) -> str:
            if names is not None and parameter in names:
                return names[parameter]
            return parameter_name(parameter)

        other = name(self.other) if self.other is not None else ""
        text = self.template.format(parameter=name(self.parameter), other=other, **self.values)
        return text[:1].upper() + text[1:]


def _too_long(parameter: str, maximum: int, length: int) -> FieldError:
    return FieldError(
        parameter,
        _("{parameter} must be at most {maximum} characters long (it has {length})."),
        maximum=maximum,
        length=length,
    )


def check_text(value: object, parameter: str, *, maximum: int | None = None) -> str:
    """A non-empty string (stripped) of at most `maximum` characters."""
    if not isinstance(value, str):
        raise FieldError(parameter, _("{parameter} must be text."))
    text = value.strip()
    if not text:
        raise FieldError(parameter, _("{parameter} must not be empty."))
    if maximum is not None and len(text) > maximum:
        raise _too_long(parameter, maximum, len(text))
    return text


def check_phone_book_name(value: object) -> str:
    return check_text(value, "phone_book_name", maximum=PHONE_BOOK_NAME_MAX)


def check_phone_book_element_name(value: object) -> str:
    return check_text(value, "phone_book_element_name", maximum=PHONE_BOOK_ELEMENT_NAME_MAX)


def check_phone_number(value: object, parameter: str) -> str:
    """Digits with an optional leading +, at most 25 characters; spaces/hyphens removed.

    For `phone_book_element_number`, `check_phone_book_element_number` (any text)."""
    if parameter == "phone_book_element_number":
        return check_phone_book_element_number(value)
    number = _number_text(value, parameter)
    if not _PHONE_NUMBER.fullmatch(number):
        raise FieldError(
            parameter, _("{parameter} may contain only digits, with an optional leading +.")
        )
    if len(number) > PHONE_NUMBER_MAX:
        raise _too_long(parameter, PHONE_NUMBER_MAX, len(number))
    return number


def _number_text(value: object, parameter: str) -> str:
    """A number as text (an int is taken as its digits), spaces and hyphens removed, not empty."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(parameter, _("{parameter} must be a phone number."))
    number = _NUMBER_FORMATTING.sub("", value)
    if not number:
        raise FieldError(parameter, _("{parameter} must not be empty."))
    return number


def check_phone_book_element_number(value: object) -> str:
    """Any text of 1 to 25 characters once spaces and hyphens are removed, no control
    characters: what the API documents for a phone-book entry's number."""
    parameter = "phone_book_element_number"
    number = _number_text(value, parameter)
    if _CONTROL.search(number):
        raise FieldError(parameter, _("{parameter} must not contain control characters."))
    if len(number) > PHONE_NUMBER_MAX:
        raise _too_long(parameter, PHONE_NUMBER_MAX, len(number))
    return number


def check_id(value: object, parameter: str) -> int:
    """A whole number from 0 to 2**63 (an int, or a string of digits)."""
    if isinstance(value, bool):
        raise FieldError(
            parameter, _("{parameter} must be a whole number, not {value}."), value=value
        )
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        if len(value.strip()) > len(str(MAX_INT)):
            raise FieldError(parameter, _("{parameter} must be a whole number."))
        value = int(value.strip())
    if not isinstance(value, int):
        raise FieldError(parameter, _("{parameter} must be a whole number."))
    if value < 0:
        raise FieldError(parameter, _("{parameter} must not be negative."))
    if value > MAX_INT:
        raise FieldError(parameter, _("{parameter} must be a whole number."))
    return value


def check_flag(value: object, parameter: str) -> int:
    """0/1 or False/True -> 0/1."""
    if value in (0, 1) and isinstance(value, int):
        return int(value)
    raise FieldError(parameter, _("{parameter} must be 0 or 1."))


def check_direction(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value in (0, 1, 2):
        return int(value)
    raise FieldError("dir", _("{parameter} must be 0 (incoming), 1 (outgoing) or 2 (both)."))


def check_date(value: object, parameter: str) -> date:
    """A `date` (a `datetime` gives its date) or a "YYYY-MM-DD" string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        raise FieldError(
            parameter, _("{parameter} must be a date written YYYY-MM-DD, like 2024-01-31.")
        )
    raise FieldError(parameter, _("{parameter} must be a date."))


def check_date_range(start: object, end: object) -> tuple[date, date]:
    """Both dates valid, start not after end, at most 100 days apart."""
    first = check_date(start, "date_start")
    last = check_date(end, "date_end")
    if first > last:
        raise FieldError(
            "date_end", _("{parameter} must not be before {other}."), other="date_start"
        )
    if (last - first).days > CALL_LIST_MAX_DAYS:
        raise FieldError(
            "date_end",
            _("The date range may span at most {maximum} days (this one spans {days})."),
            maximum=CALL_LIST_MAX_DAYS,
            days=(last - first).days,
        )
    return first, last


def check_sms_sender(value: object) -> str:
    if isinstance(value, str):
        sender = _SENDER_BY_FOLDED.get(value.strip().casefold())
        if sender is not None:
            return sender
    raise FieldError(
        "from", _("{parameter} must be one of: {choices}."), choices=", ".join(SMS_SENDERS)
    )


def check_sms_number(value: object) -> str:
    """One Polish number -> its 9 digits."""
    if not isinstance(value, str):
        raise FieldError("to", _("{parameter} must be a phone number."))
    number = _NUMBER_FORMATTING.sub("", value)
    for prefix in _SMS_COUNTRY_PREFIXES:
        if number.startswith(prefix) and len(number) == len(prefix) + SMS_NUMBER_DIGITS:
            number = number[len(prefix) :]
            break
    if not number:
        raise FieldError("to", _("{parameter} must not be empty."))
    if not (number.isascii() and number.isdigit() and len(number) == SMS_NUMBER_DIGITS):
        raise FieldError(
            "to",
            _("{parameter} must be a Polish phone number of {digits} digits (got “{shown}”)."),
            digits=SMS_NUMBER_DIGITS,
            shown=value.strip()[:30],
        )
    return number


def check_sms_recipients(value: object) -> str:
    """One number, a comma-separated string, or a list -> "123456789,987654321"."""
    if isinstance(value, str):
        parts: Iterable[object] = [part for part in value.split(",") if part.strip()]
    elif isinstance(value, list | tuple):
        parts = value
    else:
        raise FieldError("to", _("{parameter} must be a phone number or a list of phone numbers."))
    numbers = [check_sms_number(part) for part in parts]
    if not numbers:
        raise FieldError("to", _("{parameter} must name at least one phone number."))
    return ",".join(numbers)


def check_sms_message(value: object) -> str:
    """1..918 characters, sent as typed (not stripped)."""
    if not isinstance(value, str):
        raise FieldError("message", _("{parameter} must be text."))
    if not value.strip():
        raise FieldError("message", _("{parameter} must not be empty."))
    if len(value) > SMS_MESSAGE_MAX:
        raise _too_long("message", SMS_MESSAGE_MAX, len(value))
    return value


def check_tts_text(value: object) -> str:
    """1..3000 characters, sent as typed (not stripped)."""
    if not isinstance(value, str):
        raise FieldError("text", _("{parameter} must be text."))
    if not value.strip():
        raise FieldError("text", _("{parameter} must not be empty."))
    if len(value) > TTS_TEXT_MAX:
        raise _too_long("text", TTS_TEXT_MAX, len(value))
    return value


def check_language(value: object) -> str:
    """A language code such as "pl-PL" (non-empty, no spaces)."""
    text = check_text(value, "language")
    if any(ch.isspace() for ch in text):
        raise FieldError("language", _("{parameter} must be a code such as pl-PL, without spaces."))
    return text
