"""Phone numbers: the one place to import them from.

- `match_key` (number_key.py): the key two numbers are compared by, deduplicated and
  searched on; hand-written for speed, proved to agree with `phonenumbers`.
- `number_for_book`, `display_number` (number_format.py): the form sent to a phone
  book (`600100200`, `+49301234567`) and the form shown (`600 100 200`).
- `number_problem`, `can_receive_sms` (number_checks.py): what `phonenumbers` finds
  wrong with a number (a warning, never a refusal), and mobile or landline.

Polish numbers are read with the default region PL. `phonenumbers` is imported on first
use, so code that only compares numbers does not pay for it.
"""

from __future__ import annotations

from spikon_tui.contacts.number_checks import can_receive_sms, number_problem
from spikon_tui.contacts.number_format import (
    BOOK_NUMBER_MAX_CHARS,
    display_number,
    number_for_book,
)
from spikon_tui.contacts.number_key import match_key

__all__ = [
    "BOOK_NUMBER_MAX_CHARS",
    "can_receive_sms",
    "display_number",
    "match_key",
    "number_for_book",
    "number_problem",
]
