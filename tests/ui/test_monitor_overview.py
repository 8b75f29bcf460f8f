"""The monitor overview against a real sandbox: ranking, updates in place, pausing, keys."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input

from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.dialogs.save import SaveDialog
from spikon_tui.ui.screens.monitor.detail import MonitorDetailScreen
from spikon_tui.ui.screens.monitor.overview import MonitorOverviewScreen
from spikon_tui.ui.widgets.monitor_status import MonitorStatus
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import NARROW, SIZE, assert_no_traceback, settle, toasts, wait_until
from tests.ui.monitor_support import (  # noqa: F401 - quick_monitor is an autouse fixture
    CallCenterScript,
    open_screen,
    poll_again,
    quick_monitor,
    ticked,
    tracker,
    waiting_calls_rule,
)


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(seed=5, clock=clock, contacts=5, calls=0, agents=12, campaigns=4)
    with Sandbox(config) as sb:
        yield sb


def rows(screen: MonitorOverviewScreen) -> list[dict[str, str]]:
    """Each row's cells by column key, in display order."""
    table = screen.query_one("#overview-table", VirtualTable)
    keys = [column.key for column in table.columns]
    return [
        dict(zip(keys, map(str, table.get_row(table.row_key_at(index)).cells), strict=True))
        for index in range(table.visible_row_count)
    ]


def names(screen: MonitorOverviewScreen) -> list[str]:
    return [row["campaign"] for row in rows(screen)]


def queue(row: dict[str, str]) -> list[str]:
    return [row["waiting"], row["longest"]]


def status_text(screen) -> str:
    return screen.query_one(MonitorStatus).text


async def test_campaigns_are_ranked_worst_first_and_move_in_place_keeping_the_cursor(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(3, 50, 20)  # Sprzedaż: the longest wait
    script.queue(2, 10)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        assert names(screen)[:2] == ["Sprzedaż", "Windykacja"]
        first = rows(screen)[0]
        assert first["rank"] == "1" and queue(first) == ["2", "0:50"]
        assert sandbox.request_counts["cc_campaigns/list"] == 1
        assert sandbox.request_counts["cc_monitor/show"] == 4  # every campaign, one round

        table = screen.query_one("#overview-table", VirtualTable)
        rebuilt: list[bool] = []
        table.set_rows = lambda *args, **kwargs: rebuilt.append(True)  # type: ignore[method-assign]
        scroll_before = table.scroll_offset
        infolinia = names(screen).index("Infolinia")
        table.move_cursor(infolinia)
        assert screen.current_campaign_id() == 1

        script.queue(1, 200, 100, 30)  # Infolinia becomes the worst
        await poll_again(pilot, screen, clock)
        assert names(screen)[0] == "Infolinia"
        assert queue(rows(screen)[0]) == ["3", "3:20"]  # as polled a moment ago
        assert table.cursor_row == 0, "the cursor follows Infolinia to the top"
        assert screen.current_campaign_id() == 1
        assert not rebuilt and table.scroll_offset == scroll_before, "updated, never rebuilt"
        assert_no_traceback(app)


async def test_longest_wait_counts_on_between_polls(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(1, 30)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        assert rows(screen)[0]["longest"] == "0:30"
        clock.advance(3)
        await wait_until(pilot, lambda: rows(screen)[0]["longest"] == "0:33", "0:33 without a poll")
        assert screen.rounds == 1


async def test_enter_opens_the_campaign_in_detail_with_the_same_tracker(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    CallCenterScript(sandbox).queue(2, 40)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        assert names(screen)[0] == "Windykacja"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MonitorDetailScreen), "detail")
        detail = app.screen
        assert detail.campaign_id == 2 and detail.tracker is screen.tracker
        await wait_until(pilot, lambda: detail.rounds >= 1, "the detail's first poll")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "back on the overview")


