"""Staffing: which agent serves which Call Center campaign, and moving them.

A grid of agents (rows) by campaigns (columns); a cell says "in" (takes the
campaign's incoming calls), "out" (makes its outgoing calls) and ★ for the
agent's default outbound campaign. With the cursor on a cell: `i` adds the
agent to that inbound campaign or removes them, `o` does the same for
outbound, `d` makes it the default outbound campaign. Each asks first; the
question for inbound changes says what the queue would be left with, from the
latest figures ("Infolinia would have 0 free agents with 4 calls waiting").

`read_only` hides every action. Every action done is appended to the audit log
(`staffing_audit.py`) with its result.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from spikon_tui.api.models import ActionStatus, CcAgent, CcCampaign
from spikon_tui.monitor import MonitorTracker
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.monitor_poller import CampaignPoll, make_tracker, poll_one
from spikon_tui.ui.screens.base import MainScreen
from spikon_tui.ui.staffing_audit import append_audit, default_audit_path
from spikon_tui.ui.widgets.confirm import ConfirmDialog
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.live_table import sync_table

ACTIONS = ("toggle_in", "toggle_out", "set_default")


def membership(agent: CcAgent, campaign_id: int) -> str:
    parts = []
    if campaign_id in agent.in_campaigns:
        parts.append("in")
    if campaign_id in agent.out_campaigns:
        parts.append("out")
    text = " ".join(parts) or "·"
    if agent.default_out_campaign == campaign_id:
        text += " ★"
    return text


@dataclass(frozen=True, slots=True)
class Change:
    """One staffing change: the client method, and the words for the dialog and the log."""

    method: str
    agent: CcAgent
    campaign: CcCampaign
    what: str
    question: str
    yes_label: str
    danger: bool


class StaffingScreen(MainScreen):
    TITLE = "Staffing"
    HELP = """
Which agent serves which Call Center campaign. Each cell: [b]in[/b] takes the
campaign's incoming calls, [b]out[/b] makes its outgoing calls, [b]★[/b] is the
agent's default outbound campaign.

