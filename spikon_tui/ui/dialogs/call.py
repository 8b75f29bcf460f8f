"""Click-to-call: pick the phone account that rings first, check the number, place the call.

`call/initiate` rings a real phone, so it is sent once per explicit press of
Call and never retried; the choice of phone account is remembered per profile.
When the answer is lost on the way back, the dialog says so (the client's
words: whether the call was placed is unknown) and waits for the user to
decide; the button then reads "Call again", so a second call is a deliberate one.
`call_number` opens the dialog and tells the placed call in a toast, its state
(which SPIKON sends in English) in the interface language.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Select, Static

from spikon_tui.api import validation
from spikon_tui.api.errors import SpikonError
from spikon_tui.api.models import CallInitiated, PhoneAccount
from spikon_tui.api_words import call_start_state_word
from spikon_tui.contacts.numbers import display_number
from spikon_tui.i18n import N_, _
from spikon_tui.ui.dialogs.request import RequestDialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.forms.api_validator import ApiCheck
from spikon_tui.ui.forms.parts import dialog_buttons, number_check
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.field import Field

REMEMBERED_ACCOUNT = "caller_phone_account_id"
"""The session preference holding the id of the phone account that rang first last time."""


@dataclass(frozen=True)
class PlacedCall:
    number: str
    account: PhoneAccount
    answer: CallInitiated


def tell_placed(app: App, placed: PlacedCall | None) -> None:
    """The toast after a call was placed (nothing when the dialog was closed)."""
    if placed is None:
        return
    refresh_balance = getattr(app, "refresh_balance", None)  # a call costs money
    if refresh_balance is not None:
        refresh_balance()
    title = _("Call {state}").format(state=call_start_state_word(placed.answer.state))
    number = display_number(placed.number)
    if not placed.account.registered:
        app.notify(
            _(
                "SPIKON started the call, but {phone} is not registered: it will not ring "
                "until it registers, so {number} is not called now."
            ).format(phone=placed.account.number, number=number),
            title=title,
            severity="warning",
        )
        return
    app.notify(
        _("{phone} is ringing; answer it to be connected to {number}.").format(
            phone=placed.account.number, number=number
        ),
        title=title,
    )


def call_number(app: App, number: str = "", *, who: str | None = None) -> None:
    """Open the call dialog for `number` (empty: the user types one); a placed call is told."""
    app.push_screen(CallDialog(number, who=who), partial(tell_placed, app))


def account_label(account: PhoneAccount) -> str:
    if account.internal:
        label = _("{number} (ext. {internal}) — {description}").format(
            number=account.number, internal=account.internal, description=account.description
        )
    else:
        label = f"{account.number} — {account.description}"
    return label if account.registered else _("{account} · not registered").format(account=label)


NOT_REGISTERED = N_(
    "This phone is not registered with SPIKON (switched off or not connected): it will not "
    "ring until it registers, so the call would reach nobody."
)


class CallDialog(RequestDialog[PlacedCall]):
    """Call `number` (or a number typed here); dismisses with the `PlacedCall` on success.

    Phone accounts not registered with SPIKON are offered last, marked "not
    registered", and choosing one says under the choice that it will not ring.
    """

    DEFAULT_CSS = """
    CallDialog #caller-not-registered {
        display: none;
        color: $text-warning;
        margin-bottom: 1;
    }
    """

    TITLE = N_("Call")
    HELP = N_("""
Choose the phone account that should ring first (the choice is remembered for
this profile) and check the number. [b]Call[/b] asks SPIKON once: your phone
rings, and when you answer, SPIKON dials the number. [b]escape[/b] closes the
dialog without calling.

