"""Log in: paste the API key, have it checked against SPIKON, then choose where it is kept.

The key is checked with `balance/show` before anything is stored. The keyring is
offered when one works; a file (not encrypted) only on an explicit choice; or
the key is kept for this session only. On a headless server without a keyring
the screen says why the keyring is not offered.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from spikon_tui.api.errors import PANEL_API_SETTINGS
from spikon_tui.formatting import format_money
from spikon_tui.i18n import N_, _
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.screens.base import MainScreen
from spikon_tui.ui.typed_app import spikon_app
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.title_bar import TitleBar


class LoginScreen(MainScreen):
    TITLE = N_("Log in")
    # The panel's menu path is written out (it is PANEL_API_SETTINGS): a msgid must be a
    # plain literal, and the shell translates HELP without filling placeholders.
    HELP = N_("""
Paste the API key of your SPIKON account. You find it in the SPIKON panel under
[b]"Ustawienia i dodatki" -> "API - ustawienia"[/b]; the API must be switched on there.

The key is checked with SPIKON before anything is stored. Then choose where to
keep it: the system keyring (encrypted, when this machine has one), a file
readable only by you (not encrypted), or this session only.
""")
    BINDINGS = [Binding("escape", "app.quit", N_("Quit"), show=False)]

    def __init__(self, keyring_usable: bool, keyring_reason: str) -> None:
        super().__init__()
        self.keyring_usable = keyring_usable
        self.keyring_reason = keyring_reason
        self.checked_key: str | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="login"):
            yield Static(
                _("Profile “{profile}” has no API key yet.").format(
                    profile=spikon_app(self).session.profile
                ),
                classes="dialog-title",
            )
            yield Static(
                _("Paste the key from the SPIKON panel ({place}).").format(
                    place=PANEL_API_SETTINGS
                ),
                classes="dialog-text",
            )
            key = Input(password=True, placeholder=_("API key"), id="api-key")
            key.border_title = _("API key")
            yield key
            yield Static("", classes="dialog-error")
            with Horizontal(classes="dialog-buttons", id="check-buttons"):
                yield Button(_("Check key"), id="check", variant="primary")
            with Vertical(id="store-choice"):
                yield Static("", id="checked")
                with Horizontal(classes="dialog-buttons"):
                    yield Button(
                        _("Keep in the keyring"),
                        id="store-keyring",
                        variant="primary",
                        disabled=not self.keyring_usable,
                    )
                    yield Button(
                        _("Keep in a file (not encrypted)"), id="store-file", variant="warning"
                    )
                    yield Button(_("This session only"), id="store-session")
                yield Static(
                    ""
                    if self.keyring_usable
                    else _("The keyring is not offered: {reason}").format(
                        reason=self.keyring_reason
                    ),
                    id="keyring-reason",
                    classes="dialog-text",
                )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#store-choice").display = False
        self.query_one("#api-key", Input).focus()

    def _show_error(self, text: str, *, progress: bool = False) -> None:
        """Say what went wrong (or, with `progress`, what is happening) under the key."""
        error = self.query_one(".dialog-error", Static)
        error.update(text)
        error.display = bool(text)
        error.set_class(progress, "-progress")

    @on(Input.Changed, "#api-key")
    def _key_changed(self, event: Input.Changed) -> None:
        if self.checked_key is not None and event.value.strip() != self.checked_key:
            # A different key than the one checked: it has to be checked again.
            self.checked_key = None
            self.query_one("#store-choice").display = False
            self.query_one("#check-buttons").display = True

    @on(Input.Submitted, "#api-key")
    @on(Button.Pressed, "#check")
    def check(self) -> None:
        key = self.query_one("#api-key", Input).value.strip()
        if key and key == self.checked_key:
            return  # already checked: the choice of where to keep it is on screen
        if not key:
            self._show_error(_("Paste the API key first."))
            return
        self.query_one("#check", Button).disabled = True
        self._show_error(_("Checking the key with SPIKON…"), progress=True)
        self.check_key(key)

    def check_key(self, key: str) -> None:
        session = spikon_app(self).session

        async def balance_with_the_key() -> Decimal:
            async with session.new_client(api_key=key) as spikon:
                return (await spikon.balance_show()).balance

        run_request(
            self, balance_with_the_key, partial(self._checked, key), group="login", exclusive=True
        )

    def _checked(self, key: str, outcome: Outcome[Decimal]) -> None:
        self.query_one("#check", Button).disabled = False
        if isinstance(outcome, Failed):
            self._show_error(describe_error(outcome.error))  # explained on screen
            return
        self._show_error("")
        self.checked_key = key
        self.query_one("#checked", Static).update(
            _("The key works: balance {balance}. Where should it be kept?").format(
                balance=format_money(outcome.result)
            )
        )
        self.query_one("#check-buttons").display = False
        self.query_one("#store-choice").display = True
        target = "#store-keyring" if self.keyring_usable else "#store-session"
        self.query_one(target, Button).focus()

    @on(Button.Pressed, "#store-keyring")
    def _store_keyring(self) -> None:
        self._finish("keyring")

    @on(Button.Pressed, "#store-file")
    def _store_file(self) -> None:
        self._finish("file")

    @on(Button.Pressed, "#store-session")
    def _store_session(self) -> None:
        self._finish("session")

    def _finish(self, where: str) -> None:
        if self.checked_key is None:
            return
        spikon_app(self).logged_in(self.checked_key, where)
