"""Saving an announcement's audio: ask where, never replace a file unasked, write atomically.

The path offered is the last folder used (per profile) or the downloads
folder, with a file name made from the announcement's name, the date and the
format's suffix. An existing file is replaced only after a yes; a no goes back
to the path, so another name can be typed. The file is written through a
temporary file and a rename, and the toast says where it went and what it is
(for WAV: rate, bits, channels, length). When something fails, the path typed
is offered again on the next try.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual.containers import Vertical

from spikon_tui.api.errors import NotReadyError, SpikonError
from spikon_tui.api.models import TtsAnnouncement
from spikon_tui.i18n import _
from spikon_tui.speech.audio_files import (
    AudioSummary,
    describe_audio,
    describe_write_error,
    write_atomically,
)
from spikon_tui.speech.file_names import file_stem, save_target
from spikon_tui.speech.formats import AudioFormat
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.dialogs.save import SaveDialog, default_download_path
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Outcome, Succeeded, run_request
from spikon_tui.ui.typed_app import spikon_app, spikon_client

REMEMBERED_FOLDER = "tts_download_folder"
"""The session preference holding the folder the last announcement was saved to."""


@dataclass(frozen=True)
class SaveJob:
    item: TtsAnnouncement
    audio_format: AudioFormat
    target: Path
    overwrite: bool


class AnnouncementDownloads(Vertical):
    """The base of the announcement list: everything about saving the selected one's audio."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._saving: set[Path] = set()
        self._typed_paths: dict[tuple[int, str], str] = {}
        """Paths typed for (announcement id, format) whose save failed: offered again."""

    @property
    def selected(self) -> TtsAnnouncement | None:
        """The announcement under the cursor (the list says which)."""
        raise NotImplementedError

    def not_ready_after_all(self, item: TtsAnnouncement) -> None:
        """SPIKON answered "not ready" for an announcement shown as ready (the list reacts)."""

    def default_path(self, item: TtsAnnouncement, audio_format: AudioFormat) -> str:
        stem = file_stem(item.name, fallback=f"announcement-{item.id}")
        path = Path(
            default_download_path(stem, audio_format.suffix, spikon_app(self).session.clock())
        )
        folder = spikon_app(self).session.recall(REMEMBERED_FOLDER)
        return str(Path(folder) / path.name) if folder else str(path)

    def request_download(self, audio_format: AudioFormat) -> None:
        item = self.selected
        if item is None:
            self.app.notify(_("Select an announcement in the list first."), severity="warning")
            return
        if not item.generated:
            self.app.notify(
                _(
                    "“{name}” is still being generated; the list says “ready” when it can be saved."
                ).format(name=item.name),
                severity="warning",
            )
            return
        typed = self._typed_paths.get((item.id, audio_format.key))
        self._ask_path(item, audio_format, typed or self.default_path(item, audio_format))

    def _ask_path(self, item: TtsAnnouncement, audio_format: AudioFormat, offered: str) -> None:
        default_name = Path(self.default_path(item, audio_format)).name
        dialog = SaveDialog(
            _("Save “{name}” as {format}").format(name=item.name, format=audio_format.label),
            _("{purpose} Missing folders are created.").format(purpose=_(audio_format.purpose)),
            offered,
            action=_("Save"),
        )

        def chosen(typed: str | None) -> None:
            if typed is not None:
                self._path_chosen(item, audio_format, save_target(typed, default_name))

        self.app.push_screen(dialog, chosen)

    def _path_chosen(self, item: TtsAnnouncement, audio_format: AudioFormat, target: Path) -> None:
        if target in self._saving:
            self.app.notify(
                _("{path} is being saved already.").format(path=target), severity="warning"
            )
            return
        if not target.exists():
            self._start(SaveJob(item, audio_format, target, overwrite=False))
            return

        def replace(yes: bool | None) -> None:
            if yes:
                self._start(SaveJob(item, audio_format, target, overwrite=True))
            else:
                self._ask_path(item, audio_format, str(target))

        question = _("{path} already exists. Replace it with “{name}” ({format})?").format(
            path=target, name=item.name, format=audio_format.label
        )
        self.app.push_screen(ConfirmDialog(question, yes_label=_("Replace"), danger=True), replace)

    def _start(self, job: SaveJob) -> None:
        self._saving.add(job.target)
        self.save(job)

    def save(self, job: SaveJob) -> None:
        client = spikon_client(self)

        async def download_and_write() -> AudioSummary:
            data = await client.tts_download(
                tts_id=job.item.id, pcm_8k16bm=job.audio_format.pcm_8k16bm
            )
            await asyncio.to_thread(write_atomically, job.target, data, overwrite=job.overwrite)
            return describe_audio(data, job.audio_format)

        run_request(self, download_and_write, partial(self._saved, job), group="tts-download")

    def _saved(self, job: SaveJob, outcome: Outcome[AudioSummary]) -> None:
        self._saving.discard(job.target)
        key = (job.item.id, job.audio_format.key)
        if isinstance(outcome, Succeeded):
            self._typed_paths.pop(key, None)
            spikon_app(self).session.remember(REMEMBERED_FOLDER, str(job.target.parent))
            summary = outcome.result
            lines = [str(job.target), summary.text, summary.problem or ""]
            self.app.notify(
                "\n".join(line for line in lines if line),
                title=_("“{name}” saved as {format}").format(
                    name=job.item.name, format=job.audio_format.label
                ),
                severity="warning" if summary.problem else "information",
                timeout=12,
            )
            return
        error = outcome.error
        self._typed_paths[key] = str(job.target)
        if isinstance(error, NotReadyError):
            self.not_ready_after_all(job.item)
        if isinstance(error, SpikonError):
            text = describe_error(error)
        elif isinstance(error, FileExistsError):
            text = _(
                "{path} appeared meanwhile; nothing was replaced. Save again to choose."
            ).format(path=job.target)
        elif isinstance(error, OSError):
            text = describe_write_error(error, job.target)
        else:
            text = describe_error(error)
        self.app.notify(
            text,
            title=_("Could not save “{name}”").format(name=job.item.name),
            severity="error",
            timeout=12,
        )
