"""The staffing grid's words: what a cell says, and each change with its question and effect.

`membership` is a grid cell: "in" (takes the campaign's incoming calls), "out"
(makes its outgoing calls), "★" (the agent's default outbound campaign), "·"
for none. `change_for` turns a key pressed on a cell into a `StaffingChange`:
the client method to call, the line for the audit log ("remove agent 3 (Anna
Nowak) from inbound campaign 1 (Infolinia)") and the confirm question with the
change's effect, from the tracker's latest snapshots (inbound:
`overview.effect_of_*`; outbound: `outbound.outbound_effect`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from spikon_tui.api.models import CcAgent, CcCampaign
from spikon_tui.i18n import _
from spikon_tui.monitor.outbound import outbound_effect
from spikon_tui.monitor.tracker import MonitorTracker

StaffingAction = Literal["toggle_in", "toggle_out", "set_default"]


def membership(agent: CcAgent, campaign_id: int) -> str:
    parts = []
    if campaign_id in agent.in_campaigns:
        parts.append(_("in"))
    if campaign_id in agent.out_campaigns:
        parts.append(_("out"))
    text = " ".join(parts) or "·"
    if agent.default_out_campaign == campaign_id:
        text += " ★"
    return text


@dataclass(frozen=True, slots=True)
class StaffingChange:
    """One staffing change: the client method, and the words for the dialog and the log."""

    method: str
    agent: CcAgent
    campaign: CcCampaign
    what: str
    question: str
    yes_label: str
    danger: bool


def change_for(
    action: StaffingAction,
    agent: CcAgent,
    campaign: CcCampaign,
    tracker: MonitorTracker,
    agents: Iterable[CcAgent],
) -> StaffingChange:
    """The change `action` on the cell (agent, campaign) means, given the whole agent list."""
    words = {
        "agent_id": agent.id,
        "agent": agent.name,
        "campaign_id": campaign.id,
        "campaign": campaign.name,
    }
    if action == "toggle_in":
        if campaign.id in agent.in_campaigns:
            effect = tracker.effect_of_removing(agent, campaign.id).text
            return StaffingChange(
                "cc_in_campaign_remove_agent",
                agent,
                campaign,
                _(
                    "remove agent {agent_id} ({agent}) from inbound campaign {campaign_id}"
                    " ({campaign})"
                ).format(**words),
                _("Remove {agent} from the inbound campaign {campaign}?").format(**words)
                + f"\n\n{effect}",
                _("Remove"),
                True,
            )
        effect = tracker.effect_of_adding(agent, campaign.id).text
        return StaffingChange(
            "cc_in_campaign_add_agent",
            agent,
            campaign,
            _(
                "add agent {agent_id} ({agent}) to inbound campaign {campaign_id} ({campaign})"
            ).format(**words),
            _("Add {agent} to the inbound campaign {campaign}?").format(**words) + f"\n\n{effect}",
            _("Add"),
            False,
        )

    def outbound(kind: Literal["add", "remove", "default"]) -> str:
        snapshots = tracker.snapshots()
        return outbound_effect(kind, agent, campaign.id, agents, snapshots, tracker.name_of).text

    if action == "toggle_out":
        if campaign.id in agent.out_campaigns:
            return StaffingChange(
                "cc_out_campaign_remove_agent",
                agent,
                campaign,
                _(
                    "remove agent {agent_id} ({agent}) from outbound campaign {campaign_id}"
                    " ({campaign})"
                ).format(**words),
                _("Remove {agent} from the outbound campaign {campaign}?").format(**words)
                + "\n\n"
                + outbound("remove"),
                _("Remove"),
                True,
            )
        return StaffingChange(
            "cc_out_campaign_add_agent",
            agent,
            campaign,
            _(
                "add agent {agent_id} ({agent}) to outbound campaign {campaign_id} ({campaign})"
            ).format(**words),
            _("Add {agent} to the outbound campaign {campaign}?").format(**words)
            + "\n\n"
            + outbound("add"),
            _("Add"),
            False,
        )
    return StaffingChange(
        "cc_out_campaign_set_default",
        agent,
        campaign,
        _(
            "set the default outbound campaign of agent {agent_id} ({agent}) to campaign"
            " {campaign_id} ({campaign})"
        ).format(**words),
        _("Make {campaign} the default outbound campaign of {agent}?").format(**words)
        + "\n\n"
        + outbound("default"),
        _("Set default"),
        False,
    )
