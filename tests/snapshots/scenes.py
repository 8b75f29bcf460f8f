"""The screens as a user sees them, each a repeatable scene: the snapshot tests and
`scripts/make_screenshots.py` both draw from here, so the pictures in the README
are exactly what the tests check.

Every scene runs the app against the demo sandbox (the same seed and sizes as
`spikon-tui --demo`) on a frozen clock, so it looks the same on every run.

The monitor scenes move that clock themselves, poll by poll (`_next_poll`), so the
sandbox's call center and every age on screen follow it alone. While a
`SceneRunner` is open, the poll timers wait 1/100 of a clock second in real
time, the measured latency is a constant 0 ms, the backoff has no jitter and the
staffing audit log is shown under ~ (`_FROZEN`); `close()` puts them back.

The call history, SMS and speech scenes move the clock themselves too:
a report is generated, an SMS delivered, when the scene says (their checks are
due by that clock; their timers are the monitor's, shortened above). Local
times (an SMS's "sent at") are Poland's, whatever this machine's time zone
(`SCENE_TIME_ZONE`).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import httpx
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Select, Static

from spikon_tui.api.client import SpikonClient
from spikon_tui.cli.demo import demo_config
from spikon_tui.i18n import current_language, set_language
from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.poll_scheduler import PollScheduler
from spikon_tui.ui.screens.call_history.screen import REPORT_VIEW, CallHistoryScreen
from spikon_tui.ui.screens.monitor import base as monitor_base
from spikon_tui.ui.screens.monitor import poller as monitor_poller
from spikon_tui.ui.screens.monitor import staffing
from spikon_tui.ui.screens.monitor.base import MonitorScreen
from spikon_tui.ui.screens.monitor.poller import make_tracker
from spikon_tui.ui.screens.sms.screen import SmsScreen
from spikon_tui.ui.screens.speech.screen import SpeechScreen
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import paste, settle, wait_until

SIZES = {"wide": (120, 40), "narrow": (80, 24), "small": (60, 20), "huge": (200, 60)}
"""Terminal sizes by name: every scene is drawn `wide` and `narrow` (`Scene.sizes`); the
monitor's overview and detail also `small`, the least they must stay usable at."""

SCENE_TIME_ZONE = "Europe/Warsaw"
"""Local times on screen are Poland's (where SPIKON's users are) on every machine."""

SCENE_LANGUAGE = "en"
"""The scenes speak English, whatever language an earlier test left the process in."""

SCENE_URL = "http://127.0.0.1:8765/api/"
"""The address the app believes it talks to: the sandbox's own port is a new one on every
run, and it would show in error messages (the STALE scene's "Could not connect to ...")."""


@dataclass
class _HeldRequests:
    """Lets `passed` requests to `method` through, each `seconds` later by the scene's
    clock, then holds the next one until the scene ends: an import caught half-way."""

    method: str
    passed: int
    seconds: float
    clock: FakeClock
    seen: int = 0

    async def wait(self, path: str) -> None:
        if not path.endswith("/" + self.method):
            return
        self.seen += 1
        if self.seen > self.passed:
            await asyncio.Event().wait()  # cancelled when the app closes
        self.clock.advance(self.seconds)


class _ToSandbox(httpx.AsyncHTTPTransport):
    """Sends every request meant for `SCENE_URL` to the sandbox's real port."""

    def __init__(self, sandbox_url: str, session: SceneSession) -> None:
        super().__init__()
        self._target = httpx.URL(sandbox_url)
        self._session = session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._session.held is not None:
            await self._session.held.wait(request.url.path)
        request.url = request.url.copy_with(host=self._target.host, port=self._target.port)
        return await super().handle_async_request(request)


class SceneSession(Session):
    """A `Session` whose clients show `SCENE_URL` and reach the scene's sandbox."""

    def __init__(self, sandbox: Sandbox, **options) -> None:
        super().__init__(base_url=SCENE_URL, **options)
        self.sandbox = sandbox
        self.held: _HeldRequests | None = None

    def new_client(self, api_key: str | None = None) -> SpikonClient:
        key = api_key if api_key is not None else self.api_key
        if key is None:
            raise RuntimeError("no API key yet: log in first")
        transport = _ToSandbox(self.sandbox.base_url, self)
        return SpikonClient(api_key=key, base_url=self.base_url, transport=transport)


async def _open_phone_books(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)


