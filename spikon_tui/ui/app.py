"""SpikonApp: the screens, the keys that move between them, the command palette and the theme."""

from __future__ import annotations

import asyncio
import importlib
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from spikon_tui import startup_gc
from spikon_tui.api.client import SpikonClient
from spikon_tui.formatting import format_money
from spikon_tui.i18n import N_, _
from spikon_tui.session import Session
from spikon_tui.ui.dialogs.help import HelpDialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Outcome, Succeeded, run_request
from spikon_tui.ui.screen_keys import own_keys
from spikon_tui.ui.screens.account.screen import AccountScreen
from spikon_tui.ui.translated_app import TranslatedApp

if TYPE_CHECKING:
    from spikon_tui.alerting import AlertChannels, AlertOptions
    from spikon_tui.api.models import Balance
    from spikon_tui.monitor import MonitorTracker

SCREENS_IN_ORDER = (
    ("account", N_("Account"), N_("Balance and phone accounts"), "f2"),
    ("books", N_("Phone books"), N_("Books and their entries; add, delete, call"), "f3"),
    ("monitor", N_("Monitor"), N_("Live Call Center queues: all campaigns, worst first"), "f4"),
    ("staffing", N_("Staffing"), N_("Which agent serves which campaign; move agents"), "f5"),
    ("history", N_("Call history"), N_("Order call reports, filter, export, call back"), "f6"),
    ("sms", N_("SMS"), N_("Compose and send SMS; the state of messages sent"), "f7"),
    (
        "speech",
        N_("Text to speech"),
        N_("Generate announcements; download MP3 or phone-ready WAV"),
        "f8",
    ),
)
"""(mode, title, what it is for, key); titles and descriptions are msgids, shown via `_()`."""

SCREENS_WITHOUT_OPTIONS = {
    "books": ("spikon_tui.ui.screens.phone_books.screen", "PhoneBooksScreen"),
    "history": ("spikon_tui.ui.screens.call_history.screen", "CallHistoryScreen"),
    "sms": ("spikon_tui.ui.screens.sms.screen", "SmsScreen"),
    "speech": ("spikon_tui.ui.screens.speech.screen", "SpeechScreen"),
}
"""Screens built with no arguments, imported when first opened (imports cost start-up time)."""


@dataclass
class MonitorOptions:
    """How the monitor runs: from `spikon-tui monitor`'s options and the profile."""

    campaign_ids: list[int] = field(default_factory=list)
    interval: float = 5.0
    record_path: str | None = None
    read_only: bool = False
    page_seconds: float = 10.0
    """How long the wallboard shows one page of campaigns."""
    alert_table: object | None = None
    alerting: AlertOptions | None = None
    """Where alerts go beyond the screen (terminal, command, webhook); none by default."""


@dataclass(frozen=True)
class AlertBadge:
    """What the title bar says of the alerts: how many are active, how many of those
    nobody has acknowledged or muted, and the worst level among them (0 OK, 1 warn, 2 alert)."""

    active: int = 0
    unattended: int = 0
    worst: int = 0


def _build_screen(module: str, name: str) -> Screen:
    return getattr(importlib.import_module(module), name)()


