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
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import httpx
from textual.pilot import Pilot

from spikon_tui.api.client import SpikonClient
from spikon_tui.demo import demo_config
from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui import monitor_poller
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.monitor_poller import PollScheduler, make_tracker
from spikon_tui.ui.screens import monitor_base, staffing
from spikon_tui.ui.screens.monitor_base import MonitorScreen
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import settle, wait_until

SIZES = {"wide": (120, 40), "narrow": (80, 24)}

SCENE_URL = "http://127.0.0.1:8765/api/"
"""The address the app believes it talks to: the sandbox's own port is a new one on every
run, and it would show in error messages (the STALE scene's "Could not connect to ...")."""


class _ToSandbox(httpx.AsyncHTTPTransport):
    """Sends every request meant for `SCENE_URL` to the sandbox's real port."""

    def __init__(self, sandbox_url: str) -> None:
        super().__init__()
        self._target = httpx.URL(sandbox_url)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(host=self._target.host, port=self._target.port)
        return await super().handle_async_request(request)


class SceneSession(Session):
    """A `Session` whose clients show `SCENE_URL` and reach the scene's sandbox."""

    def __init__(self, sandbox: Sandbox, **options) -> None:
        super().__init__(base_url=SCENE_URL, **options)
        self.sandbox = sandbox

    def new_client(self, api_key: str | None = None) -> SpikonClient:
        key = api_key if api_key is not None else self.api_key
        if key is None:
            raise RuntimeError("no API key yet: log in first")
        transport = _ToSandbox(self.sandbox.base_url)
        return SpikonClient(api_key=key, base_url=self.base_url, transport=transport)


async def _open_phone_books(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)


async def _filter_phone_book(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("slash", *"lodz")
    await settle(pilot)


async def _new_entry(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("n", *"Hurtownia Żółw", "tab", *"50123456x")
    await settle(pilot)


async def _call_entry(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("escape", "down", "down", "c")
    await settle(pilot)


async def _help(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f1")
    await settle(pilot)


# -- the monitor (issue 4) ------------------------------------------------------------------


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


async def _staffing(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)


@dataclass(frozen=True)
class Scene:
    name: str
    prepare: Callable[[Pilot], Awaitable[None]] = settle
    logged_in: bool = True
    app_options: dict = field(default_factory=dict)


SCENES = {
    scene.name: scene
    for scene in (
        Scene("account"),
        Scene("phone-books", _open_phone_books),
        Scene("phone-books-filtered", _filter_phone_book),
        Scene("new-entry", _new_entry),
        Scene("call", _call_entry),
        Scene("help", _help),
        Scene("monitor-overview", _monitor_overview),
        Scene("monitor-detail", _monitor_detail),
        Scene("monitor-stale", _monitor_stale),
        Scene("monitor-alert", _monitor_alert),
        Scene("staffing", _staffing),
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


class SceneRunner:
    """Builds the app of a scene on a fresh demo sandbox; `close()` stops the sandboxes.

    While the runner is open the monitor's real-time parts are frozen (`_FROZEN`).
    """

    def __init__(self) -> None:
        self.sandboxes: list[Sandbox] = []
        self._patches = ExitStack()
        for target, attribute, value in _FROZEN:
            self._patches.enter_context(mock.patch.object(target, attribute, value))

    def app(self, scene: Scene) -> SpikonApp:
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
        return SpikonApp(session, **scene.app_options)

    def close(self) -> None:
        for sandbox in self.sandboxes:
            sandbox.stop()
        self.sandboxes.clear()
        self._patches.close()
