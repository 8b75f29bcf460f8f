"""The account: balance/show and phone_account/list.

See the package docstring for the conventions all models follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Balance:
    """balance/show: the account's funds in PLN; may be negative."""

    balance: Decimal


@dataclass(frozen=True, slots=True)
class PhoneAccount:
    """phone_account/list: one phone (SIP) account.

    `internal` is the extension number, None when the API says `-` (none);
    `state` is the registration state exactly as sent (e.g. `"1"`).
    """

    id: int
    number: str
    internal: str | None
    login: str
    description: str
    state: str
    recording: bool