class SpikonApp(TranslatedApp):
    CSS_PATH = "app.tcss"
    TITLE = "SPIKON"
    # Screens get the class "-narrow" below 100 columns (app.tcss tightens the layout there).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    # ...and "-short" below 30 lines (dialogs drop their padding there).
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("f1", "help", N_("Help")),
        *(
            Binding(key, f"show('{mode}')", title, priority=True)
            for mode, title, _about, key in SCREENS_IN_ORDER
        ),
        Binding("f9", "alerts", N_("Alerts"), priority=True),
        Binding("ctrl+q", "quit", N_("Quit"), priority=True),
    ]

    balance: reactive[Decimal | None] = reactive(None, init=False)
    """The account's balance as last read; `show_balance` sets it, screens watch it."""

    alert_badge: reactive[AlertBadge] = reactive(lambda: AlertBadge(), init=False)
    """The active alerts the title bar counts (on every screen, so no toast covers work)."""

    def __init__(
        self,
        session: Session,
        *,
        keyring_usable: bool = True,
        keyring_reason: str = "",
        store_key=None,
        start_mode: str = "account",
        monitor: MonitorOptions | None = None,
    ) -> None:
        if session.api_key is not None:
            # Textual's first screen is then the start mode's own, not an empty default
            # screen switched away from at once (which costs start-up a screen's styling).
            # Textual has no per-app setting for it; App.__init__ reads this attribute.
            self.DEFAULT_MODE = start_mode  # type: ignore[misc]  # a ClassVar set per instance
        super().__init__()
        for mode, (module, name) in SCREENS_WITHOUT_OPTIONS.items():
            self._add_screen_mode(mode, partial(_build_screen, module, name))
        self._add_screen_mode("account", AccountScreen)
        self._add_screen_mode("monitor", self._monitor_screen)
        self._add_screen_mode("staffing", self._staffing_screen)
        self._add_screen_mode("wallboard", self._wallboard_screen)
        self.monitor = monitor or MonitorOptions()
        self._work_keepers: weakref.WeakSet[Screen] = weakref.WeakSet()
        self._tracker: MonitorTracker | None = None
        self._alerts_of: MonitorTracker | None = None
        self._alert_channels: AlertChannels | None = None
        self.session = session
        self.keyring_usable = keyring_usable
        self.keyring_reason = keyring_reason
        self._store_key = store_key
        self.start_mode = start_mode
        self.spikon: SpikonClient | None = (
            None if session.api_key is None else session.new_client(session.api_key)
        )
        self.sub_title = self._identity()
        theme = session.recall("theme")
        if theme in self.available_themes and theme != self.theme:
            self.theme = theme

    def _identity(self, balance: Decimal | None = None) -> str:
        who = (
            _("demo")
            if self.session.demo
            else _("profile {name}").format(name=self.session.profile)
        )
        if self.session.read_only:
            who = f"{who} · {_('read-only')}"
        return who if balance is None else f"{who} · {format_money(balance)}"

    async def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.session.api_key is None:
            from spikon_tui.ui.screens.account.login import LoginScreen

            startup_gc.resume()  # nothing more to start: the user types now
            await self.push_screen(LoginScreen(self.keyring_usable, self.keyring_reason))
            return
        await self._started()

    async def _open(self, api_key: str) -> None:
        """After the login screen: the client for the checked key, and the start screen."""
        self.spikon = self.session.new_client(api_key)
        await self.switch_mode(self.start_mode)
        await self._started()

    async def _started(self) -> None:
        """The start screen is up: the start-up timer, and the campaign's detail when
        `spikon-tui monitor` named one."""
        self.set_timer(startup_gc.LONGEST_PAUSE, self._start_up_done)
        if self.start_mode == "monitor" and len(self.monitor.campaign_ids) == 1:
            from spikon_tui.ui.screens.monitor.detail import MonitorDetailScreen

            await self.push_screen(
                MonitorDetailScreen(
                    self.monitor.campaign_ids[0],
                    tracker=self.monitor_tracker,
                    interval=self.monitor.interval,
                )
            )

    # -- screens opened on demand (their imports cost start-up time) -----------------

    def _add_screen_mode(self, mode: str, build: Callable[[], Screen]) -> None:
        def build_styled() -> Screen:
            screen = build()
            # Textual re-parses every style sheet when a mode's first screen is not marked
            # as styled with the current theme (~70 ms, on start-up and on each first F-key;
            # start-up goes from ~1.08x to ~1.19x the benchmark's baseline without this).
            # A screen built just now is styled when it mounts, so it is current already.
            # Upstream: Textualize/textual#5210, fixed by #5211 with "this could be improved
            # upon in future, by avoiding a CSS refresh when not strictly required". A
            # private attribute: tests/ui/test_textual_private.py fails the day it changes.
            screen._css_update_count = self._css_update_count
            return screen

        self.add_mode(mode, build_styled)

    @property
    def monitor_tracker(self) -> MonitorTracker:
        """One tracker for the monitor and staffing screens, so figures and alerts carry over."""
        if self._tracker is None:
            from spikon_tui.monitor import AlertConfigError, load_alert_config
            from spikon_tui.ui.screens.monitor.poller import make_tracker

            try:
                alert_config = load_alert_config(self.monitor.alert_table)
            except AlertConfigError as error:
                alert_config = None
                self.notify(
                    _(
                        "{error}. The default alert rules apply until the config file is fixed."
                    ).format(error=error),
                    title=_("Alert rules not loaded"),
                    severity="error",
                    timeout=20,
                )
            self._tracker = make_tracker(
                interval=self.monitor.interval,
                clock=self.session.clock,
                alert_config=alert_config,
                record_path=self.monitor.record_path,
            )
        return self._tracker

    def refresh_alert_badge(self, tracker: MonitorTracker) -> None:
        """Count the active alerts of `tracker` (the monitor's) again, for the title bar;
        F9 then lists that tracker's alerts."""
        self._alerts_of = tracker
        log = tracker.alert_log
        self.alert_badge = AlertBadge(
            active=log.active_count(),
            unattended=log.active_count(now=self.session.clock(), unattended_only=True),
            worst=int(log.worst_active()),
        )

    def _monitor_screen(self) -> Screen:
        from spikon_tui.ui.screens.monitor.overview import MonitorOverviewScreen

        return MonitorOverviewScreen(
            self.monitor.campaign_ids or None,
            tracker=self.monitor_tracker,
            interval=self.monitor.interval,
        )

    def _wallboard_screen(self) -> Screen:
        from spikon_tui.ui.screens.monitor.wallboard import WallboardScreen

        return WallboardScreen(
            self.monitor.campaign_ids or None,
            page_seconds=self.monitor.page_seconds,
            tracker=self.monitor_tracker,
        )

    def _staffing_screen(self) -> Screen:
        from spikon_tui.ui.screens.monitor.staffing import StaffingScreen

        return StaffingScreen(tracker=self.monitor_tracker, read_only=self.monitor.read_only)

    @property
    def alert_channels(self) -> AlertChannels:
        """Where alerts go beyond the screen, from the monitor's options (made on first use)."""
        if self._alert_channels is None:
            from spikon_tui.alerting import channels_from
            from spikon_tui.ui.terminal_writer import terminal_writer

            self._alert_channels = channels_from(
                self.monitor.alerting,
                write=terminal_writer(self),
                secrets=[self.session.api_key],
            )
        return self._alert_channels

    async def on_unmount(self) -> None:
        if self._alert_channels is not None:  # a running command gets 2 s, off the loop
            await asyncio.to_thread(self._alert_channels.close)
        if self.spikon is not None:
            await self.spikon.aclose()

    @property
    def client(self) -> SpikonClient:
        """The client for the checked key. `spikon` is None only until the login screen
        has checked one, and no screen that sends requests runs before that."""
        if self.spikon is None:
            raise RuntimeError("no SPIKON client yet: the API key is not checked")
        return self.spikon

    def logged_in(self, api_key: str, where: str) -> None:
        """The login screen checked the key; keep it where the user chose, then open the app."""
        self.session.api_key = api_key
        self.session.key_source = where
        if self._store_key is not None and where != "session":
            self._keep_key(self.session.profile, api_key, where)
        self.pop_screen()
        self.call_next(self._open, api_key)

    @dataclass
    class KeyStored(Message):
        result: object = None
        error: Exception | None = None

    @work(thread=True, group="store-key")
    def _keep_key(self, profile: str, api_key: str, where: str) -> None:
        """Store the key (the OS keyring may take a while, so in a thread)."""
        try:
            result = self._store_key(profile, api_key, where)
        except Exception as error:  # noqa: BLE001 - shown by on_spikon_app_key_stored
            self.post_message(self.KeyStored(error=error))
        else:
            self.post_message(self.KeyStored(result=result))

    def on_spikon_app_key_stored(self, message: KeyStored) -> None:
        if message.error is not None:
            self.notify(
                _(
                    "{error} The key works for this session only; spikon-tui login stores it later."
                ).format(error=describe_error(message.error)),
                title=_("The API key was not stored"),
                severity="error",
                timeout=15,
            )
            return
        description = getattr(message.result, "description", None)
        warning = getattr(message.result, "warning", None)
        stored = (
            _("The API key is stored in {place}.").format(place=description) if description else ""
        )
        self.notify(
            " ".join(part for part in (stored, warning) if part) or _("The API key is stored."),
            title=_("Logged in"),
            severity="warning" if warning else "information",
        )

    def show_balance(self, balance: Decimal) -> None:
        """The one balance of the app: the title bar and the account screen show this."""
        self.balance = balance
        self.sub_title = self._identity(balance)
        # Once the screen showing it is painted, and after whatever else waited for that.
        self.call_after_refresh(self.call_later, self._start_up_done)

    def keep_typed_work(self, screen: Screen) -> None:
        """`screen` has a `typed_work()` to ask before quitting, even when it is not shown."""
        self._work_keepers.add(screen)

    def typed_work(self) -> list[str]:
        """What quitting now would throw away, in words ("the announcement text"), if any."""
        screens = [*self.screen_stack, *(s for s in self._work_keepers if s.is_attached)]
        found: list[str] = []
        for screen in dict.fromkeys(screens):  # once each, in order
            describe = getattr(screen, "typed_work", None)
            what = describe() if describe is not None else None
            if what:
                found.append(what)
        return found

    async def action_quit(self) -> None:
        """Quit; when typed work would be lost, ask first (an unsent SMS is kept anyway)."""
        lost = self.typed_work()
        if not lost:
            self.exit()
            return
        from spikon_tui.ui.dialogs.confirm import ConfirmDialog

        question = _("Quit and lose {what}?").format(what=_(", ").join(lost))
        self.push_screen(
            ConfirmDialog(question, yes_label=_("Quit"), danger=True),
            lambda yes: self.exit() if yes else None,
        )

    def refresh_balance(self) -> None:
        """Ask for the balance now, after anything that may have cost money (an SMS, a call,
        an announcement); a failure is not worth a word here (the account screen says it)."""
        if self.spikon is None:
            return
        run_request(
            self,
            self.spikon.balance_show,
            self._balance_loaded,
            group="balance",
            exclusive=True,
        )

    def _balance_loaded(self, outcome: Outcome[Balance]) -> None:
        if isinstance(outcome, Succeeded):
            self.show_balance(outcome.result.balance)

    def _start_up_done(self) -> None:
        """What waits until the first screen shows data, or `LONGEST_PAUSE` has passed
        (both idempotent): the garbage collector collects again."""
        startup_gc.resume()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Not logged in yet: no screen to go to, so F2/F3 are hidden from the footer.
        if action in ("show", "alerts") and self.current_mode == "wallboard":
            return False  # a wall screen (or a browser) stays on the board
        return not (action in ("show", "alerts") and self.spikon is None)

    def action_show(self, mode: str) -> None:
        if self.spikon is None:
            return
        if self.current_mode != mode:
            self.switch_mode(mode)

    async def open_sms_to(self, picked: Mapping[str, str | None]) -> None:
        """Go to the SMS screen with these numbers (and their names) among the recipients."""
        from spikon_tui.ui.screens.sms.screen import SmsScreen

        await self.switch_mode("sms")
        if isinstance(self.screen, SmsScreen):
            self.screen.form.add_recipients(picked)

    def action_alerts(self) -> None:
        """F9: the shift's alerts (the panel closes itself on F9 too)."""
        if self.spikon is None:
            return
        from spikon_tui.ui.screens.monitor.alerts_panel import AlertsPanel

        if isinstance(self.screen, AlertsPanel):
            self.screen.dismiss()
            return
        self.push_screen(AlertsPanel(self._alerts_of or self.monitor_tracker))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpDialog):
            return
        self.push_screen(HelpDialog(self.screen))

    def _theme_changed(self, theme) -> None:
        self.session.remember("theme", theme.name)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)  # Textual's, translated
        if self.spikon is not None:
            for mode, title, about, _key in SCREENS_IN_ORDER:
                yield SystemCommand(
                    _("Go to {screen}").format(screen=_(title)),
                    _(about),
                    partial(self.action_show, mode),
                )
            yield SystemCommand(
                _("Alerts"),
                _("Every alert of this session: why, since when, acknowledged, cleared · Key: F9"),
                self.action_alerts,
            )
        yield SystemCommand(
            _("Help for this screen"), _("What this screen shows and its keys"), self.action_help
        )
        title = _(screen.TITLE) if screen.TITLE else ""
        for binding in own_keys(screen):  # its keys run from here even while typing
            key = _("Key: {key}").format(key=self.get_key_display(binding))
            yield SystemCommand(
                f"{title}: {_(binding.description)}".strip(": "),
                f"{_(binding.tooltip)} · {key}" if binding.tooltip else key,
                partial(screen.run_action, binding.action),
            )
