"""What an outbound staffing change would do, said only from what SPIKON reports.

SPIKON gives no figures on outgoing calls: `cc_monitor/show` describes a
campaign's queue of incoming calls and the agents taking them. What is known
about outbound work comes from `cc_agent/list`: which agents make each
campaign's outgoing calls (`out_campaigns`) and whose default outbound
campaign it is (`default_out_campaign`). So the staffing confirm says, for

- adding an agent to a campaign's outgoing calls: how many agents would make
  them, and what the agent's inbound queues would be left with while the agent
  is on an outgoing call (one free agent fewer, and only if the agent is free
  right now; the sentence is `StaffingEffect.text`, as for an inbound removal);
- removing: how many agents would be left to make them (none, said plainly),
  and whether it is also the agent's default outbound campaign;
- setting the default: the default before and after, whether the agent makes
  that campaign's outgoing calls at all, and how many agents would have it as
  their default;

and each ends by saying plainly that nothing more can be predicted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from spikon_tui.api.models import CcAgent
from spikon_tui.i18n import N_, _, ngettext
from spikon_tui.monitor.figures import Snapshot
from spikon_tui.monitor.overview import StaffingEffect, effect_of_removing

OutboundAction = Literal["add", "remove", "default"]

NOTHING_MORE = N_("SPIKON reports no figures on outgoing calls, so nothing more can be predicted.")
"""The last line of every outbound effect (an English msgid: translated where it is used)."""
QUEUES_SHOWN = 3
"""Inbound queues listed one by one in an add's effect; the rest are counted."""


@dataclass(frozen=True, slots=True)
class OutboundEffect:
    """What one outbound change would leave behind, from the latest agent list and queues."""

    action: OutboundAction
    campaign_id: int
    campaign_name: str
    agent_name: str
    agent_in_campaign: bool
    """The agent makes this campaign's outgoing calls now."""
    outbound_before: int
    """Agents making the campaign's outgoing calls now."""
    outbound_after: int
    is_default: bool
    """The campaign is the agent's default outbound campaign now."""
    current_default: str | None
    """The name of the agent's default outbound campaign now; None when there is none."""
    defaults_before: int
    """Agents whose default outbound campaign this is now."""
    defaults_after: int
    inbound: tuple[StaffingEffect, ...] = ()
    """For an add: each of the agent's inbound queues as if the agent stopped being free."""

    @property
    def changes(self) -> bool:
        if self.action == "add":
            return not self.agent_in_campaign
        if self.action == "remove":
            return self.agent_in_campaign
        return not self.is_default

    @property
    def lines(self) -> tuple[str, ...]:
        if not self.changes:
            return (self._no_change(),)
        if self.action == "add":
            body = [self._outbound_agents(), *self._inbound_lines()]
        elif self.action == "remove":
            body = [self._outbound_agents()]
            if self.is_default:
                body.append(
                    _(
                        "{campaign} is also {agent}'s default outbound campaign;"
                        " set another default if their outgoing calls should go elsewhere."
                    ).format(campaign=self.campaign_name, agent=self.agent_name)
                )
        else:
            body = self._default_lines()
        return (*body, _(NOTHING_MORE))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def _no_change(self) -> str:
        if self.action == "add":
            text = _("{agent} already makes {campaign}'s outgoing calls; nothing would change.")
        elif self.action == "remove":
            text = _("{agent} does not make {campaign}'s outgoing calls; nothing would change.")
        else:
            text = _(
                "{campaign} already is {agent}'s default outbound campaign; nothing would change."
            )
        return text.format(agent=self.agent_name, campaign=self.campaign_name)

    def _outbound_agents(self) -> str:
        name, after = self.campaign_name, self.outbound_after
        if after == 0:
            return _(
                "{campaign} would have no outbound agents left: nobody could make its "
                "outgoing calls ({now} now)."
            ).format(campaign=name, now=self.outbound_before)
        agents = ngettext("{count} outbound agent", "{count} outbound agents", after).format(
            count=after
        )
        if not self.outbound_before:
            return _("{campaign} would have {agents} (none now).").format(
                campaign=name, agents=agents
            )
        return _("{campaign} would have {agents} ({now} now).").format(
            campaign=name, agents=agents, now=self.outbound_before
        )

    def _inbound_lines(self) -> list[str]:
        agent = self.agent_name
        if not self.inbound:
            return [
                _("{agent} takes no incoming calls, so no queue would lose an agent.").format(
                    agent=agent
                )
            ]
        listed = [e for e in self.inbound if e.known and e.changes_membership]
        losing = [e for e in listed if e.agent_free]
        lines = []
        if len(losing) == 1:
            lines.append(
                _("While {agent} is on an outgoing call, {effect}.").format(
                    agent=agent, effect=losing[0].text
                )
            )
        elif losing:
            lines.append(_("While {agent} is on an outgoing call:").format(agent=agent))
            lines += [f"• {effect.text}" for effect in losing[:QUEUES_SHOWN]]
            if len(losing) > QUEUES_SHOWN:
                more = len(losing) - QUEUES_SHOWN
                lines.append(
                    ngettext("• and {count} more queues", "• and {count} more queues", more).format(
                        count=more
                    )
                )
        elif any(e.agent_free is False for e in listed):
            lines.append(
                _(
                    "{agent} is not free right now, so no inbound queue would lose a free agent"
                    " at once."
                ).format(agent=agent)
            )
        unsure = [e for e in self.inbound if e.known and e not in listed]
        if unsure:
            lines.append(
                _(
                    "What {campaigns} would be left with cannot be shown: {agent}'s state"
                    " there is not in the latest figures."
                ).format(campaigns=_names(unsure), agent=agent)
            )
        missing = [e for e in self.inbound if not e.known]
        if missing:
            lines.append(
                _("No figures for {campaigns} yet; the effect there cannot be shown.").format(
                    campaigns=_names(missing)
                )
            )
        return lines

    def _default_lines(self) -> list[str]:
        name, agent = self.campaign_name, self.agent_name
        if self.current_default:
            first = _(
                "{agent}'s default outbound campaign would be {campaign} instead of {current}."
            ).format(agent=agent, campaign=name, current=self.current_default)
        else:
            first = _("{agent}'s default outbound campaign would be {campaign} (none now).").format(
                agent=agent, campaign=name
            )
        lines = [first]
        if not self.agent_in_campaign:
            lines.append(
                _("{agent} does not make {campaign}'s outgoing calls yet.").format(
                    agent=agent, campaign=name
                )
            )
        after = self.defaults_after
        lines.append(
            ngettext(
                "{campaign} would be the default of {count} agent ({now} now).",
                "{campaign} would be the default of {count} agents ({now} now).",
                after,
            ).format(campaign=name, count=after, now=self.defaults_before)
        )
        return lines


