"""Text to speech: write an announcement, see its price, generate it, save it for the phones.

The form (speech_form.py) is on the left and the account's announcements
(speech_list.py) on the right. This screen owns the keys, wires an order from
the form into the list, and stops the list's status checks while it is hidden.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal

from spikon_tui.i18n import N_, _
from spikon_tui.speech.formats import MP3, WAV
from spikon_tui.ui.poll_scheduler import only_dialogs_above
from spikon_tui.ui.screens.base import MainScreen
from spikon_tui.ui.screens.speech.announcements import AnnouncementList
from spikon_tui.ui.screens.speech.form import AnnouncementForm
from spikon_tui.ui.typed_app import spikon_app
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.title_bar import TitleBar


class SpeechScreen(MainScreen):
    TITLE = N_("Text to speech")
    HELP = N_("""
Turn a text into a spoken announcement for your phone system, in four steps.

[b]1.[/b] Choose the language and the voice (female or male).

[b]2.[/b] Give the announcement a name (how the list shows it) and type what the
voice should say: at most 3000 characters; the counter under the text keeps count.

[b]3.[/b] The price, net and gross, follows the text and the voice. [b]ctrl+g[/b]
(or the Generate button) shows the price once more and orders the announcement
after your yes; it is charged to your balance.

[b]4.[/b] The announcement appears in the list on the right as "waiting…" and
turns "ready" by itself, usually within seconds. Select it and press [b]w[/b]
(or [b]enter[/b]) to save it as WAV: PCM 8 kHz, 16-bit, mono, the format phone
systems and IVRs play. [b]m[/b] saves it as MP3, to listen to. You choose the
file; an existing file is replaced only after you confirm.

In the list, [b]delete[/b] removes the selected announcement after asking.
[b]r[/b] (or [b]ctrl+r[/b], which also works while typing) reloads the list and
anything that failed to load. When SPIKON's answer
to an order is lost, nothing is ordered again by itself: the list is reloaded so
you can see whether the order went through.
""")
    CHANGES = frozenset({"generate", "delete"})
    BINDINGS = [
        Binding("ctrl+g", "generate", N_("Generate")),
        Binding("w", "save_wav", N_("Save WAV")),
        Binding("m", "save_mp3", N_("Save MP3")),
        Binding("delete", "delete", N_("Delete")),
        Binding("r,ctrl+r", "refresh", N_("Refresh")),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="tts-panes"):
            yield AnnouncementForm(id="tts-form")
            yield AnnouncementList(id="tts-list")
        yield KeysFooter()

    ordered_text: str = ""
    """The text of the last announcement ordered: typed work once it is changed."""

    def on_mount(self) -> None:
        spikon_app(self).keep_typed_work(self)

    def typed_work(self) -> str | None:
        """What quitting would throw away: text typed and not ordered as it stands."""
        text = self.form.text
        if text.strip() and text != self.ordered_text:
            return _("the announcement text")
        return None

    @property
    def form(self) -> AnnouncementForm:
        return self.query_one(AnnouncementForm)

    @property
    def announcements(self) -> AnnouncementList:
        return self.query_one(AnnouncementList)

    # -- keys ----------------------------------------------------------------------------

    def action_generate(self) -> None:
        self.form.request_generate()

    def action_save_wav(self) -> None:
        self.announcements.request_download(WAV)

    def action_save_mp3(self) -> None:
        self.announcements.request_download(MP3)

    def action_delete(self) -> None:
        self.announcements.request_delete()

    def action_refresh(self) -> None:
        self.announcements.refresh_list()
        self.form.reload_failed()

    # -- between the form and the list ---------------------------------------------------

    def on_announcement_form_generated(self, message: AnnouncementForm.Generated) -> None:
        self.ordered_text = self.form.text
        tts_id = message.created.tts_id
        self.announcements.add_ordered(tts_id, message.name)
        self.notify(
            _("#{tts_id} is being generated; the list shows it “ready” in a few seconds.").format(
                tts_id=tts_id
            ),
            title=_("“{name}” ordered").format(name=message.name),
        )
        spikon_app(self).refresh_balance()  # an order costs money

    def on_announcement_form_outcome_unknown(
        self, message: AnnouncementForm.OutcomeUnknown
    ) -> None:
        self.announcements.refresh_list()
        spikon_app(self).refresh_balance()  # an order costs money

    # -- visibility ----------------------------------------------------------------------

    def on_screen_suspend(self) -> None:
        if not only_dialogs_above(self):
            self.announcements.pause_checks()

    def on_screen_resume(self) -> None:
        self.announcements.resume_checks()
