"""The list of earlier call history reports: id, state, age and what each one holds.

Ages come from the report ledger and the session clock; a report ordered outside
this app shows "≥" before its age (it is at least that old). The newest report is
on top; rows are updated by id, so the cursor stays put while ages tick.
"""

from __future__ import annotations

from spikon_tui.calls.ledger import ReportEntry, ReportState
from spikon_tui.formatting import format_age
from spikon_tui.i18n import _, ngettext
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable


def age_text(entry: ReportEntry, now: float) -> str:
    age = format_age(entry.age(now))
    return age if entry.age_is_exact else f"≥ {age}"


def contents_text(entry: ReportEntry) -> str:
    """'incoming · 2025-06-09 – 2025-06-15 · all calls · 142 calls'."""
    what = entry.request.describe() if entry.request is not None else _("ordered outside this app")
    if entry.call_count is not None:
        count = f"{entry.call_count:,}".replace(",", " ")
        calls = ngettext("{count} call", "{count} calls", entry.call_count).format(count=count)
        what += f" · {calls}"
    return what


def report_row(entry: ReportEntry, now: float) -> Row:
    state = _(entry.state(now).value)
    return Row(
        key=entry.id,
        cells=(f"#{entry.id}", state, age_text(entry, now), contents_text(entry)),
        sort_values=(entry.id, state, entry.age(now)),
    )


class ReportsTable(VirtualTable):
    """Earlier reports, newest first; enter opens the one under the cursor."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            [
                Column("id", _("Report"), align="right"),
                Column("state", _("State"), width=len(_(ReportState.GENERATING.value))),
                Column("age", _("Age"), align="right", width=8),
                Column("contents", _("Contents"), flex=True, min_width=20),
            ],
            filter_columns=["contents"],
            id=id,
        )
        self.empty_text = _("Loading the list of reports…")

    def on_mount(self) -> None:
        self.sort_by("id", reverse=True)  # new reports are added at the end: keep them on top
