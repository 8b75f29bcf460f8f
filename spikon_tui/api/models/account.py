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

    @property
    def registered(self) -> bool:
        """Whether the phone is registered with SPIKON now (`state` other than 0 or empty):
        an unregistered phone does not ring, so a call started from it reaches nobody."""
        return self.state.strip() not in ("", "0")
