"""Names, not bare numbers: call reports and the SMS sent list name a number found in any
phone book, however either side writes it, loaded in the background by `contact_names`.

The phone-book entries are added to the seeded sandbox before the app starts, written
with +48 and dashes, while the calls and the SMS carry 9 bare digits.
"""

from __future__ import annotations

import logging

import pytest
from textual.pilot import Pilot

from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.contact_names import ContactNames, contact_names
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.screens.call_history.screen import REPORT_VIEW, CallHistoryScreen
from spikon_tui.ui.screens.sms.screen import SmsScreen
from tests.ui.conftest import (
    NARROW,
    SIZE,
    paste,
    settle,
    table_lines,
    toast_text,
    toasts,
    wait_until,
)

NAME = "Zofia Testowa"
SMS_NUMBER = "600100200"


def written_otherwise(number: str) -> str:
    """ "600100200" -> "+48 600-100-200" """
    return f"+48 {number[:3]}-{number[3:6]}-{number[6:]}"


def add_contact(sandbox: Sandbox, name: str, number: str) -> None:
    with sandbox.state.lock:
        book = sandbox.state.books.add_book("Testowa")
        sandbox.state.books.add_entry(book.id, name, number)


def known_numbers(sandbox: Sandbox) -> set[str]:
    return {
        entry.number
        for book in sandbox.state.books.books.values()
        for entry in book.entries.values()
    }


def unnamed_caller(sandbox: Sandbox, report_id: int) -> str:
    """A number calling in report `report_id` that no phone book has yet."""
    known = known_numbers(sandbox)
    rows = sandbox.state.history.reports[report_id].rows
    return next(row.src for row in rows if row.incoming and row.src not in known)


def contacts_shown(screen: CallHistoryScreen, number: str) -> set[str]:
    """The Contact cells of the calls from or to `number`."""
    table = screen.report_view.table
    cells = (table.get_row(table.row_key_at(i)).cells for i in range(table.visible_row_count))
    return {str(cell[3]) for cell in cells if number in (cell[1], cell[2])}


async def open_report_one(pilot: Pilot) -> CallHistoryScreen:
    """The report the sandbox starts with, opened without waiting for other work."""
    screen = pilot.app.screen
    assert isinstance(screen, CallHistoryScreen)
    await wait_until(pilot, lambda: screen._list_state == "loaded", "the list of reports")
    assert screen.reports_table.move_cursor_to_key(1)
    screen.reports_table.focus()
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: screen.view == REPORT_VIEW and screen.report_view.report is not None,
        "report #1",
    )
    return screen


@pytest.mark.parametrize("size", [SIZE, NARROW], ids=["120x40", "80x24"])
async def test_a_call_row_names_the_caller_a_phone_book_writes_otherwise(
    make_app, sandbox: Sandbox, size: tuple[int, int]
) -> None:
    number = unnamed_caller(sandbox, 1)
    add_contact(sandbox, NAME, written_otherwise(number))
    app = make_app(start_mode="history")
    async with app.run_test(size=size) as pilot:
        screen = await open_report_one(pilot)
        await settle(pilot)
        assert contacts_shown(screen, number) == {NAME}
        table = screen.report_view.table
        calls = screen.report_view.report.calls
        assert table.move_cursor_to_key(next(i for i, c in enumerate(calls) if c.src == number))
        await pilot.pause()
        line = next(line for line in table_lines(table) if number in line)
        shown = NAME if size == SIZE else NAME[:10]  # cut to its column at 80 columns
        assert shown in line
        await pilot.press("slash", *"zofia")
        await wait_until(pilot, lambda: table.visible_row_count > 0, "the filter")
        assert contacts_shown(screen, number) == {NAME}
        assert table.visible_row_count == len(
            [r for r in sandbox.state.history.reports[1].rows if number in (r.src, r.dst)]
        )


async def test_an_sms_row_names_the_recipient_a_phone_book_writes_otherwise(
    make_app, sandbox: Sandbox
) -> None:
    add_contact(sandbox, NAME, written_otherwise(SMS_NUMBER))
    app = make_app(start_mode="sms")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SmsScreen)
        await send_sms(pilot, SMS_NUMBER)
        await wait_until(pilot, lambda: NAME in sent_rows(screen)[0], "the named row")
        assert SMS_NUMBER not in sent_rows(screen)[0].replace(" ", "")
        assert f"SMS sent to {NAME}" in toast_text(app)


async def send_sms(pilot: Pilot, to: str) -> None:
    """Type, send and say yes, without waiting for the names (no `settle`)."""
    screen = pilot.app.screen
    screen.query_one("#recipients").focus()
    await paste(pilot, to)
    screen.query_one("#message").focus()
    await paste(pilot, "Dzień dobry")
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "the question")
    await pilot.press("y")
    await wait_until(pilot, lambda: pilot.app.screen is screen, "the answer")


