"""F9 Alerts against a real sandbox: the level shown from the first poll, an alert raised,
acknowledged and cleared in the panel with its reason, the title bar's count, no toast
over a dialog, the CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.ui.dialogs.save import SaveDialog
from spikon_tui.ui.screens.monitor.alerts_panel import AlertsPanel
from spikon_tui.ui.screens.monitor.overview import MonitorOverviewScreen
from spikon_tui.ui.widgets.steady_static import SteadyStatic
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import (
    SIZE,
    assert_no_traceback,
    settle,
    text_of,
    toast_text,
    toasts,
    wait_until,
)
from tests.ui.monitor_support import (  # noqa: F401 - quick_monitor is an autouse fixture
    CallCenterScript,
    open_screen,
    poll_again,
    quick_monitor,
    tracker,
    waiting_calls_rule,
)


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(seed=5, clock=clock, contacts=5, calls=0, agents=12, campaigns=4)
    with Sandbox(config) as sb:
        yield sb


def overview_cell(screen: MonitorOverviewScreen, campaign_id: int, column: str) -> str:
    table = screen.query_one("#overview-table", VirtualTable)
    keys = [c.key for c in table.columns]
    return str(table.get_row(campaign_id).cells[keys.index(column)])


def panel_rows(panel: AlertsPanel) -> list[list[str]]:
    table = panel.query_one("#alerts-table", VirtualTable)
    return [
        [str(cell) for cell in table.get_row(table.row_key_at(index)).cells]
        for index in range(table.visible_row_count)
    ]


def details(panel: AlertsPanel) -> str:
    return text_of(panel.query_one("#alerts-details", SteadyStatic))


def badge(app) -> str:
    """The alert count of the title bar in sight (under a dialog, the screen's below it)."""
    for screen in reversed(app.screen_stack):
        bars = screen.query(TitleBar)
        if bars:
            return str(bars.first().alerts_text).strip()
    raise AssertionError("no title bar in sight")


async def test_an_alert_raised_acknowledged_and_cleared_reads_back_in_the_panel(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(1, 70, 60, 50, 40, 30, 20, 10)  # 7 waiting: alert from 6
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rules = waiting_calls_rule(hold=20)
        screen = await open_screen(
            pilot, MonitorOverviewScreen(tracker=tracker(clock, rules=rules))
        )
        status = overview_cell(screen, 1, "status")
        assert "ALERT" in status, "the first poll already shows the level the figures break"
        assert "ALERT · 20 s" in status, "and when it will notify, if it still holds"
        assert toasts(app) == [], "the hold keeps the noise down"
        assert badge(app) == ""

        clock.advance(20)
        await poll_again(pilot, screen, clock)
        await wait_until(pilot, lambda: badge(app) == "⚠ 1", "the title bar counts the alert")
        assert "waiting calls 7" in toast_text(app)

        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, AlertsPanel), "the alerts panel")
        panel = app.screen
        await settle(pilot)
        assert toasts(app) == [], "the panel lists what the toasts said; they would cover it"
        (row,) = panel_rows(panel)
        assert row[1:] == ["Infolinia", "waiting calls", "ALERT", "active"]
        assert "waiting calls 7 (alert at ≥ 6)" in details(panel)
        assert "free agents" in details(panel)

        await pilot.press("a")
        await wait_until(
            pilot, lambda: panel_rows(panel)[0][4].startswith("acknowledged"), "acknowledged"
        )
        assert "Acknowledged at" in details(panel)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "back on the overview")

        script.queue(1)  # the queue empties: the screen says so at once...
        await poll_again(pilot, screen, clock)
        assert "ALERT" not in overview_cell(screen, 1, "status")
        clock.advance(20)  # ...and the episode clears after its clear hold
        await poll_again(pilot, screen, clock)
        await wait_until(pilot, lambda: badge(app) == "", "no active alert left")

        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, AlertsPanel), "the panel again")
        panel = app.screen
        await settle(pilot)
        (row,) = panel_rows(panel)
        assert row[4].startswith("cleared")
        assert "Cleared at" in details(panel) or "cleared at" in details(panel)
        await pilot.press("f9")
        await wait_until(pilot, lambda: app.screen is screen, "f9 closes the panel")
        assert_no_traceback(app)


async def test_no_toast_covers_a_dialog_the_title_bar_counts_instead(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rules = waiting_calls_rule(hold=0)
        screen = await open_screen(
            pilot, MonitorOverviewScreen(tracker=tracker(clock, rules=rules))
        )
        await pilot.press("e")  # the export dialog, over the monitor
        await wait_until(pilot, lambda: isinstance(app.screen, SaveDialog), "the save dialog")
        script.queue(2, 70, 60, 50, 40, 30, 20, 10)
        await poll_again(pilot, screen, clock)
        await wait_until(pilot, lambda: badge(app) == "⚠ 1", "counted in the title bar")
        assert toasts(app) == [], "no toast over the dialog's buttons"
        assert_no_traceback(app)


async def test_the_panel_exports_the_alerts_as_csv(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    CallCenterScript(sandbox).queue(3, 70, 60, 50, 40, 30, 20, 10)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        rules = waiting_calls_rule(hold=0)
        await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock, rules=rules)))
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, AlertsPanel), "the alerts panel")
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, SaveDialog), "the save dialog")
        target = tmp_path / "alerts.csv"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, target.exists, "the CSV file")
        await wait_until(pilot, lambda: "written" in toast_text(app), "the toast")
        with target.open(encoding="utf-8", newline="") as file:
            (row,) = list(csv.DictReader(file))
        assert (row["campaign"], row["metric"], row["level"]) == (
            "Sprzedaż",
            "waiting_calls",
            "alert",
        )
        assert row["reason"].startswith("waiting calls 7")
