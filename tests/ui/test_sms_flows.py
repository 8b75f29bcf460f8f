"""The SMS screen against a real sandbox: compose, confirm, send once, follow the state.

The sandbox runs on the same fake clock as the app: an SMS moves one state a
second (numbers ending 000 end undelivered, 999 in error), and the screen's
checks are due by that clock, so each test says exactly when time passes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, TextArea

from spikon_tui.api.validation import SMS_MESSAGE_MAX
from spikon_tui.i18n import set_language
from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.sms.store import STORE_FILE
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.dialogs.call import CallDialog
from spikon_tui.ui.dialogs.confirm import ConfirmDialog, answer_keys
from spikon_tui.ui.poll_scheduler import PollScheduler
from spikon_tui.ui.screens.sms.compose import REMEMBERED_SENDER
from spikon_tui.ui.screens.sms.details import SmsDetailsDialog
from spikon_tui.ui.screens.sms.pick import PickRecipientsDialog
from spikon_tui.ui.screens.sms.screen import SmsScreen
from spikon_tui.ui.screens.sms.sent_list import sent_time
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import (
    NARROW,
    SIZE,
    assert_no_traceback,
    paste,
    screen_lines,
    settle,
    table_lines,
    text_of,
    toast_text,
    toasts,
    wait_until,
)


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check due in 2 clock seconds waits 20 ms of real time (due times stay on the clock)."""
    monkeypatch.setattr(PollScheduler, "TIMER_SCALE", 0.01)


# -- helpers ---------------------------------------------------------------------------


async def open_sms(pilot: Pilot) -> SmsScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SmsScreen)
    return screen


async def type_into(pilot: Pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await paste(pilot, text)


async def compose(pilot: Pilot, to: str, message: str) -> None:
    await type_into(pilot, "#recipients", to)
    await type_into(pilot, "#message", message)


async def ask_to_send(pilot: Pilot) -> ConfirmDialog:
    await pilot.press("ctrl+s")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ConfirmDialog), f"no confirmation; {error_line(pilot)!r}"
    return dialog


async def send(pilot: Pilot) -> None:
    await ask_to_send(pilot)
    await pilot.press(answer_keys()[0])  # y, or t in Polish
    await settle(pilot)


def error_line(pilot: Pilot) -> str:
    screen = pilot.app.screen
    return screen.form.error_text if isinstance(screen, SmsScreen) else ""


def rows(screen: SmsScreen) -> list[str]:
    """The rows of the sent list as painted (header and empty-list text left out)."""
    table = screen.sent_list.table
    return table_lines(table)[1 : 1 + table.visible_row_count]


def stored(session: Session) -> list[dict]:
    assert session.data_dir is not None
    return json.loads((session.data_dir / STORE_FILE).read_text(encoding="utf-8"))["messages"]


async def pass_time(pilot: Pilot, clock: FakeClock, seconds: float, condition, what: str) -> None:
    clock.advance(seconds)
    await wait_until(pilot, condition, what)
    await settle(pilot)


def states_of(screen: SmsScreen) -> dict[str, int | None]:
    assert screen.store is not None
    return {record.number: record.state for record in screen.store.messages.values()}


async def send_and_see_it_checked(pilot: Pilot, screen: SmsScreen, message: str = "Hej") -> None:
    """Send `message` to 501234567 and wait for the first check (it finds the state 0, new)."""
    await compose(pilot, "501234567", message)
    await send(pilot)
    await wait_until(pilot, lambda: states_of(screen) == {"501234567": 0}, "a first check")


# -- sending ---------------------------------------------------------------------------------


