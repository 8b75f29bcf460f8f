"""Moving around the app: F1 help, F2/F3, the command palette, and the remembered theme."""

from __future__ import annotations

from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Static

from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.dialogs.help import HelpDialog
from spikon_tui.ui.screens.account.screen import AccountScreen
from spikon_tui.ui.screens.phone_books.screen import PhoneBooksScreen
from tests.ui.conftest import SIZE, settle, text_of, wait_until


def help_text(app: SpikonApp) -> str:
    dialog = app.screen
    assert isinstance(dialog, HelpDialog)
    return " ".join(" ".join(text_of(static).split()) for static in dialog.query(Static))


def palette_lines(app: SpikonApp) -> list[str]:
    options = app.screen.query_one(CommandList).options
    return [str(option.prompt).splitlines()[0] for option in options]


async def run_command(pilot: Pilot, search: str, command: str) -> None:
    """ctrl+p, type `search`, wait for `command` to be offered, run it."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*search)
    await wait_until(pilot, lambda: command in palette_lines(pilot.app), f"the command {command!r}")
    await pilot.pause(0.2)  # more matches may still be arriving and reorder the list
    for _ in range(palette_lines(pilot.app).index(command) + 1):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)


async def test_f1_explains_the_screen_and_its_keys_and_f2_f3_switch(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("f1")
        await pilot.pause()
        shown = help_text(app)
        assert shown.startswith("Help — Account escape, q or F1 closes this help")
        assert "the balance and every phone account" in shown
        for key, action in (("r", "Refresh"), ("f2", "Account"), ("f3", "Phone books")):
            assert f"{key} {action}" in shown, shown
        assert "Cursor up" not in shown, "a widget's own moves are not listed"
        await pilot.press("f1")  # F1 again closes it, it does not stack
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)

        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, PhoneBooksScreen)
        await pilot.press("f1")
        await pilot.pause()
        shown = help_text(app)
        assert shown.startswith("Help — Phone books")
        assert '"chmielewski lodz" finds "Bartosz Chmielewski (Łódź)"' in shown
        for key, action in (
            ("n", "New entry"),
            ("b", "New book"),
            ("c", "Call"),
            ("k", "Dial"),
            ("del", "Delete entry"),
            ("shift+del", "Delete book"),
            ("/", "Filter"),
        ):
            assert f"{key} {action}" in shown, shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PhoneBooksScreen)

        # In a dialog, F1 explains the dialog; escape closes the help, then the dialog.
        await pilot.press("down", "b", "f1")  # to the list, where b is a key
        await pilot.pause()
        shown = help_text(app)
        assert shown.startswith("Help — New phone book")
        assert "escape closes it without sending anything" in shown
        await pilot.press("escape")
        assert type(app.screen).__name__ == "AddBookDialog"
        await pilot.press("escape")
        assert isinstance(app.screen, PhoneBooksScreen)

        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)


async def test_the_palette_offers_each_monitor_key_once_inherited_ones_too(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MonitorOverviewScreen", "F4")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: palette_lines(app), "the command list")
        offered = palette_lines(app)
        for command in ("Monitor: Refresh", "Monitor: Slower", "Monitor: Faster"):
            assert offered.count(command) == 1, offered  # declared by MonitorScreen, the base


async def test_the_command_palette_moves_between_screens(make_app, sandbox: Sandbox) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: palette_lines(app), "the command list")
        offered = palette_lines(app)
        for command in ("Go to Account", "Go to Phone books", "Help for this screen"):
            assert command in offered, offered
        assert "Account: Refresh" in offered
        assert "Account: Help" not in offered, "no second help command"
        assert "Cursor up" not in " ".join(offered)
        await pilot.press("escape")

        await run_command(pilot, "go to pho", "Go to Phone books")
        assert isinstance(app.screen, PhoneBooksScreen)
        assert sandbox.request_counts["phone_book/list"] == 1

        # The screen's own keys are commands too.
        await run_command(pilot, "new bo", "Phone books: New book")
        assert type(app.screen).__name__ == "AddBookDialog"


async def test_the_chosen_theme_is_remembered(
    make_app, session: Session, saved_preferences: list[dict[str, Any]]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme != "nord"
        await run_command(pilot, "theme", "Theme")
        await pilot.press(*"nord")
        await wait_until(pilot, lambda: "nord" in palette_lines(app), "the nord theme")
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.theme == "nord"
        assert session.recall("theme") == "nord"
        assert saved_preferences[-1]["theme"] == "nord"

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_an_unknown_remembered_theme_is_ignored(make_app, session: Session) -> None:
    session.preferences["theme"] = "no-such-theme"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        assert app.theme == "textual-dark"


async def test_a_first_visit_to_a_screen_does_not_reparse_the_styles_but_a_theme_does(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reparsed: list[bool] = []
        reparse = app.stylesheet.reparse
        app.stylesheet.reparse = lambda: (reparsed.append(True), reparse())[1]  # type: ignore[method-assign]
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, PhoneBooksScreen) and not reparsed

        app.theme = "nord"
        await pilot.pause()
        assert reparsed, "a new theme restyles the screens"
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen._css_update_count == app._css_update_count
