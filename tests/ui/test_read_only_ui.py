"""A read-only session offers nothing that changes data or costs money, on any screen."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.screen_keys import own_keys
from tests.ui.conftest import SIZE, settle, text_of, wait_until
from tests.ui.test_app_flows import palette_lines

SCREENS = {
    "f3": {"n": "New entry", "e": "Edit", "b": "New book", "delete": "Delete entry", "i": "Import"},
    "f6": {"ctrl+o": "Order"},
    "f7": {"ctrl+s": "Send"},
    "f8": {"ctrl+g": "Generate"},
}


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "normal"])
@pytest.mark.parametrize("screen_key", sorted(SCREENS))
async def test_actions_that_change_things_are_offered_only_when_not_read_only(
    make_app, session: Session, sandbox: Sandbox, read_only: bool, screen_key: str
) -> None:
    session.read_only = read_only
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert ("read-only" in app.sub_title) is read_only
        await pilot.press(screen_key)
        await settle(pilot)
        screen = app.screen
        offered = {b.description for b in own_keys(screen)}
        for description in SCREENS[screen_key].values():
            assert (description in offered) is not read_only, (description, offered)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
        await wait_until(pilot, lambda: palette_lines(app), "commands")
        title = screen.title
        for description in SCREENS[screen_key].values():
            listed = f"{title}: {description}" in palette_lines(app)
            assert listed is not read_only, description
        await pilot.press("escape")
        await settle(pilot)
        if read_only:
            for key in SCREENS[screen_key]:
                await pilot.press(key)
                await settle(pilot)
                assert app.screen is screen, f"{key} opened nothing"
    changed = {k: v for k, v in sandbox.request_counts.items() if "/list" not in k}
    assert not any(changed.get(method) for method in ("phone_book/add", "sms/send", "tts/generate"))


async def test_the_sms_form_says_it_cannot_send(make_app, session: Session) -> None:
    session.read_only = True
    app = make_app(start_mode="sms")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "read-only" in app.screen.form.error_text
        assert "Send" not in text_of(app.screen.query_one("KeysFooter"))
