"""Click-to-call: pick the phone account that rings first, check the number, place the call.

`call/initiate` rings a real phone, so it is sent once per explicit press of
Call and never retried; the choice of phone account is remembered per profile.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Select, Static

from spikon_tui.api import validation
from spikon_tui.api.models import CallInitiated, PhoneAccount
from spikon_tui.ui.screens.phone_book_dialogs import _buttons, number_check
from spikon_tui.ui.widgets.api_validator import ApiCheck
from spikon_tui.ui.widgets.request_dialog import RequestDialog

REMEMBERED_ACCOUNT = "caller_phone_account_id"


@dataclass(frozen=True)
class PlacedCall:
    number: str
    account: PhoneAccount
    answer: CallInitiated


def account_label(account: PhoneAccount) -> str:
    internal = f" (wewn. {account.internal})" if account.internal else ""
    return f"{account.number}{internal} — {account.description}"


class CallDialog(RequestDialog[PlacedCall]):
    def __init__(self, number: str = "", *, who: str | None = None) -> None:
        super().__init__()
        self.number = number
        self.who = who
        self.accounts: dict[int, PhoneAccount] = {}

    @dataclass
    class AccountsLoaded(Message):
        accounts: list[PhoneAccount]
        error: Exception | None = None

    def compose(self) -> ComposeResult:
        title = f"Call {self.who}" if self.who else "Call a number"
        with Vertical(classes="dialog"):
            yield Static(title, classes="dialog-title")
            yield Static(
                "Your phone account rings first; when you answer, SPIKON dials the number.",
                classes="dialog-text",
            )
            caller = Select[int]([], prompt="Loading phone accounts…", id="caller")
            caller.border_title = "Ring first"
            yield caller
            number = Input(
                self.number,
                placeholder="501234567",
                id="number",
                validators=[ApiCheck(number_check("destination_number"), "the number")],
            )
            number.border_title = "Number to call"
            yield number
            yield Static("", classes="dialog-error")
            yield _buttons("Call")

    def on_mount(self) -> None:
        self.load_accounts()
        self.query_one("#number", Input).focus()

    @work(group="call-dialog-accounts")
    async def load_accounts(self) -> None:
        try:
            accounts = await self.app.spikon.phone_account_list()
        except Exception as error:  # noqa: BLE001 - shown inline
            self.post_message(self.AccountsLoaded([], error))
        else:
            self.post_message(self.AccountsLoaded(accounts))

    def on_call_dialog_accounts_loaded(self, message: AccountsLoaded) -> None:
        caller = self.query_one("#caller", Select)
        if message.error is not None:
            caller.set_options([])
            caller.prompt = "Phone accounts could not be loaded"
            self.show_error(str(message.error))
            return
        self.accounts = {account.id: account for account in message.accounts}
        caller.prompt = "Choose a phone account"
        caller.set_options((account_label(a), a.id) for a in message.accounts)
        remembered = self.app.session.recall(REMEMBERED_ACCOUNT)
        if remembered in self.accounts:
            caller.value = remembered
        elif len(self.accounts) == 1:
            caller.value = next(iter(self.accounts))

    def validation_problem(self) -> str | None:
        if self.query_one("#caller", Select).value not in self.accounts:
            return "Choose the phone account that should ring first."
        return super().validation_problem()

    async def send(self) -> PlacedCall:
        account = self.accounts[self.query_one("#caller", Select).value]
        number = validation.check_phone_number(self.value_of("#number"), "destination_number")
        answer = await self.app.spikon.call_initiate(
            phone_account_id=account.id, destination_number=number
        )
        self.app.session.remember(REMEMBERED_ACCOUNT, account.id)
        return PlacedCall(number=number, account=account, answer=answer)