async def _filter_phone_book(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press(*"lodz")  # the filter takes typing as soon as the screen opens
    await settle(pilot)


async def _new_entry(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("down", "n", *"Hurtownia Żółw", "tab", *"50123456x")
    await settle(pilot)


async def _edit_entry(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("down", "down", "e", "end", *" (Kraków)", "tab", "end", "#")
    await settle(pilot)


async def _select_entries(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("down", "down", "space", "down", "down", "shift+down", "shift+down")
    await settle(pilot)


async def _delete_selected(pilot: Pilot) -> None:
    await _select_entries(pilot)
    await pilot.press("delete")
    await settle(pilot)


IMPORT_FILE_TEXT = (
    "Imię i nazwisko;Telefon;Firma\r\n"
    "Bartosz Chmielewski (Łódź);+48 600 700 801;Chmiel s.c.\r\n"
    "Anna Żółkiewska;600-700-802;\r\n"
    "Anna Żółkiewska;0048 600 700 802;drugi raz\r\n"
    "Hotel Wisła;(22) 628 11 00;\r\n"
    "Biuro Berlin;+49 30 1234567;\r\n"
    "Bez numeru;;\r\n"
    "Za długi;+48 600 700 800 100 200 300 400 500 600;\r\n"
)
"""What an office exports from Excel in Poland: Windows-1250, `;`, numbers in every style."""


async def _import_to_preview(pilot: Pilot) -> None:
    folder = Path(tempfile.mkdtemp(prefix="spikon-scene-"))
    source = folder / "klienci.csv"
    source.write_bytes(IMPORT_FILE_TEXT.encode("cp1250"))
    await _open_phone_books(pilot)
    await pilot.press("down", "i")
    await settle(pilot)
    pilot.app.screen.query_one(Input).value = str(source)
    await pilot.press("enter")
    await settle(pilot)


async def _import_preview(pilot: Pilot) -> None:
    await _import_to_preview(pilot)
    await _hold_still(pilot)


async def _import_progress(pilot: Pilot) -> None:
    await _import_to_preview(pilot)
    session = pilot.app.session
    assert isinstance(session, SceneSession) and isinstance(session.clock, FakeClock)
    session.held = _HeldRequests("phone_book_element/add", 2, 1.5, session.clock)
    await pilot.click("#import")
    held = session.held
    await wait_until(pilot, lambda: held.seen == 3, "the third entry on its way")
    status = pilot.app.screen.query_one("#import-status", Static)
    await wait_until(pilot, lambda: "2 of" in str(status.render()), "two entries counted")
    # The age under the books follows the clock the adds moved, on its own real-time tick.
    books = pilot.app.screen_stack[-2].query_one("#books-freshness", Static)
    await wait_until(pilot, lambda: "3 s" in str(books.render()), "the age after 3 s")
    await pilot.pause()  # the import's worker stays busy: no settle() here
    await _hold_still(pilot)


async def _import_report(pilot: Pilot) -> None:
    await _import_to_preview(pilot)
    await pilot.click("#import")
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "report", None), "the report")
    await settle(pilot)
    await _hold_still(pilot)


async def _export_book(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("down", "x")
    await settle(pilot)
    pilot.app.screen.query_one(Input).value = "~/Pobrane/ksiazka-glowna.vcf"
    await settle(pilot)


async def _call_entry(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("escape", "down", "down", "c")
    await settle(pilot)


async def _help(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f1")
    await settle(pilot)


# -- the monitor ------------------------------------------------------------------------------


def _steady_tracker(**options):
    """`make_tracker` without the backoff's random jitter ("next try in N s" stays put)."""
    return make_tracker(random_source=lambda: 0.0, **options)


_FROZEN = (
    (monitor_poller, "latency_timer", lambda: 0.0),  # real latency: "NN ms" would flicker
    (monitor_poller, "make_tracker", _steady_tracker),  # the app imports it when needed
    (monitor_base, "make_tracker", _steady_tracker),
    (PollScheduler, "TIMER_SCALE", 0.01),  # a clock second waits 10 ms of real time
    (PollScheduler, "MIN_WAIT", 0.05),
    # the staffing screen names its audit log, under this machine's home directory
    (
        staffing,
        "default_audit_path",
        lambda: Path("~/.local/share/spikon-tui/staffing-audit.jsonl"),
    ),
)


def _sandbox(pilot: Pilot) -> Sandbox:
    return pilot.app.session.sandbox


def _monitor(pilot: Pilot) -> MonitorScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MonitorScreen), screen
    return screen


async def _first_poll(pilot: Pilot) -> MonitorScreen:
    await wait_until(pilot, lambda: _monitor(pilot).rounds >= 1, "the first poll")
    await settle(pilot)
    return _monitor(pilot)


async def _next_poll(pilot: Pilot) -> None:
    """Move the clock to the next poll's due time and wait until that poll is shown."""
    screen = _monitor(pilot)
    before = screen.rounds
    wait = screen.scheduler.seconds_to_next()
    assert wait is not None, "a poll is already running"
    pilot.app.session.clock.advance(wait)
    await wait_until(pilot, lambda: screen.rounds > before, f"the poll due in {wait:g} s")
    await settle(pilot)


async def _monitor_overview(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f4")
    await _first_poll(pilot)


async def _wallboard(pilot: Pilot) -> None:
    await settle(pilot)
    await _first_poll(pilot)
    await _next_poll(pilot)  # the tiles drawn from a second round: alert levels settle
    await settle(pilot)


async def _wallboard_stale(pilot: Pilot) -> None:
    await _wallboard(pilot)
    _sandbox(pilot).stop()
    await _next_poll(pilot)
    await _next_poll(pilot)
    pilot.app.session.clock.advance(3)
    screen = _monitor(pilot)
    await wait_until(pilot, lambda: screen.freshness(screen.clock()).stale, "STALE")
    screen.draw_status(screen.clock())
    screen.tick(screen.clock())
    await settle(pilot)


async def _monitor_detail(pilot: Pilot) -> None:
    await _monitor_overview(pilot)
    await pilot.press("enter")
    await _first_poll(pilot)


async def _monitor_stale(pilot: Pilot) -> None:
    await _monitor_overview(pilot)
    _sandbox(pilot).stop()
    await _next_poll(pilot)  # 5 s: the first failed poll
    await _next_poll(pilot)  # 10 s: the second; the next try backs off to 10 s
    pilot.app.session.clock.advance(3)  # 13 s old: two polls missed, and then some
    screen = _monitor(pilot)
    await wait_until(pilot, lambda: screen.freshness(screen.clock()).stale, "STALE")
    screen.draw_status(screen.clock())
    screen.tick(screen.clock())
    await settle(pilot)


async def _monitor_alert(pilot: Pilot) -> None:
    await _monitor_overview(pilot)
    state = _sandbox(pilot).state
    with state.lock:  # every agent takes a long break: calls queue, nobody is free
        for agent in state.call_center.agents.values():
            agent.paused, agent.pause_until = True, state.clock() + 3600
    for _ in range(8):  # 40 s: longer than the rules' hold times
        await _next_poll(pilot)


async def _alerts_panel(pilot: Pilot) -> None:
    """F9 after a shift's worth of alerts: one acknowledged, some cleared, some active."""
    await _monitor_alert(pilot)
    await pilot.press("a")  # acknowledge the campaign at the top
    state = _sandbox(pilot).state
    with state.lock:  # the agents come back from their break
        for agent in state.call_center.agents.values():
            agent.paused, agent.pause_until = False, None
    for _ in range(14):  # 70 s: the shorter clear holds pass, the SLA's not yet
        await _next_poll(pilot)
    await pilot.press("f9")
    await settle(pilot)
    await _hold_still(pilot)


async def _staffing(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)


# -- call history, SMS, text to speech ---------------------------------------------------


async def _paste_into(pilot: Pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await paste(pilot, text)


def _steady_cursors(screen: Screen) -> None:
    """A field's cursor blinks every half second of real time: here it stays on.

    Done before anything is typed: a text area stopped mid-blink may keep a line drawn
    without its cursor.
    """
    for widget in screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]


async def _hold_still(pilot: Pilot) -> None:
    """Toasts leave after a few seconds of real time: a picture must not depend on when."""
    pilot.app.clear_notifications()
    await pilot.pause()


def _history(pilot: Pilot) -> CallHistoryScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CallHistoryScreen), screen
    return screen


async def _open_call_history(pilot: Pilot) -> CallHistoryScreen:
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)
    screen = _history(pilot)
    _steady_cursors(screen)
    await wait_until(pilot, lambda: screen._list_state == "loaded", "the list of reports")
    return screen


async def _order_report(pilot: Pilot, screen: CallHistoryScreen) -> None:
    await pilot.press("ctrl+o")
    await wait_until(pilot, lambda: screen.progress.waiting_for is not None, "the order")


REPORT_GENERATION = 3.0
"""The demo's generation delay: clock seconds before an ordered report is ready."""


async def _call_history_waiting(pilot: Pilot) -> None:
    """Incoming calls to one number ordered; SPIKON is still generating the report."""
    screen = await _open_call_history(pilot)
    await pilot.click("#order-in")
    await _paste_into(pilot, "#order-number", "221234567")
    await _order_report(pilot, screen)
    pilot.app.session.clock.advance(REPORT_GENERATION - 1)
    await wait_until(pilot, lambda: "waiting 2 s" in screen.progress.text, "2 s of waiting")
    await settle(pilot)  # the check due at 1 s has found it still generating
    await _hold_still(pilot)


async def _call_history_report(pilot: Pilot) -> None:
    """Last week's calls, filtered to one day, with the totals of what the filter shows."""
    screen = await _open_call_history(pilot)
    await _order_report(pilot, screen)
    pilot.app.session.clock.advance(REPORT_GENERATION)
    await wait_until(pilot, lambda: screen.view == REPORT_VIEW, "the report to open")
    await settle(pilot)
    await pilot.press("slash")
    await paste(pilot, "06-13")
    await pilot.press("enter")  # back to the calls: the footer offers call back, export
    view = screen.report_view
    await wait_until(pilot, lambda: not view.totals_pending, "the totals")
    await settle(pilot)
    await _hold_still(pilot)


SMS_SENT = (
    ("501 234 567", "Dzień dobry, przypominamy o wizycie jutro o 10:00. Gabinet Zdrowie"),
    ("601 234 000", "Zamówienie 4812 jest gotowe do odbioru w sklepie przy ul. Długiej 5."),
    ("512 345 999", "Kod do drzwi wejściowych zmienia się od poniedziałku na 4711."),
)
"""Sent first: numbers ending 000 end undelivered, 999 in error, the rest delivered."""
SMS_LATER = ("602 345 678", "Kurier dostarczy paczkę dziś między 18:00 a 20:00.")
"""Sent 20 minutes later: sent to the network, the delivery report not back yet."""
SMS_DRAFT = (
    "501 234 567, 602 345 678",
    "Szanowni Państwo, w piątek 20 czerwca biuro będzie nieczynne. "
    "Pilne sprawy prosimy zgłaszać pod numerem 22 123 45 67. Dziękujemy!",
)
"""Being typed: Polish letters make it Unicode, two parts for each of two recipients."""


def _sms_screen(pilot: Pilot) -> SmsScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SmsScreen), screen
    return screen


async def _send_sms(pilot: Pilot, to: str, message: str) -> None:
    screen = _sms_screen(pilot)
    await _paste_into(pilot, "#recipients", to)
    await _paste_into(pilot, "#message", message)
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "the question")
    await pilot.press("y")
    await wait_until(pilot, lambda: not screen.sending, "the SMS to go")
    await settle(pilot)


def _sms_states(screen: SmsScreen) -> list[int | None]:
    assert screen.store is not None
    return [record.state for record in screen.store.messages.values()]


async def _sms(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f7")
    await settle(pilot)
    screen = _sms_screen(pilot)
    _steady_cursors(screen)
    clock = pilot.app.session.clock
    for to, message in SMS_SENT:
        await _send_sms(pilot, to, message)
    clock.advance(20 * 60)
    await wait_until(pilot, lambda: _sms_states(screen) == [5, 3, 2], "the final states")
    await _send_sms(pilot, *SMS_LATER)
    clock.advance(2)
    await wait_until(pilot, lambda: _sms_states(screen)[-1] == 4, "the SMS sent on")
    await settle(pilot)
    await _paste_into(pilot, "#recipients", SMS_DRAFT[0])
    await _paste_into(pilot, "#message", SMS_DRAFT[1])
    await settle(pilot)
    await _hold_still(pilot)


SPEECH_VOICE = "Jacek"
SPEECH_NAME = "Infolinia – menu"
SPEECH_TEXT = (
    "Dzień dobry, dodzwonili się Państwo do biura obsługi klienta firmy Spikon. "
    "W sprawie zamówień prosimy wybrać jeden, w sprawie reklamacji dwa. "
    "Aby porozmawiać z konsultantem, prosimy pozostać na linii."
)


def _speech_screen(pilot: Pilot) -> SpeechScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SpeechScreen), screen
    return screen


async def _speech(pilot: Pilot) -> None:
    """A male Polish voice, a menu announcement priced and ordered: it waits while 1 and 2 are
    ready."""
    await settle(pilot)
    await pilot.press("f8")
    await settle(pilot)
    screen = _speech_screen(pilot)
    _steady_cursors(screen)
    form = screen.form
    await wait_until(pilot, lambda: form.voice is not None, "the voices")
    screen.query_one("#tts-voice", Select).value = SPEECH_VOICE
    await _paste_into(pilot, "#tts-name", SPEECH_NAME)
    await _paste_into(pilot, "#tts-text", SPEECH_TEXT)
    await wait_until(pilot, lambda: form.quotes.known(SPEECH_VOICE, SPEECH_TEXT), "the price")
    await settle(pilot)
    await pilot.press("ctrl+g")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "the question")
    await pilot.press("y")
    announcements = screen.announcements
    await wait_until(pilot, lambda: len(announcements.waiting_ids) == 1, "the order")
    await settle(pilot)
    await _hold_still(pilot)