async def test_text_a_typed_number_and_later_see_it_delivered(
    make_app, sandbox: Sandbox, session: Session, clock: FakeClock
) -> None:
    balance = sandbox.state.balance
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        assert rows(screen) == []
        await compose(pilot, "+48 501 234 567", "Dzień dobry, wizyta jutro o 12:00.")
        assert screen.form.counter_text.splitlines() == [
            "34/918 characters · 1 SMS",
            "Unicode because of ń: 70 per part, 36 left in this one. ctrl+g drops Polish letters.",
        ]
        dialog = await ask_to_send(pilot)
        assert dialog.question == (
            "Send this SMS from “SMS” to 501 234 567?\nIt takes 1 SMS (Unicode)."
        )
        assert sandbox.request_counts["sms/send"] == 0, "nothing goes out before the yes"
        await pilot.press("y")
        await settle(pilot)

        assert sandbox.request_counts["sms/send"] == 1
        assert sandbox.state.balance == balance - sandbox_price(1)
        [sms] = sandbox.state.outbox.messages.values()
        assert (sms.sender, sms.number, sms.message) == (
            "SMS",
            "501234567",
            "Dzień dobry, wizyta jutro o 12:00.",
        )
        assert ("information", "SMS sent", toast_for("SMS sent", pilot.app)) in toasts(pilot.app)
        assert screen.query_one("#recipients", Input).value == ""
        assert screen.query_one("#message", TextArea).text == ""
        await wait_until(pilot, lambda: states_of(screen) == {"501234567": 0}, "the first check")
        [row] = rows(screen)
        assert "501 234 567" in row and "new" in row and "Dzień dobry" in row

        await pass_time(pilot, clock, 2, lambda: states_of(screen)["501234567"] == 4, "sent")
        await pass_time(pilot, clock, 2, lambda: states_of(screen)["501234567"] == 5, "delivered")
        assert "delivered" in rows(screen)[0]
        assert ("information", "SMS delivered", "SMS delivered to 501 234 567.") in toasts(
            pilot.app
        )
        [record] = stored(session)
        assert (record["number"], record["sms_id"], record["state"]) == ("501234567", sms.id, 5)
        requests = sandbox.request_counts["sms/state"]
        await pass_time(pilot, clock, 600, lambda: True, "time to pass")
        scheduler = pilot.app.screen.scheduler
        assert scheduler is not None and not scheduler.check_due(), "nothing left to check"
        await settle(pilot)
        assert sandbox.request_counts["sms/state"] == requests, "a final state is not asked again"
        assert_no_traceback(pilot.app)


def sandbox_price(parts: int):
    from decimal import Decimal

    return Decimal("0.16") * parts


def toast_for(title: str, app: SpikonApp) -> str:
    return next(message for _severity, t, message in toasts(app) if t == title)


async def test_one_press_sends_once_even_when_pressed_again_while_in_flight(
    make_app, sandbox: Sandbox
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234567", "Hello")
        sandbox.faults.delay_next("sms/send", seconds=1.0)
        await ask_to_send(pilot)
        await pilot.press("y")
        await wait_until(pilot, lambda: sandbox.request_counts["sms/send"] == 1, "the send")
        assert screen.sending
        assert screen.query_one("#send", Button).disabled
        assert screen.query_one("#message", TextArea).read_only
        await pilot.press("ctrl+s")
        screen.query_one("#send", Button).press()
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ConfirmDialog)
        assert "The SMS is on its way" in toast_text(pilot.app)
        await settle(pilot)
        assert not screen.sending
        assert sandbox.request_counts["sms/send"] == 1
        assert len(sandbox.state.outbox.messages) == 1
        assert not screen.query_one("#send", Button).disabled


