"""The account's announcements: ready or waiting, checked until generated, deleted on request.

The list is loaded when the screen opens and on r. Announcements still being
generated are checked with tts/status (one round at a time, `PollScheduler`,
waits from `STATUS_CHECK_DELAYS`, paused while the screen is hidden) and turn
"ready" by themselves; the user is told when one becomes ready. Downloading
lives in `speech_download.AnnouncementDownloads`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Static

from spikon_tui.api.errors import NotFoundError, SpikonError
from spikon_tui.api.models import DeletedItem, TtsAnnouncement, TtsStatus
from spikon_tui.backoff import BackoffSchedule
from spikon_tui.i18n import _
from spikon_tui.speech.formats import WAV
from spikon_tui.speech.wording import state_text
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.poll_scheduler import PollScheduler
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.screens.speech.download import AnnouncementDownloads
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.freshness import FreshnessLabel
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable


def announcement_row(item: TtsAnnouncement) -> Row:
    state = Text(state_text(item.generated), style="" if item.generated else "italic")
    return Row(key=item.id, cells=(str(item.id), item.name, state), sort_values=(item.id,))


@dataclass(frozen=True)
class StatusCheck:
    """One tts/status answer, or why there is none."""

    tts_id: int
    status: TtsStatus | None
    error: Exception | None


class AnnouncementList(AnnouncementDownloads):
    STATUS_CHECK_DELAYS: ClassVar[tuple[float, ...]] = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
    """Clock seconds before each round of status checks; the last one repeats. SPIKON
    speaks an announcement in seconds, so the first check comes after one second; each
    round that still finds one waiting (or fails) waits longer, up to half a minute."""

    @dataclass
    class StatusChecked(Message, bubble=False):
        checks: list[StatusCheck]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: dict[int, TtsAnnouncement] = {}
        self.loaded = False
        self.ordered_while_loading: set[int] = set()
        """Ordered after the list request left: a list answer without them is older."""
        self.deleting: set[int] = set()
        self.announced_waiting: set[int] = set()
        """Waiting announcements this screen saw: their turning ready is worth a toast."""
        self.backoff = BackoffSchedule(self.STATUS_CHECK_DELAYS)
        self.scheduler = PollScheduler(
            self, lambda: spikon_app(self).session.clock(), self._check_waiting
        )

    def compose(self) -> ComposeResult:
        state_width = max(len(state_text(True)), len(state_text(False)))
        yield Static(_("Announcements"), classes="section-title")
        yield VirtualTable(
            [
                Column("id", "#", align="right"),
                Column("name", _("Name"), flex=True, min_width=8),
                Column("state", _("State"), width=state_width),
            ],
            id="tts-announcements",
        )
        yield FreshnessLabel(spikon_app(self).session.clock, id="tts-freshness")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#tts-announcements", VirtualTable)

    @property
    def freshness(self) -> FreshnessLabel:
        return self.query_one("#tts-freshness", FreshnessLabel)

    def on_mount(self) -> None:
        self.table.sort_by("id", reverse=True)
        self.table.empty_text = _("Loading the announcements…")
        self.reload()

    @property
    def selected(self) -> TtsAnnouncement | None:
        key = self.table.cursor_row_key
        return self.items.get(key) if isinstance(key, int) else None

    def not_ready_after_all(self, item: TtsAnnouncement) -> None:
        if item.id in self.items:
            self.items[item.id] = TtsAnnouncement(item.id, item.name, False)
            self.table.update_rows([announcement_row(self.items[item.id])], remove_missing=False)
            self._waiting_appeared(fresh=True)

    def pause_checks(self) -> None:
        """The screen is hidden: no status checks until `resume_checks`."""
        self.scheduler.pause()

    def resume_checks(self) -> None:
        self.scheduler.resume()

    @property
    def waiting_ids(self) -> list[int]:
        return [item.id for item in self.items.values() if not item.generated]

    # -- loading ---------------------------------------------------------------------------

    def refresh_list(self) -> None:
        self.freshness.mark_loading()
        self.reload()

    def reload(self) -> None:
        self.ordered_while_loading.clear()
        run_request(
            self, spikon_client(self).tts_list, self._list_loaded, group="tts-list", exclusive=True
        )

    def _list_loaded(self, outcome: Outcome[list[TtsAnnouncement]]) -> None:
        if isinstance(outcome, Failed):
            self.freshness.mark_failed()
            if self.loaded:
                title = _("Could not refresh the announcements")
            else:
                title = _("Could not load the announcements")
                self.table.empty_text = _(
                    "The announcements could not be loaded; ctrl+r tries again."
                )
            self.app.notify(describe_error(outcome.error), title=title, severity="error")
            return
        first = not self.loaded
        self.loaded = True
        fresh = {item.id: item for item in outcome.result}
        for tts_id in self.ordered_while_loading - fresh.keys():
            if tts_id in self.items:
                fresh[tts_id] = self.items[tts_id]
        self.ordered_while_loading.clear()
        self.items = fresh
        rows = [announcement_row(item) for item in self.items.values()]
        if first:
            self.table.set_rows(rows)
        else:
            self.table.update_rows(rows)
        self.table.empty_text = _("No announcements yet: fill in the form and press ctrl+g.")
        self.freshness.mark_updated()
        self._announce_ready([item for item in fresh.values() if item.generated])
        if self.waiting_ids:
            self.announced_waiting.update(self.waiting_ids)
            self._waiting_appeared(fresh=False)

    def add_ordered(self, tts_id: int, name: str) -> None:
        """A new order from the form: show it as waiting and check it soon."""
        item = TtsAnnouncement(id=tts_id, name=name, generated=False)
        self.items[tts_id] = item
        self.ordered_while_loading.add(tts_id)
        self.announced_waiting.add(tts_id)
        self.table.update_rows([announcement_row(item)], remove_missing=False)
        self.table.move_cursor_to_key(tts_id)
        # The focus stays where the user is typing: moved to the list, the letters of the
        # next name would run the list's keys (m: "Save as MP3"). Tab reaches the list.
        self._waiting_appeared(fresh=True)

    # -- checking the waiting ones -------------------------------------------------------

    def _waiting_appeared(self, *, fresh: bool) -> None:
        """Announcements are waiting: check them after the next backoff delay.

        `fresh` (a new order) starts the backoff again from its shortest wait.
        Nothing else changes while a round runs or one is already due.
        """
        if fresh:
            self.backoff.reset()
        if self.scheduler.in_flight or (self.scheduler.due_at is not None and not fresh):
            return
        self.scheduler.poll_in(self.backoff.next_delay())

    def _check_waiting(self) -> None:
        self.check_statuses(self.waiting_ids)

    @work(group="tts-status")
    async def check_statuses(self, ids: list[int]) -> None:
        spikon = spikon_client(self)

        async def check(tts_id: int) -> StatusCheck:
            try:
                return StatusCheck(tts_id, await spikon.tts_status(tts_id=tts_id), None)
            except Exception as error:  # noqa: BLE001 - data for the handler
                return StatusCheck(tts_id, None, error)

        self.post_message(self.StatusChecked(list(await asyncio.gather(*map(check, ids)))))

    def on_announcement_list_status_checked(self, message: StatusChecked) -> None:
        failures = [check.error for check in message.checks if check.error is not None]
        ready: list[TtsAnnouncement] = []
        gone: list[int] = []
        for check in message.checks:
            item = self.items.get(check.tts_id)
            if item is None:
                continue
            if isinstance(check.error, NotFoundError):
                gone.append(item.id)
            elif check.status is not None and check.status.generated and not item.generated:
                ready.append(item)
        for item in ready:
            self.items[item.id] = TtsAnnouncement(item.id, item.name, True)
        for tts_id in gone:
            self.items.pop(tts_id, None)
        if ready or gone:
            self.table.update_rows([announcement_row(item) for item in self.items.values()])
        real_failures = [error for error in failures if not isinstance(error, NotFoundError)]
        if real_failures and len(real_failures) == len(message.checks):
            self.freshness.mark_failed()
        elif message.checks:
            self.freshness.mark_updated()
        self._announce_ready(ready)
        if self.waiting_ids:
            self.scheduler.finished(self.backoff.next_delay())
        else:
            self.scheduler.finished(None)
            self.backoff.reset()

    def _announce_ready(self, generated: list[TtsAnnouncement]) -> None:
        """Tell the user about announcements seen waiting that are ready now."""
        for item in generated:
            if item.id in self.announced_waiting:
                self.announced_waiting.discard(item.id)
                self.app.notify(
                    _(
                        "In the list (Tab or a click), press w to save it as a phone-ready "
                        "{format} (m: MP3)."
                    ).format(format=WAV.label),
                    title=_("“{name}” is ready").format(name=item.name),
                )

    # -- deleting ------------------------------------------------------------------------

    def request_delete(self) -> None:
        item = self.selected
        if item is None:
            self.app.notify(_("Select an announcement in the list first."), severity="warning")
            return
        if item.id in self.deleting:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and item.id not in self.deleting:
                self.deleting.add(item.id)
                self.delete(item)

        question = _(
            "Delete the announcement “{name}” (#{tts_id})? Its audio can no longer be "
            "downloaded; this cannot be undone."
        ).format(name=item.name, tts_id=item.id)
        self.app.push_screen(ConfirmDialog(question, yes_label=_("Delete"), danger=True), confirmed)

    def delete(self, item: TtsAnnouncement) -> None:
        client = spikon_client(self)
        run_request(
            self,
            lambda: client.tts_delete(tts_id=item.id),
            partial(self._deleted, item),
            group="tts-delete",
        )

    def _deleted(self, item: TtsAnnouncement, outcome: Outcome[DeletedItem]) -> None:
        error = outcome.error if isinstance(outcome, Failed) else None
        self.deleting.discard(item.id)
        if error is None or isinstance(error, NotFoundError):
            self._remove(item.id)
            if error is None:
                self.app.notify(
                    _("“{name}” (#{tts_id}) deleted.").format(name=item.name, tts_id=item.id)
                )
            else:
                self.app.notify(
                    _("“{name}” (#{tts_id}) was already gone; it is off the list now.").format(
                        name=item.name, tts_id=item.id
                    ),
                    severity="warning",
                )
            return
        self.app.notify(
            describe_error(error),
            title=_("Could not delete “{name}”").format(name=item.name),
            severity="error",
        )
        if isinstance(error, SpikonError) and error.outcome_unknown:
            self.refresh_list()

    def _remove(self, tts_id: int) -> None:
        if self.items.pop(tts_id, None) is not None:
            self.table.update_rows([announcement_row(item) for item in self.items.values()])

    @on(VirtualTable.RowSelected, "#tts-announcements")
    def _row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.request_download(WAV)
