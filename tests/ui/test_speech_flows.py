"""The text-to-speech screen against a real sandbox: form, price, order, list, save, delete.

The sandbox runs on the fake clock: an announcement ordered at t is generated at
t + 2 s, and the screen's status checks fall due exactly when the test moves the
clock (`PollScheduler.TIMER_SCALE` is shrunk, so the real waits are milliseconds).
"""

from __future__ import annotations

import wave
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static, TextArea

from spikon_tui.i18n import set_language
from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.app import SpikonApp
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.dialogs.help import HelpDialog
from spikon_tui.ui.dialogs.save import SaveDialog
from spikon_tui.ui.poll_scheduler import PollScheduler
from spikon_tui.ui.screens.speech.download import REMEMBERED_FOLDER
from spikon_tui.ui.screens.speech.form import AnnouncementForm
from spikon_tui.ui.screens.speech.screen import SpeechScreen
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import (
    NARROW,
    SIZE,
    assert_no_traceback,
    paste,
    screen_lines,
    settle,
    text_of,
    toast_text,
    wait_until,
)

GREETING = "Dzień dobry, tu biuro firmy Spikon. Prosimy czekać na połączenie."
"""65 characters: 0.30 zł net, 0.37 zł gross."""


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AnnouncementForm, "PRICE_DELAY", 0.05)
    monkeypatch.setattr(PollScheduler, "TIMER_SCALE", 0.05)


@pytest.fixture
def downloads(session: Session, tmp_path: Path) -> Path:
    """Where saves go by default: a folder of the test, never the real ~/Downloads."""
    folder = tmp_path / "downloads"
    session.preferences[REMEMBERED_FOLDER] = str(folder)
    return folder


def speech_app(make_app) -> SpikonApp:
    return make_app(start_mode="speech")


async def open_speech(pilot: Pilot) -> SpeechScreen:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SpeechScreen)
    await wait_until(pilot, lambda: screen.form.voice is not None, "the voices")
    return screen


def form(screen: SpeechScreen) -> AnnouncementForm:
    return screen.form


def line(screen: SpeechScreen, selector: str) -> str:
    """What a line shows; money's no-break spaces read as plain spaces."""
    return text_of(screen.query_one(selector, Static)).replace("\xa0", " ")


def list_rows(screen: SpeechScreen) -> list[tuple[str, str, str]]:
    """(id, name, state) of every announcement, in display order."""
    table = screen.query_one("#tts-announcements", VirtualTable)
    rows = [table.get_row(table.row_key_at(i)) for i in range(table.visible_row_count)]
    return [tuple(str(cell) for cell in row.cells) for row in rows]  # type: ignore[misc]


async def fill(pilot: Pilot, screen: SpeechScreen, name: str, text: str) -> None:
    screen.query_one("#tts-name", Input).focus()
    await pilot.pause()
    if name:
        await paste(pilot, name)
    screen.query_one("#tts-text", TextArea).focus()
    await pilot.pause()
    if text:
        await paste(pilot, text)


async def priced(pilot: Pilot, screen: SpeechScreen) -> str:
    await wait_until(pilot, lambda: "zł" in line(screen, "#tts-price"), "the price")
    await settle(pilot)
    return line(screen, "#tts-price")


async def confirm_dialog(pilot: Pilot) -> ConfirmDialog:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "the question")
    dialog = pilot.app.screen
    assert isinstance(dialog, ConfirmDialog)
    return dialog


async def generate_after_yes(pilot: Pilot) -> None:
    """ctrl+g, then yes to the question with the price."""
    await pilot.press("ctrl+g")
    await confirm_dialog(pilot)
    await pilot.press("y")
    await settle(pilot)


async def order(pilot: Pilot, screen: SpeechScreen, name: str = "Powitanie biuro") -> int:
    """Fill the form, ctrl+g, yes; return the new announcement's id."""
    await fill(pilot, screen, name, GREETING)
    await priced(pilot, screen)
    await generate_after_yes(pilot)
    key = screen.announcements.table.cursor_row_key
    assert isinstance(key, int)
    return key


async def save_dialog(pilot: Pilot) -> SaveDialog:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SaveDialog), "the save dialog")
    dialog = pilot.app.screen
    assert isinstance(dialog, SaveDialog)
    return dialog