With the cursor on a cell: [b]i[/b] adds the agent to that inbound campaign or
removes them, [b]o[/b] does the same for outbound, [b]d[/b] makes the campaign
the agent's default outbound campaign. Each asks first; for inbound changes the
question says what the queue would be left with. Every change is written to the
audit log. [b]r[/b] loads everything again. Read-only mode offers no changes.
"""
    DEFAULT_CSS = """
    StaffingScreen #staffing-table { height: 1fr; }
    StaffingScreen #staffing-note { height: auto; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("r", "reload", "Reload"),
        Binding("i", "toggle_in", "In/out of inbound"),
        Binding("o", "toggle_out", "In/out of outbound"),
        Binding("d", "set_default", "Default outbound"),
        Binding("escape", "back", "Back"),
    ]

    @dataclass
    class Loaded(Message):
        agents: list[CcAgent]
        campaigns: list[CcCampaign]
        polls: list[CampaignPoll]

    @dataclass
    class Failed(Message):
        error: Exception

    @dataclass
    class Done(Message):
        change: Change
        result: ActionStatus | None = None
        error: Exception | None = None

    def __init__(
        self,
        *,
        tracker: MonitorTracker | None = None,
        read_only: bool = False,
        audit_path: Path | str | None = None,
    ) -> None:
        super().__init__()
        self._given_tracker = tracker
        self.read_only = read_only
        self.audit_path = Path(audit_path) if audit_path is not None else default_audit_path()
        self.agents: dict[int, CcAgent] = {}
        self.campaigns: list[CcCampaign] = []
        self.loads = 0
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        note = "read-only: no changes can be made here" if self.read_only else ""
        yield Static(note or "loading…", id="staffing-note")
        yield DataTable(id="staffing-table", cursor_type="cell", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.tracker = self._given_tracker or make_tracker(clock=self.app.session.clock)
        self.action_reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in ACTIONS and self.read_only)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    # -- loading -----------------------------------------------------------------------

    def action_reload(self) -> None:
        self.load()

    @work(exclusive=True, group="staffing-load")
    async def load(self) -> None:
        client = self.app.spikon
        try:
            agents, campaigns = await asyncio.gather(
                client.cc_agent_list(), client.cc_campaigns_list()
            )
            polls = await asyncio.gather(
                *(poll_one(client, campaign.id, self.app.session.clock) for campaign in campaigns)
            )
        except Exception as error:  # noqa: BLE001 - shown by on_staffing_screen_failed
            self.post_message(self.Failed(error))
            return
        self.post_message(self.Loaded(list(agents), list(campaigns), list(polls)))

    def on_staffing_screen_loaded(self, message: Loaded) -> None:
        self.tracker.set_campaigns(message.campaigns)
        for poll in message.polls:  # the figures the confirm questions quote
            if poll.monitor is not None:
                self.tracker.ingest(poll.campaign_id, poll.monitor, poll.polled_at, poll.latency)
        self.agents = {agent.id: agent for agent in message.agents}
        self.campaigns = list(message.campaigns)
        table = self.query_one("#staffing-table", DataTable)
        wanted = ["agent", "sip", *(f"c{campaign.id}" for campaign in self.campaigns)]
        if [key.value for key in table.columns] != wanted:
            table.clear(columns=True)  # the campaigns themselves changed: new columns
            table.add_column("Agent", key="agent")
            table.add_column("SIP login", key="sip")
            for campaign in self.campaigns:
                table.add_column(campaign.name, key=f"c{campaign.id}")
        rows = {
            str(agent.id): (
                agent.name,
                agent.sip,
                *(Text(membership(agent, c.id)) for c in self.campaigns),
            )
            for agent in message.agents
        }
        with self.app.batch_update():
            sync_table(table, rows)
        self.loads += 1
        if not self.read_only:
            self.query_one("#staffing-note", Static).update(
                "i: in/out of inbound · o: in/out of outbound · d: default outbound "
                f"· changes are logged to {self.audit_path}"
            )

    def on_staffing_screen_failed(self, message: Failed) -> None:
        self.notify(describe_error(message.error), title="Staffing not loaded", severity="error")
        if not self.agents:
            self.query_one("#staffing-note", Static).update("not loaded: r tries again")

    # -- the cell under the cursor ---------------------------------------------------------

    def selected(self) -> tuple[CcAgent, CcCampaign] | None:
        table = self.query_one("#staffing-table", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate)
        column = key.column_key.value or ""
        if not column.startswith("c"):
            self.notify("Move the cursor to a campaign's column first.", timeout=4)
            return None
        agent = self.agents.get(int(key.row_key.value or 0))
        campaign_id = int(column[1:])
        campaign = next((c for c in self.campaigns if c.id == campaign_id), None)
        if agent is None or campaign is None:
            return None
        return agent, campaign

    def change_for(self, action: str, agent: CcAgent, campaign: CcCampaign) -> Change:
        who = f"agent {agent.id} ({agent.name})"
        where = f"campaign {campaign.id} ({campaign.name})"
        if action == "toggle_in":
            if campaign.id in agent.in_campaigns:
                effect = self.tracker.effect_of_removing(agent, campaign.id).text
                return Change(
                    "cc_in_campaign_remove_agent",
                    agent,
                    campaign,
                    f"remove {who} from inbound {where}",
                    f"Remove {agent.name} from the inbound campaign {campaign.name}?\n\n{effect}",
                    "Remove",
                    True,
                )
            effect = self.tracker.effect_of_adding(agent, campaign.id).text
            return Change(
                "cc_in_campaign_add_agent",
                agent,
                campaign,
                f"add {who} to inbound {where}",
                f"Add {agent.name} to the inbound campaign {campaign.name}?\n\n{effect}",
                "Add",
                False,
            )
        if action == "toggle_out":
            if campaign.id in agent.out_campaigns:
                return Change(
                    "cc_out_campaign_remove_agent",
                    agent,
                    campaign,
                    f"remove {who} from outbound {where}",
                    f"Remove {agent.name} from the outbound campaign {campaign.name}?",
                    "Remove",
                    True,
                )
            return Change(
                "cc_out_campaign_add_agent",
                agent,
                campaign,
                f"add {who} to outbound {where}",
                f"Add {agent.name} to the outbound campaign {campaign.name}?",
                "Add",
                False,
            )
        return Change(
            "cc_out_campaign_set_default",
            agent,
            campaign,
            f"set the default outbound campaign of {who} to {where}",
            f"Make {campaign.name} the default outbound campaign of {agent.name}?",
            "Set default",
            False,
        )

    def _ask(self, action: str) -> None:
        if self.read_only or self.busy:
            return
        chosen = self.selected()
        if chosen is None:
            return
        agent, campaign = chosen
        if action == "set_default" and agent.default_out_campaign == campaign.id:
            self.notify(f"{campaign.name} already is {agent.name}'s default.", timeout=4)
            return
        change = self.change_for(action, agent, campaign)

        def answered(yes: bool | None) -> None:
            if yes:
                self.busy = True
                self.apply(change)

        self.app.push_screen(
            ConfirmDialog(change.question, yes_label=change.yes_label, danger=change.danger),
            answered,
        )

    def action_toggle_in(self) -> None:
        self._ask("toggle_in")

    def action_toggle_out(self) -> None:
        self._ask("toggle_out")

    def action_set_default(self) -> None:
        self._ask("set_default")

    # -- doing it ------------------------------------------------------------------------

    @work(group="staffing-change")
    async def apply(self, change: Change) -> None:
        method = getattr(self.app.spikon, change.method)
        try:
            result = await method(change.agent.id, change.campaign.id)
        except Exception as error:  # noqa: BLE001 - shown and logged by on_staffing_screen_done
            self.post_message(self.Done(change, error=error))
            return
        self.post_message(self.Done(change, result=result))

    def on_staffing_screen_done(self, message: Done) -> None:
        self.busy = False
        change = message.change
        if message.error is not None:
            result = describe_error(message.error)
        elif message.result is not None and not message.result.ok:
            result = f"SPIKON answered {message.result.status!r}"
        else:
            result = "OK"
        try:
            append_audit(
                self.audit_path,
                at=self.app.session.clock(),
                profile=self.app.session.profile,
                what=change.what,
                result=result,
            )
        except OSError as error:
            self.notify(
                f"The change was not written to the audit log {self.audit_path}: {error}",
                title="Audit log",
                severity="error",
                timeout=20,
            )
        if result == "OK":
            self.notify(f"Done: {change.what}.", title="Staffing")
        else:
            self.notify(result, title=f"Could not {change.what}", severity="error", timeout=15)
        self.load()