@dataclass(frozen=True)
class Scene:
    name: str
    prepare: Callable[[Pilot], Awaitable[None]] = settle
    logged_in: bool = True
    app_options: dict = field(default_factory=dict)
    language: str = "en"
    sizes: tuple[str, ...] = ("wide", "narrow")
    """The `SIZES` the scene is drawn at."""
    read_only: bool = False


SMALL_TOO = ("wide", "narrow", "small")


SCENES = {
    scene.name: scene
    for scene in (
        Scene("account"),
        Scene("phone-books", _open_phone_books),
        Scene("phone-books-filtered", _filter_phone_book),
        Scene("new-entry", _new_entry),
        Scene("edit-entry", _edit_entry),
        Scene("phone-books-selected", _select_entries),
        Scene("delete-selected", _delete_selected),
        Scene("import-preview", _import_preview),
        Scene("import-progress", _import_progress),
        Scene("import-report", _import_report),
        Scene("export-book", _export_book),
        Scene("call", _call_entry),
        Scene("help", _help),
        Scene("monitor-overview", _monitor_overview, sizes=SMALL_TOO),
        Scene(
            "wallboard",
            _wallboard,
            app_options={"start_mode": "wallboard"},
            read_only=True,
            sizes=("wide", "narrow", "huge"),
        ),
        Scene(
            "wallboard-stale",
            _wallboard_stale,
            app_options={"start_mode": "wallboard"},
            read_only=True,
        ),
        Scene("monitor-detail", _monitor_detail, sizes=SMALL_TOO),
        Scene("monitor-stale", _monitor_stale),
        Scene("monitor-alert", _monitor_alert),
        Scene("alerts", _alerts_panel, sizes=SMALL_TOO),
        Scene("alerts-pl", _alerts_panel, language="pl", sizes=("narrow",)),
        Scene("staffing", _staffing),
        Scene("call-history-waiting", _call_history_waiting),
        Scene("call-history-report", _call_history_report),
        Scene("sms", _sms),
        Scene("speech", _speech),
        Scene("account-pl", language="pl"),
        Scene("monitor-overview-pl", _monitor_overview, language="pl", sizes=SMALL_TOO),
        Scene("monitor-detail-pl", _monitor_detail, language="pl", sizes=SMALL_TOO),
        Scene(
            "login",
            logged_in=False,
            app_options={
                "keyring_usable": False,
                "keyring_reason": "no keyring backend is available on this machine "
                "(a headless server without a Secret Service).",
            },
        ),
    )
}


