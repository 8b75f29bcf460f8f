"""Every Call Center campaign at a glance, worst first, polled concurrently.

Each round asks for the campaign list (on the first round, after a failure,
and every ten minutes), then `cc_monitor/show` for every campaign at once. The
table is ranked by the tracker (`overview()`: alert level, longest wait,
waiting calls, SLA shortfall) and updated in place: rows move, the cursor stays
on the campaign it was on. Enter opens the campaign in detail, sharing this
screen's tracker (history, alerts) with it.

Each row shows the campaign's name and its status (ALERT / warn / ok, STALE,
muted) side by side at every width: those two columns never give way. When the
terminal is too narrow for the rest, columns are hidden in this order
(`Column.drop_order`, repeated in the F1 help): abandon rate, unanswered,
answered, busy agents, the rank (#), SLA / target, longest wait, free agents,
waiting calls. At 80 columns that leaves #, campaign, status, waiting,
longest, free and SLA; at 60, campaign, status, waiting, longest and free.

The abandon rate is `unanswered / (answered + unanswered)` since the counters
were last reset, the same calls as the Answered and Unanswered columns beside
it (`figures.abandon_rate`), so it is known from the first poll; the detail
screen adds the 15- and 60-minute rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding

from spikon_tui.api.models import CcCampaign
from spikon_tui.formatting import format_duration
from spikon_tui.i18n import N_, _
from spikon_tui.monitor import CampaignSummary, MonitorTracker
from spikon_tui.monitor.alert_rules import Level
from spikon_tui.monitor.figures import abandon_rate
from spikon_tui.monitor.freshness import FreshnessStatus
from spikon_tui.ui.screens.monitor.base import (
    MonitorScreen,
    busy_agents_label,
    combine_freshness,
    hold_note,
    translated_columns,
)
from spikon_tui.ui.screens.monitor.poller import DEFAULT_INTERVAL, PollRound, poll_campaigns
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.monitor_status import MonitorStatus, freshness_at
from spikon_tui.ui.widgets.steady_static import SteadyStatic
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.virtual_table import Column, Row, VirtualTable

LIST_EVERY = 600.0
"""Seconds (by the clock) between fetches of the campaign list."""

COLUMNS = (
    Column("rank", "#", width=3, align="right", drop_order=5),
    Column("campaign", N_("Campaign"), flex=True, min_width=12),
    Column("status", N_("Status"), width=17),  # "ALERT STALE muted"
    Column("waiting", N_("Waiting"), width=7, align="right", drop_order=9),
    Column("longest", N_("Longest"), width=7, align="right", drop_order=7),
    Column("free", N_("Free"), width=4, align="right", drop_order=8),
    # busy agents: `busy_agents_label`
    Column("busy", "Busy", width=4, align="right", drop_order=4),
    Column("sla", N_("SLA / target"), width=12, drop_order=6),
    Column("answered", N_("Answered"), width=8, align="right", drop_order=3),
    Column("unanswered", N_("Unanswered"), width=10, align="right", drop_order=2),
    Column("abandon", N_("Abandoned"), width=9, align="right", drop_order=1),
)
"""The overview's columns, labels in English: `translated_columns` at use. Campaign and
status never give way; the others are hidden by `drop_order`, lowest first."""

DASH = "—"
STATUS_WIDTH = (17, 24)
"""The status column fits "ALERT STALE muted" and "ALERT · 60 s muted" in the interface
language (Polish needs more than English), within these bounds."""


def status_width() -> int:
    """Cells for the status column: its longest usual text, in the interface language."""
    alert, muted = _("ALERT"), _("muted")
    longest = max(
        cell_len(f"{alert} {_('STALE')} {muted}"), cell_len(f"{alert}{hold_note(60, 0)} {muted}")
    )
    low, high = STATUS_WIDTH
    return max(low, min(high, longest))


def level_text(level: Level, theme_styles: dict[str, str]) -> Text:
    if level is Level.ALERT:
        return Text(_("ALERT"), style=theme_styles["alert"])
    if level is Level.WARN:
        return Text(_("warn"), style=theme_styles["warn"])
    return Text(_("ok"), style=theme_styles["ok"])


def percent(rate: float | None) -> str:
    """A share (0..1) as a whole percent, "12 %"; a dash when unknown."""
    return DASH if rate is None else f"{rate * 100:.0f} %"


def summary_cells(
    rank: int, summary: CampaignSummary, muted: bool, styles: dict[str, str], now: float
) -> tuple[str | Text, ...]:
    """One overview row, in `COLUMNS` order."""
    name = Text(summary.name, style="dim" if summary.stale else "")
    status = level_text(summary.level, styles) if summary.loaded else Text(_("no data"), "dim")
    if summary.loaded and not summary.stale:
        status.append(hold_note(summary.holding_until, now), style="dim")
    if summary.stale:
        status.append(" " + _("STALE"), style=styles["warn"])
    if muted:
        status.append(" " + _("muted"), style="dim")
    if not summary.loaded:
        return (str(rank), name, status, DASH, DASH, DASH, DASH, DASH, DASH, DASH, DASH)
    waiting = summary.calls_waiting or 0
    free = Text(str(summary.free_agents))
    if summary.free_agents == 0 and waiting:
        free.stylize(styles["alert"])
    wait = summary.longest_wait
    longest = DASH if wait is None else format_duration(int(wait))
    target = f"{summary.sla_target:g} %" if summary.sla_target is not None else DASH
    sla = Text(f"{summary.sla if summary.sla is not None else DASH} % / {target}")
    if summary.sla is None:
        sla = Text(f"{DASH} / {target}")
    elif summary.sla_shortfall:
        sla.stylize(styles["warn"])
    return (
        str(rank),
        name,
        status,
        str(waiting),
        longest,
        free,
        str(summary.busy_members),
        sla,
        str(summary.answered),
        str(summary.unanswered),
        percent(abandon_rate(summary.answered, summary.unanswered)),
    )


class MonitorOverviewScreen(MonitorScreen):
    TITLE = N_("Monitor")
    HELP = N_("""
