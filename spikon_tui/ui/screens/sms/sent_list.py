"""The list of sent SMS on the SMS screen: when, to whom, the state, and the text.

Rows are keyed by the message's key and updated in place, so the cursor and the
scroll stay put while states change. Newest first; any column sorts on a click.

The recipient is named: by the name it was picked with from a phone book, else
by the phone books' name for its number however it was typed (`contact_names`),
else by its number. The rows are drawn again when the phone books finish loading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from spikon_tui.contacts.directory import NameDirectory
from spikon_tui.formatting import format_recent
from spikon_tui.i18n import _
from spikon_tui.sms import follow
from spikon_tui.sms.recipients import format_number
from spikon_tui.sms.sent import SentMessage
from spikon_tui.sms.states import Tone
from spikon_tui.ui.contact_names import contact_names
from spikon_tui.ui.widgets.filter_box import FilterBox
from spikon_tui.ui.widgets.freshness import FreshnessLabel
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

_TONE_VARIABLES = {
    Tone.GOOD: "text-success",
    Tone.BAD: "text-error",
    Tone.UNKNOWN: "text-warning",
}
"""Theme colours of the state column; states still moving keep the normal colour."""


def sent_time(epoch: float, now: float) -> str:
    """ "14:05" today, "06-15 14:05" this year, "2024-06-15" before (local time);
    in Polish "15.06 14:05" and "15.06.2024"."""
    return format_recent(datetime.fromtimestamp(epoch), datetime.fromtimestamp(now))


def recipient(record: SentMessage, names: NameDirectory) -> str:
    """The name picked, else the phone books' name for the number, else the number."""
    return record.name or names.name_for(record.number) or format_number(record.number)


def sent_row(record: SentMessage, now: float, styles: dict[Tone, str], names: NameDirectory) -> Row:
    who = recipient(record, names)
    state = Text(record.label, style=styles.get(record.tone, ""))
    preview = " ".join(record.message.split())
    return Row(
        key=record.key,
        cells=(sent_time(record.sent_at, now), who, state, preview),
        sort_values=(record.sent_at, who.casefold(), record.label, preview.casefold()),
    )


def count_text(records: Iterable[SentMessage], now: float) -> str:
    records = list(records)
    if not records:
        return _("Nothing sent yet")
    text = _("{count} sent").format(count=len(records))
    followed = sum(1 for record in records if follow.followed(record, now))
    if followed:
        text += " · " + _("{count} awaiting a final state").format(count=followed)
    return text


class SentList(Vertical):
    """Title with a filter, the table, and a status line with how fresh the states are."""

    def __init__(self, clock: Callable[[], float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clock = clock
        self._records: list[SentMessage] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="sent-title"):
            yield Static(_("Sent SMS"), classes="section-title")
            yield FilterBox(placeholder=_("Filter ( / )"), id="sent-filter", compact=True)
        yield VirtualTable(
            [
                Column("sent", _("Sent"), min_width=5),
                Column("to", _("To"), min_width=8),
                Column("state", _("State"), min_width=8),
                Column("message", _("Message"), flex=True, min_width=16),
            ],
            filter_columns=["to", "state", "message"],
            id="sent",
        )
        with Horizontal(id="sent-status"):
            yield Static("", id="sent-count")
            yield FreshnessLabel(self._clock, id="sent-freshness")

    def on_mount(self) -> None:
        self.table.sort_by("sent", reverse=True)
        self.table.empty_text = _("Sent messages show here, with their delivery state.")
        self.freshness.display = False
        contact_names(self.app).subscribe(self, self._names_loaded)

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#sent", VirtualTable)

    @property
    def freshness(self) -> FreshnessLabel:
        return self.query_one("#sent-freshness", FreshnessLabel)

    def _styles(self) -> dict[Tone, str]:
        variables = self.app.get_css_variables()
        return {tone: variables.get(name, "") for tone, name in _TONE_VARIABLES.items()}

    def show(self, records: Iterable[SentMessage]) -> None:
        """Bring the table in line with `records`, by key."""
        records = self._records = list(records)
        now = self._clock()
        styles = self._styles()
        names = contact_names(self.app).directory
        self.table.update_rows(sent_row(record, now, styles, names) for record in records)
        self.query_one("#sent-count", Static).update(count_text(records, now))
        filtered = self.table.filter_text.strip()
        if filtered and records:
            self.table.empty_text = _("No sent SMS match “{needle}”").format(needle=filtered)
        else:
            self.table.empty_text = _("Sent messages show here, with their delivery state.")

    def _names_loaded(self, names: NameDirectory) -> None:
        self.show(self._records)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "sent-filter":
            event.stop()
            self.table.set_filter(event.value)
            if event.value.strip():
                self.table.empty_text = _("No sent SMS match “{needle}”").format(
                    needle=event.value.strip()
                )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "sent-filter":
            event.stop()
            self.table.focus()
