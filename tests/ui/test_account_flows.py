"""The account screen against a real sandbox: balance, phone accounts, freshness, failures."""

from __future__ import annotations

from textual.color import Color
from textual.widgets import Static

from spikon_tui.sandbox import Sandbox
from spikon_tui.ui.screens.account.screen import AccountScreen
from spikon_tui.ui.widgets.freshness import FreshnessLabel
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import (
    SIZE,
    assert_no_traceback,
    settle,
    text_of,
    toast_text,
    toasts,
    wait_until,
)


def phone_account_rows(screen: AccountScreen) -> list[list[str]]:
    table = screen.query_one("#phone-accounts", VirtualTable)
    return [
        [str(cell) for cell in table.get_row(table.row_key_at(index)).cells]
        for index in range(table.row_count)
    ]


async def test_balance_and_phone_accounts_are_shown_and_a_negative_balance_is_red(
    make_app, sandbox: Sandbox
) -> None:
    sandbox.state.set_balance("1234.5")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AccountScreen)
        balance = screen.query_one("#balance", Static)
        assert text_of(balance) == "1,234.50\u00a0zł"
        assert not balance.has_class("-negative")
        assert app.sub_title == "profile test · 1,234.50\u00a0zł"

        rows = phone_account_rows(screen)
        expected = sandbox.state.phone_accounts
        assert [row[0] for row in rows] == [account.number for account in expected]
        for row, account in zip(rows, expected, strict=True):
            assert row[1] == (account.internal if account.internal != "-" else "—")
            assert row[2:4] == [account.login, account.description]
            assert row[4] == ("yes" if account.registered else "no")
            assert row[5] == ("on" if account.recording else "off")
        assert sandbox.request_counts["balance/show"] == 1
        assert sandbox.request_counts["phone_account/list"] == 1

        sandbox.state.set_balance("-12.50")
        await pilot.press("r")
        await settle(pilot)
        assert text_of(balance) == "-12.50\u00a0zł"
        # Painted in the theme's error colour (red in every built-in theme), bold.
        painted = balance.render_lines(balance.size.region)[0]._segments[0].style
        error_color = Color.parse(app.get_css_variables()["text-error"])
        assert painted.color.triplet == error_color.rich_color.triplet
        assert painted.bold
        assert app.sub_title == "profile test · -12.50\u00a0zł"
        assert phone_account_rows(screen) == rows
        assert sandbox.request_counts["balance/show"] == 2


async def test_the_age_follows_the_clock_and_a_failed_refresh_keeps_the_rows(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        rows_before = phone_account_rows(screen)
        balance_before = text_of(screen.query_one("#balance"))
        assert rows_before
        freshness = screen.query_one("#freshness", FreshnessLabel)
        assert text_of(freshness) == "updated 0 s ago"
        clock.advance(42)
        await wait_until(pilot, lambda: text_of(freshness) == "updated 42 s ago", "42 s")
        clock.advance(60 * 5)
        await wait_until(pilot, lambda: text_of(freshness) == "updated 5 min ago", "5 min")
        await pilot.press("r")
        await settle(pilot)
        await wait_until(pilot, lambda: text_of(freshness) == "updated 0 s ago", "back to 0 s")

        clock.advance(30)
        sandbox.stop()
        await pilot.press("r")
        await settle(pilot)
        await wait_until(
            pilot,
            lambda: text_of(freshness) == "refresh failed; showing data from 30 s ago",
            "the stale notice",
        )
        assert freshness.has_class("-failed")
        assert phone_account_rows(screen) == rows_before
        assert text_of(screen.query_one("#balance")) == balance_before

        [(severity, title, message)] = toasts(app)
        assert (severity, title) == ("error", "Refresh failed")
        assert message.startswith(f"Could not connect to {sandbox.base_url}"), message
        assert "Check your network connection" in message
        assert_no_traceback(app)
        problem = screen.query_one("#account-problem")
        app.clear_notifications()
        await settle(pilot)
        assert problem.display and text_of(problem) == message, "the reason outlives its toast"

        clock.advance(5)
        await wait_until(
            pilot,
            lambda: text_of(freshness) == "refresh failed; showing data from 35 s ago",
            "the age to keep counting",
        )

        sandbox.state.set_balance("77")
        sandbox.start()
        await pilot.press("r")
        await settle(pilot)
        await wait_until(pilot, lambda: text_of(freshness) == "updated 0 s ago", "recovery")
        assert not freshness.has_class("-failed")
        assert text_of(screen.query_one("#balance")) == "77.00\u00a0zł"
        assert phone_account_rows(screen) == rows_before
        assert not problem.display, "a refresh that works clears the reason"


async def test_first_load_failing_says_nothing_is_known(make_app, sandbox: Sandbox) -> None:
    sandbox.stop()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert text_of(screen.query_one("#balance")) == "unknown: r tries again"
        freshness = screen.query_one("#freshness", FreshnessLabel)
        assert text_of(freshness) == "not loaded: the last refresh failed"
        assert toasts(app), "the failure must be told"
        assert_no_traceback(app)

        sandbox.start()
        await pilot.press("r")
        await settle(pilot)
        assert text_of(screen.query_one("#balance")).endswith("zł"), toast_text(app)
        assert phone_account_rows(screen)
