"""The key two phone numbers are compared by: `match_key("+48 600-100-200") == "600100200"`.

Phone books, call reports, SMS and the monitor write the same number in many ways.
`match_key` reduces each to one key, so that equal keys mean the same line:

- spaces (any whitespace), dashes, dots, slashes and parentheses are dropped;
- a Polish number, 9 national digits, is keyed by those 9 digits however it is
  written: `600100200`, `+48 600 100 200`, `0048600100200`, `48600100200`, and the
  old trunk prefix `(0-22) 123 45 67` (Poland has dialled 9 digits since 2009, but
  the 0 is still written out of habit; a Polish national number never starts with 0);
  a shorter one after `+48` (`+48 30 12 345`) is keyed as written at home (`3012345`);
- another international number keeps its country code: `+49 30 1234567` and
  `0049 30 1234567` are both `+49301234567`; the trunk 0 after the country code of a
  country that dials one at home, as in `+49 (0)30 1234567` or `+44 020 …`, is dropped
  (`TRUNK_ZERO_CODES`), but not Italy's 0, which is part of the number (`+39 06 …`);
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

_TRUNK_ZERO_TABLE = """
20 27 31 32 33 40 41 43 44 46 49 51 53 54 55 58 60 61 62 63 64 66 81 82 84 86 90
91 92 93 94 95 98 211 212 213 218 231 232 233 234 243 249 250 251 252 254 255
256 260 261 262 263 264 265 291 353 355 358 359 370 373 374 375 377 380 381 382
383 385 386 387 389 421 423 508 590 591 593 594 595 596 598 686 850 855 856 880
886 961 962 963 964 966 967 970 971 972 976 977 994 995 996
"""
TRUNK_ZERO_CODES = frozenset(_TRUNK_ZERO_TABLE.split())
"""Country codes after which a 0 is the trunk prefix dialled at home, never part of the
number (`+44 020 …` is `+44 20 …`): those after which phonenumbers drops a 0 from every
example number of every region (tests/contacts/test_numbers_agree.py checks the list).
Not Colombia (+57): there a 0 and the next digit may name a carrier."""
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
    digits = text.translate(_SEPARATORS)
    if not digits or not _DIGITS.issuperset(digits):
        return None
    if international:
        return _international(digits)
    return _domestic(digits)


def _international(digits: str) -> str | None:
    if digits.startswith("0"):
        return None  # no country code starts with 0
    national = digits[len(POLISH_CODE) :]
    if digits.startswith(POLISH_CODE):
        if len(national) == NATIONAL_DIGITS + 1 and national.startswith("0"):
            national = national[1:]  # "+48 (0)22 …" written as "+48 022 …"
        if not national.startswith("0") and _domestic(national) == national:
            return national  # keyed as it is written at home, whatever its length
    else:
        digits = _without_trunk_zero(digits)
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    return "+" + digits


def _without_trunk_zero(digits: str) -> str:
    """`digits` less the trunk 0s after a country code that has one (`44 020 …`)."""
    for length in (1, 2, 3):  # country codes are prefix-free: at most one can match
        code = digits[:length]
        if code in TRUNK_ZERO_CODES:
            return code + digits[length:].lstrip("0")
    return digits


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
