"""The account's phone accounts (SIP lines with a public number), generated from the seed."""

from __future__ import annotations

import random
from dataclasses import dataclass

from spikon_tui.sandbox import names

_DESCRIPTIONS = ("Recepcja", "Biuro", "Sekretariat", "Dział handlowy", "Magazyn", "Serwis", "Brak")


@dataclass(frozen=True)
class PhoneAccount:
    id: int
    number: str  # public 9-digit number
    internal: str  # internal extension, "-" when none
    login: str  # SIP login
    description: str
    registered: bool
    recording: bool


def generate_phone_accounts(rng: random.Random) -> tuple[PhoneAccount, ...]:
    """3 to 5 lines on one Trójmiasto number block; the first one records calls."""
    count = rng.randint(3, 5)
    block = "58" + str(rng.randint(3, 7)) + names.digits(rng, 4)
    descriptions = rng.sample(_DESCRIPTIONS, count)
    accounts = []
    for index in range(count):
        accounts.append(
            PhoneAccount(
                id=index + 1,
                number=f"{block}{index * 11 + rng.randint(10, 19):02d}",
                internal="-" if rng.random() < 0.3 else str(100 + index),
                login=names.digits(rng, 8),
                description=descriptions[index],
                registered=index == 0 or rng.random() < 0.75,
                recording=index == 0 or rng.random() < 0.5,
            )
        )
    return tuple(accounts)
