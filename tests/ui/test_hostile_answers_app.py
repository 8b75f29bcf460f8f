"""The app against a hostile server: no answer makes it exit; the account screen words the
failure ("Refresh failed") and keeps running. The client's own limits are tested in
tests/integration/test_hostile_server.py; here the whole app meets the answers that once
made it exit (a balance of NaN or 1E+30) or freeze (an integer of 1e999999999)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.screens.account.screen import AccountScreen
from tests.integration.hostile import Request, answering, hostile_server
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import SIZE, QuickRetrySession, assert_no_traceback, toast_text, wait_until

KEY = "Hq7Zp2Lw9Xr4Tn6Vb8Mc1Kd3Fg5Js0Ye"

BALANCES = {
    "nan": b'{"account":{"balance":"NaN"}}',
    "huge-exponent-text": b'{"account":{"balance":"1e999999999"}}',
    "too-much-money": b'{"account":{"balance":1E+30}}',
    "too-deep": b'{"account":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
}
PHONE_ACCOUNTS = b'{"phone_accounts":{"1":{"id":"1e999999999","number":"587201213"}}}'


def answers(balance: bytes):
    def body(request: Request) -> bytes:
        return balance if request.path.endswith("balance/show") else PHONE_ACCOUNTS

    return answering(body)


@pytest.mark.parametrize("name", list(BALANCES))
async def test_an_absurd_answer_is_worded_and_the_app_keeps_running(
    name: str, tmp_path: Path
) -> None:
    async with hostile_server(answers(BALANCES[name])) as server:
        session = QuickRetrySession(
            profile="test",
            base_url=server.base_url,
            api_key=KEY,
            clock=FakeClock(),
            save_preferences=lambda _preferences: None,
            data_dir=tmp_path,
        )
        app = SpikonApp(session)
        async with asyncio.timeout(60), app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: "Refresh failed" in toast_text(app), "the failure")
            assert isinstance(app.screen, AccountScreen)
            assert app.is_running and app.return_code is None
            assert KEY not in toast_text(app)
            assert_no_traceback(app)
