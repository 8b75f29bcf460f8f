"""The yes/no question answers to the interface language's keys, and its buttons name them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button

from spikon_tui.i18n import set_language
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.widgets.keys_footer import KeysFooter


class _Asking(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(ConfirmDialog("Delete 3 entries?"), self.answers.append)


@pytest.fixture(params=["en", "pl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize(
    ("key_by_language", "expected"),
    [
        ({"en": "y", "pl": "t"}, [True]),
        ({"en": "n", "pl": "n"}, [False]),
        ({"en": "t", "pl": "y"}, []),  # the other language's yes answers nothing
        ({"en": "escape", "pl": "escape"}, [False]),
    ],
)
async def test_keys_follow_the_interface_language(
    language: str, key_by_language: dict[str, str], expected: list[bool]
) -> None:
    app = _Asking()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(key_by_language[language])
        await pilot.pause()
        assert app.answers == expected
        assert isinstance(app.screen, ConfirmDialog) == (not expected)


async def test_the_buttons_name_the_keys(language: str) -> None:
    app = _Asking()
    async with app.run_test() as pilot:
        await pilot.pause()
        labels = [str(button.label) for button in app.screen.query(Button)]
    assert labels == (["Yes (y)", "No (n)"] if language == "en" else ["Tak (t)", "Nie (n)"])


class _BooksLike(App[None]):
    BINDINGS = [Binding("d", "noop", "Delete entry")]

    def compose(self) -> ComposeResult:
        yield KeysFooter()

    def action_noop(self) -> None:
        pass


async def test_a_dialog_s_footer_shows_its_keys_not_those_of_the_screen_behind() -> None:
    app = _BooksLike()
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        assert "d Delete entry" in _bottom_line(app)
        app.push_screen(ConfirmDialog("Delete 3 entries?"))
        await pilot.pause()
        await pilot.pause()
        bottom = _bottom_line(app)
        assert "y Yes" in bottom and "esc Cancel" in bottom, bottom
        assert "Delete entry" not in bottom, bottom


def _bottom_line(app: App[None]) -> str:
    return app.screen._compositor.render_strips()[-1].text
