"""Network faults end to end: each leaves the last figures on screen, no traceback, and heals."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from spikon_tui.api.errors import ApiTurnedOffError, UnknownApiKeyError
from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.ui.screens.monitor.detail import MonitorDetailScreen
from spikon_tui.ui.screens.monitor.overview import MonitorOverviewScreen
from spikon_tui.ui.widgets.monitor_status import MonitorStatus
from spikon_tui.ui.widgets.stat_tile import StatTile
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import SIZE, assert_no_traceback, settle, toasts, wait_until
from tests.ui.monitor_support import (  # noqa: F401 - quick_monitor is an autouse fixture
    CallCenterScript,
    open_screen,
    poll_again,
    quick_monitor,
    ticked,
    tracker,
)

INFOLINIA = 1
# The same words as the account screen's for these errors (one wording per error).
REVOKED = str(UnknownApiKeyError(code=-3, name="Unknown API key"))
SWITCHED_OFF = str(ApiTurnedOffError(code=-4, name="API turned off"))


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(seed=5, clock=clock, contacts=5, calls=0, agents=8, campaigns=3)
    with Sandbox(config) as sb:
        yield sb


def status(screen) -> str:
    return screen.query_one(MonitorStatus).text


def rows(screen: MonitorOverviewScreen) -> list[list[str]]:
    table = screen.query_one("#overview-table", VirtualTable)
    return [
        [str(cell) for cell in table.get_row(table.row_key_at(index)).cells]
        for index in range(table.visible_row_count)
    ]


def figures(row: list[str]) -> list[str]:
    """The campaign's name and figures (not the rank, not the status)."""
    return [row[1], *row[3:]]


async def test_sandbox_stopped_keeps_figures_marks_them_stale_then_recovers(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(2, 25)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        before = [figures(row) for row in rows(screen)]
        assert status(screen).startswith("updated 0 s ago")

        sandbox.stop()
        await poll_again(pilot, screen, clock)  # 5 s: the first failure
        assert "1 failed poll in a row" in status(screen)
        assert "STALE" not in status(screen)
        await poll_again(pilot, screen, clock)  # 10 s: the second; next try in 10 s
        assert "2 failed polls in a row" in status(screen)
        assert screen.scheduler.seconds_to_next() == 10, "backing off"

        clock.advance(3)  # 13 s since the last good poll: two polls missed and then some
        await wait_until(pilot, lambda: "STALE" in status(screen), "STALE")
        assert status(screen).startswith("STALE · figures from 13 s ago")
        kept = rows(screen)
        assert [row[1] for row in kept] == [row[0] for row in before]
        for row in kept:
            assert row[3] != "—" and "STALE" in row[2], row
        assert kept[0][4] == "0:37", "the longest wait counted on until the data went stale"

        sandbox.start()
        await poll_again(pilot, screen, clock)
        assert status(screen).startswith("updated 0 s ago"), status(screen)
        assert all("STALE" not in row[2] for row in rows(screen))
        assert screen.scheduler.seconds_to_next() == 5
        assert_no_traceback(app)


@pytest.mark.parametrize(
    ("break_it", "fix_it", "said"),
    [
        (Sandbox.revoke_key, None, REVOKED),
        (
            lambda sb: sb.set_api_enabled(False),
            lambda sb: sb.set_api_enabled(True),
            SWITCHED_OFF,
        ),
    ],
    ids=["key-revoked", "api-off"],
)
async def test_fatal_errors_are_said_plainly_and_figures_stay(
    make_app, sandbox: Sandbox, clock: FakeClock, break_it, fix_it, said
) -> None:
    CallCenterScript(sandbox).queue(INFOLINIA, 15, 5)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock)))
        waiting = screen.query_one("#tile-waiting", StatTile)
        assert waiting.value == "2"

        break_it(sandbox)
        await poll_again(pilot, screen, clock)
        assert said in status(screen)
        assert any(
            title == "The monitor cannot get figures" and said in message
            for _severity, title, message in toasts(app)
        )
        assert screen.query_one(MonitorStatus).severity == "error"
        assert waiting.value == "2", "the last figures stay"
        assert screen.scheduler.seconds_to_next() == 60, "no point hammering: slow retries"
        if fix_it is not None:
            fix_it(sandbox)
            await poll_again(pilot, screen, clock)
            assert status(screen).startswith("updated 0 s ago")
            assert ("information", "The monitor is back", "Figures are arriving again.") in (
                toasts(app)
            )
        assert_no_traceback(app)


@pytest.mark.parametrize(
    "fault",
    [
        lambda sb: sb.faults.malformed_next("cc_monitor/show"),
        lambda sb: sb.faults.fail_next("cc_monitor/show", status=503, times=3),
    ],
    ids=["malformed-body", "http-503"],
)
async def test_a_bad_answer_is_one_failed_poll_and_the_next_recovers(
    make_app, sandbox: Sandbox, clock: FakeClock, fault
) -> None:
    CallCenterScript(sandbox).queue(INFOLINIA, 15, 5)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock)))
        fault(sandbox)
        await poll_again(pilot, screen, clock)
        assert "1 failed poll in a row: " in status(screen)
        assert screen.query_one("#tile-waiting", StatTile).value == "2"
        await poll_again(pilot, screen, clock)
        assert status(screen).startswith("updated 0 s ago")
        assert_no_traceback(app)


async def test_an_answer_slower_than_the_interval_is_waited_for_not_overlapped(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock)))
        sandbox.faults.delay_next("cc_monitor/show", seconds=0.8)
        clock.advance(5)
        await wait_until(pilot, lambda: screen.scheduler.in_flight, "the slow poll")
        for _ in range(4):  # 20 s of the clock, four intervals, pass while it is out
            clock.advance(5)
            await asyncio.sleep(0.05)
        assert sandbox.request_counts["cc_monitor/show"] == 2, "one request out, no second"
        assert "polling…" in status(screen)
        await wait_until(pilot, lambda: screen.rounds == 2, "the slow answer", timeout=10)
        await settle(pilot)
        assert status(screen).startswith("updated 0 s ago")
        assert screen.scheduler.seconds_to_next() == 5, "the next is due after it ended"
        await poll_again(pilot, screen, clock)
        assert sandbox.request_counts["cc_monitor/show"] == 3
        assert_no_traceback(app)


async def test_overview_says_plainly_when_the_key_is_refused_from_the_start(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sandbox.revoke_key()
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        assert REVOKED in status(screen)
        assert rows(screen) == []
        assert screen.scheduler.seconds_to_next() == 60
        assert_no_traceback(app)
