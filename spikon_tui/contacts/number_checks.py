"""What `phonenumbers` finds wrong with a number, and whether it can receive an SMS.

The API takes any text of up to 25 characters as a phone-book number, so nothing here
refuses: `number_problem` words a warning to show beside the number (too few digits, no
such range in the numbering plan, not a phone number at all), and `can_receive_sms` tells
a mobile from a landline so the SMS form can warn before sending to one. Both read the
number as `match_key` does (`(0-22) 123 45 67` is the Warsaw number 22 123 45 67, where
the library would count the 0 as a tenth digit).
"""

from __future__ import annotations

from spikon_tui.contacts.number_key import match_key
from spikon_tui.contacts.polish_plan import (
    POLISH_CODE,
    LineKind,
    is_polish_national,
    kind_of,
    polish_line,
)
from spikon_tui.i18n import _

_WRITING = frozenset("0123456789+ -./()\u00a0\t")
"""What an ordinary phone number is written with."""


def number_problem(number: str) -> str | None:
    """None when `number` is a possible, valid number (or a short code such as 112);
    otherwise a warning in words. Never a refusal: the API stores it as it is."""
    text = number.strip()
    if not text:
        return None
    key = match_key(text)
    if key is not None and is_polish_national(key) and polish_line(key).valid:
        return None
    if key is None and not _WRITING.issuperset(text):
        return _not_a_number(text)
    return _library_problem(text, key if key is not None else text)


def can_receive_sms(number: str) -> bool | None:
    """True for a mobile (or a number that may be one), False for a landline, free-phone,
    premium-rate and the like, None when not known (not a number, not in the plan)."""
    key = match_key(number)
    if key is None:
        return None
    if is_polish_national(key):
        kind = polish_line(key).kind
    elif key.startswith("+"):
        kind = _international_kind(key)
    else:
        return None
    if kind is LineKind.UNKNOWN:
        return None
    return kind is LineKind.MOBILE


def _international_kind(key: str) -> LineKind:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(key)
    except phonenumbers.NumberParseException:
        return LineKind.UNKNOWN
    return kind_of(phonenumbers.number_type(parsed))


def _not_a_number(text: str) -> str:
    return _("{number} is not an ordinary phone number; it is stored as written").format(
        number=text
    )


def _library_problem(text: str, key: str) -> str | None:
    import phonenumbers
    from phonenumbers import ValidationResult, shortnumberinfo

    try:
        parsed = phonenumbers.parse(key, "PL")
    except phonenumbers.NumberParseException as error:
        kind, failed = error.error_type, phonenumbers.NumberParseException
        if kind == failed.INVALID_COUNTRY_CODE:
            return _("{number} does not start with a country code").format(number=text)
        if kind in (failed.TOO_SHORT_AFTER_IDD, failed.TOO_SHORT_NSN):
            return _("{number} has too few digits for a phone number").format(number=text)
        if kind == failed.TOO_LONG:
            return _("{number} has too many digits for a phone number").format(number=text)
        return _not_a_number(text)
    if parsed.country_code == POLISH_CODE and shortnumberinfo.is_valid_short_number(parsed):
        return None
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    code = parsed.country_code
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        return _("{number}: +{code} is not a country code").format(number=text, code=code)
    at_home = code == POLISH_CODE
    if reason == ValidationResult.TOO_SHORT:
        if at_home:
            return _("{number} has too few digits for a number in Poland").format(number=text)
        return _("{number} has too few digits for a number with country code +{code}").format(
            number=text, code=code
        )
    if reason == ValidationResult.TOO_LONG:
        if at_home:
            return _("{number} has too many digits for a number in Poland").format(number=text)
        return _("{number} has too many digits for a number with country code +{code}").format(
            number=text, code=code
        )
    if reason == ValidationResult.INVALID_LENGTH:
        if at_home:
            return _("{number} has the wrong number of digits for a number in Poland").format(
                number=text
            )
        return _(
            "{number} has the wrong number of digits for a number with country code +{code}"
        ).format(number=text, code=code)
    if phonenumbers.is_valid_number(parsed):
        return None
    if at_home:
        return _("{number} is not a possible number in Poland (no such range in the plan)").format(
            number=text
        )
    return _("{number} is not a possible number with country code +{code}").format(
        number=text, code=code
    )
