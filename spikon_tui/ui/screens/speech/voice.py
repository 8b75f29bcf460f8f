"""Language, then voice: two lists side by side, loaded from SPIKON, the choice remembered.

The languages load when the picker is mounted; a language's voices load when it
is chosen (and are kept, so going back costs no request). The last language and
voice are remembered per profile; with nothing remembered, Polish is offered.
Whenever the voice changes, `VoicePicker.Changed` tells the form.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Select

from spikon_tui.api.models import TtsLanguage, TtsVoice
from spikon_tui.i18n import _
from spikon_tui.speech.wording import language_label, voice_label
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.typed_app import spikon_app, spikon_client

REMEMBERED_LANGUAGE = "tts_language"
REMEMBERED_VOICE = "tts_voice"
PREFERRED_LANGUAGE = "pl-PL"
"""Chosen when nothing is remembered: SPIKON serves Polish businesses."""


class VoicePicker(Horizontal):
    class Changed(Message):
        """The language or the voice changed (the voice may be None for now)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.languages: dict[str, TtsLanguage] = {}
        self.voices: dict[str, list[TtsVoice]] = {}
        self.languages_failed = False
        self.voices_failed: set[str] = set()

    def compose(self) -> ComposeResult:
        language = Select[str]([], prompt=_("Loading languages…"), id="tts-language")
        language.border_title = _("Language")
        yield language
        voice = Select[str]([], prompt=_("Choose a language first"), id="tts-voice")
        voice.border_title = _("Voice")
        yield voice

    def on_mount(self) -> None:
        for select in self.query(Select):
            # The border (and so its title) belongs to the Select's inner box.
            select.query_one("SelectCurrent").border_title = select.border_title
        self.load_languages()

    @property
    def language(self) -> str | None:
        value = self.query_one("#tts-language", Select).value
        return value if isinstance(value, str) else None

    @property
    def voice(self) -> TtsVoice | None:
        value = self.query_one("#tts-voice", Select).value
        for voice in self.voices.get(self.language or "", []):
            if voice.name == value:
                return voice
        return None

    def problem(self) -> tuple[Widget | None, str] | None:
        """Why no announcement can be ordered with this choice (the widget to fix), or None."""
        if self.language is None:
            if self.languages_failed:
                return None, _("The languages are not loaded; ctrl+r tries again.")
            return self.query_one("#tts-language", Select), _("Choose a language.")
        if self.voice is None:
            if self.language in self.voices_failed:
                return None, _("The voices are not loaded; ctrl+r tries again.")
            return self.query_one("#tts-voice", Select), _("Choose a voice.")
        return None

    def reload_failed(self) -> bool:
        """Load again whatever failed to load; False when nothing had failed."""
        if self.languages_failed:
            self.load_languages()
        elif self.language is not None and self.language in self.voices_failed:
            self.load_voices(self.language)
        else:
            return False
        return True

    # -- languages -----------------------------------------------------------------------

    def load_languages(self) -> None:
        self.query_one("#tts-language", Select).prompt = _("Loading languages…")
        run_request(
            self,
            spikon_client(self).tts_language_list,
            self._languages_loaded,
            group="tts-languages",
            exclusive=True,
        )

    def _languages_loaded(self, outcome: Outcome[list[TtsLanguage]]) -> None:
        select = self.query_one("#tts-language", Select)
        if isinstance(outcome, Failed):
            self.languages_failed = True
            select.prompt = _("Languages not loaded (ctrl+r)")
            self.app.notify(
                describe_error(outcome.error),
                title=_("Could not load the languages"),
                severity="error",
            )
            return
        self.languages_failed = False
        ordered = sorted(outcome.result, key=lambda item: item.language.casefold())
        self.languages = {item.language: item for item in ordered}
        select.prompt = _("Choose a language")
        select.set_options((language_label(item), item.language) for item in ordered)
        remembered = spikon_app(self).session.recall(REMEMBERED_LANGUAGE)
        for wanted in (remembered, PREFERRED_LANGUAGE):
            if wanted in self.languages:
                select.value = wanted
                break
        else:
            if ordered:
                select.value = ordered[0].language

    @on(Select.Changed, "#tts-language")
    def _language_changed(self, event: Select.Changed) -> None:
        event.stop()
        language = self.language
        voice_select = self.query_one("#tts-voice", Select)
        if language is None:
            voice_select.set_options([])
            voice_select.prompt = _("Choose a language first")
        elif language in self.voices:
            self._show_voices(language)
        else:
            voice_select.set_options([])
            voice_select.prompt = _("Loading voices…")
            self.load_voices(language)
        self.post_message(self.Changed())

    # -- voices --------------------------------------------------------------------------

    def load_voices(self, language: str) -> None:
        client = spikon_client(self)
        run_request(
            self,
            lambda: client.tts_voice_list(language=language),
            partial(self._voices_loaded, language),
            group="tts-voices",
            exclusive=True,
        )

    def _voices_loaded(self, language: str, outcome: Outcome[list[TtsVoice]]) -> None:
        if isinstance(outcome, Failed):
            self.voices_failed.add(language)
            if language == self.language:
                self.query_one("#tts-voice", Select).prompt = _("Voices not loaded (ctrl+r)")
                self.app.notify(
                    describe_error(outcome.error),
                    title=_("Could not load the voices of {language}").format(language=language),
                    severity="error",
                )
            return
        self.voices_failed.discard(language)
        self.voices[language] = outcome.result
        if language == self.language:
            self._show_voices(language)

    def _show_voices(self, language: str) -> None:
        voices = self.voices[language]
        select = self.query_one("#tts-voice", Select)
        select.prompt = _("Choose a voice") if voices else _("No voices for this language")
        select.set_options((voice_label(voice), voice.name) for voice in voices)
        names = [voice.name for voice in voices]
        remembered = spikon_app(self).session.recall(REMEMBERED_VOICE)
        if remembered in names:
            select.value = remembered
        elif names:
            select.value = names[0]

    @on(Select.Changed, "#tts-voice")
    def _voice_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.voice is not None and self.language is not None:
            spikon_app(self).session.remember(REMEMBERED_LANGUAGE, self.language)
            spikon_app(self).session.remember(REMEMBERED_VOICE, self.voice.name)
        self.post_message(self.Changed())
