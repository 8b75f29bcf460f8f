"""Escape, one rule on every screen: clear the nearest thing first, leave only when nothing is left.

The rule on a screen of its own (every step in order, the footer's word for each), then
on the app's screens against the sandbox: a call report's filter, the sent SMS filter,
a campaign's detail, and the general paragraph of F1.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from spikon_tui.ui.dialogs.help import HelpDialog
from spikon_tui.ui.escape_rule import escape_step
from spikon_tui.ui.screens.base import MainScreen
from spikon_tui.ui.screens.call_history.screen import ORDERS_VIEW, REPORT_VIEW, CallHistoryScreen
from spikon_tui.ui.screens.monitor.detail import MonitorDetailScreen
from spikon_tui.ui.screens.monitor.overview import MonitorOverviewScreen
from spikon_tui.ui.screens.sms.screen import SmsScreen
from spikon_tui.ui.widgets.filter_box import FilterBox
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import SIZE, assert_no_traceback, screen_lines, settle, text_of, wait_until
from tests.ui.monitor_support import (  # noqa: F401 - quick_monitor is an autouse fixture
    open_screen,
    quick_monitor,
    tracker,
)
from tests.ui.test_call_history_flows import (  # noqa: F401 - fixtures: the call history's
    history_screen,
    open_report,
    quick_waits,  # sandbox (reports of many calls) for every test here, and quick waits
    sandbox,
)


def escape_word(screen: MainScreen) -> str | None:
    """What the footer says beside esc now (None: no esc in the footer)."""
    active = screen.active_bindings.get("escape")
    return active.binding.description if active is not None and active.binding.show else None


def footer(app: App) -> str:
    return screen_lines(app)[-1]


# -- the rule on a screen of its own -------------------------------------------------------


class ListScreen(MainScreen):
    """A filter over a table that selects, as the phone books have."""

    def compose(self) -> ComposeResult:
        yield FilterBox(id="filter")
        yield VirtualTable([Column("name", "Name")], selectable=True, id="list")
        yield KeysFooter()

    def on_mount(self) -> None:
        rows = [Row(name, (name,)) for name in ("Anna", "Bartosz", "Cezary", "Dorota")]
        self.query_one(VirtualTable).set_rows(rows)
        self.query_one(FilterBox).focus()

    def on_input_changed(self, event: FilterBox.Changed) -> None:
        self.query_one(VirtualTable).set_filter(event.value)


class TwoScreens(App[None]):
    MODES = {"main": MainScreen}  # a mode's own first screen: nowhere to go back to

    async def on_mount(self) -> None:
        await self.switch_mode("main")
        await self.push_screen(ListScreen())


async def test_every_step_in_its_order_with_its_word_in_the_footer() -> None:
    app = TwoScreens()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ListScreen)
        box, table = screen.query_one(FilterBox), screen.query_one(VirtualTable)
        assert escape_word(screen) == "To the list", "an empty filter: the list is next"

        await pilot.press(*"a")
        await pilot.pause()
        assert escape_word(screen) == "Clear filter"
        assert "esc Clear filter" in footer(app)
        await pilot.press("escape")
        assert box.value == "" and box.has_focus, "cleared, and typing goes on there"
        assert table.visible_row_count == 4

        await pilot.press("escape")
        assert table.has_focus, "from the empty filter to the list"
        await pilot.press("space", "down", "space")
        await pilot.pause()
        assert len(table.selected_keys) == 2
        assert escape_word(screen) == "Clear selection"

        box.value = "a"  # a filter's text while the list has the focus
        await pilot.press("escape")
        assert table.selected_keys == frozenset(), "the selection before the filter's text"
        assert box.value == "a" and table.has_focus
        await pilot.pause()
        assert escape_word(screen) == "Clear filter"
        await pilot.press("escape")
        assert box.value == "" and table.has_focus

        assert escape_word(screen) == "Back", "nothing left to clear: back"
        await pilot.press("escape")
        await pilot.pause()
        first = app.screen
        assert type(first) is MainScreen, "back to the screen under it"
        assert escape_step(first, first) is None
        assert escape_word(first) is None, "a mode's first screen: no esc offered"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is first, "and escape there does nothing"


# -- a call report's filter ------------------------------------------------------------------


async def test_in_a_call_report_escape_clears_the_filter_then_leaves_it_then_goes_back(
    make_app,
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await open_report(pilot, screen, 1)
        view, table = screen.report_view, screen.report_view.table
        total = table.visible_row_count
        assert escape_word(screen) == "Back"
        shown = footer(app)
        assert " esc Back " in shown.split("…")[0], "esc among the first keys, at 80 columns"

        await pilot.press("slash", *"busy")
        await wait_until(pilot, lambda: table.visible_row_count < total, "the filter")
        assert escape_word(screen) == "Clear filter"
        await pilot.press("escape")
        assert view.filter_input.value == "" and view.filter_input.has_focus
        await wait_until(pilot, lambda: table.visible_row_count == total, "every call again")
        assert screen.view == REPORT_VIEW

        assert escape_word(screen) == "To the list"
        await pilot.press("escape")
        assert table.has_focus
        await pilot.press("5")  # on the table a digit starts a filter, as before
        assert view.filter_input.value == "5"
        await pilot.press("enter")  # to the list, the filter kept
        assert table.has_focus

        await pilot.press("escape")  # the filter's text first, the focus stays on the list
        assert view.filter_input.value == "" and table.has_focus
        assert screen.view == REPORT_VIEW
        await pilot.press("escape")
        assert screen.view == ORDERS_VIEW
        assert isinstance(app.screen, CallHistoryScreen)
        assert escape_word(screen) is None, "the orders view: nothing to clear, nowhere back"
        assert_no_traceback(app)


# -- the sent SMS filter ----------------------------------------------------------------------


async def test_the_sent_sms_filter_clears_then_hands_over_to_the_list(make_app) -> None:
    app = make_app(start_mode="sms")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SmsScreen)
        assert escape_word(screen) is None, "in the form: nothing to clear"
        await pilot.click("#sent-filter")
        await pilot.press(*"nothing")
        box = screen.query_one("#sent-filter", FilterBox)
        assert box.value == "nothing"
        assert "esc Clear filter" in footer(app)

        await pilot.press("escape")
        assert box.value == "" and box.has_focus
        await pilot.press("escape")
        assert screen.sent_list.table.has_focus
        await pilot.pause()
        assert escape_word(screen) is None
        assert "esc" not in footer(app).split(), "a main screen: no esc once all is clear"
        await pilot.press("escape")
        assert app.screen is screen and screen.sent_list.table.has_focus
        assert_no_traceback(app)


# -- a campaign's detail ----------------------------------------------------------------------


async def test_escape_on_a_campaign_goes_back_to_the_overview(make_app, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        overview = await open_screen(pilot, MonitorOverviewScreen(tracker=tracker(clock)))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MonitorDetailScreen), "detail")
        detail = app.screen
        await wait_until(pilot, lambda: "esc Back" in footer(app), "esc Back in the footer")
        assert escape_word(detail) == "Back"
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is overview, "back on the overview")
        assert_no_traceback(app)


# -- F1 says it everywhere ------------------------------------------------------------------


async def test_help_states_the_rule_on_every_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("f2", "f7"):
            await pilot.press(key)
            await settle(pilot)
            await pilot.press("f1")
            await wait_until(pilot, lambda: isinstance(app.screen, HelpDialog), "the help")
            text = " ".join(text_of(static) for static in app.screen.query("Static"))
            assert "Everywhere" in text
            assert "escape works the same on every screen" in text
            assert "In a dialog it cancels." in text
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(app.screen, HelpDialog), "closed")
