"""The Call history screen against a real sandbox: order, wait, read, filter, export, call back.

The sandbox and the session share one fake clock: a report is generated when the
test moves the clock past its generation delay, and every age on screen follows
that clock. So is every check while a report is generated: one is due each clock
second (`POLL_DELAYS`), and a clock second waits 20 ms of real time.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import platformdirs
import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, RadioSet

from spikon_tui.api.validation import CallDirection
from spikon_tui.calls.calls import humanize_duration
from spikon_tui.calls.ledger import KEEP_SECONDS
from spikon_tui.contacts.numbers import display_number
from spikon_tui.i18n import set_language
from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.sandbox.history import ANSWERED
from spikon_tui.session import Session
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.dialogs.call import CallDialog
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.dialogs.save import SaveDialog, default_download_path
from spikon_tui.ui.poll_scheduler import PollScheduler
from spikon_tui.ui.screens.call_history.progress import ReportProgress
from spikon_tui.ui.screens.call_history.screen import (
    LEDGER_FILE,
    ORDERS_VIEW,
    REPORT_VIEW,
    CallHistoryScreen,
)
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import (
    NARROW,
    SIZE,
    assert_no_traceback,
    paste,
    screen_lines,
    settle,
    table_lines,
    toast_text,
    toasts,
    wait_until,
)

GENERATION_DELAY = 60.0
DAY = 86400.0
FIRST_ORDER = 2
"""The sandbox starts with report #1 (ordered "yesterday" elsewhere); the first order gets #2."""


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(
        seed=7,
        clock=clock,
        contacts=12,  # few contacts: the same numbers call again and again
        calls=1500,
        agents=2,
        campaigns=1,
        generation_delay=GENERATION_DELAY,
    )
    with Sandbox(config) as sb:
        yield sb