async def test_several_recipients_confirm_names_them_and_counts_parts(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    long_text = "x" * 200  # GSM-7: two parts of 153
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234567; 601 234 567, 501-234-567", long_text)
        assert screen.form.counter_text.splitlines()[0] == (
            "200/918 characters · 2 SMS parts × 2 recipients = 4 SMS"
        )
        dialog = await ask_to_send(pilot)
        assert dialog.question.splitlines() == [
            "Send this SMS from “SMS” to 2 recipients: 501 234 567, 601 234 567?",
            "It takes 2 SMS parts each: 4 SMS in total.",
            "Numbers typed more than once get it once.",
        ]
        await pilot.press("y")
        await settle(pilot)
        assert sorted(sms.number for sms in sandbox.state.outbox.messages.values()) == [
            "501234567",
            "601234567",
        ]
        assert "SMS sent to 2 recipients" in toast_text(pilot.app)
        assert len(rows(screen)) == 2


async def test_a_landline_recipient_is_named_in_a_warning_that_does_not_stop_the_send(
    make_app, sandbox: Sandbox
) -> None:
    warning = "22 123 45 67 is not a mobile number: it cannot receive an SMS."
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501 234 567, 601 234 567", "Zebranie o 10:00")
        await settle(pilot)
        assert screen.form.no_sms_text == "", "mobiles only: no warning"

        await type_into(pilot, "#recipients", "501 234 567, 601 234 567, 22 123 45 67")
        await settle(pilot)
        assert screen.form.no_sms_text == warning
        assert text_of(screen.form.query_one("#no-sms-warning")) == warning, "painted"
        assert error_line(pilot) == "", "a warning, not an error"

        await send(pilot)
        assert sandbox.request_counts["sms/send"] == 1
        assert sorted(sms.number for sms in sandbox.state.outbox.messages.values()) == [
            "221234567",
            "501234567",
            "601234567",
        ]
        assert screen.form.no_sms_text == "", "the recipients are cleared after the send"
        assert_no_traceback(pilot.app)


async def test_refused_locally_nothing_is_sent_and_the_form_names_the_problem(
    make_app, sandbox: Sandbox
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_line(pilot) == (
            "Type a recipient's number, or pick one from a phone book (ctrl+o)."
        )
        assert screen.focused is screen.query_one("#recipients")

        await type_into(pilot, "#recipients", "501234567, 12345")
        assert error_line(pilot) == (
            "Each recipient must be a Polish phone number of 9 digits (got “12345”)."
        )
        recipients = screen.query_one("#recipients", Input)
        recipients.value = "501234567"
        await pilot.pause()
        assert error_line(pilot) == ""

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_line(pilot) == "The message must not be empty."
        assert screen.focused is screen.query_one("#message")

        await paste(pilot, "y" * (SMS_MESSAGE_MAX + 1))
        assert screen.form.counter_text.splitlines()[0] == "919/918 characters: 1 too many"
        assert screen.query_one("#counter").has_class("-over")
        assert error_line(pilot) == (
            "The message must be at most 918 characters long (it has 919)."
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("backspace")
        assert screen.form.counter_text.splitlines()[0] == "918/918 characters · 6 SMS parts"
        assert error_line(pilot) == ""
        await ask_to_send(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert sandbox.request_counts["sms/send"] == 0
        assert screen.query_one("#message", TextArea).text == "y" * SMS_MESSAGE_MAX, "kept"


async def test_polish_letters_can_be_replaced_to_fit_more_in_a_part(make_app) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await type_into(pilot, "#message", "Zażółć gęślą jaźń „dziś” – ok {€}")
        assert "Unicode because of ż ó ł ć ę …: 70 per part" in screen.form.counter_text
        assert "ctrl+g" in screen.active_bindings
        await pilot.press("ctrl+g")
        await pilot.pause()
        text = screen.query_one("#message", TextArea).text
        assert text == 'Zazolc gesla jazn "dzis" - ok {€}'
        assert screen.form.counter_text.splitlines() == [
            "33/918 characters · 1 SMS",
            "GSM-7: 160 per part, 124 left in this one.",  # { € } take two septets each
        ]
        assert "ctrl+g" not in screen.active_bindings, "nothing left to replace: key hidden"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.query_one("#message", TextArea).text.startswith("Zażółć")


async def test_the_sender_note_explains_2way_and_the_choice_is_remembered(
    make_app, sandbox: Sandbox, session: Session
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        note = screen.query_one("#sender-note")
        assert "Recipients see “SMS” as the sender and cannot reply" in text_of(note)
        await pilot.click("#sender")
        await pilot.press("end", "enter")
        await pilot.pause()
        assert screen.query_one("#sender", Select).value == "2way"
        assert text_of(note) == "2way: the recipients can reply to this SMS."
        assert session.recall(REMEMBERED_SENDER) == "2way"
        await compose(pilot, "501234567", "Reply please")
        await send(pilot)
        [sms] = sandbox.state.outbox.messages.values()
        assert sms.sender == "2way"

    async with SpikonApp(session, start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        assert screen.query_one("#sender", Select).value == "2way"


# -- picking from a phone book -------------------------------------------------------------


async def open_picker(pilot: Pilot) -> PickRecipientsDialog:
    await pilot.press("ctrl+o")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, PickRecipientsDialog)
    await wait_until(pilot, lambda: dialog.table.row_count > 0, "the entries")
    return dialog


async def test_pick_a_recipient_from_a_phone_book(make_app, sandbox: Sandbox) -> None:
    book = sandbox.state.books.books[0]
    entry = next(iter(book.entries.values()))
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        dialog = await open_picker(pilot)
        assert dialog.table.row_count == len(book.entries)
        await paste(pilot, entry.number)
        assert dialog.table.visible_row_count >= 1
        await pilot.press("enter")  # from the filter to the table
        await pilot.press("enter")  # pick the highlighted entry
        await settle(pilot)
        assert isinstance(pilot.app.screen, SmsScreen)
        assert screen.query_one("#recipients", Input).value == entry.number
        assert screen.focused is screen.query_one("#message")
        await paste(pilot, "Hi")
        dialog = await ask_to_send(pilot)
        assert f"to {entry.name} ({entry.number[:3]} " in dialog.question
        await pilot.press("y")
        await settle(pilot)
        assert entry.name[:10] in rows(screen)[0], "a long name is cut so the message shows"
        assert screen.store is not None
        [record] = screen.store.messages.values()
        assert record.name == entry.name


async def test_mark_several_entries_with_space(make_app, sandbox: Sandbox) -> None:
    book = sandbox.state.books.books[0]
    first, second = list(book.entries.values())[:2]
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await type_into(pilot, "#recipients", "700100200")
        dialog = await open_picker(pilot)
        dialog.table.focus()
        await pilot.press("space", "space")  # marks the first, moves on, marks the second
        assert len(dialog.marked) == 2
        assert table_lines(dialog.table)[1].lstrip().startswith("✓")
        await pilot.click("#submit")
        await settle(pilot)
        assert screen.query_one("#recipients", Input).value == (
            f"700100200, {first.number}, {second.number}"
        )
        assert screen.form.names == {first.number: first.name, second.number: second.name}


async def test_a_number_sms_cannot_go_to_is_refused_in_the_picker(
    make_app, sandbox: Sandbox
) -> None:
    sandbox.state.books.add_entry(0, "Aaaa Landline Abroad", "+4930123456")
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        dialog = await open_picker(pilot)
        await paste(pilot, "Aaaa Landline")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert pilot.app.screen is dialog
        assert dialog.error_text == (
            "Aaaa Landline Abroad: +4930123456 is not a Polish number of 9 digits, "
            "so SMS cannot go to it."
        )
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one("#recipients", Input).value == ""


async def test_the_picker_says_when_books_cannot_be_loaded(make_app, sandbox: Sandbox) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        await open_sms(pilot)
        sandbox.faults.fail_next("phone_book/list", status=503, times=3)
        await pilot.press("ctrl+o")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, PickRecipientsDialog)
        assert dialog.error_text.startswith("The phone books could not be loaded:")
        assert "HTTP 503" in dialog.error_text
        assert_no_traceback(pilot.app)


# -- outcomes --------------------------------------------------------------------------------


async def test_undelivered_error_and_no_funds_are_told_and_kept(
    make_app, sandbox: Sandbox, clock: FakeClock, session: Session
) -> None:
    sandbox.state.set_balance("0.40")  # pays two SMS of one part, not three
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234000, 501234999, 501234567", "Test")
        await send(pilot)
        await wait_until(
            pilot, lambda: states_of(screen).get("501234567") == -1, "no funds at once"
        )
        await settle(pilot)
        assert "501 234 567: no funds" in toast_text(pilot.app)
        await pass_time(pilot, clock, 2, lambda: None not in states_of(screen).values(), "check")
        await pass_time(
            pilot,
            clock,
            2,
            lambda: states_of(screen) == {"501234000": 3, "501234999": 2, "501234567": -1},
            "the final states",
        )
        text = toast_text(pilot.app)
        assert "2 SMS not delivered" in text
        assert "501 234 000: undelivered" in text
        assert "501 234 999: error: Odrzucona przez operatora sieci odbiorcy" in text
        painted = "\n".join(rows(screen))
        assert "undelivered" in painted and "no funds" in painted and "error: Odrzuc" in painted
        assert "3 sent" in text_of(screen.query_one("#sent-count"))
        assert "awaiting" not in text_of(screen.query_one("#sent-count"))

        # The details of the error carry SPIKON's text in full.
        screen.sent_list.table.focus()
        key = next(r.key for r in screen.store.messages.values() if r.number == "501234999")
        screen.sent_list.table.move_cursor_to_key(key)
        await pilot.press("enter")
        await settle(pilot)
        details = pilot.app.screen
        assert isinstance(details, SmsDetailsDialog)
        body = " ".join(text_of(w) for w in details.query(".dialog-text"))
        assert "SPIKON says: Odrzucona przez operatora sieci odbiorcy" in body
        await pilot.press("escape")
    assert {r["number"]: r["state"] for r in stored(session)} == {
        "501234000": 3,
        "501234999": 2,
        "501234567": -1,
    }


async def test_a_server_error_keeps_the_form_and_says_why(make_app, sandbox: Sandbox) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234567", "Ważne")
        sandbox.faults.fail_next("sms/send", status=503)
        await send(pilot)
        assert sandbox.request_counts["sms/send"] == 1, "never retried"
        assert "SPIKON reported a general failure on its side" in error_line(pilot)
        assert screen.query_one("#recipients", Input).value == "501234567"
        assert screen.query_one("#message", TextArea).text == "Ważne"
        assert rows(screen) == []
        assert str(screen.query_one("#send", Button).label) == "Send"

        sandbox.faults.error_next("sms/send", code=-11, desc="SMS are switched off")
        await send(pilot)
        assert error_line(pilot).startswith("SPIKON does not allow this action: SMS are switched")
        assert screen.query_one("#message", TextArea).text == "Ważne"
        assert_no_traceback(pilot.app)

        await send(pilot)
        assert len(sandbox.state.outbox.messages) == 1
        assert error_line(pilot) == ""


async def test_a_lost_answer_says_the_outcome_is_unknown_and_never_resends_by_itself(
    make_app, sandbox: Sandbox, clock: FakeClock, session: Session
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234567", "Przypomnienie")
        sandbox.faults.drop_next("sms/send")
        await send(pilot)
        await wait_until(pilot, lambda: "may or may not" in error_line(pilot), "the outcome")
        assert sandbox.request_counts["sms/send"] == 1
        assert "The SMS may or may not have been sent" in error_line(pilot)
        assert screen.query_one("#message", TextArea).text == "Przypomnienie"
        assert screen.query_one("#recipients", Input).value == "501234567"
        send_button = screen.query_one("#send", Button)
        assert str(send_button.label) == "Send again"
        [row] = rows(screen)
        assert "outcome unknown" in row
        assert stored(session)[0]["outcome_unknown"] is True
        requests = sandbox.request_counts["sms/state"]
        await pass_time(pilot, clock, 10, lambda: True, "time")
        assert sandbox.request_counts["sms/state"] == requests, "no id: nothing to check"

        # Editing the text makes it another message; back to the same text, the warning returns.
        await type_into(pilot, "#message", "!")
        assert str(send_button.label) == "Send"
        await pilot.press("backspace")
        assert str(send_button.label) == "Send again"
        dialog = await ask_to_send(pilot)
        assert "the recipients may get it twice" in dialog.question
        await pilot.press("y")
        await settle(pilot)
        assert sandbox.request_counts["sms/send"] == 2
        assert str(send_button.label) == "Send"
        assert len(rows(screen)) == 2
        assert_no_traceback(pilot.app)


# -- coming back later -------------------------------------------------------------------------


async def test_sent_messages_survive_a_restart_and_are_followed_to_the_end(
    make_app, sandbox: Sandbox, session: Session, clock: FakeClock
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await send_and_see_it_checked(pilot, screen, "Do zobaczenia")
    assert stored(session)[0]["state"] == 0

    clock.advance(60)
    async with SpikonApp(session, start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await wait_until(pilot, lambda: states_of(screen) == {"501234567": 5}, "delivered")
        await settle(pilot)
        assert "delivered" in rows(screen)[0]
        assert "Do zobaczenia" in rows(screen)[0]
    assert stored(session)[0]["state"] == 5


async def test_checks_pause_while_the_screen_is_hidden(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await send_and_see_it_checked(pilot, screen)
        await pilot.press("f2")
        await settle(pilot)
        assert screen.polling_paused and screen.scheduler is not None
        scheduler = screen.scheduler
        await wait_until(pilot, lambda: not scheduler.in_flight, "no check on its way")
        before = sandbox.request_counts["sms/state"]
        clock.advance(30)
        assert screen.scheduler is not None and not screen.scheduler.check_due(), "hidden"
        await settle(pilot)
        assert sandbox.request_counts["sms/state"] == before, "hidden: no checks"
        await pilot.press("f7")
        await wait_until(pilot, lambda: states_of(screen) == {"501234567": 5}, "delivered")
        assert not screen.polling_paused


async def test_failed_checks_keep_the_last_state_and_say_so_once(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await send_and_see_it_checked(pilot, screen)
        sandbox.faults.fail_next("sms/state", status=503, times=100)
        freshness = screen.sent_list.freshness
        await pass_time(pilot, clock, 2, lambda: freshness.has_class("-failed"), "a failure")
        asked = sandbox.request_counts["sms/state"]
        await pass_time(
            pilot, clock, 5, lambda: sandbox.request_counts["sms/state"] > asked, "another round"
        )
        failures = [t for t in toasts(pilot.app) if t[1] == "SMS states not checked"]
        assert len(failures) == 1
        assert "The last known states stay on screen" in failures[0][2]
        assert "new" in rows(screen)[0]
        assert "refresh failed" in freshness.text
        sandbox.faults.clear()
        await pass_time(pilot, clock, 10, lambda: states_of(screen)["501234567"] == 5, "delivered")
        assert freshness.text.startswith("updated")
        assert_no_traceback(pilot.app)


async def test_refresh_checks_at_once_or_says_there_is_nothing_to_check(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "nothing to check" in toast_text(pilot.app)
        await send_and_see_it_checked(pilot, screen)
        clock.advance(1.5)  # not due for another half second, yet ctrl+r asks now
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: states_of(screen) == {"501234567": 1}, "a check now")


async def test_a_damaged_list_is_set_aside_and_the_screen_still_works(
    make_app, sandbox: Sandbox, session: Session
) -> None:
    assert session.data_dir is not None
    session.data_dir.mkdir(parents=True)
    (session.data_dir / STORE_FILE).write_text("{ this is not json")
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        text = toast_text(pilot.app)
        assert "was damaged and could not be read" in text
        assert "a new list starts" in text
        assert rows(screen) == []
        await compose(pilot, "501234567", "Hej")
        await send(pilot)
        assert len(stored(session)) == 1
        assert_no_traceback(pilot.app)
    assert len(list(Path(session.data_dir).glob(f"{STORE_FILE}.damaged-*"))) == 1


async def test_without_a_data_folder_nothing_is_written(
    make_app, sandbox: Sandbox, session: Session
) -> None:
    folder = session.data_dir
    session.data_dir = None
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234567", "Hej")
        await send(pilot)
        assert len(rows(screen)) == 1
    assert folder is not None and not folder.exists()


# -- the sent list's own actions ---------------------------------------------------------------


async def test_details_call_use_again_and_remove(
    make_app, sandbox: Sandbox, session: Session
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234567", "Pierwsza wiadomość")
        await send(pilot)
        table = screen.sent_list.table
        table.focus()
        await pilot.pause()
        for key in ("enter", "c", "u", "delete"):
            assert key in screen.active_bindings, key

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SmsDetailsDialog)
        await pilot.press("c")
        await settle(pilot)
        call = pilot.app.screen
        assert isinstance(call, CallDialog)
        assert call.query_one("#number", Input).value == "501234567"
        await pilot.press("escape")
        await settle(pilot)

        await type_into(pilot, "#message", "Coś nowego")
        table.focus()
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog), "typed text is not replaced silently"
        await pilot.press("y")
        await settle(pilot)
        assert screen.query_one("#message", TextArea).text == "Pierwsza wiadomość"

        table.focus()
        await pilot.press("delete")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert rows(screen) == []
        assert stored(session) == []
        assert sandbox.request_counts["call/initiate"] == 0


async def test_keys_follow_the_focus_and_commands_reach_the_palette(make_app) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        app = pilot.app
        assert screen.focused is screen.query_one("#recipients")
        keys = screen.active_bindings
        assert {"ctrl+s", "ctrl+o", "ctrl+r"} <= set(keys)
        row_actions = {"details", "call_recipient", "use_again", "remove"}
        offered = {active.binding.action for active in keys.values()}
        assert not offered & row_actions, "keys of the sent list are not offered while typing"
        titles = {command.title for command in app.get_system_commands(screen)}
        assert {"SMS: Send", "SMS: Phone book", "SMS: Refresh"} <= titles
        footer = "\n".join(screen_lines(app)[-1:])
        assert "^s Send" in footer and "^o Phone book" in footer

        await compose(pilot, "501234567", "Hej")
        await send(pilot)
        screen.sent_list.table.focus()
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(screen)}
        assert {"SMS: Details", "SMS: Call", "SMS: Use again", "SMS: Remove"} <= titles
        await pilot.press("f1")
        await settle(pilot)
        help_text = " ".join(screen_lines(app))
        assert "Help — SMS" in help_text and "2way" in help_text


@pytest.mark.parametrize("size", [NARROW, SIZE])
async def test_everything_fits_at_80x24_and_120x40(make_app, size) -> None:
    async with make_app(start_mode="sms").run_test(size=size) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234567", "Hej")
        await send(pilot)
        lines = screen_lines(pilot.app)
        painted = "\n".join(lines)
        for needle in ("To", "Message", "Send", "Phone book", "Sent SMS", "1 sent", "^s Send"):
            assert needle in painted, f"{needle!r} not on screen at {size}"
        for widget_id in ("#send", "#pick", "#counter", "#sent", "#recipients", "#message"):
            region = screen.query_one(widget_id).region
            assert region.height > 0 and region.bottom <= size[1] - 1, widget_id
            assert region.right <= size[0], widget_id
        assert len(rows(screen)) == 1
        assert screen.sent_list.table.size.height >= 4, "room for the header and a few rows"


async def test_the_sent_list_filters_as_you_type(make_app, sandbox: Sandbox) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await compose(pilot, "501234567", "Pierwsza")
        await send(pilot)
        await compose(pilot, "601234567", "Druga")
        await send(pilot)
        assert len(rows(screen)) == 2
        screen.sent_list.table.focus()
        await pilot.press("slash")
        assert screen.focused is screen.query_one("#sent-filter")
        await paste(pilot, "601 234")
        [row] = rows(screen)
        assert "Druga" in row
        await paste(pilot, "xyz")
        assert rows(screen) == []
        assert "No sent SMS match “601 234xyz”" in " ".join(table_lines(screen.sent_list.table))


# -- in Polish and English -------------------------------------------------------------------


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


def test_sent_times_follow_the_language() -> None:
    now = datetime(2025, 6, 15, 17, 6).timestamp()
    moments = [datetime(*when).timestamp() for when in [(2025, 6, 15, 9, 5), (2025, 3, 4, 9, 5)]]
    moments.append(datetime(2024, 12, 31, 23, 59).timestamp())
    assert [sent_time(m, now) for m in moments] == ["09:05", "03-04 09:05", "2024-12-31"]
    set_language("pl")
    try:
        assert [sent_time(m, now) for m in moments] == ["09:05", "04.03 09:05", "31.12.2024"]
    finally:
        set_language("en")


async def test_in_polish_the_form_names_its_fields_and_the_details_date_is_day_first(
    make_app, sandbox: Sandbox, clock: FakeClock, polish: None
) -> None:
    async with make_app(start_mode="sms").run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await type_into(pilot, "#recipients", "501234567, 12345")
        assert error_line(pilot) == (
            "W polu „Do” wymagany jest polski numer telefonu o długości 9 cyfr (wpisano „12345”)."
        )
        screen.query_one("#recipients", Input).value = "501234567"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_line(pilot) == "Pole „Wiadomość” nie może być puste."

        sent_at = clock()
        await type_into(pilot, "#message", "Dzień dobry")
        await send(pilot)
        clock.advance(2 * 86400)
        table = screen.sent_list.table
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        details = pilot.app.screen
        assert isinstance(details, SmsDetailsDialog)
        body = " ".join(text_of(w) for w in details.query(".dialog-text"))
        when = datetime.fromtimestamp(sent_at).strftime("%d.%m.%Y %H:%M:%S")
        assert f"Wysłano {when} (2 dni temu) z nadawcą „SMS”." in body, body