@contextmanager
def _time_zone(name: str) -> Iterator[None]:
    """Local time is `name`'s until the block ends; then this machine's again."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@contextmanager
def _language(code: str) -> Iterator[None]:
    before = current_language()
    set_language(code)
    try:
        yield
    finally:
        set_language(before)


class SceneRunner:
    """Builds the app of a scene on a fresh demo sandbox; `close()` stops the sandboxes.

    While the runner is open the screens' real-time parts are frozen (`_FROZEN`),
    local time is `SCENE_TIME_ZONE`'s and the language `SCENE_LANGUAGE`.
    """

    def __init__(self) -> None:
        self.sandboxes: list[Sandbox] = []
        self._patches = ExitStack()
        for target, attribute, value in _FROZEN:
            self._patches.enter_context(mock.patch.object(target, attribute, value))
        self._patches.enter_context(_time_zone(SCENE_TIME_ZONE))
        self._patches.enter_context(_language(SCENE_LANGUAGE))

    def app(self, scene: Scene) -> SpikonApp:
        set_language(scene.language)  # `close()` puts back the language of before
        clock = FakeClock()
        sandbox = Sandbox(demo_config(clock=clock)).start()
        self.sandboxes.append(sandbox)
        session = SceneSession(
            sandbox,
            profile="demo",
            api_key=sandbox.api_key if scene.logged_in else None,
            demo=scene.logged_in,
            clock=clock,
        )
        session.read_only = scene.read_only
        return SpikonApp(session, **scene.app_options)

    def close(self) -> None:
        for sandbox in self.sandboxes:
            sandbox.stop()
        self.sandboxes.clear()
        self._patches.close()