@pytest.fixture(autouse=True)
def quick_waits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A check each clock second (20 ms of real time), ages rewritten every 50 ms; downloads
    go to a temporary folder."""
    monkeypatch.setattr(CallHistoryScreen, "POLL_DELAYS", (1.0,))
    monkeypatch.setattr(PollScheduler, "TIMER_SCALE", 0.02)
    monkeypatch.setattr(CallHistoryScreen, "TICK_SECONDS", 0.05)
    monkeypatch.setattr(ReportProgress, "TICK_SECONDS", 0.05)
    downloads = tmp_path / "Downloads"
    monkeypatch.setattr(platformdirs, "user_downloads_dir", lambda: str(downloads))
    return downloads


def history_app(make_app) -> SpikonApp:
    return make_app(start_mode="history")


@asynccontextmanager
async def history_screen(
    make_app, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[SpikonApp, Pilot, CallHistoryScreen]]:
    """The app started on the Call history screen, its list of reports loaded."""
    app = history_app(make_app)
    async with app.run_test(size=size) as pilot:
        yield app, pilot, await open_history(pilot)


# -- reading the screen --------------------------------------------------------------------


async def open_history(pilot: Pilot) -> CallHistoryScreen:
    screen = pilot.app.screen
    assert isinstance(screen, CallHistoryScreen)
    await wait_until(pilot, lambda: screen._list_state == "loaded", "the list of reports")
    await settle(pilot)
    return screen


def field(screen: CallHistoryScreen, selector: str) -> Input:
    return screen.query_one(selector, Input)


def reports(screen: CallHistoryScreen) -> list[tuple[str, ...]]:
    """(report, state, age, contents) of each row of the earlier reports, top first."""
    table = screen.reports_table
    rows = [table.get_row(table.row_key_at(i)) for i in range(table.visible_row_count)]
    return [tuple(str(cell) for cell in row.cells) for row in rows]


def calls_table(screen: CallHistoryScreen) -> VirtualTable:
    return screen.report_view.table


def shown_calls(screen: CallHistoryScreen) -> list[tuple[str, ...]]:
    table = calls_table(screen)
    rows = [table.get_row(table.row_key_at(i)) for i in range(table.visible_row_count)]
    return [tuple(str(cell) for cell in row.cells) for row in rows]


def sandbox_rows(sandbox: Sandbox, report_id: int):
    return sandbox.state.history.reports[report_id].rows


async def type_into(pilot: Pilot, selector: str, text: str) -> None:
    """Click a field, clear it and paste `text` (typing key by key takes 0.1 s a key)."""
    await pilot.click(selector)
    await pilot.press("end", "ctrl+u")
    if text:
        await paste(pilot, text)


async def order(pilot: Pilot, screen: CallHistoryScreen) -> None:
    """ctrl+o, and wait until the screen waits for the report."""
    await pilot.press("ctrl+o")
    await wait_until(pilot, lambda: screen.progress.waiting_for is not None, "the wait")


async def order_and_wait(pilot: Pilot, screen: CallHistoryScreen, clock: FakeClock) -> None:
    """ctrl+o, then let SPIKON generate the report and wait for it to open."""
    await order(pilot, screen)
    clock.advance(GENERATION_DELAY)
    screen.progress.scheduler.check_due()  # the check is due by the clock: now, not at the timer
    await wait_until(pilot, lambda: screen.view == REPORT_VIEW, "the report to open", timeout=15)
    await settle(pilot)


async def open_report(pilot: Pilot, screen: CallHistoryScreen, report_id: int) -> None:
    table = screen.reports_table
    assert table.move_cursor_to_key(report_id)
    table.focus()
    await pilot.press("enter")
    await wait_until(pilot, lambda: screen.view == REPORT_VIEW, f"report #{report_id}")
    await settle(pilot)


def expected_totals(rows, total: int) -> str:
    answered = [row for row in rows if row.state == ANSWERED]
    talk = sum(row.duration for row in answered)
    count = f"{len(rows)} calls" if len(rows) == total else f"{len(rows)} of {total} calls"
    share = round(len(answered) / len(rows) * 100)
    average = humanize_duration(round(talk / len(answered)))
    return (
        f"{count} · {share}% answered · {humanize_duration(talk)} talked · "
        f"{average} per answered call"
    )


async def choose_caller(pilot: Pilot, position: int) -> None:
    await pilot.click("#caller")
    await pilot.press(*["down"] * (position + 2), "enter")


# -- the whole errand of a new user --------------------------------------------------------


async def test_last_weeks_inbound_calls_one_number_exported_and_called_back(
    make_app, sandbox: Sandbox, clock: FakeClock, quick_waits: Path
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        assert screen.query_one("#order-direction", RadioSet).has_focus
        assert field(screen, "#order-start").value == "2025-06-09"
        assert field(screen, "#order-end").value == "2025-06-15"
        assert screen.form.direction is CallDirection.BOTH
        assert not screen.query_one("#order-records-only", Checkbox).value

        await pilot.click("#order-in")
        assert screen.form.direction is CallDirection.INCOMING
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: screen.progress.waiting_for == FIRST_ORDER, "the wait")
        assert sandbox.request_counts["call_list/order"] == 1
        assert screen.progress.text.startswith(
            f"SPIKON is generating report #{FIRST_ORDER} (waiting 0 s so far)."
        )
        assert reports(screen)[0] == (
            f"#{FIRST_ORDER}",
            "generating…",
            "0 s",
            "incoming · 2025-06-09 – 2025-06-15 · all calls",
        )
        clock.advance(30)
        # Both lines are rewritten on a real-time tick: allow a loaded machine its time.
        waited = "waiting 30 s so far"
        await wait_until(pilot, lambda: waited in screen.progress.text, "30 s", timeout=15)
        await wait_until(pilot, lambda: reports(screen)[0][2] == "30 s", "the age", timeout=15)
        assert screen.view == ORDERS_VIEW, "not generated yet"
        clock.advance(GENERATION_DELAY - 30)
        screen.progress.scheduler.check_due()  # due by the clock: now, not at the timer
        await wait_until(pilot, lambda: screen.view == REPORT_VIEW, "the report", timeout=15)
        await settle(pilot)

        rows = sandbox_rows(sandbox, FIRST_ORDER)
        assert rows and all(row.incoming for row in rows)
        assert any(not row.file for row in rows), "calls without a recording are included"
        assert {row.day.isoformat() for row in rows} <= {f"2025-06-{d:02d}" for d in range(9, 16)}
        view = screen.report_view
        assert calls_table(screen).row_count == len(rows)
        assert calls_table(screen).has_focus
        assert str(screen.query_one("#report-title").content) == (
            f"Report #{FIRST_ORDER} · incoming · 2025-06-09 – 2025-06-15 · all calls · "
            f"{len(rows)} calls"
        )
        assert view.totals_text == expected_totals(rows, len(rows))
        assert shown_calls(screen)[0][0] == rows[0].date[:16]

        # Find one number's calls: typing digits on the table starts the filter.
        number, count = Counter(row.src for row in rows).most_common(1)[0]
        assert count >= 2
        await pilot.press(*number)
        await wait_until(pilot, lambda: not view.totals_pending, "the totals")
        assert view.filter_input.value == number
        matching = [row for row in rows if number in row.src or number in row.dst]
        assert [call[1] for call in shown_calls(screen)] == [row.src for row in matching]
        assert view.totals_text == expected_totals(matching, len(rows))

        # Export them: to the downloads folder by default.
        await pilot.press("enter")
        assert calls_table(screen).has_focus
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SaveDialog)
        expected_path = default_download_path(f"spikon-calls-{FIRST_ORDER}", ".csv", clock())
        assert Path(expected_path).parent == quick_waits
        assert dialog.query_one(Input).value == expected_path
        assert f"The {len(matching)} calls the filter shows" in dialog.explanation
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        with open(expected_path, encoding="utf-8", newline="") as file:
            exported = list(csv.DictReader(file))
        assert [line["from"] for line in exported] == [row.src for row in matching]
        assert [line["date"] for line in exported] == [row.date for row in matching]
        assert (
            "information",
            "Exported",
            f"{len(matching)} calls written to {expected_path}.",
        ) in (toasts(app))

        # Call back that number: the caller of an incoming call.
        await pilot.press("c")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallDialog)
        assert call.query_one("#number", Input).value == number
        await choose_caller(pilot, 0)
        await pilot.click("#submit")
        await settle(pilot)
        assert app.screen is screen
        assert sandbox.request_counts["call/initiate"] == 1
        assert sandbox.request_counts["call_list/order"] == 1
        shown = display_number(number)  # the toast groups the number for reading
        assert any(title == "Call initiated" and shown in text for _, title, text in toasts(app))
        assert_no_traceback(app)


# -- the order form ------------------------------------------------------------------------


async def test_the_form_checks_every_limit_as_you_type_and_sends_nothing_wrong(
    make_app, sandbox: Sandbox
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        form = screen.form

        await type_into(pilot, "#order-start", "2025-13-01")
        assert form.problem_text == (
            "The first day must be a date written YYYY-MM-DD, like 2024-01-31."
        )
        await type_into(pilot, "#order-start", "2025-01-01")
        assert form.problem_text == (
            "The date range may span at most 100 days (this one spans 165)."
        )
        await type_into(pilot, "#order-start", "2025-06-16")
        assert form.problem_text == "The last day must not be before the first day."
        await type_into(pilot, "#order-start", "2025-03-07")
        assert form.problem_text == "", "exactly 100 days is allowed"
        await type_into(pilot, "#order-number", "501 23x")
        assert form.problem_text == (
            "The number may contain only digits, with an optional leading +."
        )
        assert field(screen, "#order-number").has_class("-invalid")
        await type_into(pilot, "#order-number", "5" * 26)
        assert form.problem_text == ("The number must be at most 25 characters long (it has 26).")

        await pilot.press("enter")  # enter sends the form... which is refused here
        await type_into(pilot, "#order-end", "")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert sandbox.request_counts["call_list/order"] == 0
        assert form.problem_text == ("The number must be at most 25 characters long (it has 26).")
        assert field(screen, "#order-number").has_focus, "the cursor goes to the problem"

        await type_into(pilot, "#order-number", "")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert form.problem_text == (
            "The last day must be a date written YYYY-MM-DD, like 2024-01-31."
        )
        assert field(screen, "#order-end").has_focus
        assert sandbox.request_counts["call_list/order"] == 0


async def test_a_refused_order_keeps_the_form_and_says_why(make_app, sandbox: Sandbox) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await pilot.click("#order-out")
        await pilot.click("#order-records-only")
        await type_into(pilot, "#order-number", "58 300 11 22")
        sandbox.faults.error_next("call_list/order", code=-6, desc="date_start")
        await pilot.press("ctrl+o")
        await settle(pilot)

        assert sandbox.request_counts["call_list/order"] == 1
        assert screen.form.problem_text == (
            "SPIKON rejected a parameter value: date_start. "
            "[SPIKON error -6: Wrong value for parameter]"
        )
        assert screen.form.direction is CallDirection.OUTGOING
        assert screen.query_one("#order-records-only", Checkbox).value
        assert field(screen, "#order-number").value == "58 300 11 22"
        assert field(screen, "#order-start").value == "2025-06-09"
        submit = screen.query_one("#order-submit", Button)
        assert not submit.disabled and str(submit.label) == "Order report"
        assert screen.progress.waiting_for is None
        assert [row[0] for row in reports(screen)] == ["#1"]

        await pilot.press("ctrl+o")  # the user decides to send it again
        await wait_until(pilot, lambda: screen.progress.waiting_for == FIRST_ORDER, "the order")
        assert sandbox.request_counts["call_list/order"] == 2
        assert reports(screen)[0][3] == (
            "outgoing · 2025-06-09 – 2025-06-15 · number 583001122 · recorded only"
        )


async def test_a_lost_answer_is_not_resent_and_the_list_shows_what_happened(
    make_app, sandbox: Sandbox
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        sandbox.faults.drop_next("call_list/order")
        await pilot.press("ctrl+o")
        await settle(pilot)

        assert sandbox.request_counts["call_list/order"] == 1, "never resent by itself"
        problem = screen.form.problem_text
        assert "The call history report may or may not have been ordered" in problem
        assert "check the list of reports before ordering again" in problem
        assert str(screen.query_one("#order-submit", Button).label) == "Order again"
        # The order did arrive: the list, reloaded by itself, shows it.
        assert [row[0] for row in reports(screen)] == [f"#{FIRST_ORDER}", "#1"]
        assert reports(screen)[0][3] == "ordered outside this app"
        assert toasts(app) == []
        assert_no_traceback(app)


async def test_one_press_one_order_even_when_pressed_again_while_it_travels(
    make_app, sandbox: Sandbox
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        sandbox.faults.delay_next("call_list/order", seconds=0.5)
        button = screen.query_one("#order-submit", Button)
        button.press()
        button.press()
        await pilot.press("ctrl+o")
        await wait_until(
            pilot, lambda: sandbox.request_counts["call_list/order"] == 1, "the order to leave"
        )
        assert button.disabled and str(button.label) == "Ordering…"
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: screen.progress.waiting_for == FIRST_ORDER, "the answer")
        assert sandbox.request_counts["call_list/order"] == 1
        assert not button.disabled


# -- waiting -------------------------------------------------------------------------------


async def test_a_failed_check_is_said_and_the_wait_goes_on(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        sandbox.faults.fail_next("call_list/list", status=503, times=10_000)
        await order(pilot, screen)
        clock.advance(1)
        await wait_until(
            pilot, lambda: "The last check failed" in screen.progress.text, "the failure"
        )
        text = screen.progress.text
        assert "HTTP 503" in text and "Trying again in 1 s." in text
        failed = sandbox.request_counts["call_list/list"]
        clock.advance(1)
        await wait_until(
            pilot, lambda: sandbox.request_counts["call_list/list"] > failed, "another check"
        )
        assert screen.view == ORDERS_VIEW
        sandbox.faults.clear()
        clock.advance(GENERATION_DELAY)
        await wait_until(pilot, lambda: screen.view == REPORT_VIEW, "the report after all")
        assert sandbox.request_counts["call_list/order"] == 1
        assert_no_traceback(app)


async def test_escape_stops_waiting_and_the_report_opens_later_from_the_list(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await order(pilot, screen)
        assert "Stop waiting" in screen_lines(app)[-1]
        await pilot.press("escape")
        await settle(pilot)
        assert screen.progress.waiting_for is None
        assert screen.progress.text == (
            f"Stopped waiting for report #{FIRST_ORDER}. It stays in the list below: "
            "open it once it is ready."
        )
        assert "Stop waiting" not in screen_lines(app)[-1]
        checks = sandbox.request_counts["call_list/list"]
        clock.advance(5)
        assert not screen.progress.scheduler.check_due(), "no checks after stopping"
        await settle(pilot)
        assert sandbox.request_counts["call_list/list"] == checks

        # Opened while still generating: the wait starts again; then it opens.
        await open_report_when_generating(pilot, screen)
        clock.advance(GENERATION_DELAY)
        await wait_until(pilot, lambda: screen.view == REPORT_VIEW, "the report")
        assert calls_table(screen).row_count == len(sandbox_rows(sandbox, FIRST_ORDER))


async def open_report_when_generating(pilot: Pilot, screen: CallHistoryScreen) -> None:
    table = screen.reports_table
    assert table.move_cursor_to_key(FIRST_ORDER)
    table.focus()
    await pilot.press("o")
    await wait_until(pilot, lambda: screen.progress.waiting_for == FIRST_ORDER, "the wait")


async def test_no_checks_while_another_screen_is_shown(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await order(pilot, screen)
        await settle(pilot)  # a check may still be on its way: count from after it
        listed = sandbox.request_counts["call_list/list"]
        scheduler = screen.progress.scheduler

        def checked(n: int) -> bool:
            """Whether the n-th check was sent; if not, move the clock on a second
            whenever nothing is due or on its way (the delays grow: 1, 1, 2 s...)."""
            if sandbox.request_counts["call_list/list"] >= n:
                return True
            if not scheduler.in_flight and not scheduler.check_due():
                clock.advance(1)
            return False

        for expected in range(listed + 1, listed + 4):  # checks go on while shown
            await wait_until(pilot, lambda n=expected: checked(n), "the next check", timeout=15)
        await pilot.press("f2")
        # hidden: the checks pause; a check sent just before F2 still ends (and counts),
        # so count from after it
        await wait_until(pilot, lambda: scheduler.paused, "the checks paused")
        await wait_until(pilot, lambda: not scheduler.in_flight, "no check on its way")
        await settle(pilot)
        checks = sandbox.request_counts["call_list/list"]
        clock.advance(5)
        assert not scheduler.check_due(), "hidden: no checks"
        await settle(pilot)
        assert sandbox.request_counts["call_list/list"] == checks
        clock.advance(GENERATION_DELAY)
        await pilot.press("f6")
        await wait_until(
            pilot, lambda: screen.view == REPORT_VIEW, "the report on return", timeout=15
        )
        assert sandbox.request_counts["call_list/list"] > checks


# -- earlier reports -----------------------------------------------------------------------


async def test_reports_are_remembered_with_their_age_and_marked_gone_after_a_month(
    make_app, sandbox: Sandbox, clock: FakeClock, session: Session
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await pilot.click("#order-in")
        await order_and_wait(pilot, screen, clock)
        count = len(sandbox_rows(sandbox, FIRST_ORDER))

    saved = json.loads((session.data_dir / LEDGER_FILE).read_text(encoding="utf-8"))
    assert [report["id"] for report in saved["reports"]] == [FIRST_ORDER, 1]

    clock.advance(2 * 3600)
    async with history_screen(make_app) as (app, pilot, screen):
        assert reports(screen)[0] == (
            f"#{FIRST_ORDER}",
            "ready",
            "2 h",
            f"incoming · 2025-06-09 – 2025-06-15 · all calls · {count} calls",
        )
        assert reports(screen)[1][:3] == ("#1", "ready", "≥ 2 h")

        clock.advance(KEEP_SECONDS)
        await wait_until(pilot, lambda: reports(screen)[0][1] == "gone", "the month to pass")
        assert reports(screen)[0][2] == "30 d"
        await pilot.press("r")  # SPIKON has dropped it meanwhile
        await settle(pilot)
        assert not screen.ledger.get(FIRST_ORDER).listed

        await pilot.click("#order-out")
        await type_into(pilot, "#order-start", "2025-07-01")
        fetched = sandbox.request_counts["call_list/show"]
        await open_gone_report(pilot, screen)
        assert ("warning", "Report gone") in [(s, t) for s, t, _ in toasts(app)]
        assert "Its choices are back in the form: ctrl+o orders it again." in toast_text(app)
        assert screen.form.direction is CallDirection.INCOMING
        assert field(screen, "#order-start").value == "2025-06-09"
        assert screen.view == ORDERS_VIEW
        assert sandbox.request_counts["call_list/show"] == fetched, "not asked for: it is gone"


async def open_gone_report(pilot: Pilot, screen: CallHistoryScreen) -> None:
    table = screen.reports_table
    assert table.move_cursor_to_key(FIRST_ORDER)
    table.focus()
    await pilot.press("enter")
    await settle(pilot)


async def test_a_list_that_cannot_be_loaded_says_so_and_r_tries_again(
    make_app, sandbox: Sandbox
) -> None:
    sandbox.faults.fail_next("call_list/list", status=503, times=3)
    app = history_app(make_app)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, CallHistoryScreen)
        await settle(pilot)
        assert screen.reports_table.empty_text == (
            "The list of reports could not be loaded; r tries again."
        )
        assert "Could not load the list of reports" in toast_text(app)
        screen.reports_table.focus()
        await pilot.press("r")
        await settle(pilot)
        assert [row[0] for row in reports(screen)] == ["#1"]
        assert_no_traceback(app)


# -- a report ------------------------------------------------------------------------------


async def test_a_report_that_fails_to_load_says_why_and_opens_on_the_next_try(
    make_app, sandbox: Sandbox
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        sandbox.faults.fail_next("call_list/show", status=502, times=3)
        screen.reports_table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view == ORDERS_VIEW
        assert screen.progress.text.startswith("Report #1 could not be loaded: ")
        assert "HTTP 502" in screen.progress.text
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.view == REPORT_VIEW, "the report")
        assert calls_table(screen).row_count == len(sandbox_rows(sandbox, 1))
        assert_no_traceback(app)


async def test_sort_by_any_column_and_the_filter_ignores_spaces_in_numbers(
    make_app, sandbox: Sandbox
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await open_report(pilot, screen, 1)
        rows = sandbox_rows(sandbox, 1)
        table = calls_table(screen)

        duration_header = (table_lines(table)[0].index("Duration") + 2, 0)
        await pilot.click("#report-calls", offset=duration_header)
        assert table.sort_column == "duration" and not table.sort_reverse
        durations = [row.duration for row in sorted(rows, key=lambda row: row.duration)]
        assert [call[4] for call in shown_calls(screen)] == [
            humanize_duration(seconds) for seconds in durations
        ]
        await pilot.click("#report-calls", offset=duration_header)
        assert table.sort_reverse
        assert shown_calls(screen)[0][4] == humanize_duration(max(durations))
        assert "Duration ▼" in table_lines(table)[0]

        number = rows[0].dst if rows[0].incoming is False else rows[0].src
        spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
        await pilot.press("slash")
        assert screen.report_view.filter_input.has_focus
        await pilot.press(*spaced)
        await wait_until(pilot, lambda: not screen.report_view.totals_pending, "the totals")
        matching = [row for row in rows if number in row.src or number in row.dst]
        assert table.visible_row_count == len(matching) > 0
        await pilot.press("ctrl+u", *"nosuchthing")
        assert table.visible_row_count == 0
        assert table.empty_text == "No calls match “nosuchthing”"
        await wait_until(pilot, lambda: not screen.report_view.totals_pending, "the totals")
        assert screen.report_view.totals_text == f"0 of {len(rows)} calls"
        await pilot.press("ctrl+u", *"busy")
        assert {call[5] for call in shown_calls(screen)} == {"Busy"}
        await pilot.press("enter")
        assert table.has_focus
        await pilot.press("5")  # a digit typed on the table starts a new filter
        assert screen.report_view.filter_input.value == "5"
        assert screen.report_view.filter_input.has_focus


async def test_copy_the_recording_link_or_say_there_is_none(make_app, sandbox: Sandbox) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await open_report(pilot, screen, 1)
        rows = list(sandbox_rows(sandbox, 1))
        table = calls_table(screen)

        linked = next(i for i, row in enumerate(rows) if row.file.startswith("https://"))
        table.move_cursor_to_key(linked)
        await pilot.press("l")
        assert app.clipboard == rows[linked].file
        assert ("information", "Recording link copied", rows[linked].file) in toasts(app)

        silent = next(i for i, row in enumerate(rows) if not row.file)
        table.move_cursor_to_key(silent)
        app.copy_to_clipboard("unchanged")
        await pilot.press("l")
        assert app.clipboard == "unchanged"
        assert (
            "warning",
            "",
            "This call has no recording: recording was off when it started.",
        ) in toasts(app)

        ftp = [i for i, row in enumerate(rows) if row.file and not row.file.startswith("http")]
        if ftp:  # the seed decides whether this report holds an FTP recording
            table.move_cursor_to_key(ftp[0])
            await pilot.press("l")
            assert app.clipboard == rows[ftp[0]].file
            assert "Recording file name copied" in toast_text(app)


async def test_call_back_the_callee_of_an_outgoing_call_with_enter(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await pilot.click("#order-out")
        await order_and_wait(pilot, screen, clock)
        rows = sandbox_rows(sandbox, FIRST_ORDER)
        assert rows and not any(row.incoming for row in rows)
        await pilot.press("down", "enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CallDialog)
        assert dialog.query_one("#number", Input).value == rows[1].dst
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert sandbox.request_counts["call/initiate"] == 0


async def test_in_a_report_of_both_directions_call_back_dials_the_other_party(
    make_app, sandbox: Sandbox
) -> None:
    own = {account.number for account in sandbox.state.phone_accounts}
    async with history_screen(make_app) as (app, pilot, screen):
        await open_report(pilot, screen, 1)
        rows = list(sandbox_rows(sandbox, 1))
        outgoing = next(i for i, row in enumerate(rows) if not row.incoming)
        calls_table(screen).move_cursor_to_key(outgoing)
        await pilot.press("c")
        await settle(pilot)
        assert rows[outgoing].src in own
        assert app.screen.query_one("#number", Input).value == rows[outgoing].dst


async def test_an_empty_report_of_recorded_calls_says_how_to_see_every_call(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await pilot.click("#order-records-only")
        await type_into(pilot, "#order-number", "999999999")
        await order_and_wait(pilot, screen, clock)
        assert calls_table(screen).row_count == 0
        assert calls_table(screen).empty_text.startswith("This report has no calls. It holds")
        assert "“Recorded calls only”" in calls_table(screen).empty_text
        assert screen.report_view.totals_text == "0 calls"
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is screen, "nothing to export"


async def test_an_existing_file_is_replaced_only_after_yes_and_a_failure_keeps_the_path(
    make_app, sandbox: Sandbox, tmp_path: Path
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await open_report(pilot, screen, 1)
        target = tmp_path / "calls.csv"
        target.write_text("keep me", encoding="utf-8")

        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, SaveDialog), "back to the path, to choose another"
        assert app.screen.query_one(Input).value == str(target)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert len(target.read_text(encoding="utf-8").splitlines()) == 1 + len(
            sandbox_rows(sandbox, 1)
        )

        blocked = tmp_path / "a-file" / "calls.csv"
        (tmp_path / "a-file").write_text("", encoding="utf-8")
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(Input).value = str(blocked)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SaveDialog), "the path dialog opens again"
        assert dialog.query_one(Input).value == str(blocked)
        assert dialog.explanation.startswith(f"Could not write {blocked}: ")
        assert ("error", "Export failed") in [(s, t) for s, t, _ in toasts(app)]
        assert_no_traceback(app)


# -- keys, palette, size -------------------------------------------------------------------


async def test_keys_and_palette_commands_follow_the_view(make_app, sandbox: Sandbox) -> None:
    async with history_screen(make_app) as (app, pilot, screen):

        def commands() -> set[str]:
            return {command.title for command in app.get_system_commands(screen)}

        orders = commands()
        assert {"Call history: Order", "Call history: Open", "Call history: Refresh"} <= orders
        assert "Call history: Export" not in orders
        await open_report(pilot, screen, 1)
        in_report = commands()
        assert {
            "Call history: Filter",
            "Call history: Call back",
            "Call history: Export",
            "Call history: Copy link",
            "Call history: Back",
        } <= in_report
        assert "Call history: Order" not in in_report
        footer = screen_lines(app)[-1]
        for key in ("Filter", "Call back", "Export", "Copy link"):
            assert key in footer

        await pilot.press("escape")
        assert screen.view == ORDERS_VIEW
        assert screen.reports_table.has_focus
        await pilot.press("o")  # the same report again: shown at once, not fetched again
        assert screen.view == REPORT_VIEW
        assert sandbox.request_counts["call_list/show"] == 1


async def test_at_80x24_the_form_the_list_and_the_report_fit(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with history_screen(make_app, NARROW) as (app, pilot, screen):
        lines = screen_lines(app)
        text = "\n".join(lines)
        for label in ("Incoming", "Outgoing", "Both", "Recorded calls only", "Order report"):
            assert label in text
        assert "2025-06-09" in text and "2025-06-15" in text
        assert any(line.strip().startswith("#1") for line in lines)
        await order_and_wait(pilot, screen, clock)
        table = calls_table(screen)
        header = table_lines(table)[0]
        # the phone-book names before the kind of recording (l still tells it)
        assert header.split() == ["Date", "From", "To", "Contact", "Duration", "State"]
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert screen_lines(app)[-2].strip().startswith(f"{table.row_count} calls ·")


async def test_help_explains_the_errand_and_lists_the_keys(make_app) -> None:
    async with history_screen(make_app) as (app, pilot, _):
        await pilot.press("f1")
        await settle(pilot)
        text = "\n".join(screen_lines(app))
        assert "Help — Call history" in text
        assert "at most 100 days apart" in text
        app.screen.query_one(VerticalScroll).scroll_end(animate=False)
        await settle(pilot)
        text += "\n".join(screen_lines(app))  # the keys, at the end of the help
        for key in ("Order", "Open", "Refresh"):
            assert key in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CallHistoryScreen)


async def test_when_the_profile_folder_cannot_be_written_the_app_says_so_once(
    make_app, session: Session, clock: FakeClock, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    session.data_dir = blocker
    async with history_screen(make_app) as (app, pilot, screen):
        await order_and_wait(pilot, screen, clock)
        warnings = [t for s, t, _ in toasts(app) if s == "warning"]
        assert warnings == ["Earlier reports not remembered"]
        assert "kept for this run only" in toast_text(app)
        assert screen.ledger.get(FIRST_ORDER).request is not None, "remembered for this run"


async def test_a_damaged_list_of_reports_is_set_aside_in_words_and_the_screen_works(
    make_app, session: Session, clock: FakeClock
) -> None:
    session.data_dir.mkdir(parents=True, exist_ok=True)
    (session.data_dir / LEDGER_FILE).write_text('{"reports": [[[[', encoding="utf-8")
    async with history_screen(make_app) as (app, pilot, screen):
        assert "was damaged and could not be read" in toast_text(app)
        assert len(list(session.data_dir.glob(f"{LEDGER_FILE}.damaged-*"))) == 1
        await order_and_wait(pilot, screen, clock)
        assert screen.ledger.get(FIRST_ORDER) is not None, "a new list starts"
        assert_no_traceback(app)


# -- in Polish -------------------------------------------------------------------------------


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


def polish_moment(iso: str) -> str:
    """ "2025-06-14 09:05:33" -> "14.06.2025 09:05": how the Polish report shows a call."""
    day, clock = iso.split(" ")
    year, month, date = day.split("-")
    return f"{date}.{month}.{year} {clock[:5]}"


@pytest.mark.parametrize("size", [SIZE, NARROW])
async def test_in_polish_dates_are_day_first_typed_either_way_and_the_words_are_polish(
    make_app, sandbox: Sandbox, clock: FakeClock, polish: None, size: tuple[int, int]
) -> None:
    async with history_screen(make_app, size) as (app, pilot, screen):
        form = screen.form
        assert field(screen, "#order-start").value == "09.06.2025"
        assert field(screen, "#order-end").value == "15.06.2025"
        assert field(screen, "#order-start").placeholder == "DD.MM.RRRR"

        await type_into(pilot, "#order-start", "2025/06/10")
        assert form.problem_text == "Pole „Od” wymaga daty w formacie DD.MM.RRRR, np. 31.01.2024."
        await type_into(pilot, "#order-start", "16.06.2025")
        assert form.problem_text == ("Data w polu „Do” nie może być wcześniejsza niż w polu „Od”.")
        await type_into(pilot, "#order-number", "50a")
        assert form.problem_text == (
            "Pole „Numer” może zawierać tylko cyfry, ewentualnie ze znakiem + na początku."
        )
        await type_into(pilot, "#order-number", "")
        await type_into(pilot, "#order-start", "2025-06-10")  # ISO is understood too
        assert form.problem_text == ""
        await order_and_wait(pilot, screen, clock)
        rows = sandbox_rows(sandbox, FIRST_ORDER)
        assert rows and min(row.day for row in rows).isoformat() >= "2025-06-10"
        title = str(screen.query_one("#report-title").content)
        assert "10.06.2025 – 15.06.2025" in title
        assert [call[0] for call in shown_calls(screen)] == [polish_moment(r.date) for r in rows]
        linked = next(i for i, row in enumerate(rows) if row.file.startswith("https://"))
        assert shown_calls(screen)[linked][6] == "odnośnik"
        header = table_lines(calls_table(screen))[0]
        assert header.split()[-1] == ("Nagranie" if size == SIZE else "Stan")
        shown = "\n".join(screen_lines(app))
        assert "link" not in shown and "2025-06" not in shown, shown

        await pilot.press("escape")
        assert "· 10.06.2025 – 15.06.2025 ·" in reports(screen)[0][3]


async def test_a_call_placed_from_a_report_is_told_in_polish(
    make_app, sandbox: Sandbox, polish: None
) -> None:
    async with history_screen(make_app) as (app, pilot, screen):
        await open_report(pilot, screen, 1)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CallDialog)
        await choose_caller(pilot, 0)
        await pilot.click("#submit")
        await settle(pilot)
        assert app.screen is screen
        assert sandbox.request_counts["call/initiate"] == 1
        titles = [title for _, title, _text in toasts(app)]
        assert "Połączenie rozpoczęte" in titles, toast_text(app)


@pytest.mark.parametrize("language", ["en", "pl"])
@pytest.mark.parametrize("size", [SIZE, NARROW])
async def test_the_date_fields_show_the_whole_date_with_the_cursor_after_it(
    make_app, size: tuple[int, int], language: str
) -> None:
    set_language(language)
    try:
        async with history_screen(make_app, size) as (app, pilot, screen):
            for selector in ("#order-start", "#order-end"):
                date_field = field(screen, selector)
                date_field.focus()
                await pilot.press("end")
                await settle(pilot)
                assert len(date_field.value) == 10
                painted = "\n".join(screen_lines(app))
                assert date_field.value in painted, (selector, date_field.value)
    finally:
        set_language("en")