def _names(effects: list[StaffingEffect]) -> str:
    names = [effect.campaign_name for effect in effects]
    if len(names) == 1:
        return names[0]
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def _others(agents: Iterable[CcAgent], agent: CcAgent) -> list[CcAgent]:
    """The agent list without `agent` (whose own lists are taken from `agent` itself)."""
    return [other for other in agents if other.id != agent.id]


def outbound_effect(
    action: OutboundAction,
    agent: CcAgent,
    campaign_id: int,
    agents: Iterable[CcAgent],
    snapshots: Mapping[int, Snapshot],
    name_of: Callable[[int], str],
) -> OutboundEffect:
    """The effect of `action` on `campaign_id` for `agent`, given the whole agent list
    (`cc_agent/list`), the queues' latest snapshots and the campaigns' names."""
    others = _others(agents, agent)
    in_campaign = campaign_id in agent.out_campaigns
    outbound_before = sum(campaign_id in other.out_campaigns for other in others) + in_campaign
    outbound_after = outbound_before
    if action == "add" and not in_campaign:
        outbound_after += 1
    elif action == "remove" and in_campaign:
        outbound_after -= 1
    is_default = agent.default_out_campaign == campaign_id
    defaults_before = (
        sum(other.default_out_campaign == campaign_id for other in others) + is_default
    )
    defaults_after = defaults_before + (action == "default" and not is_default)
    current = agent.default_out_campaign
    inbound: tuple[StaffingEffect, ...] = ()
    if action == "add":
        effects = [
            effect_of_removing(agent, queue, snapshots, name_of(queue))
            for queue in agent.in_campaigns
        ]
        # The queues where the agent would be missed most come first.
        inbound = tuple(
            sorted(effects, key=lambda e: (not e.known, -e.calls_waiting, e.free_after))
        )
    return OutboundEffect(
        action=action,
        campaign_id=campaign_id,
        campaign_name=name_of(campaign_id),
        agent_name=agent.name or agent.sip,
        agent_in_campaign=in_campaign,
        outbound_before=outbound_before,
        outbound_after=outbound_after,
        is_default=is_default,
        current_default=name_of(current) if current else None,
        defaults_before=defaults_before,
        defaults_after=defaults_after,
        inbound=inbound,
    )