async def test_polling_pauses_while_the_screen_is_hidden_and_resumes(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        await poll_again(pilot, screen, clock)
        polled = sandbox.request_counts["cc_monitor/show"]
        assert polled == 8

        await app.push_screen(Screen())
        await pilot.pause()
        for _ in range(6):
            clock.advance(10)
            await pilot.pause(0.05)
        assert sandbox.request_counts["cc_monitor/show"] == polled, "hidden: no polls"
        assert screen.polling_paused

        app.pop_screen()
        await wait_until(pilot, lambda: screen.rounds == 3, "a poll on coming back")
        await settle(pilot)
        assert sandbox.request_counts["cc_monitor/show"] == polled + 4
        assert not screen.polling_paused


async def test_a_dialog_over_the_screen_does_not_stop_polling(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        await app.push_screen(ConfirmDialog("Still there?"))
        await pilot.pause()
        await poll_again(pilot, screen, clock)
        assert screen.rounds == 2 and not screen.polling_paused


async def test_interval_keys_change_the_refresh_and_the_next_due_time(
    make_app, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        assert screen.scheduler.seconds_to_next() == 5
        await pilot.press("plus")
        assert screen.tracker.interval == 10
        assert screen.scheduler.seconds_to_next() == 10
        assert "every 10 s" in status_text(screen)
        for _ in range(5):
            await pilot.press("minus")
        assert screen.tracker.interval == 1
        await pilot.press("minus")
        assert screen.tracker.interval == 1, "1 s is the shortest"


async def test_interval_comes_from_the_constructor_and_has_a_minimum(
    make_app, clock: FakeClock
) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        MonitorOverviewScreen(interval=0.5)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(interval=2))
        assert screen.tracker.interval == 2
        assert screen.scheduler.seconds_to_next() == 2


async def test_freeze_keeps_the_display_still_while_polling_goes_on(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(1, 30)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        await pilot.press("p")
        assert status_text(screen).startswith("FROZEN at ")
        script.queue(1, 30, 20, 10, 5)
        await poll_again(pilot, screen, clock)
        await ticked(pilot)
        assert queue(rows(screen)[0]) == ["1", "0:30"], "the display stays still"
        assert sandbox.request_counts["cc_monitor/show"] == 8, "polling goes on"
        await pilot.press("p")
        assert queue(rows(screen)[0]) == ["4", "0:30"]
        assert "FROZEN" not in status_text(screen)


async def test_export_writes_interval_figures_to_csv(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        await poll_again(pilot, screen, clock)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, SaveDialog), "the dialog")
        field = app.screen.query_one(Input)
        assert field.value.endswith(".csv") and "spikon-intervals-" in field.value
        target = tmp_path / "out" / "figures.csv"
        field.value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists, "the CSV file")
        await settle(pilot)
        with target.open(newline="", encoding="utf-8") as stream:
            lines = list(csv.reader(stream))
        assert len(lines) == 1 + 4 * 2  # header, 4 campaigns x (15 and 60 minutes)
        assert any("8 rows written" in n.message for n in app._notifications)


async def test_record_appends_every_poll_as_a_json_line(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    from spikon_tui.monitor import iter_records
    from spikon_tui.ui.screens.monitor.poller import make_tracker

    path = tmp_path / "polls.jsonl"
    recording = make_tracker(clock=clock, record_path=str(path), random_source=lambda: 0.0)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen([1, 2], tracker=recording))
        await poll_again(pilot, screen, clock)
        records = list(iter_records(path))
        assert [(r["campaign_id"], r["ok"]) for r in records] == [(1, True), (2, True)] * 2
        assert names(screen) and len(rows(screen)) == 2, "limited to the campaigns asked for"


async def test_alerts_of_several_campaigns_in_one_poll_make_one_toast_and_one_bell(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    """At 80x24 a toast covers the right half of the table: one per poll, not one each."""
    script = CallCenterScript(sandbox)
    script.queue(1, 5, 6, 7, 8, 9, 10, 11)
    script.queue(2, 5, 6, 7, 8, 9, 10, 11)
    app = make_app()
    rings: list[bool] = []
    app.bell = lambda: rings.append(True)  # type: ignore[method-assign]
    rules = waiting_calls_rule(warn=3, alert=6, hold=0)
    async with app.run_test(size=NARROW) as pilot:
        await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock, rules=rules)))
        alerts = [toast for toast in toasts(app) if toast[0] == "error"]
        assert len(alerts) == 1, toasts(app)
        severity, title, message = alerts[0]
        assert title == "2 alert changes"
        assert "Infolinia: waiting calls 7 - alert (at 6)" in message.splitlines()
        assert len(message.splitlines()) == 2
        assert rings == [True]


