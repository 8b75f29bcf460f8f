"""The account at a glance: balance and the phone accounts, with how fresh they are."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from spikon_tui.api.models import PhoneAccount
from spikon_tui.formatting import format_money
from spikon_tui.i18n import N_, _
from spikon_tui.ui.errors import describe_error
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

    # Plain classes, not dataclasses: building a dataclass costs start-up time.
    class Loaded(Message):
        def __init__(self, balance: Decimal, accounts: list[PhoneAccount]) -> None:
            super().__init__()
            self.balance = balance
            self.accounts = accounts

    class Failed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    loaded = False
    """True once the balance and the phone accounts have been shown."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="account-summary"):
            with Horizontal(classes="summary-line"):
                yield Static(_("Balance"), classes="label")
                yield Static("…", id="balance")
            yield FreshnessLabel(spikon_app(self).session.clock, id="freshness")
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
        self.action_refresh()

    def action_refresh(self) -> None:
        self.query_one(FreshnessLabel).mark_loading()
        self.load()

    @work(exclusive=True, group="account")
    async def load(self) -> None:
        spikon = spikon_client(self)
        # return_exceptions: when both fail, the second failure is collected here instead
        # of being left unretrieved in a task that asyncio would then complain about.
        balance, accounts = await asyncio.gather(
            spikon.balance_show(), spikon.phone_account_list(), return_exceptions=True
        )
        if isinstance(balance, BaseException):
            self._failed(balance)
        elif isinstance(accounts, BaseException):
            self._failed(accounts)
        else:
            self.post_message(self.Loaded(balance.balance, accounts))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Exception):
            raise error  # cancellation: the screen is going away
        self.post_message(self.Failed(error))

    def on_account_screen_loaded(self, message: Loaded) -> None:
        balance = self.query_one("#balance", Static)
        balance.update(format_money(message.balance))
        balance.set_class(message.balance < 0, "-negative")
        spikon_app(self).show_balance(message.balance)
        self.query_one("#phone-accounts", VirtualTable).update_rows(
            Row(
                key=account.id,
                cells=(
                    account.number,
                    account.internal or "—",
                    account.login,
                    account.description,
                    _("yes") if _is_registered(account) else _("no"),
                    _("on") if account.recording else _("off"),
                ),
            )
            for account in message.accounts
        )
        self.query_one(FreshnessLabel).mark_updated()
        self.loaded = True

    def on_account_screen_failed(self, message: Failed) -> None:
        freshness = self.query_one(FreshnessLabel)
        freshness.mark_failed()
        if not self.loaded:
            self.query_one("#balance", Static).update(_("unknown: r tries again"))
        self.notify(describe_error(message.error), title=_("Refresh failed"), severity="error")


def _is_registered(account: PhoneAccount) -> bool:
    return str(account.state).strip() not in ("", "0")
