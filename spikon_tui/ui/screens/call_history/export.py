"""Export the calls shown to CSV: ask where (the downloads folder by default), write, say so.

An existing file is replaced only after a yes; a folder is refused. The file is
written in a thread (50,000 calls take a moment) that only posts `Finished`; the
widget that started the export hands that message back to `finish`. When writing
fails, the reason is said in words and the path dialog opens again with what was
typed, ready to correct.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual.message import Message
from textual.widget import Widget

from spikon_tui.api.models import CallRecord
from spikon_tui.calls.csv_export import describe_os_error, write_calls_csv
from spikon_tui.files.csv_flavour import PLAIN, CsvFlavour
from spikon_tui.i18n import _, ngettext
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.dialogs.save import SaveDialog, default_download_path

EXPORT_GROUP = "call-history-export"


class CallExport:
    """One export of `calls`, started from `node` (which must pass `Finished` to `finish`)."""

    @dataclass
    class Finished(Message):
        export: CallExport
        path: str
        count: int = 0
        error: OSError | None = None

    def __init__(
        self, node: Widget, calls: Sequence[CallRecord], report_id: int, *, filtered: bool
    ) -> None:
        self.node = node
        self.calls = calls
        self.report_id = report_id
        self.filtered = filtered
        self.flavour: CsvFlavour = PLAIN
        """What the save dialog chose (`files.csv_flavour`)."""

    def start(self, now: float) -> None:
        self._ask(default_download_path(f"spikon-calls-{self.report_id}", ".csv", now))

    def _ask(self, path: str, problem: str = "") -> None:
        total = len(self.calls)
        count = f"{total:,}".replace(",", " ")
        if self.filtered:
            explanation = ngettext(
                "The {count} call the filter shows, in the order shown, as CSV. Write them to:",
                "The {count} calls the filter shows, in the order shown, as CSV. Write them to:",
                total,
            )
        else:
            explanation = ngettext(
                "The {count} call of the report, in the order shown, as CSV. Write them to:",
                "The {count} calls of the report, in the order shown, as CSV. Write them to:",
                total,
            )
        explanation = explanation.format(count=count)
        if problem:
            explanation = f"{problem}\n\n{explanation}"
        dialog = SaveDialog(
            _("Export calls (CSV)"), explanation, path, action=_("Export"), csv=True
        )
        self.node.app.push_screen(dialog, partial(self._chosen, dialog))

    def _chosen(self, dialog: SaveDialog, target: str | None) -> None:
        if not target:
            return
        self.flavour = dialog.flavour
        path = Path(target)
        if path.is_dir():
            self._ask(target, _("{path} is a folder; add a file name.").format(path=target))
        elif path.exists():
            self.node.app.push_screen(
                ConfirmDialog(
                    _("{path} exists already. Replace it?").format(path=target),
                    yes_label=_("Replace"),
                ),
                partial(self._replace_answered, target),
            )
        else:
            self._write(target)

    def _replace_answered(self, target: str, yes: bool | None) -> None:
        if yes:
            self._write(target)
        else:
            self._ask(target)

    def _write(self, target: str) -> None:
        self.node.run_worker(
            partial(self._write_in_thread, target),
            thread=True,
            group=EXPORT_GROUP,
            exit_on_error=False,
        )

    def _write_in_thread(self, target: str) -> None:
        try:
            count = write_calls_csv(target, self.calls, self.flavour)
        except OSError as error:
            self.node.post_message(self.Finished(self, target, error=error))
        else:
            self.node.post_message(self.Finished(self, target, count=count))

    def finish(self, message: Finished) -> None:
        if message.error is not None:
            text = describe_os_error(message.error, message.path)
            self.node.notify(text, title=_("Export failed"), severity="error")
            self._ask(message.path, text)
            return
        written = ngettext(
            "{count} call written to {path}.", "{count} calls written to {path}.", message.count
        ).format(count=message.count, path=message.path)
        self.node.notify(written, title=_("Exported"))