def painted(screen: MonitorOverviewScreen) -> list[str]:
    """The table as painted: header and rows, one string a line."""
    table = screen.query_one("#overview-table", VirtualTable)
    region = table.scrollable_content_region
    return [table.render_line(y).text[: region.width] for y in range(region.height)]


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        ((120, 30), ["rank", "campaign", "status", "waiting", "longest", "free", "busy", "sla",
                     "answered", "unanswered", "abandon"]),
        ((80, 24), ["rank", "campaign", "status", "waiting", "longest", "free", "sla"]),
        ((60, 20), ["campaign", "status", "waiting", "longest", "free"]),
    ],
    ids=["120", "80", "60"],
)  # fmt: skip
async def test_every_row_shows_its_campaign_and_status_at_any_width(
    make_app, sandbox: Sandbox, clock: FakeClock, size: tuple[int, int], shown: list[str]
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(1, 5, 6, 7, 8, 9, 10, 11)  # Infolinia alerts
    rules = waiting_calls_rule(warn=3, alert=6, hold=0)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_screen(
            pilot, MonitorOverviewScreen(tracker=tracker(clock, rules=rules))
        )
        app.clear_notifications()
        await settle(pilot)
        table = screen.query_one("#overview-table", VirtualTable)
        assert [column.key for column in table.shown_columns] == shown
        assert table.max_scroll_x == 0, "nothing is off-screen to the right"
        lines = painted(screen)
        assert "Status" in lines[0]
        for row, line in zip(rows(screen), lines[1:], strict=False):
            assert row["campaign"] in line and row["status"] in line, (row, line)
        assert "ALERT" in lines[1] and "Infolinia" in lines[1]
        assert_no_traceback(app)


async def test_the_abandon_rate_is_unanswered_over_all_calls_since_the_reset(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    CallCenterScript(sandbox)
    with sandbox.state.lock:
        stats = sandbox.state.call_center.campaign(1).stats
        stats.answered, stats.unanswered = 30, 10
        quiet = sandbox.state.call_center.campaign(2)
        quiet.stats.answered = quiet.stats.unanswered = 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        by_name = {row["campaign"]: row for row in rows(screen)}
        first = by_name[sandbox.state.call_center.campaign(1).name]
        assert (first["answered"], first["unanswered"]) == ("30", "10")
        assert first["abandon"] == "25 %"
        assert by_name[quiet.name]["abandon"] == "—", "no call yet: no rate"
        assert "Abandoned" in painted(screen)[0]


def test_the_help_gives_the_order_in_which_columns_give_way() -> None:
    from spikon_tui.ui.screens.monitor.overview import COLUMNS

    words = {
        "abandon": "abandoned",
        "unanswered": "unanswered",
        "answered": "answered",
        "busy": "busy agents",
        "rank": "#",
        "sla": "SLA / target",
        "longest": "longest wait",
        "free": "free agents",
        "waiting": "waiting calls",
    }
    droppable = sorted((c for c in COLUMNS if c.drop_order is not None), key=lambda c: c.drop_order)
    assert {c.key for c in COLUMNS} - set(words) == {"campaign", "status"}, "those two stay"
    sentence = " ".join(MonitorOverviewScreen.HELP.split()).split("way in this order: ")[1]
    sentence = re.sub(r" \(.*?\)", "", sentence).split(".")[0]
    assert sentence.split(", ") == [words[c.key] for c in droppable]


def test_the_status_column_fits_its_longest_usual_text_in_the_language() -> None:
    from spikon_tui.i18n import current_language, set_language
    from spikon_tui.ui.screens.monitor.overview import status_width

    before = current_language()
    try:
        set_language("en")
        assert status_width() == len("ALERT · 60 s muted")
        set_language("pl")
        assert status_width() == len("ALARM · 60 s wyciszone")
    finally:
        set_language(before)
