"""Fixtures for the UI flow tests: the app talking to a real, seeded sandbox on a fake clock.

`make_app()` builds a `SpikonApp` on a `Session` that points at the sandbox;
run it with `app.run_test(size=SIZE)` and drive it with the Pilot. The helpers
below wait for the app's network work to finish (`settle`), read what the user
sees (`toasts`, `text_of`, `table_lines`) and fail with a readable message.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerState

from spikon_tui.api.client import SpikonClient
from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.session import Session
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.widgets.freshness import FreshnessLabel
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock

SIZE = (120, 40)
NARROW = (80, 24)
SEED = 7
"""With 60 contacts, seed 7's main book holds two entries from Łódź (for the filter)."""


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(seed=SEED, clock=clock, contacts=60, calls=20, agents=2, campaigns=1)
    with Sandbox(config) as sb:
        yield sb


@pytest.fixture(autouse=True)
def quick_freshness(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "updated N s ago" is rewritten every 50 ms of real time; N itself follows the fake clock."""
    monkeypatch.setattr(FreshnessLabel, "TICK_SECONDS", 0.05)


@pytest.fixture
def saved_preferences() -> list[dict[str, Any]]:
    """Every dict the session asked to save, in order."""
    return []


class QuickRetrySession(Session):
    """A `Session` whose client waits 10 ms, not 250 ms, before retrying a failed read.

    Everything else is the real thing; only the tests with the sandbox stopped get faster.
    """

    def new_client(self, api_key: str | None = None) -> SpikonClient:
        key = api_key if api_key is not None else self.api_key
        if key is None:
            raise RuntimeError("no API key yet: log in first")
        return SpikonClient(api_key=key, base_url=self.base_url, backoff=0.01)


@pytest.fixture
def session(
    sandbox: Sandbox,
    clock: FakeClock,
    saved_preferences: list[dict[str, Any]],
    tmp_path: Path,
) -> Session:
    return QuickRetrySession(
        profile="test",
        base_url=sandbox.base_url,
        api_key=sandbox.api_key,
        clock=clock,
        save_preferences=saved_preferences.append,
        data_dir=tmp_path / "profile-data",
    )


@pytest.fixture
def make_app(session: Session) -> Callable[..., SpikonApp]:
    def make(**options: Any) -> SpikonApp:
        return SpikonApp(session, **options)

    return make


# -- waiting -------------------------------------------------------------------------


async def paste(pilot: Pilot, text: str) -> None:
    """Paste into the focused field (typing 120 characters key by key takes seconds)."""
    focused = pilot.app.focused
    assert focused is not None, "nothing has focus to paste into"
    # As a terminal does: to the app, which hands it to the focused widget (posting it to
    # the widget directly makes a TextArea insert it twice).
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def _busy(pilot: Pilot) -> bool:
    return any(
        worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in pilot.app.workers
    )


async def settle(pilot: Pilot, timeout: float = 10.0) -> None:
    """Wait until no worker runs and the messages they posted have been handled."""
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        if not _busy(pilot):
            await pilot.pause()
            if not _busy(pilot):
                return
        if time.monotonic() > deadline:
            raise AssertionError(f"still busy after {timeout} s: {list(pilot.app.workers)}")
        await asyncio.sleep(0.005)


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = 5.0
) -> None:
    """Wait (in real time) until `condition()` is true; fail naming `what` otherwise."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.01)


# -- what the user sees ----------------------------------------------------------------


def toasts(app: SpikonApp) -> list[tuple[str, str, str]]:
    """The notifications on screen now: (severity, title, message)."""
    return [(n.severity, n.title, n.message) for n in app._notifications]


def toast_text(app: SpikonApp) -> str:
    return "\n".join(f"[{severity}] {title}: {message}" for severity, title, message in toasts(app))


def text_of(widget: Widget) -> str:
    """What a widget shows, as painted, with wrapped lines joined by one space."""
    lines = [strip.text.strip() for strip in widget.render_lines(widget.outer_size.region)]
    return " ".join(line for line in lines if line)


def screen_lines(app: SpikonApp) -> list[str]:
    """The whole terminal as painted now, one string per line (dialogs included)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def table_lines(table: VirtualTable) -> list[str]:
    """The table's lines as painted (header first), trailing spaces removed."""
    height = table.size.height
    return [table.render_line(y).text.rstrip() for y in range(height)]


def assert_no_traceback(app: SpikonApp) -> None:
    for severity, title, message in toasts(app):
        tells = ("Traceback", 'File "', "Error:", "Exception", "went wrong inside spikon-tui")
        for tell in tells:
            assert tell not in message, f"[{severity}] {title}: {message}"
