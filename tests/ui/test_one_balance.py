"""One balance: after an SMS the title bar and the account screen show the same, new figure."""

from __future__ import annotations

from spikon_tui.formatting import format_money
from spikon_tui.sandbox import Sandbox
from tests.ui.conftest import SIZE, settle, text_of, wait_until
from tests.ui.test_sms_flows import compose, open_sms, send


async def test_an_sms_refreshes_the_one_balance_everywhere(make_app, sandbox: Sandbox) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        account = app.screen
        before = sandbox.state.balance
        assert text_of(account.query_one("#balance")) == format_money(before)

        await pilot.press("f7")
        await open_sms(pilot)
        await compose(pilot, "501234567", "Dzień dobry")
        await send(pilot)
        after = sandbox.state.balance
        assert after < before, "an SMS costs money"
        await wait_until(pilot, lambda: app.sub_title.endswith(format_money(after)), "title")

        await pilot.press("f2")
        await settle(pilot)
        assert app.screen is account
        assert text_of(account.query_one("#balance")) == format_money(after), "the same figure"
