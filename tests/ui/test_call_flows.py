"""Click-to-call against a real sandbox: choose who rings first, call once, remember the choice."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Input, Select

from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.dialogs.call import REMEMBERED_ACCOUNT, CallDialog
from spikon_tui.ui.screens.phone_books.screen import PhoneBooksScreen
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.ui.conftest import SIZE, assert_no_traceback, paste, settle, toasts, wait_until


async def open_call_dialog(pilot: Pilot, *keys: str) -> CallDialog:
    await pilot.press(*keys)
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, CallDialog)
    return dialog


async def choose_caller(pilot: Pilot, position: int) -> None:
    """Open the "Ring first" list and pick the account at `position` (0: the first)."""
    await pilot.click("#caller")
    # The list opens with nothing highlighted; the first line is the blank prompt.
    await pilot.press(*["down"] * (position + 2), "enter")


async def first_entry_selected(pilot: Pilot) -> tuple[str, str]:
    """Click the second entry of the main book; return its (name, number)."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, PhoneBooksScreen)
    await pilot.click("#entries", offset=(3, 2))
    table = screen.query_one("#entries", VirtualTable)
    assert table.has_focus and table.cursor_row == 1
    row = table.get_row(table.cursor_row_key)
    return str(row.cells[0]), str(row.cells[1])


async def test_call_an_entry_once_then_the_choice_is_remembered(
    make_app, sandbox: Sandbox, session: Session, saved_preferences: list[dict[str, Any]]
) -> None:
    balance_before = sandbox.state.balance
    accounts = sandbox.state.phone_accounts
    app = make_app(start_mode="books")
    async with app.run_test(size=SIZE) as pilot:
        name, number = await first_entry_selected(pilot)
        dialog = await open_call_dialog(pilot, "c")
        assert dialog.who == name
        assert dialog.query_one("#number", Input).value == number.replace(" ", "")
        caller = dialog.query_one("#caller", Select)
        assert caller.is_blank(), "nothing remembered yet and several accounts: the user picks"
        assert [label for label, _ in caller._options[1:]][0].startswith(accounts[0].number)

        await pilot.click("#submit")
        await settle(pilot)
        assert dialog.error_text == "Choose the phone account that should ring first."
        assert sandbox.request_counts["call/initiate"] == 0

        await choose_caller(pilot, 1)
        assert caller.value == accounts[1].id
        # Two presses before the app has handled the first, then Enter while the (slow)
        # answer is on its way: still one call.
        sandbox.faults.delay_next("call/initiate", seconds=1.0)
        submit = dialog.query_one("#submit", Button)
        submit.press()
        submit.press()
        await wait_until(
            pilot, lambda: sandbox.request_counts["call/initiate"] == 1, "the call to go out"
        )
        assert submit.disabled
        assert app.screen is dialog
        dialog.query_one("#number", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PhoneBooksScreen)
        assert sandbox.request_counts["call/initiate"] == 1
        assert sandbox.state.balance == balance_before - Decimal("0.10")
        assert (
            "information",
            "Call initiated",
            f"{accounts[1].number} is ringing; answer it to be connected to {number}.",
        ) in toasts(app)
        assert session.recall(REMEMBERED_ACCOUNT) == accounts[1].id
        assert saved_preferences[-1][REMEMBERED_ACCOUNT] == accounts[1].id

        # k: any number; the account chosen last time is already picked.
        dialog = await open_call_dialog(pilot, "k")
        assert dialog.query_one("#number", Input).value == ""
        assert dialog.query_one("#caller", Select).value == accounts[1].id
        await paste(pilot, "58 300 11 22")
        await pilot.press("enter")
        await settle(pilot)
        assert sandbox.request_counts["call/initiate"] == 2
        assert (
            "information",
            "Call initiated",
            f"{accounts[1].number} is ringing; answer it to be connected to 58 300 11 22.",
        ) in toasts(app)


async def test_enter_on_an_entry_offers_to_call_it(make_app, sandbox: Sandbox) -> None:
    app = make_app(start_mode="books")
    async with app.run_test(size=SIZE) as pilot:
        name, number = await first_entry_selected(pilot)
        dialog = await open_call_dialog(pilot, "enter")
        assert dialog.who == name
        assert dialog.query_one("#number", Input).value == number.replace(" ", "")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PhoneBooksScreen)
        assert sandbox.request_counts["call/initiate"] == 0


async def test_a_lost_answer_is_explained_and_the_call_is_not_resent(
    make_app, sandbox: Sandbox, session: Session
) -> None:
    session.remember(REMEMBERED_ACCOUNT, sandbox.state.phone_accounts[0].id)
    app = make_app(start_mode="books")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await open_call_dialog(pilot, "down", "k")  # the list, then k
        await paste(pilot, "501234567")
        sandbox.faults.drop_next("call/initiate")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "may or may not" in dialog.error_text, "the outcome")

        assert app.screen is dialog, "the dialog stays open with the number"
        assert dialog.query_one("#number", Input).value == "501234567"
        assert "The call may or may not have been started" in dialog.error_text
        assert "check your phone and the call history before trying again" in dialog.error_text
        assert sandbox.request_counts["call/initiate"] == 1, "never resent by itself"
        submit = dialog.query_one("#submit", Button)
        assert str(submit.label) == "Call again"
        assert not submit.disabled
        assert toasts(app) == []
        assert_no_traceback(app)


async def test_without_phone_accounts_no_call_can_be_placed(make_app, sandbox: Sandbox) -> None:
    app = make_app(start_mode="books")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sandbox.faults.fail_next("phone_account/list", status=503, times=3)
        dialog = await open_call_dialog(pilot, "down", "k")  # the list, then k
        assert dialog.error_text.startswith("Your phone accounts could not be loaded")
        assert "HTTP 503" in dialog.error_text
        await paste(pilot, "501234567")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert dialog.error_text == (
            "Your phone accounts are not loaded yet, so no call can be placed."
        )
        assert sandbox.request_counts["call/initiate"] == 0


async def test_an_unregistered_phone_is_marked_offered_last_and_never_said_to_ring(
    make_app, sandbox: Sandbox
) -> None:
    first, second, *rest = sandbox.state.phone_accounts
    sandbox.state.phone_accounts = (
        first,
        dataclasses.replace(second, registered=False),
        *(dataclasses.replace(account, registered=True) for account in rest),
    )
    app = make_app(start_mode="books")
    async with app.run_test(size=SIZE) as pilot:
        await first_entry_selected(pilot)
        dialog = await open_call_dialog(pilot, "k")
        caller = dialog.query_one("#caller", Select)
        await wait_until(pilot, lambda: len(caller._options) > 1, "the phone accounts")
        labels = [str(label) for label, _value in caller._options[1:]]
        assert labels[-1].startswith(second.number) and labels[-1].endswith("· not registered")
        assert all("not registered" not in label for label in labels[:-1])
        warning = dialog.query_one("#caller-not-registered")
        assert not warning.display

        caller.value = second.id
        await settle(pilot)
        assert warning.display, "choosing it says it will not ring"
        await paste(pilot, "583001122")
        await pilot.press("enter")
        await settle(pilot)
        assert sandbox.request_counts["call/initiate"] == 1, "the user may still call"
        shown = [text for _severity, _title, text in toasts(app)]
        assert not any("is ringing" in text for text in shown), shown
        assert any(f"{second.number} is not registered" in text for text in shown), shown
