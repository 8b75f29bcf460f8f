"""Counted on the server: a request that costs money or rings a phone goes out once; reads retry."""

from __future__ import annotations

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.api.errors import SpikonError
from spikon_tui.sandbox import Sandbox


async def test_a_read_is_retried_after_a_5xx(spikon: SpikonClient, sandbox: Sandbox) -> None:
    sandbox.faults.fail_next("balance/show", status=503, times=1)
    balance = await spikon.balance_show()
    assert balance.balance == sandbox.state.balance
    assert sandbox.request_counts["balance/show"] == 2


@pytest.mark.parametrize(
    ("path", "call"),
    [
        ("sms/send", lambda s: s.sms_send(from_="SMS", to="501234567", message="Dzień dobry")),
        (
            "call/initiate",
            lambda s: s.call_initiate(phone_account_id=1, destination_number="501234567"),
        ),
        ("phone_book/add", lambda s: s.phone_book_add(phone_book_name="Nowa książka")),
        ("tts/generate", lambda s: s.tts_generate(voice="Ewa", name="Test", text="Dzień dobry")),
    ],
)
@pytest.mark.parametrize("fault", ["drop", "fail"])
async def test_a_state_changing_request_is_never_sent_twice(
    spikon: SpikonClient, sandbox: Sandbox, path: str, call, fault: str
) -> None:
    if fault == "drop":
        sandbox.faults.drop_next(path, times=1)
    else:
        sandbox.faults.fail_next(path, status=503, times=1)
    with pytest.raises(SpikonError) as caught:
        await call(spikon)
    assert sandbox.request_counts[path] == 1
    if fault == "drop":
        assert caught.value.outcome_unknown
        assert "may" in str(caught.value).lower()


async def test_a_state_changing_request_is_retried_when_it_never_left(
    sandbox: Sandbox, api_format: int
) -> None:
    """Connection refused: nothing reached the server, so sending again is safe."""
    async with SpikonClient(
        api_key=sandbox.api_key, base_url=sandbox.base_url, api_format=api_format, backoff=0.3
    ) as spikon:
        await spikon.balance_show()
        sandbox.stop()
        import asyncio
        import threading

        threading.Timer(0.15, sandbox.start).start()
        await asyncio.sleep(0)
        sent = await spikon.sms_send(from_="SMS", to="501234567", message="Po restarcie")
    assert len(sent.ids) == 1
    assert sandbox.request_counts["sms/send"] == 1
