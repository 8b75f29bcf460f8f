"""Staffing: which agent serves which Call Center campaign, live, and moving them.

A grid of agents (rows) by campaigns (columns), then each agent's direct number
(`ddi`); a cell says "in" (takes the
campaign's incoming calls), "out" (makes its outgoing calls) and ★ for the
agent's default outbound campaign. The first row holds each queue's free
agents / calls waiting, the figures the questions below quote. With the cursor
on a cell: `i` adds the agent to that inbound campaign or removes them, `o`
does the same for outbound, `d` makes it the default outbound campaign. Each
asks first and says what the change would leave behind: for inbound, the
queue's free agents and waiting calls ("Infolinia would have 0 free agents with
4 calls waiting"); for outbound, what `outbound.py` can tell from the agent
list and the queues, and plainly that SPIKON gives no outbound figures.

The grid polls like the monitor (it is a `MonitorScreen` sharing the app's
tracker): each round fetches `cc_agent/list`, every campaign's
`cc_monitor/show` and, now and then, `cc_campaigns/list`; the next round is due
when the last has finished; polling pauses while the screen is hidden. Cells
are updated in place, so cursor and scroll stay put. A failed poll keeps the
last figures and membership on screen and the status line says how old they
are and why.

`read_only` hides every action. Every action done is appended to the audit log
(`staffing_audit.py`) with its result.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rich.markup import escape
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from spikon_tui.api.client import SpikonClient
from spikon_tui.api.models import ActionStatus, CcAgent, CcCampaign
from spikon_tui.formatting import format_age
from spikon_tui.i18n import N_, _, ngettext
from spikon_tui.monitor import MonitorTracker, Snapshot
from spikon_tui.monitor.clock import Clock
from spikon_tui.monitor.freshness import FreshnessStatus, PollHealth
from spikon_tui.monitor.staffing_changes import (
    StaffingAction,
    StaffingChange,
    change_for,
    membership,
)
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.screens.base import ESCAPE_ACTION, ESCAPE_BINDINGS, HELP_BINDING
from spikon_tui.ui.screens.monitor import poller as monitor_poller
from spikon_tui.ui.screens.monitor.base import MonitorScreen, combine_freshness
from spikon_tui.ui.screens.monitor.poller import PollRound, poll_campaigns
from spikon_tui.ui.screens.monitor.staffing_audit import append_audit, default_audit_path
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.monitor_status import MonitorStatus, freshness_at
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.virtual_table import Cell, Column, Row, VirtualTable

ACTIONS = ("toggle_in", "toggle_out", "set_default")
FIGURES_ROW = "figures"
"""The row key of the first row: each campaign's free agents / calls waiting."""
LIST_EVERY = 600.0
"""Seconds (by the clock) between fetches of the campaign list, when nothing calls for one."""
DASH = "—"
DDI_LABEL = "DDI"
"""The agent's direct number (`cc_agent/list`'s `ddi`), last so the campaigns stay in view;
"DDI" is the term in Polish too."""


def shown_path(path: Path) -> str:
    """The path with the home folder as ~ (shorter, and fits one line at 80 columns)."""
    try:
        return f"~/{path.relative_to(Path.home()).as_posix()}"
    except (ValueError, RuntimeError):  # not under home, or no home folder known
        return str(path)


@dataclass(frozen=True, slots=True)
class StaffingRound(PollRound):
    """One round of the staffing screen: the monitor's round plus the agent list."""

    agents: tuple[CcAgent, ...] | None = None
    agents_error: Exception | None = None
    agents_at: float = 0.0
    agents_latency: float = 0.0
    sequence: int = 0
    """The scheduler's poll number when the round started."""


async def fetch_agents(
    client: SpikonClient, clock: Clock
) -> tuple[tuple[CcAgent, ...] | None, Exception | None, float, float]:
    """`cc_agent/list`: (agents, error, when it arrived, how long it took)."""
    timer = monitor_poller.latency_timer  # looked up now: snapshot tests replace it
    started = timer()
    try:
        agents = tuple(await client.cc_agent_list())
    except Exception as error:  # noqa: BLE001 - every failure is shown on the status line
        return None, error, clock(), 0.0
    return agents, None, clock(), max(0.0, timer() - started)


