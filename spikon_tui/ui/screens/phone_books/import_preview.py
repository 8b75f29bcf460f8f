"""The preview of an import: what the file holds, how its columns are read, and what will
happen to each row (added, updated, skipped as a duplicate, refused) before anything is sent.

The columns recognised by their header can be changed here (a file without a header,
or with unusual names); each change reads the file again and plans again, so the
counts and the table always say what Import will do. The plan is worked out against
the book as SPIKON has it now; the import itself plans once more from the book's
content right before sending, so a preview left open a while cannot add twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Select, Static

from spikon_tui.api.models import PhoneBook, PhoneBookElement
from spikon_tui.contacts.contact_file import (
    ColumnMapping,
    ContactFile,
    ContactFileError,
    read_contact_file,
)
from spikon_tui.contacts.import_plan import ImportPlan, plan_import
from spikon_tui.contacts.numbers import display_number
from spikon_tui.i18n import N_, _, ngettext
from spikon_tui.ui.dialogs.base import Dialog
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

POLICIES = (
    ("skip", N_("skip it")),
    ("update", N_("update the name")),
    ("add", N_("add it anyway")),
)
"""What to do with a row whose number is already in the book under another name."""


@dataclass(frozen=True)
class ImportChoice:
    """What the user confirmed in the preview: the rows as read, and the duplicate policy."""

    contact_file: ContactFile
    on_duplicate: str


def file_summary(name: str, contact_file: ContactFile) -> str:
    """ "klienci.csv · CSV, Windows-1250, “;” · 300 rows"."""
    parts = [contact_file.format.upper()]
    if contact_file.format == "csv":
        parts.append(contact_file.encoding)
        parts.append(f"“{contact_file.delimiter}”".replace("\t", "tab"))
    rows = len(contact_file.rows) + len(contact_file.rejected)
    count = ngettext("{count} row", "{count} rows", rows).format(count=rows)
    return f"{name} · {', '.join(parts)} · {count}"


def plan_summary(plan: ImportPlan, refused: int) -> str:
    """ "250 to add · 3 to update · 43 skipped · 4 refused"."""
    parts = [
        _("{count} to add").format(count=len(plan.to_add)),
        _("{count} to update").format(count=len(plan.to_update)),
        _("{count} skipped").format(count=len(plan.skipped)),
        _("{count} refused").format(count=refused),
    ]
    return " · ".join(parts)


def plan_rows(plan: ImportPlan, contact_file: ContactFile) -> list[Row]:
    """One table row per row of the file, in file order, saying what happens to it."""
    fates: list[tuple[int, str, str, str]] = []
    for row in plan.to_add:
        fates.append((row.line, row.name, row.number, _("Add")))
    for old, row in plan.to_update:
        fates.append((row.line, row.name, row.number, _("Update “{old}”").format(old=old.name)))
    for row, reason in plan.skipped:
        skipped = _("Skip: {reason}").format(reason=_lower_first(reason))
        fates.append((row.line, row.name, row.number, skipped))
    for rejected in contact_file.rejected:
        refused = _("Refused: {reason}").format(reason=_lower_first(rejected.reason))
        fates.append((rejected.line, rejected.text, "", refused))
    fates.sort(key=lambda fate: fate[0])
    return [
        Row(key=index, cells=(str(line), name, display_number(number), fate))
        for index, (line, name, number, fate) in enumerate(fates)
    ]


def _labelled(label: str, select: Select[Any]) -> Vertical:
    """A choice with its label above it (a Select shows no border title)."""
    return Vertical(Static(label, classes="import-label"), select, classes="import-choice")


def _lower_first(reason: str) -> str:
    """ "Same number as line 3" after "Skip: " reads "same number as line 3"."""
    return reason[:1].lower() + reason[1:] if reason[1:2].islower() else reason


class ImportPreview(Dialog[ImportChoice | None]):
    """Dismisses with the confirmed `ImportChoice`, or None (escape, Cancel)."""

    TITLE = N_("Import preview")
    HELP = N_("""