Every Call Center campaign at a glance, the worst first: alert level, then the
longest wait, then the waiting calls, then how far the SLA falls short of its
target. All campaigns are polled together; the line under the title says how
fresh the figures are. When polls fail the last figures stay, marked STALE with
their age, and the monitor reconnects by itself.

Each row shows the campaign and its status (ALERT, warn or ok; STALE; muted)
next to each other at any width. On a narrow terminal the other columns give
way in this order: abandoned (the share of calls since the counters were reset
that nobody answered), unanswered, answered, busy agents, #, SLA / target,
longest wait, free agents, waiting calls.

[b]enter[/b] opens the campaign under the cursor in detail. [b]a[/b] acknowledges
its alerts, [b]m[/b] mutes them. [b]p[/b] freezes the screen (polling goes on).
[b]+[/b] / [b]-[/b] change the refresh interval; [b]e[/b] exports the 15- and
60-minute figures of every campaign to CSV.
""")
    BINDINGS = [Binding("enter", "open_detail", N_("Open"), show=False)]

    def __init__(
        self,
        campaign_ids: Sequence[int] | None = None,
        *,
        tracker: MonitorTracker | None = None,
        interval: float = DEFAULT_INTERVAL,
        detail_options: dict | None = None,
    ) -> None:
        """`campaign_ids` limits the overview to those campaigns (all by default)."""
        super().__init__(tracker=tracker, interval=interval)
        self.only = list(campaign_ids) if campaign_ids else None
        self.detail_options = detail_options or {}
        self.list_at: float | None = None
        self._freshness: dict[int, FreshnessStatus] = {}
        self._freshness_at = 0.0

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SteadyStatic(_("All campaigns, worst first"), classes="monitor-title")
        yield MonitorStatus(id="monitor-status")
        columns = tuple(
            replace(column, width=status_width()) if column.key == "status" else column
            for column in translated_columns(COLUMNS, busy=busy_agents_label())
        )
        table = VirtualTable(columns, id="overview-table")
        table.sort_by("rank")
        table.empty_text = _("No campaigns yet")
        yield table
        yield KeysFooter()

    # -- polling -----------------------------------------------------------------------

    def campaign_ids(self) -> list[int]:
        if self.only is not None:
            return list(self.only)
        return self.tracker.campaign_ids

    async def fetch_round(self) -> PollRound:
        now = self.clock()
        fetch_list = (
            self.list_at is None
            or self.list_problem is not None
            or now - self.list_at >= LIST_EVERY
        )
        return await poll_campaigns(
            spikon_client(self),
            spikon_app(self).session.clock,
            campaign_ids=self.campaign_ids(),
            fetch_list=fetch_list,
            only=self.only,
        )

    def campaigns_listed(self, campaigns: tuple[CcCampaign, ...]) -> None:
        self.list_at = self.clock()
        if self.only is None:
            listed = {campaign.id for campaign in campaigns}
            for gone in [cid for cid in self.tracker.campaign_ids if cid not in listed]:
                self.tracker.forget(gone)

    def next_delay(self) -> float:
        if self.list_problem is not None and not self.campaign_ids():
            return self.tracker.backoff.delay(self.list_failures, fatal=self.list_fatal is not None)
        return self.tracker.next_delay()

    # -- drawing -----------------------------------------------------------------------

    def _styles(self) -> dict[str, str]:
        theme = self.app.current_theme
        return {
            "alert": f"bold {theme.error}",
            "warn": f"bold {theme.warning}",
            "ok": f"{theme.success}",
        }

    def draw(self, now: float) -> None:
        tracker = self.tracker
        ids = self.campaign_ids()
        self._freshness = {cid: tracker.view(cid, now, buckets=1).freshness for cid in ids}
        self._freshness_at = now
        self.tick(now)

    def tick(self, now: float) -> None:
        self._draw_table(now)

    def _draw_table(self, now: float) -> None:
        wanted = set(self.campaign_ids())
        styles = self._styles()
        alerts = self.tracker.alerts
        rows = []
        summaries = [s for s in self.tracker.overview(now) if s.campaign_id in wanted]
        for rank, summary in enumerate(summaries, start=1):
            muted = alerts.is_muted(summary.campaign_id, now)
            cells = summary_cells(rank, summary, muted, styles, now)
            rows.append(Row(summary.campaign_id, cells, (rank,)))
        self.query_one("#overview-table", VirtualTable).update_rows(rows)

    def freshness(self, now: float) -> FreshnessStatus:
        stale_after = 2 * self.tracker.interval + self.tracker.grace
        return combine_freshness(
            freshness_at(status, self._freshness_at, now, stale_after)
            for status in self._freshness.values()
        )

    # -- moving on ---------------------------------------------------------------------

    def current_campaign_id(self) -> int | None:
        key = self.query_one("#overview-table", VirtualTable).cursor_row_key
        return key if isinstance(key, int) else None

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.action_open_detail()

    def action_open_detail(self) -> None:
        campaign = self.current_campaign_id()
        if campaign is None:
            return
        from spikon_tui.ui.screens.monitor.detail import MonitorDetailScreen

        self.app.push_screen(
            MonitorDetailScreen(campaign, tracker=self.tracker, **self.detail_options)
        )
