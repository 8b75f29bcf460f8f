"""SpikonApp: the screens, the keys that move between them, the command palette and the theme."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from spikon_tui.api.client import SpikonClient
from spikon_tui.formatting import format_money
from spikon_tui.session import Session
from spikon_tui.ui.screens.account import AccountScreen
from spikon_tui.ui.screens.phone_books import PhoneBooksScreen
from spikon_tui.ui.widgets.call_dialog import PlacedCall
from spikon_tui.ui.widgets.help import HelpDialog

SCREENS_IN_ORDER = (
    ("account", "Account", "Balance and phone accounts", "f2"),
    ("books", "Phone books", "Books and their entries; add, delete, call", "f3"),
)


class SpikonApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "SPIKON"
    MODES = {"account": AccountScreen, "books": PhoneBooksScreen}
    BINDINGS = [
        Binding("f1", "help", "Help"),
        *(
            Binding(key, f"show('{mode}')", title, priority=True)
            for mode, title, _about, key in SCREENS_IN_ORDER
        ),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        session: Session,
        *,
        keyring_usable: bool = True,
        keyring_reason: str = "",
        store_key=None,
        start_mode: str = "account",
    ) -> None:
        super().__init__()
        self.session = session
        self.keyring_usable = keyring_usable
        self.keyring_reason = keyring_reason
        self._store_key = store_key
        self.start_mode = start_mode
        self.spikon: SpikonClient | None = None
        self.sub_title = self._identity()
        theme = session.recall("theme")
        if theme:
            self.theme = theme

    def _identity(self, balance: Decimal | None = None) -> str:
        who = "demo" if self.session.demo else f"profile {self.session.profile}"
        return who if balance is None else f"{who} · {format_money(balance)}"

    async def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.session.api_key is None:
            from spikon_tui.ui.screens.login import LoginScreen

            await self.push_screen(LoginScreen(self.keyring_usable, self.keyring_reason))
            return
        await self._open(self.session.api_key)

    async def _open(self, api_key: str) -> None:
        self.spikon = self.session.new_client(api_key)
        await self.spikon.__aenter__()
        await self.switch_mode(self.start_mode)

    async def on_unmount(self) -> None:
        if self.spikon is not None:
            await self.spikon.aclose()

    def logged_in(self, api_key: str, where: str) -> None:
        """The login screen checked the key; keep it where the user chose, then open the app."""
        self.session.api_key = api_key
        self.session.key_source = where
        if self._store_key is not None and where != "session":
            self.run_worker(
                partial(self._store_key, self.session.profile, api_key, where), thread=True
            )
        self.pop_screen()
        self.call_next(self._open, api_key)

    def show_balance(self, balance: Decimal) -> None:
        self.sub_title = self._identity(balance)

    def report_call(self, placed: PlacedCall | None) -> None:
        if placed is None:
            return
        self.notify(
            f"{placed.account.number} is ringing; answer it to be connected to {placed.number}.",
            title=f"Call {placed.answer.state}",
        )

    def action_show(self, mode: str) -> None:
        if self.spikon is None:
            return
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpDialog):
            return
        self.push_screen(HelpDialog(self.screen))

    def _theme_changed(self, theme) -> None:
        self.session.remember("theme", theme.name)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.spikon is not None:
            for mode, title, about, _key in SCREENS_IN_ORDER:
                yield SystemCommand(f"Go to {title}", about, partial(self.action_show, mode))
        yield SystemCommand(
            "Help for this screen", "What this screen shows and its keys", self.action_help
        )
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.description and binding.show and active.node is screen:
                yield SystemCommand(
                    f"{screen.TITLE or ''}: {binding.description}".strip(": "),
                    f"Key: {self.get_key_display(binding)}",
                    partial(screen.run_action, binding.action),
                )
