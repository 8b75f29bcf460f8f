"""The key two phone numbers are compared by: `match_key("+48 600-100-200") == "600100200"`.

Phone books, call reports, SMS and the monitor write the same number in many ways.
`match_key` reduces each to one key, so that equal keys mean the same line:

- spaces (any whitespace), dashes, dots, slashes and parentheses are dropped;
- a Polish number, 9 national digits, is keyed by those 9 digits however it is
  written: `600100200`, `+48 600 100 200`, `0048600100200`, `48600100200`, and the
  old trunk prefix `(0-22) 123 45 67` (Poland has dialled 9 digits since 2009, but
  the 0 is still written out of habit; a Polish national number never starts with 0);
- another international number keeps its country code: `+49 30 1234567` and
  `0049 30 1234567` are both `+49301234567`; a trunk `(0)` after the country code,
  as in `+49 (0)30 1234567`, is dropped;
- anything else made of digits (an extension `101`, a short number `8080`) is keyed
  by its digits: it equals only itself;
- None when the text is not a phone number: letters or other signs, a `+` not at the
  start, fewer than 3 or more than 15 digits (E.164's longest).

Hand-written, not with `phonenumbers`, for speed; tests/contacts prove it agrees with
the library on every number the library finds valid. Measured here (Python 3.11,
phonenumbers 9.0.43): importing it costs 33-37 ms (`python -X importtime`, cumulative),
and `parse(number, "PL")` with an E.164 `format_number` about 21 µs per number (timeit,
20,000 mixed numbers), against 1.3 µs for `match_key` (same mix). A 50,000-call report
looks up 100,000 numbers: some 2 s of CPU with the library, 0.13 s without. What the
library adds (validity against the numbering plan, formatting) a matching key does not
need: a number outside the assigned ranges, as the sandbox's often are, still names its
contact.
"""

from __future__ import annotations

POLISH_CODE = "48"
NATIONAL_DIGITS = 9
"""A Polish number without the country code: always 9 digits, never starting with 0."""
MIN_DIGITS = 3
MAX_DIGITS = 15
"""E.164's longest number, country code included."""

_SEPARATORS = str.maketrans("", "", "-./()")
_DIGITS = frozenset("0123456789")


def match_key(number: str | None) -> str | None:
    """The key `number` is compared by (see the module docstring); None: not a phone number."""
    if not number:
        return None
    text = "".join(number.split())  # every kind of whitespace, non-breaking spaces too
    international = False
    if text.startswith("+"):
        international, text = True, text[1:]
    elif text.startswith("00"):
        international, text = True, text[2:]
    if international:
        text = text.replace("(0)", "", 1)  # "+49 (0)30 …": the trunk 0 is not dialled
    digits = text.translate(_SEPARATORS)
    if not digits or not _DIGITS.issuperset(digits):
        return None
    if international:
        return _international(digits)
    return _domestic(digits)


def _international(digits: str) -> str | None:
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS or digits.startswith("0"):
        return None  # no country code starts with 0
    national = digits[len(POLISH_CODE) :]
    if digits.startswith(POLISH_CODE):
        if len(national) == NATIONAL_DIGITS + 1 and national.startswith("0"):
            national = national[1:]  # "+48 (0)22 …" written as "+48 022 …"
        if len(national) == NATIONAL_DIGITS and not national.startswith("0"):
            return national
    return "+" + digits


def _domestic(digits: str) -> str | None:
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    if len(digits) == NATIONAL_DIGITS + 1 and digits.startswith("0"):
        return digits[1:]  # the old trunk prefix: "022 123 45 67"
    if len(digits) == NATIONAL_DIGITS + 2 and digits.startswith(POLISH_CODE):
        national = digits[len(POLISH_CODE) :]
        if not national.startswith("0"):
            return national  # "48600100200": the country code without + or 00
    return digits
