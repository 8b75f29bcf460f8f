"""An import on its way, then its report: a progress bar with the count and the time left,
Cancel, and at the end what was added, updated, skipped, refused and why.

The import runs on the app's loop (`phone_books.importer.run_import`, one request at
a time). Cancel lets the request in flight finish and sends nothing more; so does a
network failure. Either way the report says so, and running the import again picks
up where it stopped: it plans from the book's content, so nothing is added twice.
"""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ProgressBar, Static

from spikon_tui.api.models import PhoneBook
from spikon_tui.formatting import format_age
from spikon_tui.i18n import N_, _
from spikon_tui.phone_books.importer import ImportProgress, ImportReport, run_import
from spikon_tui.ui.dialogs.base import Dialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.screens.phone_books.import_preview import ImportChoice
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable


def progress_text(progress: ImportProgress) -> str:
    """ "120 of 253 · about 40 s left"."""
    text = _("{done} of {total}").format(done=progress.done, total=progress.total)
    if progress.time_left is not None and progress.done < progress.total:
        left = format_age(progress.time_left)
        text += " · " + _("about {time} left").format(time=left)
    return text


def report_summary(report: ImportReport, refused: int) -> str:
    """ "Added 250 · updated 3 · skipped 43 · refused 4 · failed 0"."""
    return " · ".join(
        [
            _("added {count}").format(count=report.added),
            _("updated {count}").format(count=report.updated),
            _("skipped {count}").format(count=len(report.plan.skipped)),
            _("refused {count}").format(count=refused),
            _("failed {count}").format(count=len(report.failed)),
        ]
    )


class ImportRun(Dialog[ImportReport | None]):
    """Runs the import at mount; dismisses with the report (None if it never started)."""

    TITLE = N_("Import")
    HELP = N_("""
The import sends one entry at a time. [b]Cancel[/b] stops after the entry on
its way; what was sent stays in the book. Running the same import again later
adds only what is missing: it never adds an entry twice.
""")
    BINDINGS = [Binding("escape", "cancel", N_("Cancel")), Binding("f1", "app.help", N_("Help"))]
    DEFAULT_CSS = """
    ImportRun > Vertical { width: 90%; height: auto; max-height: 90%; }
    ImportRun #import-problems { height: auto; max-height: 16; }
    ImportRun ProgressBar { width: 100%; }
    """

    def __init__(self, book: PhoneBook, choice: ImportChoice) -> None:
        super().__init__()
        self.book = book
        self.choice = choice
        self.cancel_event = asyncio.Event()
        self.report: ImportReport | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                _("Importing into “{book}”").format(book=self.book.name), classes="dialog-title"
            )
            yield ProgressBar(show_eta=False, show_percentage=True, id="import-bar")
            yield Static(_("Reading the book…"), id="import-status")
            yield VirtualTable(
                [
                    Column("line", _("Line"), align="right"),
                    Column("name", _("Name"), flex=True, min_width=12),
                    Column("reason", _("Why"), flex=True, min_width=16),
                ],
                id="import-problems",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Cancel"), id="stop", variant="error")

    def on_mount(self) -> None:
        self.query_one("#import-problems").display = False
        self.run_import()

    @work(exclusive=True, group="import")
    async def run_import(self) -> None:
        client = spikon_client(self)
        clock = spikon_app(self).session.clock
        try:
            report = await run_import(
                client,
                self.book.id,
                self.choice.contact_file.rows,
                self.choice.on_duplicate,
                progress=self._progressed,
                cancel=self.cancel_event,
                clock=clock,
            )
        except Exception as error:  # the book could not even be read: nothing was sent
            self.query_one("#import-status", Static).update(
                _("Nothing was imported: {reason}").format(reason=describe_error(error))
            )
            self._finished_buttons()
            return
        self.report = report
        self._show_report(report)

    def _progressed(self, progress: ImportProgress) -> None:
        bar = self.query_one("#import-bar", ProgressBar)
        bar.update(total=max(progress.total, 1), progress=progress.done)
        self.query_one("#import-status", Static).update(progress_text(progress))

    def _show_report(self, report: ImportReport) -> None:
        refused = self.choice.contact_file.rejected
        lines = [report_summary(report, len(refused))]
        if report.stopped:
            lines.append(
                _(
                    "Stopped early: {why} Run the import again to finish; nothing is added twice."
                ).format(why=report.stopped)
            )
        self.query_one("#import-status", Static).update("\n".join(lines))
        problems = [(row.line, row.text, row.reason) for row in refused]
        problems += [(row.line, row.name, reason) for row, reason in report.failed]
        problems.sort()
        table = self.query_one("#import-problems", VirtualTable)
        table.set_rows(
            [
                Row(key=index, cells=(str(line), name, reason))
                for index, (line, name, reason) in enumerate(problems)
            ]
        )
        table.display = bool(problems)
        self._finished_buttons()

    def _finished_buttons(self) -> None:
        button = self.query_one("#stop", Button)
        button.label = _("Close")
        button.variant = "primary"
        button.disabled = False
        button.focus()

    @on(Button.Pressed, "#stop")
    def _stop_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_cancel(self) -> None:
        if self._import_running():
            self.cancel_event.set()
            self.query_one("#stop", Button).disabled = True
            self.query_one("#import-status", Static).update(_("Stopping after this entry…"))
            return
        self.dismiss(self.report)

    def _import_running(self) -> bool:
        return any(worker.is_running for worker in self.workers)