def sent_rows(screen: SmsScreen) -> list[str]:
    table = screen.sent_list.table
    return table_lines(table)[1 : 1 + table.visible_row_count] or [""]


async def test_a_slow_phone_book_delays_no_screen_and_the_names_come_after(
    make_app, sandbox: Sandbox
) -> None:
    add_contact(sandbox, NAME, written_otherwise(SMS_NUMBER))
    sandbox.faults.delay_next("phone_book/list", seconds=2.0)
    app = make_app(start_mode="sms")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SmsScreen)
        await send_sms(pilot, SMS_NUMBER)
        await wait_until(pilot, lambda: "600 100 200" in sent_rows(screen)[0], "the sent row")
        names = contact_names(app)
        assert not names.loaded and names.loading, "the row came before the phone books"
        assert names.name_for(SMS_NUMBER) is None
        await wait_until(pilot, lambda: NAME in sent_rows(screen)[0], "the name", timeout=10)
        assert names.loaded


async def test_a_report_opened_before_the_names_is_named_when_they_come(
    make_app, sandbox: Sandbox
) -> None:
    number = unnamed_caller(sandbox, 1)
    add_contact(sandbox, NAME, written_otherwise(number))
    sandbox.faults.delay_next("phone_book/list", seconds=2.0)
    app = make_app(start_mode="history")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_report_one(pilot)
        assert not contact_names(app).loaded, "the report came before the phone books"
        assert contacts_shown(screen, number) == {""}
        table = screen.report_view.table
        await pilot.press("end")
        cursor = table.cursor_row_key
        await wait_until(pilot, lambda: contacts_shown(screen, number) == {NAME}, "the name", 10)
        assert table.cursor_row_key == cursor, "the cursor stays on its call"


async def test_a_failed_load_is_only_logged_and_tried_again_at_the_next_refresh(
    make_app, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    add_contact(sandbox, NAME, written_otherwise(SMS_NUMBER))
    sandbox.faults.fail_next("phone_book/list", status=503, times=3)  # the client tries thrice
    # The refresh timer is not left to real time (a loaded machine would let it cut the
    # first load short): the test runs the refresh itself, as the timer does.
    monkeypatch.setattr(ContactNames, "REFRESH_SECONDS", 3600)
    app = make_app(start_mode="sms")
    with caplog.at_level(logging.WARNING, logger="spikon_tui.ui.contact_names"):
        async with app.run_test(size=SIZE) as pilot:
            names = contact_names(app)
            await wait_until(pilot, lambda: names.last_error is not None, "the failure")
            assert not names.loaded
            assert toasts(app) == [], "no toast over the work"
            assert "phone-book names not loaded" in caplog.text
            names.reload()  # what the refresh timer calls
            await wait_until(pilot, lambda: names.loaded, "the next refresh")
            assert names.name_for(SMS_NUMBER) == NAME
            assert names.last_error is None


async def test_invalidate_loads_an_edited_phone_book_at_once(make_app, sandbox: Sandbox) -> None:
    app = make_app(start_mode="sms")
    async with app.run_test(size=SIZE) as pilot:
        names = contact_names(app)
        assert contact_names(app) is names, "one per app"
        await wait_until(pilot, lambda: names.loaded, "the names")
        assert names.name_for(SMS_NUMBER) is None
        add_contact(sandbox, NAME, "0048 600 100 200")
        names.invalidate()
        await wait_until(pilot, lambda: names.name_for(SMS_NUMBER) == NAME, "the new name")


async def test_a_new_client_forgets_the_names_and_loads_them_again(
    make_app, sandbox: Sandbox, session: Session
) -> None:
    add_contact(sandbox, NAME, written_otherwise(SMS_NUMBER))
    app = make_app(start_mode="sms")
    async with app.run_test(size=SIZE) as pilot:
        names = contact_names(app)
        await wait_until(pilot, lambda: names.loaded, "the names")
        asked = sandbox.request_counts["phone_book/list"]
        old, app.spikon = app.spikon, session.new_client()
        await old.aclose()
        assert contact_names(app).name_for(SMS_NUMBER) is None, "maybe another account's"
        await wait_until(pilot, lambda: names.name_for(SMS_NUMBER) == NAME, "the names again")
        assert sandbox.request_counts["phone_book/list"] == asked + 1


async def test_each_app_has_its_own_names(make_app) -> None:
    first: SpikonApp = make_app(start_mode="sms")
    second: SpikonApp = make_app(start_mode="sms")
    async with first.run_test(size=SIZE), second.run_test(size=SIZE):
        assert contact_names(first) is not contact_names(second)
