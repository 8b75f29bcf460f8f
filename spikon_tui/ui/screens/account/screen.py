"""The account at a glance: balance and the phone accounts, with how fresh they are."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from spikon_tui.api.models import PhoneAccount
from spikon_tui.formatting import format_money
from spikon_tui.i18n import N_, _
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.screens.base import MainScreen
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.freshness import FreshnessLabel
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable


class AccountScreen(MainScreen):
    TITLE = N_("Account")
    HELP = N_("""
Your SPIKON account: the balance and every phone account with its public number,
internal number, SIP login, description, whether it is registered and whether
calls are recorded.

The data is loaded when the screen opens; [b]r[/b] loads it again. The line under
the balance says how old the figures are. When a refresh fails, the last figures
stay on screen and the line says so.
""")
    BINDINGS = [Binding("r", "refresh", N_("Refresh"))]

    loaded = False
    """True once the balance and the phone accounts have been shown."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="account-summary"):
            with Horizontal(classes="summary-line"):
                yield Static(_("Balance"), classes="label")
                yield Static("…", id="balance")
            yield FreshnessLabel(spikon_app(self).session.clock, id="freshness")
            yield Static("", id="account-problem")
        yield Static(_("Phone accounts"), classes="section-title")
        yield VirtualTable(
            [
                Column("number", _("Number")),
                Column("internal", _("Internal")),
                Column("login", _("SIP login")),
                Column("description", _("Description"), flex=True),
                Column("state", _("Registered")),
                Column("recording", _("Recording")),
            ],
            id="phone-accounts",
        )
        yield KeysFooter()

    def on_mount(self) -> None:
        # The app's one balance: an SMS sent on F7 shows here too, as in the title bar.
        self.watch(spikon_app(self), "balance", self._show_balance, init=False)
        self.action_refresh()

    def _show_balance(self, money: Decimal | None) -> None:
        if money is None:
            return
        balance = self.query_one("#balance", Static)
        balance.update(format_money(money))
        balance.set_class(money < 0, "-negative")

    def action_refresh(self) -> None:
        self.query_one(FreshnessLabel).mark_loading()
        self.load()

    def load(self) -> None:
        client = spikon_client(self)

        async def balance_and_accounts() -> tuple[Decimal, list[PhoneAccount]]:
            # return_exceptions: when both fail, the second failure is collected here
            # instead of being left unretrieved in a task that asyncio would complain about.
            balance, accounts = await asyncio.gather(
                client.balance_show(), client.phone_account_list(), return_exceptions=True
            )
            if isinstance(balance, BaseException):
                raise balance  # the first failure is shown; cancellation ends the worker
            if isinstance(accounts, BaseException):
                raise accounts
            return balance.balance, accounts

        run_request(self, balance_and_accounts, self._loaded, group="account", exclusive=True)

    def _loaded(self, outcome: Outcome[tuple[Decimal, list[PhoneAccount]]]) -> None:
        if isinstance(outcome, Failed):
            self._failed(outcome.error)
            return
        money, accounts = outcome.result
        self._show_balance(money)
        spikon_app(self).show_balance(money)
        self.query_one("#phone-accounts", VirtualTable).update_rows(
            Row(
                key=account.id,
                cells=(
                    account.number,
                    account.internal or "—",
                    account.login,
                    account.description,
                    _("yes") if account.registered else _("no"),
                    _("on") if account.recording else _("off"),
                ),
            )
            for account in accounts
        )
        self.query_one(FreshnessLabel).mark_updated()
        self.query_one("#account-problem", Static).display = False
        self.loaded = True

    def _failed(self, error: Exception) -> None:
        freshness = self.query_one(FreshnessLabel)
        freshness.mark_failed()
        if not self.loaded:
            self.query_one("#balance", Static).update(_("unknown: r tries again"))
        reason = describe_error(error)
        problem = self.query_one("#account-problem", Static)
        problem.update(reason)  # stays after the toast has gone, until a refresh works
        problem.display = True
        self.notify(reason, title=_("Refresh failed"), severity="error")