If the answer from SPIKON is lost on the way, nobody knows whether the call was
started: the dialog says so and does not call again by itself.
""")

    def __init__(self, number: str = "", *, who: str | None = None) -> None:
        super().__init__()
        self.number = number
        self.who = who
        self.accounts: dict[int, PhoneAccount] = {}
        self.accounts_loaded = False

    def compose(self) -> ComposeResult:
        title = _("Call {who}").format(who=self.who) if self.who else _("Call a number")
        with Vertical(classes="dialog"):
            yield Static(title, classes="dialog-title")
            yield Static(
                _(
                    "The phone account you choose rings first; when you answer, SPIKON dials "
                    "the number."
                ),
                classes="dialog-text",
            )
            yield Select[int]([], prompt=_("Loading phone accounts…"), id="caller")
            yield Static(_(NOT_REGISTERED), id="caller-not-registered")
            number = Field(
                self.number,
                placeholder="501234567",
                id="number",
                valid_empty=True,
                validators=[ApiCheck(number_check("destination_number"), _("the number to call"))],
            )
            number.border_title = _("Number to call")
            yield number
            yield Static("", classes="dialog-error")
            yield dialog_buttons(_("Call"))

    def on_mount(self) -> None:
        self.load_accounts()
        self.query_one("#number", Input).focus()

    def load_accounts(self) -> None:
        run_request(
            self,
            spikon_client(self).phone_account_list,
            self._accounts_loaded,
            group="call-dialog-accounts",
        )

    def _accounts_loaded(self, outcome: Outcome[list[PhoneAccount]]) -> None:
        caller = self.query_one("#caller", Select)
        if isinstance(outcome, Failed):
            caller.set_options([])
            caller.prompt = _("Phone accounts could not be loaded")
            self.show_error(
                _(
                    "Your phone accounts could not be loaded, so no call can be placed: {error}"
                ).format(error=describe_error(outcome.error))
            )
            return
        accounts = outcome.result
        self.accounts = {account.id: account for account in accounts}
        self.accounts_loaded = True
        if not self.accounts:
            caller.prompt = _("This SPIKON account has no phone accounts")
            return
        caller.prompt = _("Choose the phone account that rings first")
        # Registered phones first: they are the ones that can ring.
        ordered = sorted(accounts, key=lambda account: not account.registered)
        caller.set_options((account_label(a), a.id) for a in ordered)
        remembered = spikon_app(self).session.recall(REMEMBERED_ACCOUNT)
        registered = [account.id for account in ordered if account.registered]
        if remembered in self.accounts:
            caller.value = remembered
        elif len(self.accounts) == 1:
            caller.value = next(iter(self.accounts))
        elif len(registered) == 1:
            caller.value = registered[0]

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "caller":
            account = self._chosen_account()
            self.query_one("#caller-not-registered").display = (
                account is not None and not account.registered
            )

    def _chosen_account(self) -> PhoneAccount | None:
        choice = self.query_one("#caller", Select).value
        return self.accounts.get(choice) if isinstance(choice, int) else None

    def first_problem(self, *, typed_only: bool = False) -> tuple[Input | None, str] | None:
        if not typed_only and self._chosen_account() is None:
            if not self.accounts_loaded:
                return None, _("Your phone accounts are not loaded yet, so no call can be placed.")
            if not self.accounts:
                return None, _("This SPIKON account has no phone account to ring first.")
            return None, _("Choose the phone account that should ring first.")
        return super().first_problem(typed_only=typed_only)

    def build_request(self) -> Callable[[], Awaitable[PlacedCall]]:
        account = self._chosen_account()
        if account is None:  # first_problem() said so before the form could be sent
            raise RuntimeError("build_request without a phone account chosen")
        number = validation.check_phone_number(self.value_of("#number"), "destination_number")
        spikon_app(self).session.remember(REMEMBERED_ACCOUNT, account.id)
        spikon = spikon_client(self)

        async def place_call() -> PlacedCall:
            answer = await spikon.call_initiate(
                phone_account_id=account.id, destination_number=number
            )
            return PlacedCall(number=number, account=account, answer=answer)

        return place_call

    def failed(self, error: Exception) -> None:
        super().failed(error)
        if isinstance(error, SpikonError) and error.outcome_unknown:
            self.query_one("#submit", Button).label = _("Call again")
