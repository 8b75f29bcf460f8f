"""One campaign in detail against a real sandbox: waits counting, agents, trends, alerts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rich.text import Text
from textual.widgets import Static

from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.ui.screens.monitor_detail import MonitorDetailScreen
from spikon_tui.ui.widgets.monitor_status import MonitorStatus, clock_time
from spikon_tui.ui.widgets.stat_tile import StatTile
from spikon_tui.ui.widgets.trend import TrendLine
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import SIZE, assert_no_traceback, text_of, toasts, wait_until
from tests.ui.monitor_support import (  # noqa: F401 - quick_monitor is an autouse fixture
    CallCenterScript,
    open_screen,
    poll_again,
    quick_monitor,
    ticked,
    tracker,
    waiting_calls_rule,
)

INFOLINIA = 1  # measured-SLA time 20 s: yellow from 10 s, red past 20 s


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(seed=5, clock=clock, contacts=5, calls=0, agents=9, campaigns=3)
    with Sandbox(config) as sb:
        yield sb


def waits(screen: MonitorDetailScreen) -> list[Text]:
    table = screen.query_one("#waiting-table", VirtualTable)
    return [table.get_row(table.row_key_at(index)).cells[2] for index in range(table.row_count)]


def agent_rows(screen: MonitorDetailScreen) -> dict[str, list[str]]:
    table = screen.query_one("#agents-table", VirtualTable)
    rows = {}
    for index in range(table.row_count):
        cells = [str(cell) for cell in table.get_row(table.row_key_at(index)).cells]
        rows[cells[0]] = cells
    return rows


def tile(screen: MonitorDetailScreen, key: str) -> StatTile:
    return screen.query_one(f"#tile-{key}", StatTile)


async def test_waiting_times_count_every_second_and_turn_yellow_then_red(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    CallCenterScript(sandbox).queue(INFOLINIA, 2, 5)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(
            pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock, interval=30))
        )
        theme = app.current_theme
        assert [cell.plain for cell in waits(screen)] == ["0:05", "0:02"], "longest first"
        assert waits(screen)[0].style == ""

        clock.advance(4)
        await wait_until(pilot, lambda: waits(screen)[0].plain == "0:09", "0:09")
        assert waits(screen)[0].style == "", "below half the SLA time"
        clock.advance(1)
        await wait_until(pilot, lambda: waits(screen)[0].plain == "0:10", "0:10")
        assert waits(screen)[0].style == f"bold {theme.warning}", "yellow from half"
        assert waits(screen)[1].plain == "0:07" and waits(screen)[1].style == ""
        clock.advance(11)
        await wait_until(pilot, lambda: waits(screen)[0].plain == "0:21", "0:21")
        assert waits(screen)[0].style == f"bold {theme.error}", "red past the SLA time"
        assert tile(screen, "longest").value == "0:21"
        assert screen.rounds == 1 and sandbox.request_counts["cc_monitor/show"] == 1


async def test_tiles_title_trends_and_interval_figures(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(INFOLINIA, 40, 30, 3)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock)))
        for _ in range(3):
            await poll_again(pilot, screen, clock)
        assert text_of(screen.query_one("#detail-title")).startswith("Infolinia · campaign 1")
        assert app.screen.sub_title == "Infolinia"
        assert tile(screen, "waiting").value == "3"
        assert tile(screen, "longest").value == "0:40"
        assert tile(screen, "free").value == "0"
        members = script.members(INFOLINIA)
        assert tile(screen, "busy").value == str(len(members))
        monitor = screen.view.snapshot.monitor.basic_data
        assert tile(screen, "answered").value == str(monitor.answered)
        assert tile(screen, "unanswered").value == str(monitor.unanswered)
        assert tile(screen, "sla").value == f"{monitor.sla} %"
        chars = screen.query_one("#waiting-trend", TrendLine).chars
        assert len(chars) == 60 and chars.endswith("█") and chars.startswith("·")
        assert "last 15 min" in text_of(screen.query_one("#intervals"))
        assert "covers" in text_of(screen.query_one("#intervals"))


async def test_agents_by_name_with_free_while_waiting_and_long_pause_flagged(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    free, paused, *others = script.members(INFOLINIA)
    script.agent(free.id, free=True)
    script.agent(paused.id, free=True, paused=True)
    script.queue(INFOLINIA, 12)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(
            pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock, interval=60))
        )
        rows = agent_rows(screen)
        assert set(rows) == {agent.name for agent in script.members(INFOLINIA)}, "names"
        assert not any(agent.sip in rows for agent in script.members(INFOLINIA))
        assert rows[free.name][1] == "free"
        assert rows[free.name][3] == "FREE, calls waiting"
        assert rows[paused.name][4] == "≥0 min" and rows[paused.name][3] == ""
        assert rows[others[0].name][1] == "talking" and rows[others[0].name][3] == ""
        assert "1 free while calls wait" in text_of(screen.query_one("#agents-title"))

        clock.advance(901)  # the pause passes 15 minutes; a poll is due too
        await wait_until(
            pilot, lambda: agent_rows(screen)[paused.name][3] == "LONG PAUSE", "long pause"
        )
        assert agent_rows(screen)[paused.name][4] == "≥15 min"
        assert "1 long pause" in text_of(screen.query_one("#agents-title"))


async def test_counter_reset_is_announced(make_app, sandbox: Sandbox, clock: FakeClock) -> None:
    CallCenterScript(sandbox)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock)))
        assert screen.view.figures.answered > 0
        sandbox.state.reset_cc_counters(INFOLINIA)
        await poll_again(pilot, screen, clock)
        expected = f"counters reset at {clock_time(clock.now)}; figures since then"
        assert ("warning", "Counters reset", f"Infolinia: {expected}") in toasts(app)
        assert text_of(screen.query_one("#reset-note", Static)) == expected
        assert tile(screen, "answered").value == "0"


async def test_alert_fires_after_its_hold_time_rings_the_bell_and_can_be_acknowledged(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    CallCenterScript(sandbox).queue(INFOLINIA, 70, 60, 50, 40, 30, 20, 10)
    app = make_app()
    rings: list[bool] = []
    app.bell = lambda: rings.append(True)  # type: ignore[method-assign]
    rules = waiting_calls_rule(warn=3, alert=6, hold=20)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(
            pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock, rules=rules))
        )
        for _ in range(3):  # 0, 5, 10 and 15 s: held, but not long enough
            await poll_again(pilot, screen, clock)
        assert not rings and not [t for t in toasts(app) if t[1] == "Alert"]
        assert tile(screen, "waiting").level is None

        await poll_again(pilot, screen, clock)  # 20 s
        assert rings == [True]
        assert ("error", "Alert", "Infolinia: waiting calls 7 - alert (at 6)") in toasts(app)
        assert tile(screen, "waiting").level == "alert"
        assert "level ALERT" in text_of(screen.query_one("#detail-title"))

        await pilot.press("a")
        assert screen.tracker.alerts.statuses(INFOLINIA)[0].acknowledged
        await pilot.press("m")
        assert "alerts muted" in screen.query_one(MonitorStatus).text
        assert "alerts muted" in text_of(screen.query_one("#detail-title"))
        await pilot.press("m")
        assert "alerts muted" not in screen.query_one(MonitorStatus).text
        assert_no_traceback(app)


async def test_an_alert_while_muted_neither_rings_nor_toasts(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    CallCenterScript(sandbox).queue(INFOLINIA, 70, 60, 50, 40, 30, 20, 10)
    app = make_app()
    rings: list[bool] = []
    app.bell = lambda: rings.append(True)  # type: ignore[method-assign]
    rules = waiting_calls_rule(warn=3, alert=6, hold=5)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(
            pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock, rules=rules))
        )
        await pilot.press("m")
        await poll_again(pilot, screen, clock)
        assert tile(screen, "waiting").level == "alert"
        assert not rings and not [t for t in toasts(app) if t[1] == "Alert"]
