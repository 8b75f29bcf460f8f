"""Once its first screen shows data, the app loads httpx and ends the collector's pause."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from spikon_tui import startup_gc
from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.screens.account.login import LoginScreen
from spikon_tui.ui.screens.account.screen import AccountScreen
from tests.ui.conftest import SIZE, settle, wait_until


@pytest.fixture
def paused_collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(startup_gc, "LONGEST_PAUSE", 60.0)  # only the tests' own cue ends it
    gc.enable()
    startup_gc.pause()
    yield
    startup_gc.resume()
    gc.unfreeze()
    gc.enable()


async def test_the_collector_runs_again_once_the_balance_is_painted(
    make_app, paused_collector: None
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert startup_gc.is_paused()
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen) and app.screen.loaded
        await wait_until(pilot, lambda: not startup_gc.is_paused(), "the collector resumed")
        assert gc.isenabled()


async def test_the_collector_runs_again_when_the_login_screen_waits_for_a_key(
    make_app, session: Session, paused_collector: None
) -> None:
    session.api_key = None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        assert not startup_gc.is_paused()
        assert gc.isenabled()


async def test_the_collector_runs_again_after_a_while_when_the_first_load_fails(
    make_app, sandbox: Sandbox, paused_collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(startup_gc, "LONGEST_PAUSE", 0.2)
    sandbox.stop()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: not startup_gc.is_paused(), "the collector resumed")
        assert gc.isenabled()


async def test_httpx_is_loaded_once_the_first_screen_shows_data(
    make_app, paused_collector: None
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.spikon is not None
        await wait_until(pilot, lambda: app.spikon._session._http is not None, "httpx loaded")
        assert not startup_gc.is_paused()
