"""Textual's own words (palette, theme picker, system commands, its toasts) in the app's language.

A small app on `TranslatedApp` stands in for the real one: what is checked here is
Textual's text, not the screens'.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.app import ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import Input

from spikon_tui.i18n import set_language
from spikon_tui.ui.translated_app import TranslatedApp
from tests.ui.conftest import SIZE, toasts, wait_until


class Probe(TranslatedApp):
    def compose(self) -> ComposeResult:
        yield Input(id="field")


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


def prompts(palette: CommandPalette) -> list[str]:
    """The first line of each option in the palette's list (a command's title)."""
    command_list = palette.query_one(CommandList)
    options = (command_list.get_option_at_index(i) for i in range(command_list.option_count))
    texts = (str(getattr(option.prompt, "renderable", option.prompt)) for option in options)
    return [text.splitlines()[0] if text else text for text in texts]


async def open_palette(app: Probe, pilot) -> CommandPalette:
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
    return app.screen  # type: ignore[return-value]


async def test_the_palette_searches_and_finds_nothing_in_polish(polish: None) -> None:
    app = Probe()
    async with app.run_test(size=SIZE) as pilot:
        palette = await open_palette(app, pilot)
        assert palette.query_one(CommandInput).placeholder == "Szukaj poleceń…"
        await pilot.press(*"xqzw")
        await wait_until(pilot, lambda: "Brak wyników" in prompts(palette), "no matches")


async def test_the_palette_speaks_english_in_english() -> None:
    app = Probe()
    async with app.run_test(size=SIZE) as pilot:
        palette = await open_palette(app, pilot)
        assert palette.query_one(CommandInput).placeholder == "Search for commands…"
        await pilot.press(*"xqzw")
        await wait_until(pilot, lambda: "No matches found" in prompts(palette), "no matches")


async def test_the_theme_picker_asks_in_polish(polish: None) -> None:
    app = Probe()
    async with app.run_test(size=SIZE) as pilot:
        palette = await open_palette(app, pilot)
        await pilot.press(*"Motyw")
        await wait_until(pilot, lambda: "Motyw" in prompts(palette), "the theme command")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is not palette, "the theme picker")
        picker = app.screen
        assert isinstance(picker, CommandPalette)
        assert picker.query_one(CommandInput).placeholder == "Szukaj motywów…"
        await wait_until(pilot, lambda: "nord" in prompts(picker), "the themes")


async def test_system_commands_are_translated_and_the_keys_panel_is_left_out(
    polish: None,
) -> None:
    app = Probe()
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#field").focus()
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        titles = [command.title for command in commands]
        assert titles == ["Motyw", "Zakończ", "Powiększ", "Zrzut ekranu"], titles
        assert commands[0].help == "Zmień motyw kolorów"


async def test_ctrl_c_says_how_to_quit_in_polish(polish: None) -> None:
    app = Probe()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert toasts(app) == [
            ("information", "Zamknąć program?", "Naciśnij [b]ctrl+q[/b], aby zamknąć program.")
        ]


async def test_the_screenshot_toasts_are_polish_and_said_once(polish: None) -> None:
    app = Probe()
    async with app.run_test(size=SIZE) as pilot:
        path = Path("/tmp/spikon.svg")
        app.post_message(events.DeliveryComplete(key="1", path=path, name="screenshot"))
        await pilot.pause()
        assert toasts(app) == [("information", "Zrzut ekranu", f"Zapisano zrzut ekranu w {path}.")]
        app.clear_notifications()
        failure = events.DeliveryFailed(key="2", exception=OSError("full"), name="screenshot")
        app.post_message(failure)
        await pilot.pause()
        assert toasts(app) == [("error", "Zrzut ekranu", "Nie udało się zapisać zrzutu ekranu.")]
