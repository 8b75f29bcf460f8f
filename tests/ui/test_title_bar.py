"""The title bar: the screen's title and the app's sub-title, kept up to date; the icon
opens the command palette."""

from __future__ import annotations

from textual.command import CommandPalette

from spikon_tui.sandbox import Sandbox
from spikon_tui.ui.widgets.title_bar import TitleBar
from tests.ui.conftest import NARROW, SIZE, screen_lines, settle


async def test_the_bar_shows_the_screen_title_and_the_balance_centred(
    make_app, sandbox: Sandbox
) -> None:
    sandbox.state.set_balance("12.5")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        top = screen_lines(app)[0]
        assert top.startswith(" ⭘ ")
        title = "Account — profile test · 12.50\u00a0zł"
        assert title in top
        middle = (SIZE[0] - 8 - 10 - len(title)) // 2
        assert top.index("Account") == 8 + middle


async def test_the_bar_follows_the_title_and_sub_title(make_app, sandbox: Sandbox) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.sub_title = "something else"
        await pilot.pause()
        assert "Account — something else" in screen_lines(app)[0]
        await pilot.press("f3")
        await settle(pilot)
        assert "Phone books — something else" in screen_lines(app)[0]


async def test_a_long_title_ends_in_an_ellipsis_on_a_narrow_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        app.sub_title = "x" * 200
        await pilot.pause()
        top = screen_lines(app)[0]
        assert top.rstrip().endswith("…")
        assert len(top.rstrip()) <= NARROW[0] - 10


async def test_clicking_the_icon_opens_the_command_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click(TitleBar, offset=(20, 0))
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
