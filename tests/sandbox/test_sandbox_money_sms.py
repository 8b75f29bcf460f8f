"""The balance and what spends it: SMS (with their delivery states), calls, announcements."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from spikon_tui.sandbox import Sandbox
from tests.sandbox.helpers import Api, FakeClock


def _balance(api: Api) -> Decimal:
    text = api.ok("balance/show", {"sign": 1})["account"]["balance"]
    assert re.fullmatch(r"-?\d+\.\d{2}", text)
    return Decimal(text)


def _send(api: Api, to: str, message: str = "Dzień dobry", sender: str = "SMS") -> list[int]:
    ids = api.ok("sms/send", {"from": sender, "to": to, "message": message})["sms"]["ids"]
    assert all(type(sms_id) is int for sms_id in ids)
    return ids


def _state(api: Api, sms_id: int) -> dict:
    return api.ok("sms/state", {"id": sms_id})["sms"]


def test_balance_comma_by_default_dot_with_sign(sandbox: Sandbox, api: Api) -> None:
    sandbox.state.set_balance("123.45")
    assert api.ok("balance/show") == {"account": {"balance": "123,45"}}
    assert api.ok("balance/show", {"sign": 0}) == {"account": {"balance": "123,45"}}
    assert api.ok("balance/show", {"sign": 1}) == {"account": {"balance": "123.45"}}
    assert api.xml("balance/show").findtext("balance") == "123,45"


def test_starting_balance_comes_from_the_seed(api: Api) -> None:
    assert Decimal(150) <= _balance(api) <= Decimal(400)


def test_sms_costs_16_groszy_per_part_and_recipient(api: Api) -> None:
    before = _balance(api)
    _send(api, "501234567")
    assert _balance(api) == before - Decimal("0.16")
    _send(api, "501234567,601234567", "x" * 161)  # two parts, two recipients
    assert _balance(api) == before - Decimal("0.16") - Decimal("0.64")
    _send(api, "501234567", "ą" * 71)  # Polish letters: 70 characters a part
    assert _balance(api) == before - Decimal("0.16") - Decimal("0.64") - Decimal("0.32")


def test_one_id_per_recipient_in_order(api: Api) -> None:
    first = _send(api, "501234567")
    ids = _send(api, "601000001, 601000002,601000003")
    assert ids == [first[0] + 1, first[0] + 2, first[0] + 3]


def test_delivered_message_moves_0_1_4_5(api: Api, clock: FakeClock) -> None:
    [sms_id] = _send(api, "501234567")
    seen = []
    for _ in range(6):
        seen.append(_state(api, sms_id))
        clock.advance(1)
    assert seen == [{"state": s} for s in (0, 1, 4, 5, 5, 5)]


def test_number_ending_000_is_undelivered(api: Api, clock: FakeClock) -> None:
    [sms_id] = _send(api, "501234000")
    seen = []
    for _ in range(4):
        seen.append(_state(api, sms_id)["state"])
        clock.advance(1)
    assert seen == [0, 1, 3, 3]


def test_number_ending_999_is_an_error_with_text(api: Api, clock: FakeClock) -> None:
    [sms_id] = _send(api, "501234999")
    assert _state(api, sms_id) == {"state": 0}
    clock.advance(2)
    state = _state(api, sms_id)
    assert state["state"] == 2 and state["error"]
    root = api.xml("sms/state", {"id": sms_id})
    assert [child.tag for child in root] == ["state", "error"]
    assert root.findtext("error") == state["error"]


def test_no_funds_is_state_minus_one_and_free(sandbox: Sandbox, api: Api, clock: FakeClock) -> None:
    sandbox.state.set_balance("0.20")
    paid, unpaid = _send(api, "501234567,601234567")
    assert _balance(api) == Decimal("0.04")
    clock.advance(10)
    assert _state(api, paid) == {"state": 5}
    assert _state(api, unpaid) == {"state": -1}


def test_every_documented_sender_is_accepted(api: Api) -> None:
    for sender in ("SMS", "Informacja", "INFO", "KONKURS", "NOWOSC", "OFERTA", "PROMOCJA",
                   "WIZYTA", "2way"):  # fmt: skip
        assert _send(api, "501234567", sender=sender)


def test_call_costs_a_connection_fee_and_may_go_negative(sandbox: Sandbox, api: Api) -> None:
    sandbox.state.set_balance("0.05")
    answer = api.ok("call/initiate", {"phone_account_id": 1, "destination_number": "501234567"})
    assert answer == {"call": {"state": "initiated"}}
    assert api.ok("balance/show") == {"account": {"balance": "-0,05"}}
    assert api.ok("balance/show", {"sign": 1}) == {"account": {"balance": "-0.05"}}


@pytest.mark.parametrize(
    ("length", "net", "gross"),
    [(1, "0.3", "0.37"), (100, "0.3", "0.37"), (101, "0.6", "0.74"), (3000, "9.0", "11.07")],
)
def test_tts_price(api: Api, length: int, net: str, gross: str) -> None:
    answer = api.ok("tts/price", {"voice": "Jacek", "text": "a" * length})
    assert answer == {"tts": {"cost_net": net, "cost_gross": gross}}


def test_tts_generation_charges_the_gross_price(sandbox: Sandbox, api: Api) -> None:
    before = _balance(api)
    api.ok("tts/generate", {"voice": "Ewa", "name": "Cennik", "text": "a" * 3000})
    assert _balance(api) == before - Decimal("11.07")


def test_tts_generation_without_funds_is_forbidden(sandbox: Sandbox, api: Api) -> None:
    sandbox.state.set_balance("0.36")
    error = api.error("tts/generate", {"voice": "Ewa", "name": "A", "text": "Dzień dobry"})
    assert error["id"] == "-11" and "0,37" in error["desc"]
    assert _balance(api) == Decimal("0.36")
    assert api.ok("tts/list")["tts"]["count"] == "2"  # nothing was added
