"""A read-only client refuses every state-changing method before anything is sent."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from spikon_tui.api import ReadOnlyError, SpikonClient
from spikon_tui.api.methods import ALL_METHODS, READ_METHODS, STATE_CHANGING_METHODS
from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import FakeClock


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(seed=5, clock=FakeClock(), contacts=10, calls=20)) as sb:
        yield sb


@pytest.fixture
async def read_only(sandbox: Sandbox) -> AsyncIterator[SpikonClient]:
    assert sandbox.api_key is not None
    async with SpikonClient(sandbox.api_key, sandbox.base_url, read_only=True) as client:
        yield client


@pytest.mark.parametrize("method", sorted(STATE_CHANGING_METHODS))
async def test_each_state_changing_method_is_refused_unsent(
    read_only: SpikonClient, sandbox: Sandbox, method: str
) -> None:
    before = sum(sandbox.request_counts.values())
    with pytest.raises(ReadOnlyError) as refused:
        await read_only.call(method, phone_book_id=1, name="x", number="501234567")
    assert sum(sandbox.request_counts.values()) == before, "nothing reached the server"
    assert method in str(refused.value) and "read-only" in str(refused.value)
    assert not refused.value.outcome_unknown, "it provably never left this machine"


async def test_the_typed_methods_go_through_the_same_door(
    read_only: SpikonClient, sandbox: Sandbox
) -> None:
    before = sum(sandbox.request_counts.values())
    with pytest.raises(ReadOnlyError):
        await read_only.sms_send(from_="SMS", to=["501234567"], message="x")
    with pytest.raises(ReadOnlyError):
        await read_only.call_initiate(phone_account_id=1, destination_number="501234567")
    with pytest.raises(ReadOnlyError):
        await read_only.phone_book_add(phone_book_name="Nowa")
    assert sum(sandbox.request_counts.values()) == before


async def test_reading_still_works(read_only: SpikonClient) -> None:
    assert read_only.read_only
    assert (await read_only.balance_show()).balance is not None
    assert await read_only.phone_book_list()
    assert await read_only.cc_campaigns_list()
    assert await read_only.call_list_list() is not None


def test_every_method_is_either_a_read_or_refused() -> None:
    assert set(ALL_METHODS) == READ_METHODS | STATE_CHANGING_METHODS
    assert not READ_METHODS & STATE_CHANGING_METHODS
