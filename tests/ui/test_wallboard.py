"""The wallboard against the sandbox: tiles match the tracker, pages turn, no F-keys away."""

from __future__ import annotations

from textual.widgets import Static

from spikon_tui.ui.screens.monitor.wallboard import CampaignTile, WallboardScreen
from tests.ui.conftest import settle, text_of, wait_until


async def test_tiles_show_the_tracker_s_figures_and_pages_turn(make_app, session) -> None:
    session.read_only = True
    app = make_app(start_mode="wallboard")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WallboardScreen)
        await wait_until(pilot, lambda: screen.rounds >= 1, "the first poll")
        await settle(pilot)
        shown = [t for t in screen.query(CampaignTile) if t.display]
        first = screen.tracker.overview(screen.clock())[0]
        assert shown and shown[0].border_title == first.name
        page = text_of(screen.query_one("#wallboard-page", Static))
        if len(screen.tracker.campaign_ids) > len(shown):
            assert page.startswith("page 1/")
            await pilot.press("n")
            await settle(pilot)
            assert text_of(screen.query_one("#wallboard-page", Static)).startswith("page 2/")
            screen.action_pause_paging()
            assert "(paused)" in text_of(screen.query_one("#wallboard-page", Static))
        await pilot.press("f3")  # a wall screen stays on the board
        await settle(pilot)
        assert app.screen is screen
        assert "read-only" in app.sub_title