class StaffingScreen(MonitorScreen, inherit_bindings=False):
    TITLE = N_("Staffing")
    HELP = N_("""
Which agent serves which Call Center campaign, kept live. Each cell: [b]in[/b]
takes the campaign's incoming calls, [b]out[/b] makes its outgoing calls,
[b]★[/b] is the agent's default outbound campaign. The first row shows each
queue's free agents / calls waiting now (red: calls wait and nobody is free).
The last column is the agent's direct number (DDI), as SPIKON lists it.

With the cursor on a cell: [b]i[/b] adds the agent to that inbound campaign or
removes them, [b]o[/b] does the same for outbound, [b]d[/b] makes the campaign
the agent's default outbound campaign. Each asks first and says what the change
would leave behind: for inbound, the queue's free agents and waiting calls; for
outbound, how many agents would make the campaign's outgoing calls and what the
agent's inbound queues would have while the agent is on an outgoing call.
SPIKON gives no figures on outgoing calls, so nothing more is predicted.

Agents, campaigns and queue figures refresh at the monitor's interval (the line
under the title says how fresh they are; polling pauses while this screen is
hidden). When polls fail, the last figures stay, marked STALE with their age.
[b]r[/b] refreshes now. Every change is written to the audit log. Read-only
mode offers no changes.
""")
    BINDINGS = [
        HELP_BINDING,
        *ESCAPE_BINDINGS,  # back, when opened over another screen (not as the F5 mode)
        Binding("r", "poll_now", N_("Refresh")),
        Binding(
            "i",
            "toggle_in",
            N_("Inbound"),
            tooltip=N_("Add to or remove from the inbound campaign"),
        ),
        Binding(
            "o",
            "toggle_out",
            N_("Outbound"),
            tooltip=N_("Add to or remove from the outbound campaign"),
        ),
        Binding(
            "d",
            "set_default",
            N_("Default out"),
            tooltip=N_("Make it the default outbound campaign"),
        ),
    ]

    @dataclass
    class Done(Message):
        change: StaffingChange
        result: ActionStatus | None = None
        error: Exception | None = None

    def __init__(
        self,
        *,
        tracker: MonitorTracker | None = None,
        read_only: bool = False,
        audit_path: Path | str | None = None,
    ) -> None:
        super().__init__(tracker=tracker)
        self.read_only = read_only
        self.audit_path = Path(audit_path) if audit_path is not None else default_audit_path()
        self.agents: dict[int, CcAgent] = {}
        self.campaigns: list[CcCampaign] = []
        self.loads = 0
        """Agent lists taken (the grid's membership redrawn from a fresh answer)."""
        self.busy = False
        self.list_at: float | None = None
        self._agent_health: PollHealth | None = None
        self._outdated_through = 0
        self._freshness: dict[int, FreshnessStatus] = {}
        self._freshness_at = 0.0
        self._shown_note = ""
        self._cursor_placed = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield MonitorStatus(id="monitor-status")
        self._shown_note = self._note()
        yield Static(self._shown_note, id="staffing-note")
        yield VirtualTable(self._columns(), id="staffing-table", cell_cursor=True, sortable=False)
        yield KeysFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == ESCAPE_ACTION:
            return super().check_action(action, parameters)
        return not (action in ACTIONS and self.read_only)

    @property
    def agent_health(self) -> PollHealth:
        """The agent list's freshness, on the tracker's interval."""
        if self._agent_health is None:
            self._agent_health = PollHealth(self.tracker.interval, grace=self.tracker.grace)
        self._agent_health.interval = self.tracker.interval
        return self._agent_health

    # -- polling (MonitorScreen schedules, pauses and feeds the tracker) --------------------

    def _list_due(self) -> bool:
        if self.list_at is None or self.list_problem is not None:
            return True
        if self.clock() - self.list_at >= LIST_EVERY:
            return True
        known = {campaign.id for campaign in self.campaigns}
        return any(
            cid not in known
            for agent in self.agents.values()
            for cid in (*agent.in_campaigns, *agent.out_campaigns)
        )

    async def fetch_round(self) -> StaffingRound:
        client, clock = spikon_client(self), spikon_app(self).session.clock
        sequence = self.scheduler.polls_started
        queues, (agents, error, agents_at, latency) = await asyncio.gather(
            poll_campaigns(
                client,
                clock,
                campaign_ids=[campaign.id for campaign in self.campaigns],
                fetch_list=self._list_due(),
            ),
            fetch_agents(client, clock),
        )
        return StaffingRound(
            polls=queues.polls,
            campaigns=queues.campaigns,
            list_error=queues.list_error,
            started_at=queues.started_at,
            finished_at=queues.finished_at,
            agents=agents,
            agents_error=error,
            agents_at=agents_at,
            agents_latency=latency,
            sequence=sequence,
        )

    def on_monitor_screen_polled(self, message: MonitorScreen.Polled) -> None:
        # Take the agents first; then the base class (called here, not again by
        # Textual's handler chain) ingests the queues and calls `draw`.
        message.prevent_default()
        self._take_agents(message.round)
        super().on_monitor_screen_polled(message)

    def _take_agents(self, result: PollRound) -> None:
        health = self.agent_health
        if not isinstance(result, StaffingRound):  # the whole round failed
            health.record_failure(result.finished_at, result.list_error or _("no answer"))
            return
        if result.agents is None:
            health.record_failure(result.agents_at, result.agents_error or _("no answer"))
            return
        if result.sequence <= self._outdated_through:
            return  # asked before the last change was answered: it may not show it yet
        health.record_success(result.agents_at, result.agents_latency)
        self.agents = {agent.id: agent for agent in result.agents}
        self.loads += 1

    def campaigns_listed(self, campaigns: tuple[CcCampaign, ...]) -> None:
        self.list_at = self.clock()
        self.campaigns = list(campaigns)

    def next_delay(self) -> float:
        """The interval while anything answers; backed off only when everything fails."""
        health = self.agent_health
        delays = [
            self.tracker.backoff.delay(
                health.failures_in_row, fatal=health.fatal_reason is not None
            )
        ]
        if self.campaigns:
            delays.append(self.tracker.next_delay())
        return min(delays)

    def freshness(self, now: float) -> FreshnessStatus:
        stale_after = 2 * self.tracker.interval + self.tracker.grace
        return combine_freshness(
            [
                self.agent_health.status(now),
                *(
                    freshness_at(status, self._freshness_at, now, stale_after)
                    for status in self._freshness.values()
                ),
            ]
        )

    # -- drawing ---------------------------------------------------------------------------

    def draw(self, now: float) -> None:
        self._freshness = {
            campaign.id: self.tracker.view(campaign.id, now, buckets=1).freshness
            for campaign in self.campaigns
        }
        self._freshness_at = now
        self._draw_grid(now)
        note = self._note()
        if note != self._shown_note:  # an update costs a layout: only when the words change
            self._shown_note = note
            self.query_one("#staffing-note", Static).update(note)

    def tick(self, now: float) -> None:
        """Between polls only the STALE marks can change: redraw the figures row."""
        table = self.query_one("#staffing-table", VirtualTable)
        cells = self._figures_row(now)
        if table.row_count and len(table.columns) == len(cells):
            table.update_rows([Row(FIGURES_ROW, cells)], remove_missing=False)

    def _note(self) -> str:
        if self.read_only:
            return _("read-only: no changes can be made here")
        if not self.agents:
            health = self._agent_health
            if health is not None and health.failures_in_row:
                return _("The agents could not be loaded yet; trying again (see the line above).")
            return _("loading…")
        return _("Changes are logged to {path}").format(path=shown_path(self.audit_path))

    def _figures_cell(
        self, campaign_id: int, snapshots: Mapping[int, Snapshot], now: float
    ) -> Text:
        snapshot = snapshots.get(campaign_id)
        if snapshot is None:
            return Text(DASH, style="dim")
        figures = snapshot.figures
        text = Text(f"{figures.free_agents} / {figures.calls_waiting}")
        theme = self.app.current_theme
        if figures.free_agents == 0 and figures.calls_waiting:
            text.stylize(f"bold {theme.error}")
        status = self._freshness.get(campaign_id)
        stale_after = 2 * self.tracker.interval + self.tracker.grace
        if status is not None and freshness_at(status, self._freshness_at, now, stale_after).stale:
            text.append(" " + _("STALE"), style=f"bold {theme.warning}")
        return text

    def _figures_row(self, now: float) -> tuple[Cell, ...]:
        snapshots = self.tracker.snapshots()
        return (
            Text(_("free / waiting"), style="bold"),
            "",
            *(self._figures_cell(campaign.id, snapshots, now) for campaign in self.campaigns),
            "",
        )

    def _rows(self, now: float) -> list[Row]:
        rows = [Row(FIGURES_ROW, self._figures_row(now))]
        for agent in self.agents.values():
            cells: tuple[Cell, ...] = (
                agent.name,
                agent.sip,
                *(Text(membership(agent, c.id)) for c in self.campaigns),
                agent.ddi.strip() or DASH,
            )
            rows.append(Row(str(agent.id), cells))
        return rows

    def _columns(self) -> list[Column]:
        """Agent, SIP login, one column per campaign (key `c<id>`), DDI."""
        return [
            Column("agent", _("Agent")),
            Column("sip", _("SIP login")),
            *(Column(f"c{campaign.id}", campaign.name) for campaign in self.campaigns),
            Column("ddi", DDI_LABEL),
        ]

    def _draw_grid(self, now: float) -> None:
        table = self.query_one("#staffing-table", VirtualTable)
        columns = self._columns()
        if list(table.columns) == columns:
            table.update_rows(self._rows(now))
        else:  # the campaigns changed (added, gone, renamed): the cursor stays on its cell
            table.set_columns(columns, self._rows(now))
        if not self._cursor_placed and self.agents:
            # Start on the first agent's first campaign, where i, o and d apply.
            self._cursor_placed = True
            first = columns[2].key if self.campaigns else "agent"
            table.move_cursor(1, column=first)

    # -- the cell under the cursor ---------------------------------------------------------

    def selected(self) -> tuple[CcAgent, CcCampaign] | None:
        table = self.query_one("#staffing-table", VirtualTable)
        row = table.cursor_row_key
        column = table.cursor_column or ""
        if row is None:
            return None
        if row == FIGURES_ROW:
            self.notify(_("Move the cursor to an agent's row first."), timeout=4)
            return None
        if not column.startswith("c"):
            self.notify(_("Move the cursor to a campaign's column first."), timeout=4)
            return None
        agent = self.agents.get(int(str(row)))
        campaign_id = int(column[1:])
        campaign = next((c for c in self.campaigns if c.id == campaign_id), None)
        if agent is None or campaign is None:
            return None
        return agent, campaign

    def _age_warning(self) -> str:
        """A line for the question when its figures are old; empty when they are fresh."""
        fresh = self.freshness(self.clock())
        if not fresh.loaded or not (fresh.stale or fresh.failures_in_row):
            return ""
        count = fresh.failures_in_row
        failed = (
            _("the last poll failed")
            if count == 1
            else ngettext(
                "the last {count} polls failed", "the last {count} polls failed", count
            ).format(count=count)
        )
        careful = _("Careful: these figures are from {age} ago; {failed}.").format(
            age=format_age(fresh.age or 0.0), failed=failed
        )
        return "\n\n" + careful

    def _ask(self, action: StaffingAction) -> None:
        if self.read_only:
            return
        if self.busy:
            self.notify(_("The last change is still waiting for SPIKON's answer."), timeout=4)
            return
        chosen = self.selected()
        if chosen is None:
            return
        agent, campaign = chosen
        if action == "set_default" and agent.default_out_campaign == campaign.id:
            self.notify(
                _("{campaign} already is {agent}'s default.").format(
                    campaign=campaign.name, agent=agent.name
                ),
                timeout=4,
            )
            return
        change = change_for(action, agent, campaign, self.tracker, self.agents.values())

        def answered(yes: bool | None) -> None:
            if yes and not self.busy:
                self.busy = True
                self.apply(change)

        question = escape(change.question + self._age_warning())
        self.app.push_screen(
            ConfirmDialog(question, yes_label=change.yes_label, danger=change.danger), answered
        )

    def action_toggle_in(self) -> None:
        self._ask("toggle_in")

    def action_toggle_out(self) -> None:
        self._ask("toggle_out")

    def action_set_default(self) -> None:
        self._ask("set_default")

    # -- doing it ------------------------------------------------------------------------

    @work(group="staffing-change")
    async def apply(self, change: StaffingChange) -> None:
        method = getattr(spikon_client(self), change.method)
        try:
            result = await method(change.agent.id, change.campaign.id)
        except Exception as error:  # noqa: BLE001 - shown and logged by on_staffing_screen_done
            self.post_message(self.Done(change, error=error))
            return
        self.post_message(self.Done(change, result=result))

    def on_staffing_screen_done(self, message: Done) -> None:
        self.busy = False
        change, error = message.change, message.error
        unknown = error is not None and getattr(error, "outcome_unknown", False)
        if error is not None:
            result = describe_error(error)
            if unknown:
                result = _("outcome unknown: {error}").format(error=result)
        elif message.result is not None and not message.result.ok:
            result = _("SPIKON answered {status}").format(status=repr(message.result.status))
        else:
            result = "OK"
        session = spikon_app(self).session
        try:
            append_audit(
                self.audit_path,
                at=session.clock(),
                profile=session.profile,
                what=change.what,
                result=result,
            )
        except OSError as error:
            self.notify(
                _("The change was not written to the audit log {path}: {error}").format(
                    path=self.audit_path, error=error
                ),
                title=_("Audit log"),
                severity="error",
                timeout=20,
            )
        if result == "OK":
            self.notify(_("Done: {change}.").format(change=change.what), title=_("Staffing"))
        elif unknown and error is not None:
            self.notify(
                _(
                    "{error} The grid shows what SPIKON has after the "
                    "next poll; check it before trying again."
                ).format(error=describe_error(error)),
                title=_("Not known whether SPIKON did it: {change}").format(change=change.what),
                severity="warning",
                timeout=30,
            )
        else:
            self.notify(
                result,
                title=_("Could not {change}").format(change=change.what),
                severity="error",
                timeout=15,
            )
        # An agent list asked for before this answer may not show the change: skip it.
        self._outdated_through = self.scheduler.polls_started
        self.scheduler.poll_now()
