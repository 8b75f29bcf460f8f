"""One campaign in detail against a real sandbox: waits counting, agents, trends, alerts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from rich.text import Text
from textual.widgets import Static

from spikon_tui.api.models import CcWaitingCall
from spikon_tui.i18n import set_language
from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.sandbox.clock import format_datetime
from spikon_tui.ui.screens.monitor.detail import MonitorDetailScreen, waiting_row
from spikon_tui.ui.widgets.monitor_status import MonitorStatus, clock_time
from spikon_tui.ui.widgets.stat_tile import StatTile
from spikon_tui.ui.widgets.trend import TrendLine
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import SIZE, assert_no_traceback, settle, text_of, toasts, wait_until
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
        in_queue = screen.view.snapshot.monitor.basic_data.in_queue
        assert text_of(screen.query_one("#detail-title")) == (
            f"level OK · Infolinia · campaign 1 · {in_queue} in queue"
        )
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
        assert rows[paused.name][1] == "paused", "free but on pause: on a break"
        assert rows[paused.name][4] == "?" and rows[paused.name][3] == ""
        assert rows[paused.name][2] == "?", "in that state when monitoring began"
        assert rows[others[0].name][1] == "talking" and rows[others[0].name][3] == ""
        title = text_of(screen.query_one("#agents-title"))
        assert "1 free while calls wait" in title
        talking = sum(1 for row in rows.values() if row[1] == "talking")
        assert f"talking: {talking}" in title and "paused: 1" in title, title

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
        # the shown level is the rules' level at once; the hold delays only the noise
        assert tile(screen, "waiting").level == "alert"

        await poll_again(pilot, screen, clock)  # 20 s
        assert rings == [True]
        assert ("error", "Alert", "Infolinia: waiting calls 7 - alert (at 6)") in toasts(app)
        assert tile(screen, "waiting").level == "alert"
        assert "level ALERT" in text_of(screen.query_one("#detail-title"))

        await pilot.press("a")
        assert screen.tracker.alerts.statuses(INFOLINIA)[0].acknowledged
        await pilot.press("m")
        assert "Infolinia muted" in screen.query_one(MonitorStatus).text
        assert "alerts muted" in text_of(screen.query_one("#detail-title"))
        await pilot.press("m")
        assert "muted" not in screen.query_one(MonitorStatus).text
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


def shown_columns(screen: MonitorDetailScreen, table: str) -> list[str]:
    return [column.key for column in screen.query_one(table, VirtualTable).shown_columns]


def note(screen: MonitorDetailScreen) -> str:
    return text_of(screen.query_one("#agent-note"))


async def test_a_new_call_starts_the_agents_time_again_and_unknown_starts_are_said_in_words(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    agent, *_others = script.members(INFOLINIA)  # talking since before the monitor began
    stats = sandbox.state.call_center.campaign(INFOLINIA).stats
    with sandbox.state.lock:
        stats.answered_by[agent.id] = 4
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(
            pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock, interval=30))
        )
        began = clock_time(clock())[:5]
        table = screen.query_one("#agents-table", VirtualTable)
        table.move_cursor_to_key(agent.sip)
        await settle(pilot)
        assert agent_rows(screen)[agent.name][2] == "?", "never ≥0 min"
        assert f"talking since {began}, when monitoring began" in note(screen)
        assert note(screen).startswith(f"{agent.name}: talking since")
        assert "4 answered · last call " in note(screen) and " · skill " in note(screen)

        await poll_again(pilot, screen, clock)  # 30 s
        await poll_again(pilot, screen, clock)  # 60 s: still the first call we saw
        assert agent_rows(screen)[agent.name][2] == "≥1 min"

        called_at = clock()
        with sandbox.state.lock:  # that call ended and the next began between two polls
            stats.answered_by[agent.id] = 5
            sandbox.state.call_center.agent(agent.id).last_call = called_at
        await poll_again(pilot, screen, clock)  # 90 s
        row = agent_rows(screen)[agent.name]
        assert (row[1], row[2], row[5]) == ("talking", "<1 min", "5")
        sent = format_datetime(called_at)  # as the API sends it: "2026-06-13 10:40:12"
        assert row[6] in (sent, sent[11:]), "today's last call: its time only"
        started = clock_time(clock())[:5]
        assert f"talking for <1 min, since {started}" in note(screen)
        assert "when monitoring began" not in note(screen)
        assert_no_traceback(app)


@pytest.mark.parametrize(
    ("size", "agent_columns"),
    [
        ((120, 40), ["name", "state", "in-state", "flags", "pause", "answered", "last-call",
                     "skill"]),
        ((80, 24), ["name", "state", "in-state", "pause", "answered"]),
        ((60, 20), ["name", "state", "in-state"]),
    ],
    ids=["120x40", "80x24", "60x20"],
)  # fmt: skip
async def test_the_level_and_each_agents_name_and_state_stay_in_sight_at_any_size(
    make_app, sandbox: Sandbox, clock: FakeClock, size: tuple[int, int], agent_columns: list[str]
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(INFOLINIA, 70, 60, 50, 40, 30, 20, 10)
    rules = waiting_calls_rule(warn=3, alert=6, hold=0)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(
            pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock, rules=rules))
        )
        app.clear_notifications()
        await settle(pilot)
        title = screen.query_one("#detail-title")
        assert text_of(title).startswith("level ALERT · Infolinia")
        assert title.region.width == size[0] and title.region.y < size[1]
        assert shown_columns(screen, "#agents-table") == agent_columns
        assert shown_columns(screen, "#waiting-table") == ["rank", "caller", "wait"]
        agents = screen.query_one("#agents-table", VirtualTable)
        assert agents.max_scroll_x == 0, "no agent column hides past the right edge"
        assert agents.region.height >= 6, "room for a header and five agents at least"
        assert agents.region.right <= size[0]
        painted = [agents.render_line(y).text for y in range(1, 4)]
        rows = agent_rows(screen)
        for line in painted:
            name = next(name for name in rows if name[:10] in line)
            assert rows[name][1] in line, (line, rows[name])
        assert note(screen).startswith(agents.get_row(agents.cursor_row_key).cells[0])
        assert screen.has_class("-small") == (size == (60, 20))
        assert_no_traceback(app)


def test_a_waiting_calls_place_and_undocumented_fields_are_shown() -> None:
    call = CcWaitingCall(
        position=3,
        number="500100200",
        waiting_time=timedelta(seconds=40),
        extra={"queue_name": "VIP"},
    )
    row = waiting_row("500100200", 1, call, Text("0:40"))
    assert row.cells[0] == "3", "the API's place in the queue, not the rank by wait"
    assert str(row.cells[1]) == "500100200 · queue name VIP"
    unplaced = waiting_row("x", 2, replace(call, position=None), Text(""))
    assert unplaced.cells[0] == "2"
    named = waiting_row("500100200", 1, call, Text("0:40"), name="Anna Nowak")
    assert str(named.cells[1]) == "Anna Nowak 500100200 · queue name VIP"


async def test_a_waiting_caller_in_a_phone_book_is_named(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(1, 40, 20)  # callers 500100101 and 500100102
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        books = await app.spikon.phone_book_list()
        await app.spikon.phone_book_element_add(books[0].id, "Anna Testowa", "+48 500-100-101")
        screen = await open_screen(pilot, MonitorDetailScreen(1, tracker=tracker(clock)))

        def callers() -> list[str]:
            table = screen.query_one("#waiting-table", VirtualTable)
            return [str(table.get_row(table.row_key_at(i)).cells[1]) for i in range(2)]

        await wait_until(
            pilot, lambda: callers()[0] == "Anna Testowa 500100101", "the phone book's name"
        )
        assert callers()[1] == "500100102", "a number in no phone book stays bare"
        assert_no_traceback(app)


def test_the_help_gives_the_order_in_which_agent_columns_give_way() -> None:
    from spikon_tui.ui.screens.monitor.detail import AGENT_COLUMNS

    words = {
        "skill": "skill",
        "last-call": "last call",
        "flags": "flags",
        "answered": "calls answered",
        "pause": "pause",
        "in-state": "time",
    }
    droppable = sorted(
        (c for c in AGENT_COLUMNS if c.drop_order is not None), key=lambda c: c.drop_order
    )
    assert {c.key for c in AGENT_COLUMNS} - set(words) == {"name", "state"}, "those two stay"
    sentence = " ".join(MonitorDetailScreen.HELP.split()).split("way in this order: ")[1]
    assert sentence.split(".")[0].split(", ") == [words[c.key] for c in droppable]


async def test_the_level_shows_from_the_first_poll_and_counts_down_its_hold(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    CallCenterScript(sandbox).queue(INFOLINIA, 70, 60, 50, 40, 30, 20, 10)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rules = waiting_calls_rule(hold=20)
        screen = await open_screen(
            pilot,
            MonitorDetailScreen(INFOLINIA, tracker=tracker(clock, rules=rules, interval=30)),
        )
        title = screen.query_one("#detail-title", Static)
        assert text_of(title).startswith("level ALERT · 20 s · Infolinia")
        clock.advance(5)
        await wait_until(pilot, lambda: "ALERT · 15 s" in text_of(title), "the hold counting down")
        assert screen.rounds == 1, "counted by the tick, between polls"


async def test_in_polish_the_agents_line_puts_each_state_before_its_count(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    set_language("pl")
    try:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_screen(
                pilot, MonitorDetailScreen(INFOLINIA, tracker=tracker(clock, interval=60))
            )
            title = text_of(screen.query_one("#agents-title"))
    finally:
        set_language("en")
    assert title.startswith("Konsultanci (")
    assert re.search(r"Rozmawia: \d+", title), title
    assert not re.search(r"\d+ Rozmawia", title), title
