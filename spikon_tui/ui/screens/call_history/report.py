"""One opened call history report: its calls in a fast table, a filter, the totals of what shows.

The table is a `VirtualTable` (it renders only the rows on screen, so 50,000 calls
paint and filter at once). Row keys are the calls' positions in the report, so
the totals of the calls a filter leaves are one pass over precomputed figures;
they are worked out a moment after the last keystroke, never between two.

Typing a digit or + while the table has focus starts a new filter with it, so
"find one number's calls" needs no key to learn.

The Contact column names the caller or the callee from the phone books
(`contact_names`), "caller → callee" when both are in one. It is filled when
the report is built; when the phone books load later, or again, the screen
rebuilds the rows off the UI thread and `CallReportView.rename` puts them in place
without moving the filter, the sort or the cursor. At 80 columns the Recording
column gives way to it (`l` still tells the kind of recording).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from spikon_tui.api.models import CallRecord
from spikon_tui.api.validation import CallDirection
from spikon_tui.calls.calls import (
    Recording,
    call_back_number,
    humanize_duration,
    recording_kind,
    state_label,
)
from spikon_tui.calls.totals import CallFigures, describe_totals
from spikon_tui.contacts.directory import NameDirectory
from spikon_tui.formatting import format_datetime
from spikon_tui.i18n import _, pgettext
from spikon_tui.ui.dialogs.call import call_number
from spikon_tui.ui.screens.call_history.export import CallExport
from spikon_tui.ui.widgets.filter_box import FilterBox
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

TOTALS_DELAY = 0.12
"""Seconds after the last filter keystroke before the totals are worked out again."""

_NUMBER_FORMATTING = str.maketrans("", "", " ")
_NUMBER_CHARACTERS = frozenset("+0123456789 ")


def contact_text(caller: str | None, callee: str | None) -> str:
    """The Contact cell: the known name, "caller → callee" when both are known, or ""."""
    if caller and callee and caller != callee:
        return f"{caller} → {callee}"
    return caller or callee or ""


def call_rows(calls: Sequence[CallRecord], names: NameDirectory | None = None) -> list[Row]:
    """The table rows of calls, keyed by their position in the report.

    Columns sort by time, number, contact, seconds, state and recording; each state,
    length, kind of recording and number's name is worked out once, however many calls
    share it.
    """
    names = names if names is not None else NameDirectory()
    name_of: dict[str, str] = {}  # "": no book has the number
    states: dict[str, str] = {}
    lengths: dict[int, str] = {}
    recordings: dict[Recording, str] = {kind: _(kind.value) for kind in Recording}
    rows: list[Row] = []
    append = rows.append
    for position, call in enumerate(calls):
        state = states.get(call.state)
        if state is None:
            state = states[call.state] = state_label(call.state)
        length = lengths.get(call.duration)
        if length is None:
            length = lengths[call.duration] = humanize_duration(call.duration)
        recording = recordings[recording_kind(call.file)]
        when = format_datetime(call.date)  # the seconds are in the CSV export
        caller = name_of.get(call.src)
        if caller is None:
            caller = name_of[call.src] = names.name_for(call.src) or ""
        callee = name_of.get(call.dst)
        if callee is None:
            callee = name_of[call.dst] = names.name_for(call.dst) or ""
        contact = contact_text(caller, callee)
        append(
            Row(
                key=position,
                cells=(when, call.src, call.dst, contact, length, state, recording),
                sort_values=(
                    call.date,
                    call.src,
                    call.dst,
                    contact.casefold() or None,  # calls without a name last
                    call.duration,
                    state,
                    recording,
                ),
            )
        )
    return rows


@dataclass(frozen=True)
class LoadedReport:
    """A report ready to show: its calls, their rows and figures (built off the UI thread)."""

    report_id: int
    calls: Sequence[CallRecord]
    rows: list[Row]
    figures: CallFigures
    names: NameDirectory = field(default_factory=NameDirectory)
    """The phone-book names the rows were built with."""

    @classmethod
    def build(
        cls, report_id: int, calls: Sequence[CallRecord], names: NameDirectory | None = None
    ) -> LoadedReport:
        names = names if names is not None else NameDirectory()
        return cls(report_id, calls, call_rows(calls, names), CallFigures(calls), names)

    def with_names(self, names: NameDirectory) -> LoadedReport:
        """The same report with its rows built with `names` (the figures are kept)."""
        return replace(self, rows=call_rows(self.calls, names), names=names)


def filter_needle(text: str) -> str:
    """What the table filters by: a phone number typed with spaces ("501 234 567") loses them."""
    if text and set(text) <= _NUMBER_CHARACTERS:
        return text.translate(_NUMBER_FORMATTING)
    return text


class CallReportView(Vertical):
    """The calls of one report, the filter above them and their totals below."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: LoadedReport | None = None
        self.direction: CallDirection | None = None
        self._totals_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="report-title")
        yield FilterBox(
            placeholder=_("Filter by number, contact, date or state  ( / )"),
            id="report-filter",
            select_on_focus=False,  # a digit typed on the table must not be selected away
        )
        yield VirtualTable(
            [
                Column("date", _("Date")),
                Column("from", _("From")),
                Column("to", _("To")),
                Column("contact", _("Contact"), flex=True, min_width=10),
                Column("duration", _("Duration"), align="right"),
                Column("state", _("State")),
                Column("recording", pgettext("call report column", "Recording"), drop_order=1),
            ],
            filter_columns=["date", "from", "to", "contact", "state"],
            id="report-calls",
        )
        yield Static("", id="report-totals")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#report-calls", VirtualTable)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#report-filter", Input)

    def show(self, report: LoadedReport, title: str, direction: CallDirection | None) -> None:
        """Show a report from its top, with no filter and no sort."""
        self.report = report
        self.direction = direction
        self.query_one("#report-title", Static).update(title)
        table = self.table
        with self.app.batch_update():
            self.filter_input.value = ""
            table.set_filter("")
            table.sort_by(None)
            table.set_rows(report.rows)
            table.empty_text = self._empty_text()
        self._show_totals()

    def rename(self, report: LoadedReport) -> None:
        """Put in the rows of `report`, the one shown with other names, where they are."""
        self.report = report
        self.table.update_rows(report.rows)

    def _empty_text(self) -> str:
        if self.report is not None and not self.report.calls:
            return _("This report has no calls.")
        needle = self.table.filter_text.strip()
        return _("No calls match “{needle}”").format(needle=needle) if needle else _("No calls")

    # -- what the user picks --------------------------------------------------------

    def visible_positions(self) -> Iterator[int]:
        """Positions (in the report) of the calls the filter shows, in display order."""
        table = self.table
        key_at = table.row_key_at
        for index in range(table.visible_row_count):
            yield key_at(index)  # type: ignore[misc]  # the keys are positions (rows)

    def visible_calls(self) -> list[CallRecord]:
        if self.report is None:
            return []
        calls = self.report.calls
        return [calls[position] for position in self.visible_positions()]

    def selected_call(self) -> CallRecord | None:
        key = self.table.cursor_row_key  # a row's key is its call's position (rows)
        if self.report is None or not isinstance(key, int):
            return None
        return self.report.calls[key]

    @property
    def filtered(self) -> bool:
        return bool(self.table.filter_text.strip())

    # -- the filter and the totals ---------------------------------------------------

    @on(Input.Changed, "#report-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        table = self.table
        table.set_filter(filter_needle(event.value))
        table.empty_text = self._empty_text()
        if self._totals_timer is not None:
            self._totals_timer.stop()
        self._totals_timer = self.set_timer(TOTALS_DELAY, self._show_totals)

    @on(Input.Submitted, "#report-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    def _show_totals(self) -> None:
        self._totals_timer = None
        report = self.report
        if report is None:
            return
        figures = report.figures
        table = self.table
        if table.visible_row_count == table.row_count:
            shown = figures.all
        else:
            shown = figures.totals(self.visible_positions())
        # Worked out after typing stops, so a new layout (a second line at 80 columns)
        # never delays a keystroke.
        self.query_one("#report-totals", Static).update(describe_totals(shown, len(report.calls)))

    @property
    def totals_text(self) -> str:
        return str(self.query_one("#report-totals", Static).content)

    @property
    def totals_pending(self) -> bool:
        """True between a filter keystroke and the totals it leads to."""
        return self._totals_timer is not None

    def on_key(self, event: events.Key) -> None:
        """A digit or + typed on the table starts a new filter with it."""
        character = event.character
        if character and character in "+0123456789" and self.table.has_focus:
            event.stop()
            event.prevent_default()
            field = self.filter_input
            field.value = character
            field.cursor_position = len(field.value)
            field.focus()

    def focus_filter(self) -> None:
        """Focus the filter with its text selected, so typing replaces it."""
        field = self.filter_input
        field.focus()
        field.selection = Selection(0, len(field.value))

    # -- actions on the selected call, and on the calls shown --------------------------

    def _selected_or_warn(self) -> CallRecord | None:
        call = self.selected_call()
        if call is None:
            self.notify(_("Select a call first."), severity="warning")
        return call

    def call_back(self, own_numbers: Collection[str]) -> None:
        """Click-to-call the other party of the selected call (the dialog asks first)."""
        call = self._selected_or_warn()
        if call is None:
            return
        number = call_back_number(call, self.direction, own_numbers)
        call_number(self.app, number, who=number)

    def copy_link(self) -> None:
        """Copy the selected call's recording link (OSC 52: works over SSH in most terminals)."""
        call = self._selected_or_warn()
        if call is None:
            return
        kind = recording_kind(call.file)
        if kind is Recording.NONE:
            self.notify(
                _("This call has no recording: recording was off when it started."),
                severity="warning",
            )
            return
        self.app.copy_to_clipboard(call.file)
        if kind is Recording.LINK:
            self.notify(call.file, title=_("Recording link copied"))
        else:
            self.notify(
                _(
                    "This recording went to your account's FTP server; its file name "
                    "{file} is copied."
                ).format(file=call.file),
                title=_("Recording file name copied"),
            )

    def export(self, now: float) -> None:
        """Ask where, then write the calls shown (in the order shown) to a CSV file."""
        report = self.report
        if report is None:
            return
        calls = self.visible_calls()
        if not calls:
            self.notify(_("No calls to export: the filter hides them all."), severity="warning")
            return
        CallExport(self, calls, report.report_id, filtered=self.filtered).start(now)

    def on_call_export_finished(self, message: CallExport.Finished) -> None:
        message.stop()
        message.export.finish(message)