Nothing has been sent yet. The table shows each row of the file and what the
import will do with it. Change the name and number columns if they were not
recognised, and choose what happens when a number is already in the book under
another name: skip the row, update the entry's name, or add another entry. A
row whose name and number are already in the book is always skipped, so an
import run twice adds nothing twice. [b]enter[/b] on Import starts it;
[b]escape[/b] closes the preview.
""")
    BINDINGS = [Binding("escape", "cancel", N_("Cancel")), Binding("f1", "app.help", N_("Help"))]
    DEFAULT_CSS = """
    ImportPreview > Vertical { width: 95%; height: 90%; }
    ImportPreview #import-rows { height: 1fr; }
    ImportPreview .import-columns { height: auto; }
    ImportPreview .import-choice { width: 1fr; height: auto; }
    ImportPreview .import-label { padding: 0 1; color: $text-muted; }
    """

    def __init__(
        self,
        book: PhoneBook,
        file_name: str,
        data: bytes,
        contact_file: ContactFile,
        book_entries: Sequence[PhoneBookElement],
    ) -> None:
        super().__init__()
        self.book = book
        self.file_name = file_name
        self.data = data
        self.contact_file = contact_file
        self.book_entries = list(book_entries)
        self.on_duplicate = "skip"
        self.plan = plan_import(contact_file.rows, self.book_entries, self.on_duplicate)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                _("Import into “{book}”").format(book=self.book.name), classes="dialog-title"
            )
            yield Static("", id="import-file")
            with Horizontal(classes="import-columns"):
                yield from self._column_selects()
                policy = Select(
                    [(_(label), value) for value, label in POLICIES],
                    value=self.on_duplicate,
                    allow_blank=False,
                    id="on-duplicate",
                )
                yield _labelled(_("Number already in the book"), policy)
            yield Static("", id="import-counts")
            yield VirtualTable(
                [
                    Column("line", _("Line"), align="right"),
                    Column("name", _("Name"), flex=True, min_width=12),
                    Column("number", _("Number")),
                    Column("fate", _("What happens"), flex=True, min_width=16),
                ],
                id="import-rows",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Import"), id="import", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def _column_selects(self) -> ComposeResult:
        contact_file = self.contact_file
        if contact_file.format != "csv" or not contact_file.headers:
            return
        mapping = contact_file.mapping
        options = [
            (header.strip() or _("column {number}").format(number=index + 1), index)
            for index, header in enumerate(contact_file.headers)
        ]
        name_column = mapping.name_columns[0] if mapping and mapping.name_columns else None
        number_column = mapping.number_column if mapping else None
        for label, column, select_id in (
            (_("Name column"), name_column, "name-column"),
            (_("Number column"), number_column, "number-column"),
        ):
            value = Select.BLANK if column is None else column
            yield _labelled(label, Select(options, value=value, prompt=_("none"), id=select_id))

    def on_mount(self) -> None:
        self._show()
        self.query_one("#import", Button).focus()

    def _show(self) -> None:
        contact_file = self.contact_file
        self.query_one("#import-file", Static).update(file_summary(self.file_name, contact_file))
        self.query_one("#import-counts", Static).update(
            plan_summary(self.plan, len(contact_file.rejected))
        )
        self.query_one("#import-rows", VirtualTable).set_rows(plan_rows(self.plan, contact_file))
        work = len(self.plan.to_add) + len(self.plan.to_update)
        self.query_one("#import", Button).disabled = work == 0

    @on(Select.Changed, "#on-duplicate")
    def _policy_changed(self, event: Select.Changed) -> None:
        self.on_duplicate = str(event.value)
        self.plan = plan_import(self.contact_file.rows, self.book_entries, self.on_duplicate)
        self._show()

    @on(Select.Changed, "#name-column, #number-column")
    def _columns_changed(self) -> None:
        name = self.query_one("#name-column", Select).value
        number = self.query_one("#number-column", Select).value
        if not isinstance(number, int):
            self.notify(_("Choose the column that holds the numbers."), severity="warning")
            return
        names = (name,) if isinstance(name, int) else ()
        try:
            contact_file = read_contact_file(
                self.data,
                file_name=self.file_name,
                format="csv",
                mapping=ColumnMapping(name_columns=names, number_column=number),
            )
        except ContactFileError as error:
            self.notify(str(error), severity="error")
            return
        self.contact_file = contact_file
        self.plan = plan_import(contact_file.rows, self.book_entries, self.on_duplicate)
        self._show()

    @on(Button.Pressed, "#import")
    def _import(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(ImportChoice(self.contact_file, self.on_duplicate))

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
