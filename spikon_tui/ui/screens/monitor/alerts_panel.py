"""F9 Alerts: every alert of the shift, to read back after its toast has gone.

One row per episode (see ``monitor/alert_log.py``), newest first: when it was
raised, the campaign, the level, whether it is still active, acknowledged,
muted (until when) or cleared (when). Under the table the row under the
cursor is spelled out: the rule in words with the figures that broke it,
since when the figures broke it, and each time it was handled. `a`
acknowledges the campaign's active alerts, `e` exports the log as CSV.

It is a dialog over the screen it was opened from, so a monitor below keeps
polling and the panel follows it (it redraws when the log changes).
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer

from spikon_tui.i18n import N_, _, ngettext
from spikon_tui.monitor import MonitorTracker
from spikon_tui.monitor.alert_log import AlertEntry, write_alert_csv
from spikon_tui.monitor.alert_rules import Level
from spikon_tui.ui.csv_export import export_in_background
from spikon_tui.ui.dialogs.save import SaveDialog, default_download_path
from spikon_tui.ui.screens.monitor.base import translated_columns
from spikon_tui.ui.typed_app import spikon_app
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.monitor_status import clock_time
from spikon_tui.ui.widgets.steady_static import SteadyStatic
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

COLUMNS = (
    Column("raised", N_("Raised"), width=8, drop_order=1),
    Column("campaign", N_("Campaign"), flex=True, min_width=10),
    Column("rule", N_("Rule"), drop_order=2),
    Column("level", N_("Level")),
    Column("state", N_("State"), width=22),
)
"""At 60 columns the time raised gives way first, then the rule (the lines under the
table say both for the alert under the cursor)."""
REDRAW_SECONDS = 1.0


def entry_state(entry: AlertEntry, now: float) -> str:
    """ "active", "acknowledged 10:45", "muted until 11:00", "cleared 10:52"."""
    if entry.cleared_at is not None:
        return _("cleared {time}").format(time=clock_time(entry.cleared_at))
    if entry.muted_at(now):
        if entry.muted_until is None:
            return _("muted")
        return _("muted until {time}").format(time=clock_time(entry.muted_until))
    if entry.acknowledged_at is not None:
        return _("acknowledged {time}").format(time=clock_time(entry.acknowledged_at))
    return _("active")


def entry_details(entry: AlertEntry, now: float) -> str:
    """The row under the cursor in full, for the lines under the table."""
    lines = [
        f"{entry.campaign}: {entry.reason}",
        _("Figures broke the rule since {since}; raised at {raised}.").format(
            since=clock_time(entry.since), raised=clock_time(entry.raised_at)
        ),
    ]
    handled = []
    if entry.acknowledged_at is not None:
        handled.append(_("acknowledged at {time}").format(time=clock_time(entry.acknowledged_at)))
    if entry.muted_at(now):
        handled.append(entry_state(entry, now) if entry.active else _("muted"))
    if entry.cleared_at is not None:
        handled.append(_("cleared at {time}").format(time=clock_time(entry.cleared_at)))
    elif not handled:
        handled.append(_("still active"))
    lines.append(", ".join(handled).capitalize() + ".")
    return "\n".join(lines)


class AlertsPanel(ModalScreen[None]):
    TITLE = N_("Alerts")
    HELP = N_("""
Every alert of this session, newest first, kept after its toast has gone: when
it was raised, the campaign, the level and what has happened to it since
(acknowledged, muted, cleared). The lines under the table spell out the alert
under the cursor: the rule that was broken, with the figures that broke it.

