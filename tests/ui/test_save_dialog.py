"""The save dialog of a CSV export offers the spreadsheet flavour, ticked in Polish."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Checkbox

from spikon_tui.files.csv_flavour import PLAIN, SPREADSHEET
from spikon_tui.i18n import set_language
from spikon_tui.ui.dialogs.save import SaveDialog


class _Saving(App[None]):
    def __init__(self, dialog: SaveDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.chosen: list[tuple[str | None, object]] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, lambda path: self.chosen.append((path, self.dialog.flavour)))


@pytest.mark.parametrize(("language", "default"), [("en", PLAIN), ("pl", SPREADSHEET)])
async def test_the_flavour_is_the_language_s_until_the_box_is_toggled(language, default) -> None:
    set_language(language)
    try:
        app = _Saving(SaveDialog("Export", "Where?", "/tmp/x.csv", csv=True))
        async with app.run_test() as pilot:
            await pilot.pause()
            box = app.screen.query_one("#save-spreadsheet", Checkbox)
            assert box.value is (default is SPREADSHEET)
            box.toggle()
            await pilot.pause()
            await pilot.click("#save")
            await pilot.pause()
    finally:
        set_language("en")
    other = PLAIN if default is SPREADSHEET else SPREADSHEET
    assert app.chosen == [("/tmp/x.csv", other)]


async def test_a_save_that_is_no_csv_offers_no_flavour() -> None:
    app = _Saving(SaveDialog("Save", "Where?", "/tmp/x.mp3"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not app.screen.query("#save-spreadsheet")
