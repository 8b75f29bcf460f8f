"""ctrl+q asks before typed work is lost; an SMS being written comes back after a restart."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from spikon_tui.session import Session
from spikon_tui.sms.unsent import UNSENT_FILE
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.screens.speech.screen import SpeechScreen
from tests.ui.conftest import SIZE, paste, settle, wait_until
from tests.ui.test_sms_flows import compose, open_sms


async def test_an_sms_being_written_is_back_after_a_restart(make_app, session: Session) -> None:
    assert session.data_dir is not None
    app = make_app(start_mode="sms")
    async with app.run_test(size=SIZE) as pilot:
        await open_sms(pilot)
        await compose(pilot, "501234567, 602345678", "Biuro nieczynne w piątek.")
        await wait_until(pilot, lambda: (session.data_dir / UNSENT_FILE).exists(), "kept")
        await pilot.press("ctrl+q")  # nothing is lost: no question
        await settle(pilot)
        assert app.return_code == 0, "quit at once"

    again = make_app(start_mode="sms")
    async with again.run_test(size=SIZE) as pilot:
        screen = await open_sms(pilot)
        await settle(pilot)
        assert screen.query_one("#recipients", Input).value == "501234567, 602345678"
        assert screen.query_one("#message", TextArea).text == "Biuro nieczynne w piątek."


async def test_quitting_with_an_announcement_typed_asks_first(make_app) -> None:
    app = make_app(start_mode="speech")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeechScreen)
        screen.query_one("#tts-text", TextArea).focus()
        await settle(pilot)
        await paste(pilot, "Dzień dobry, tu biuro.")
        await pilot.press("f2")  # elsewhere: the text is still there to lose
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "the announcement text" in dialog.question
        await pilot.press("n")
        await settle(pilot)
        assert app.return_code is None and not isinstance(app.screen, ConfirmDialog)
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert app.return_code == 0


async def test_quitting_with_nothing_typed_asks_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.return_code is None
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.return_code == 0, "quit at once"
