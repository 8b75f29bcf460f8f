"""The places the app leans on Textual's private parts, each checked against the pinned
Textual, so an upgrade that changes them fails here instead of silently costing speed or
words:

- `SpikonApp._add_screen_mode` marks a new mode's screen as styled
  (`Screen._css_update_count`), so switching to it does not re-parse every style sheet;
- `TranslatedCommandPalette._start_no_matches_countdown` repeats Textual's private
  method of that name with "No matches found" translated;
- `screen_keys.declared_bindings` reads `_inherit_bindings`, where Textual keeps a
  class's `inherit_bindings=False`, to list no key a screen does not inherit.

(The terminal writer's `App._driver.write` is checked by
tests/alerting/test_textual_terminal.py, in a real terminal.)
"""

from __future__ import annotations

import inspect

from textual.app import App
from textual.command import CommandPalette

from spikon_tui.ui.translated_app import TranslatedCommandPalette
from tests.ui.conftest import SIZE, settle


async def test_switching_to_a_new_mode_does_not_restyle_every_screen(make_app, monkeypatch):
    refreshed: list[bool] = []
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app._css_update_count, int)
        original = App.refresh_css

        def counting_refresh_css(self, *args, **kwargs):
            refreshed.append(True)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(App, "refresh_css", counting_refresh_css)
        await pilot.press("f3")  # the phone books: a mode whose screen is built now
        await settle(pilot)
        assert app.current_mode == "books"
        assert refreshed == [], "Textual re-parsed the style sheets for a freshly built screen"


def test_the_palettes_no_matches_countdown_is_still_textuals_to_replace() -> None:
    ours = inspect.signature(TranslatedCommandPalette._start_no_matches_countdown)
    theirs = inspect.signature(CommandPalette._start_no_matches_countdown)
    assert ours == theirs
    source = inspect.getsource(CommandPalette._start_no_matches_countdown)
    for part in ("No matches found", "_NO_MATCHES", "_no_matches_timer", "_list_visible"):
        assert part in source, f"Textual's method no longer uses {part}: check our copy"


def test_a_screen_that_inherits_no_bindings_lists_none_of_its_base_s() -> None:
    from textual.binding import Binding
    from textual.screen import Screen

    from spikon_tui.ui.screen_keys import declared_bindings

    class Base(Screen[None]):
        BINDINGS = [Binding("f", "freeze", "Freeze")]

    class Own(Base, inherit_bindings=False):
        BINDINGS = [Binding("i", "inbound", "Inbound")]

    class Inheriting(Base):
        BINDINGS = [Binding("i", "inbound", "Inbound")]

    assert Own.__dict__["_inherit_bindings"] is False, "where Textual keeps the keyword"
    assert [b.key for b in declared_bindings(Own())] == ["i"]
    assert [b.key for b in declared_bindings(Inheriting())][:2] == ["i", "f"]