async def type_path(pilot: Pilot, dialog: SaveDialog, path: Path | str) -> None:
    field = dialog.query_one(Input)
    field.value = ""
    await paste(pilot, str(path))
    await pilot.press("enter")


async def select_announcement(pilot: Pilot, screen: SpeechScreen, name: str) -> None:
    table = screen.announcements.table
    table.focus()
    names = [row[1] for row in list_rows(screen)]
    table.move_cursor(names.index(name))
    await pilot.pause()


def stamp(clock: FakeClock) -> str:
    """The date and time default file names carry (local time, as the user's clock shows)."""
    return datetime.fromtimestamp(clock()).strftime("%Y%m%d-%H%M")


def server_names(sandbox: Sandbox) -> list[str]:
    return [item.name for item in sandbox.state.announcements.items.values()]


def palette_lines(app: SpikonApp) -> list[str]:
    options = app.screen.query_one(CommandList).options
    return [str(option.prompt).splitlines()[0] for option in options]


# -- opening ---------------------------------------------------------------------------


async def test_f8_opens_polish_voices_and_the_list_keys_help_and_palette(
    make_app, sandbox: Sandbox
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        screen = await open_speech(pilot)
        language = screen.query_one("#tts-language", Select)
        assert language.value == "pl-PL"
        assert len(language._options) == 1 + 28  # the blank line, then every language
        voices = screen.query_one("#tts-voice", Select)
        assert voices.value == "Ewa"
        assert [str(label) for label, _ in voices._options[1:]] == [
            "Ewa · female",
            "Jacek · male",
            "Jan · male",
            "Maja · female",
        ]
        newest_first = list(reversed(sandbox.state.announcements.items.values()))
        assert list_rows(screen) == [(str(a.id), a.name, "ready") for a in newest_first]
        assert line(screen, "#tts-count") == "0 / 3 000 characters"
        assert line(screen, "#tts-price") == "Price: type the text first"
        assert screen.query_one("#tts-name", Input).has_focus

        footer = screen_lines(app)[-1]
        assert "^g Generate" in footer
        screen.announcements.table.focus()
        await pilot.pause()
        footer = screen_lines(app)[-1]
        for key in ("w Save WAV", "m Save MP3", "del Delete", "r Refresh"):
            assert key in footer, footer

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        await pilot.press("escape")

        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Text to speech")
        wanted = {f"Text to speech: {what}" for what in ("Generate", "Save WAV", "Delete")}
        await wait_until(pilot, lambda: wanted <= set(palette_lines(app)), "the screen's commands")
        await pilot.press("escape")
        assert sandbox.api_key not in "\n".join(screen_lines(app))


async def test_a_language_loads_its_voices_and_the_choice_is_remembered(
    make_app, sandbox: Sandbox, saved_preferences: list[dict[str, Any]]
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        screen.query_one("#tts-language", Select).value = "en-GB"
        await wait_until(pilot, lambda: form(screen).language == "en-GB", "the language")
        await settle(pilot)
        voices = screen.query_one("#tts-voice", Select)
        assert [value for _, value in voices._options[1:]] == ["Amy", "Brian", "Emma"]
        voices.value = "Brian"
        await settle(pilot)
        assert saved_preferences[-1]["tts_language"] == "en-GB"
        assert saved_preferences[-1]["tts_voice"] == "Brian"
        assert sandbox.request_counts["tts/voice_list"] == 2
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        assert form(screen).language == "en-GB"
        assert screen.query_one("#tts-voice", Select).value == "Brian"


# -- counter and price -----------------------------------------------------------------


async def test_counter_counts_and_the_price_is_asked_once_typing_pauses(
    make_app, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pause long enough for seven key presses, even on a loaded CI machine.
    monkeypatch.setattr(AnnouncementForm, "PRICE_DELAY", 1.0)
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Cennik", "a" * 150)
        assert line(screen, "#tts-count") == "150 / 3 000 characters"
        assert await priced(pilot, screen) == "Price: 0.60 zł net · 0.74 zł gross"
        assert sandbox.request_counts["tts/price"] == 1
        await pilot.press(*"bcdefgh")  # seven keys, faster than the pause before asking
        assert line(screen, "#tts-count") == "157 / 3 000 characters"
        assert line(screen, "#tts-price") == "Price: checking…"
        await priced(pilot, screen)
        assert sandbox.request_counts["tts/price"] == 2
        # Another voice is another question; going back to Ewa is answered from memory.
        screen.query_one("#tts-voice", Select).value = "Jacek"
        await pilot.pause()
        assert line(screen, "#tts-price") == "Price: checking…"
        await priced(pilot, screen)
        assert sandbox.request_counts["tts/price"] == 3
        screen.query_one("#tts-voice", Select).value = "Ewa"
        await pilot.pause()
        assert line(screen, "#tts-price") == "Price: 0.60 zł net · 0.74 zł gross"
        await settle(pilot)
        assert sandbox.request_counts["tts/price"] == 3


async def test_a_late_answer_for_older_text_never_replaces_the_newer_price(
    make_app, sandbox: Sandbox
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        sandbox.faults.delay_next("tts/price", seconds=1.0)
        await fill(pilot, screen, "Cennik", "a" * 50)  # 0.30 zł, answered slowly
        await wait_until(pilot, lambda: sandbox.request_counts["tts/price"] == 1, "question 1")
        await paste(pilot, "b" * 100)  # 150 characters: 0.60 zł, answered at once
        await wait_until(pilot, lambda: sandbox.request_counts["tts/price"] == 2, "question 2")
        await wait_until(pilot, lambda: "0.60" in line(screen, "#tts-price"), "the new price")
        await settle(pilot)  # the slow answer for 50 characters has arrived by now
        assert line(screen, "#tts-price") == "Price: 0.60 zł net · 0.74 zł gross"


async def test_text_over_3000_characters_is_refused_before_anything_is_sent(
    make_app, sandbox: Sandbox
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Za długi", "x" * 3001)
        count = screen.query_one("#tts-count", Static)
        assert text_of(count) == "3 001 / 3 000 characters, 1 over"
        assert count.has_class("-over")
        assert line(screen, "#tts-price") == "Price: shorten the text first"
        expected = "The text must be at most 3000 characters long (it has 3001)."
        assert form(screen).error_text == expected
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app_screen_is(pilot, SpeechScreen)
        assert form(screen).error_text == expected
        assert screen.query_one("#tts-text", TextArea).has_focus
        assert form(screen).text == "x" * 3001
        assert sandbox.request_counts["tts/price"] == 0
        assert sandbox.request_counts["tts/generate"] == 0
        await pilot.press("backspace")
        await priced(pilot, screen)
        assert line(screen, "#tts-price") == "Price: 9.00 zł net · 11.07 zł gross"
        assert form(screen).error_text == ""


def app_screen_is(pilot: Pilot, kind: type) -> bool:
    return isinstance(pilot.app.screen, kind)


async def test_a_name_is_required(make_app, sandbox: Sandbox) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "", GREETING)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert app_screen_is(pilot, SpeechScreen)
        assert form(screen).error_text == "The name must not be empty."
        assert screen.query_one("#tts-name", Input).has_focus
        await paste(pilot, "   ")
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert form(screen).error_text == "The name must not be empty."
        assert sandbox.request_counts["tts/generate"] == 0


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


async def test_in_polish_the_name_and_the_text_are_named_as_their_fields(
    make_app, sandbox: Sandbox, polish: None
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "", GREETING)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert form(screen).error_text == "Pole „Nazwa” nie może być puste."
        await fill(pilot, screen, "Za długi", "x" * 3001)
        assert form(screen).error_text.startswith("Pole „Tekst” może mieć najwyżej 3000 znaków")
        assert sandbox.request_counts["tts/generate"] == 0


# -- ordering --------------------------------------------------------------------------


async def test_order_after_confirming_the_price_then_ready_then_a_phone_ready_wav(
    make_app, sandbox: Sandbox, clock: FakeClock, downloads: Path
) -> None:
    balance = sandbox.state.balance
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Powitanie – biuro", GREETING)
        assert await priced(pilot, screen) == "Price: 0.30 zł net · 0.37 zł gross"

        await pilot.press("ctrl+g")
        dialog = await confirm_dialog(pilot)
        question = dialog.question.replace("\xa0", " ")
        assert "“Powitanie – biuro” (65 characters) with the voice Ewa (female, pl-PL)" in question
        assert "It costs 0.30 zł net (0.37 zł gross), taken from your balance." in question
        await pilot.press("n")
        await settle(pilot)
        assert sandbox.request_counts["tts/generate"] == 0

        await generate_after_yes(pilot)
        assert sandbox.request_counts["tts/generate"] == 1
        assert sandbox.state.balance == balance - Decimal("0.37")
        new_id = max(sandbox.state.announcements.items)
        assert list_rows(screen)[0] == (str(new_id), "Powitanie – biuro", "waiting…")
        table = screen.announcements.table
        assert table.cursor_row_key == new_id
        assert not table.has_focus, "letters typed next must not run the list's keys"
        assert "“Powitanie – biuro” ordered" in toast_text(pilot.app)
        assert pilot.app.sub_title.endswith(f"{sandbox.state.balance:,.2f}\xa0zł")
        # The form keeps what was typed.
        assert form(screen).name_typed == "Powitanie – biuro"
        assert form(screen).text == GREETING

        screen.set_focus(table)  # the user moves to the list
        await pilot.press("w")  # not generated yet: nothing to save
        await settle(pilot)
        assert "still being generated" in toast_text(pilot.app)
        assert sandbox.request_counts["tts/download"] == 0

        clock.advance(2)
        await wait_until(pilot, lambda: list_rows(screen)[0][2] == "ready", "ready")
        assert "“Powitanie – biuro” is ready" in toast_text(pilot.app)

        await pilot.press("w")
        dialog = await save_dialog(pilot)
        offered = Path(dialog.query_one(Input).value)
        assert offered.parent == downloads
        assert offered.name == f"powitanie-biuro-{stamp(clock)}.wav"
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(downloads.iterdir()) == [offered], "no temporary file is left behind"
        with wave.open(str(offered)) as audio:
            assert audio.getframerate() == 8000
            assert audio.getsampwidth() == 2
            assert audio.getnchannels() == 1
            assert audio.getnframes() > 8000  # a few seconds of speech
        shown = toast_text(pilot.app)
        assert "“Powitanie – biuro” saved as WAV" in shown
        assert str(offered) in shown and "8000 Hz, 16-bit, mono" in shown
        assert sandbox.api_key not in "\n".join(screen_lines(pilot.app))
        assert_no_traceback(pilot.app)


async def test_the_order_is_sent_once_however_often_generate_is_pressed(
    make_app, sandbox: Sandbox
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Raz", GREETING)
        await priced(pilot, screen)
        sandbox.faults.delay_next("tts/generate", seconds=1.0)
        await pilot.press("ctrl+g")
        await confirm_dialog(pilot)
        await pilot.press("y")
        await wait_until(
            pilot, lambda: sandbox.request_counts["tts/generate"] == 1, "the order to go out"
        )
        button = screen.query_one("#tts-generate", Button)
        assert button.disabled and str(button.label) == "Generating…"
        button.press()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app_screen_is(pilot, SpeechScreen), "no second question while the first is out"
        assert "being ordered" in toast_text(pilot.app)
        await settle(pilot)
        assert sandbox.request_counts["tts/generate"] == 1
        assert server_names(sandbox).count("Raz") == 1
        assert not button.disabled and str(button.label) == "Generate"

        # Ordering the very same again is possible, but the question says so.
        await pilot.press("ctrl+g")
        dialog = await confirm_dialog(pilot)
        assert dialog.question.startswith("You already ordered exactly this announcement (#")
        await pilot.press("n")


async def test_a_lost_answer_says_the_outcome_is_unknown_and_reloads_the_list(
    make_app, sandbox: Sandbox
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Zgubiona", GREETING)
        await priced(pilot, screen)
        lists_before = sandbox.request_counts["tts/list"]
        sandbox.faults.drop_next("tts/generate")
        await generate_after_yes(pilot)
        assert sandbox.request_counts["tts/generate"] == 1, "an order is never sent again"
        assert "may or may not have been ordered (and charged)" in form(screen).error_text
        assert "Whether it was ordered is unknown" in toast_text(pilot.app)
        assert str(screen.query_one("#tts-generate", Button).label) == "Generate again"
        assert sandbox.request_counts["tts/list"] == lists_before + 1
        assert "Zgubiona" in [name for _, name, _ in list_rows(screen)]
        assert form(screen).name_typed == "Zgubiona" and form(screen).text == GREETING

        await pilot.press("ctrl+g")
        dialog = await confirm_dialog(pilot)
        assert dialog.question.startswith("The last order's answer was lost")
        await pilot.press("n")
        await settle(pilot)
        assert sandbox.request_counts["tts/generate"] == 1


async def test_a_refused_order_is_explained_and_the_form_is_kept(
    make_app, sandbox: Sandbox
) -> None:
    sandbox.state.balance = Decimal("0.20")
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        rows_before = list_rows(screen)
        await fill(pilot, screen, "Bez środków", GREETING)
        await priced(pilot, screen)
        await generate_after_yes(pilot)
        error = form(screen).error_text
        assert "Insufficient funds" in error and "[SPIKON error -11: Forbidden]" in error
        assert "Could not generate “Bez środków”" in toast_text(pilot.app)
        assert list_rows(screen) == rows_before
        assert form(screen).name_typed == "Bez środków" and form(screen).text == GREETING
        button = screen.query_one("#tts-generate", Button)
        assert not button.disabled and str(button.label) == "Generate"
        assert_no_traceback(pilot.app)


async def test_a_failed_price_is_explained_and_generate_asks_for_it_first(
    make_app, sandbox: Sandbox
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        sandbox.faults.error_next("tts/price", code=-1000)
        await fill(pilot, screen, "Cena", GREETING)
        await wait_until(pilot, lambda: "unknown" in line(screen, "#tts-price"), "the failure")
        assert line(screen, "#tts-price") == "Price unknown (ctrl+g asks again)"
        assert form(screen).error_text.startswith(
            "The price could not be checked: SPIKON reported a general failure"
        )
        await pilot.press("ctrl+g")
        dialog = await confirm_dialog(pilot)
        assert sandbox.request_counts["tts/price"] == 2
        assert "0.30\xa0zł net" in dialog.question
        await pilot.press("n")
        await settle(pilot)
        assert sandbox.request_counts["tts/generate"] == 0


async def test_languages_and_list_that_fail_to_load_say_so_and_r_loads_them(
    make_app, sandbox: Sandbox
) -> None:
    sandbox.faults.error_next("tts/language_list", code=-1000)
    sandbox.faults.error_next("tts/list", code=-1000)
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SpeechScreen)
        shown = toast_text(pilot.app)
        assert "Could not load the languages" in shown
        assert "Could not load the announcements" in shown
        assert "general failure" in shown
        table = screen.announcements.table
        assert table.empty_text == "The announcements could not be loaded; ctrl+r tries again."
        await fill(pilot, screen, "Bez języka", GREETING)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert form(screen).error_text == "The languages are not loaded; ctrl+r tries again."
        assert line(screen, "#tts-price") == "Price: choose a voice first"

        assert screen.query_one("#tts-text", TextArea).has_focus
        await pilot.press("ctrl+r")  # works while typing, where r would be typed
        await wait_until(pilot, lambda: form(screen).voice is not None, "the voices")
        await settle(pilot)
        assert form(screen).language == "pl-PL"
        assert len(list_rows(screen)) == len(sandbox.state.announcements.items)
        await priced(pilot, screen)
        assert form(screen).text == GREETING


async def test_voices_that_fail_to_load_say_so_and_ctrl_r_loads_them(
    make_app, sandbox: Sandbox
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Welcome", GREETING)
        sandbox.faults.error_next("tts/voice_list", code=-1000)
        screen.query_one("#tts-language", Select).value = "en-US"
        await settle(pilot)
        voices = screen.query_one("#tts-voice", Select)
        assert voices.is_blank() and voices.prompt == "Voices not loaded (ctrl+r)"
        assert "Could not load the voices of en-US" in toast_text(pilot.app)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert form(screen).error_text == "The voices are not loaded; ctrl+r tries again."
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: form(screen).voice is not None, "the voices")
        assert voices.value == "Joanna"
        await priced(pilot, screen)
        assert sandbox.request_counts["tts/generate"] == 0


async def test_changing_the_text_while_its_price_is_fetched_asks_nothing(
    make_app, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AnnouncementForm, "PRICE_DELAY", 30.0)  # only ctrl+g asks the price
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Zmiana", GREETING)
        sandbox.faults.delay_next("tts/price", seconds=0.5)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert form(screen).error_text == "Checking the price before ordering…"
        await pilot.press("x")  # the user goes on typing
        await settle(pilot)
        assert app_screen_is(pilot, SpeechScreen), "no question about text no longer there"
        assert form(screen).error_text == ""
        await pilot.press("ctrl+g")
        dialog = await confirm_dialog(pilot)
        assert "(66 characters)" in dialog.question
        await pilot.press("n")
        assert sandbox.request_counts["tts/price"] == 2
        assert sandbox.request_counts["tts/generate"] == 0


# -- saving ----------------------------------------------------------------------------


async def test_mp3_never_replaces_a_file_unasked(
    make_app, sandbox: Sandbox, tmp_path: Path, downloads: Path
) -> None:
    existing = tmp_path / "greeting.mp3"
    existing.write_bytes(b"keep me")
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await select_announcement(pilot, screen, "Powitanie")
        await pilot.press("m")
        dialog = await save_dialog(pilot)
        assert dialog.query_one(Input).value.endswith(".mp3")
        await type_path(pilot, dialog, existing)
        question = await confirm_dialog(pilot)
        assert question.question == (
            f"{existing} already exists. Replace it with “Powitanie” (MP3)?"
        )
        await pilot.press("n")
        dialog = await save_dialog(pilot)
        assert dialog.query_one(Input).value == str(existing), "back to the path, to change it"
        await pilot.press("escape")
        await settle(pilot)
        assert existing.read_bytes() == b"keep me"
        assert sandbox.request_counts["tts/download"] == 0

        await pilot.press("m")
        await type_path(pilot, await save_dialog(pilot), existing)
        await confirm_dialog(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert existing.read_bytes()[:3] == b"ID3"
        assert sorted(tmp_path.glob("*greeting*")) == [existing]
        assert "“Powitanie” saved as MP3" in toast_text(pilot.app)


async def test_a_folder_or_a_bare_name_gets_the_file_name_and_suffix(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path, downloads: Path
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await select_announcement(pilot, screen, "Powitanie")
        await pilot.press("enter")  # enter on a row saves it as WAV
        await type_path(pilot, await save_dialog(pilot), tmp_path)
        await settle(pilot)
        assert (tmp_path / f"powitanie-{stamp(clock)}.wav").is_file()
        await pilot.press("w")
        await type_path(pilot, await save_dialog(pilot), f"{tmp_path}/typed/folder/")
        await settle(pilot)
        assert (tmp_path / "typed" / "folder" / f"powitanie-{stamp(clock)}.wav").is_file()
        await pilot.press("w")
        await type_path(pilot, await save_dialog(pilot), tmp_path / "new" / "ivr" / "welcome")
        await settle(pilot)
        with wave.open(str(tmp_path / "new" / "ivr" / "welcome.wav")) as audio:
            assert audio.getframerate() == 8000
        # The folder used last is offered next time.
        await pilot.press("m")
        dialog = await save_dialog(pilot)
        assert Path(dialog.query_one(Input).value).parent == tmp_path / "new" / "ivr"
        await pilot.press("escape")


async def test_failed_saves_are_explained_and_the_typed_path_is_offered_again(
    make_app, sandbox: Sandbox, tmp_path: Path, downloads: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    target = tmp_path / "ok" / "welcome.wav"
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await select_announcement(pilot, screen, "Powitanie")

        await pilot.press("w")
        await type_path(pilot, await save_dialog(pilot), blocker / "welcome.wav")
        await settle(pilot)
        shown = toast_text(pilot.app)
        assert "Could not save “Powitanie”" in shown
        assert (
            f"Could not write {blocker / 'welcome.wav'}: {blocker} is a file, not a folder."
        ) in shown

        sandbox.faults.error_next("tts/download", code=-1000)
        await pilot.press("w")
        dialog = await save_dialog(pilot)
        assert dialog.query_one(Input).value == str(blocker / "welcome.wav")
        await type_path(pilot, dialog, target)
        await settle(pilot)
        assert "general failure on its side" in toast_text(pilot.app)
        assert not target.parent.exists() or not any(target.parent.iterdir())

        await pilot.press("w")
        dialog = await save_dialog(pilot)
        assert dialog.query_one(Input).value == str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert target.is_file()
        assert_no_traceback(pilot.app)


# -- deleting --------------------------------------------------------------------------


async def test_delete_asks_first_and_a_failure_keeps_the_row(make_app, sandbox: Sandbox) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await select_announcement(pilot, screen, "Powitanie")
        await pilot.press("delete")
        dialog = await confirm_dialog(pilot)
        assert dialog.question.startswith("Delete the announcement “Powitanie” (#1)?")
        await pilot.press("n")
        await settle(pilot)
        assert sandbox.request_counts["tts/delete"] == 0
        assert "Powitanie" in server_names(sandbox)

        sandbox.faults.error_next("tts/delete", code=-1000)
        await pilot.press("delete")
        await confirm_dialog(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "Could not delete “Powitanie”" in toast_text(pilot.app)
        assert "Powitanie" in [name for _, name, _ in list_rows(screen)]

        await pilot.press("delete")
        await confirm_dialog(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert sandbox.request_counts["tts/delete"] == 2
        assert "Powitanie" not in server_names(sandbox)
        assert "Powitanie" not in [name for _, name, _ in list_rows(screen)]
        assert "“Powitanie” (#1) deleted." in toast_text(pilot.app)


async def test_deleting_one_already_gone_takes_it_off_the_list(make_app, sandbox: Sandbox) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        sandbox.state.announcements.delete(1)  # deleted in the web panel meanwhile
        await select_announcement(pilot, screen, "Powitanie")
        await pilot.press("delete")
        await confirm_dialog(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "was already gone" in toast_text(pilot.app)
        assert "Powitanie" not in [name for _, name, _ in list_rows(screen)]


# -- status checks ---------------------------------------------------------------------


async def test_status_checks_back_off_and_pause_while_the_screen_is_hidden(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await order(pilot, screen)
        checks = lambda: sandbox.request_counts["tts/status"]  # noqa: E731

        clock.advance(1)  # first check after 1 s: still waiting (ready after 2 s)
        await wait_until(pilot, lambda: checks() == 1, "the first check")
        await settle(pilot)
        assert list_rows(screen)[0][2] == "waiting…"
        scheduler = screen.announcements.scheduler
        clock.advance(1.5)  # the next one is due 2 s after the first
        assert not scheduler.check_due(), "not due yet at 1.5 s"
        await settle(pilot)
        assert checks() == 1

        await pilot.press("f2")  # away from the screen: no checks
        await settle(pilot)
        clock.advance(60)
        assert scheduler.paused and not scheduler.check_due(), "hidden: no checks"
        await settle(pilot)
        assert checks() == 1

        await pilot.press("f8")
        await wait_until(pilot, lambda: checks() == 2, "the check on coming back")
        await wait_until(pilot, lambda: list_rows(screen)[0][2] == "ready", "ready")
        clock.advance(60)
        assert not scheduler.check_due(), "nothing is waiting any more"
        await settle(pilot)
        assert checks() == 2


# -- 80 x 24 ---------------------------------------------------------------------------


async def test_everything_fits_at_80_by_24(make_app, sandbox: Sandbox) -> None:
    async with speech_app(make_app).run_test(size=NARROW) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Powitanie", "a" * 3000)
        await priced(pilot, screen)
        lines = screen_lines(pilot.app)
        text = "\n".join(lines).replace("\xa0", " ")
        for part in (
            "Language",
            "pl-PL · Polish",
            "Ewa · female",
            "Name",
            "Text",
            "3 000 / 3 000 characters",
            "Price: 9.00 zł net · 11.07 zł gross",
            "Generate",
            "Announcements",
            "Powitanie",
        ):
            assert part in text, f"{part!r} is not on screen:\n{text}"
        button = screen.query_one("#tts-generate", Button)
        assert button.region.bottom <= 23 and button.region.right <= 80
        assert "^g Generate" in lines[-1]


async def test_letters_typed_right_after_an_order_stay_text_and_open_no_save_dialog(
    make_app, sandbox: Sandbox
) -> None:
    async with speech_app(make_app).run_test(size=SIZE) as pilot:
        screen = await open_speech(pilot)
        await fill(pilot, screen, "Powitanie – biuro", GREETING)
        await priced(pilot, screen)
        await generate_after_yes(pilot)
        assert sandbox.request_counts["tts/generate"] == 1
        for key in "mwm":  # typed on, as fast as the order went out
            pilot.app.post_message(events.Key(key, key))
        await settle(pilot)
        assert pilot.app.screen is screen, "no “Save as” dialog opened"
        assert form(screen).text.endswith("mwm")