An alert is raised once the figures have broken a rule for the rule's hold
time; the monitor shows the level at once. [b]a[/b] acknowledges the
campaign's active alerts (you hear again only if things get worse), [b]e[/b]
exports the list as CSV, [b]escape[/b] or [b]f9[/b] closes the panel.
""")
    BINDINGS = [
        Binding("escape", "dismiss", N_("Close")),
        Binding("a", "acknowledge", N_("Acknowledge")),
        Binding("e", "export", N_("Export CSV")),
    ]

    def __init__(self, tracker: MonitorTracker) -> None:
        super().__init__()
        self.tracker = tracker
        self._drawn_version: int | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="alerts-panel"):
            yield TitleBar()
            yield SteadyStatic("", id="alerts-heading", classes="monitor-title")
            table = VirtualTable(translated_columns(COLUMNS), id="alerts-table")
            table.empty_text = _("No alert so far in this session")
            yield table
            yield SteadyStatic("", id="alerts-details")
            yield KeysFooter()

    def on_mount(self) -> None:
        self.title = _(self.TITLE)
        self.app.clear_notifications()  # the alerts' toasts: all of them are listed here
        self._draw()
        self._timer = self.set_interval(REDRAW_SECONDS, self._draw_if_changed)
        self.query_one("#alerts-table", VirtualTable).focus()

    def _now(self) -> float:
        return self.tracker.clock()

    def _draw_if_changed(self) -> None:
        if self.tracker.alert_log.version != self._drawn_version:
            self._draw()

    def _styles(self) -> dict[Level, str]:
        theme = self.app.current_theme
        return {
            Level.ALERT: f"bold {theme.error}",
            Level.WARN: f"bold {theme.warning}",
            Level.OK: "",
        }

    def _draw(self) -> None:
        log = self.tracker.alert_log
        self._drawn_version = log.version
        now = self._now()
        styles = self._styles()
        entries = log.entries()
        rows = []
        for entry in reversed(entries):
            word = entry.worst.label
            level = Text(word.upper() if entry.worst is Level.ALERT else word)
            level.stylize(styles[entry.worst])
            state = entry_state(entry, now)
            rows.append(
                Row(
                    entry.number,
                    (
                        clock_time(entry.raised_at),
                        entry.campaign,
                        entry.metric.label,
                        level,
                        Text(state, style="" if entry.active else "dim"),
                    ),
                    (-entry.number,),
                )
            )
        table = self.query_one("#alerts-table", VirtualTable)
        table.update_rows(rows)
        active = log.active_count()
        heading = ngettext(
            "{count} alert in this session, {active} active",
            "{count} alerts in this session, {active} active",
            len(entries),
        ).format(count=len(entries), active=active)
        self.query_one("#alerts-heading", SteadyStatic).update(heading)
        self._draw_details()

    def _selected(self) -> AlertEntry | None:
        key = self.query_one("#alerts-table", VirtualTable).cursor_row_key
        for entry in self.tracker.alert_log.entries():
            if entry.number == key:
                return entry
        return None

    def _draw_details(self) -> None:
        entry = self._selected()
        text = entry_details(entry, self._now()) if entry is not None else ""
        self.query_one("#alerts-details", SteadyStatic).update(text)

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        event.stop()
        self._draw_details()

    # -- keys --------------------------------------------------------------------------

    def action_acknowledge(self) -> None:
        entry = self._selected()
        if entry is None or not entry.active:
            self.notify(_("Move the cursor to an active alert first."), timeout=4)
            return
        count = self.tracker.acknowledge(entry.campaign_id)
        spikon_app(self).refresh_alert_badge(self.tracker)
        self.notify(
            ngettext(
                "{campaign}: {count} active alert acknowledged.",
                "{campaign}: {count} active alerts acknowledged.",
                count,
            ).format(campaign=entry.campaign, count=count),
            title=_("Acknowledged"),
            timeout=4,
        )
        self._draw()

    def action_export(self) -> None:
        dialog = SaveDialog(
            _("Export alerts (CSV)"),
            _("Every alert of this session, one row each. Write them to:"),
            default_download_path("spikon-alerts", ".csv", self._now()),
            action=_("Export"),
            csv=True,
        )
        self.app.push_screen(dialog, partial(self._export_to, dialog))

    def _export_to(self, dialog: SaveDialog, path: str | None) -> None:
        if not path:
            return
        flavour = dialog.flavour
        entries = self.tracker.alert_log.entries()
        export_in_background(
            self,
            path,
            lambda file: write_alert_csv(file, entries, flavour),
            written=lambda rows: ngettext(
                "{count} alert written to {path}.", "{count} alerts written to {path}.", rows
            ).format(count=rows, path=path),
            title=_("Alerts"),
            group="alerts-export",
        )
