"""All campaigns at a glance, worst first, and what moving an agent would do.

`rank_campaigns` orders campaign summaries by alert level, then longest wait,
then waiting calls, then how far the SLA falls short of its target; campaigns
with no figures yet come last. The SLA target is the `sla` rule's warn
threshold (see `alert_rules.py`).

`effect_of_removing` / `effect_of_adding` answer the staffing confirm's
question from the latest snapshots: "Infolinia would have 0 free agents with 4
calls waiting". "Free" means free and not on pause, as everywhere in the
monitor; the count changes by one only when the agent is free right now (their
state is read from any campaign's latest snapshot that lists them, the newest
first).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from spikon_tui.api.models import CcAgent, CcCampaignMember
from spikon_tui.i18n import _, ngettext
from spikon_tui.monitor.agent_states import AgentState, classify_state
from spikon_tui.monitor.alert_rules import Level
from spikon_tui.monitor.figures import Snapshot


@dataclass(frozen=True, slots=True)
class CampaignSummary:
    """One overview row. Figures are None until the campaign's first good poll."""

    campaign_id: int
    name: str
    level: Level
    """What the rules give for the current figures, from the first poll on."""
    stale: bool
    calls_waiting: int | None = None
    longest_wait: float | None = None
    free_agents: int | None = None
    busy_members: int | None = None
    answered: int | None = None
    unanswered: int | None = None
    sla: int | None = None
    sla_target: float | None = None
    holding_until: float | None = None
    """When `level` will have held long enough to notify; None if it has (or is OK)."""

    @property
    def loaded(self) -> bool:
        return self.calls_waiting is not None

    @property
    def sla_shortfall(self) -> float | None:
        """Percentage points below target; 0 when on or above; None when unknown."""
        if self.sla is None or self.sla_target is None:
            return None
        return max(0.0, self.sla_target - self.sla)


def _rank_key(summary: CampaignSummary) -> tuple[bool, int, float, int, float, str, int]:
    return (
        not summary.loaded,
        -summary.level,
        -(summary.longest_wait or 0.0),
        -(summary.calls_waiting or 0),
        -(summary.sla_shortfall or 0.0),
        summary.name.casefold(),
        summary.campaign_id,
    )


def rank_campaigns(summaries: Iterable[CampaignSummary]) -> list[CampaignSummary]:
    """Worst first; campaigns without figures last; ties by name."""
    return sorted(summaries, key=_rank_key)


# --- staffing what-if ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaffingEffect:
    """What adding or removing one agent would leave a campaign with, right now."""

    action: Literal["add", "remove"]
    campaign_id: int
    campaign_name: str
    login: str
    agent_name: str
    known: bool
    """False when there is no snapshot of the campaign yet: nothing can be said."""
    changes_membership: bool
    """False when the agent is already in (add) or not in (remove) the campaign."""
    agent_free: bool | None
    """Free and not on pause now; None when the agent's state is unknown."""
    free_before: int = 0
    free_after: int = 0
    calls_waiting: int = 0

    @property
    def text(self) -> str:
        name, agent = self.campaign_name, self.agent_name
        if not self.known:
            return _("No figures for {campaign} yet; the effect cannot be shown.").format(
                campaign=name
            )
        if not self.changes_membership:
            if self.action == "add":
                text = _("{agent} is already in {campaign}; nothing would change.")
            else:
                text = _("{agent} is not in {campaign}; nothing would change.")
            return text.format(agent=agent, campaign=name)
        free = ngettext("{count} free agent", "{count} free agents", self.free_after).format(
            count=self.free_after
        )
        if self.calls_waiting == 0:
            text = _("{campaign} would have {free} and no calls waiting").format(
                campaign=name, free=free
            )
        else:
            waiting = ngettext(
                "{count} call waiting", "{count} calls waiting", self.calls_waiting
            ).format(count=self.calls_waiting)
            text = _("{campaign} would have {free} with {waiting}").format(
                campaign=name, free=free, waiting=waiting
            )
        if self.agent_free is None:
            return _("{effect} ({agent}'s current state is unknown)").format(
                effect=text, agent=agent
            )
        if not self.agent_free:
            return _("{effect} ({agent} is not free right now)").format(effect=text, agent=agent)
        return text


def _login_and_name(agent: str | CcAgent) -> tuple[str, str | None]:
    if isinstance(agent, CcAgent):
        return agent.sip, agent.name
    return agent, None


def _find_member(login: str, snapshot: Snapshot) -> CcCampaignMember | None:
    for member in snapshot.monitor.campaign_members:
        if member.login == login:
            return member
    return None


def _is_free(member: CcCampaignMember) -> bool:
    return classify_state(member.state) is AgentState.FREE and not member.pause


def _effect(
    action: Literal["add", "remove"],
    agent: str | CcAgent,
    campaign_id: int,
    snapshots: Mapping[int, Snapshot],
    campaign_name: str,
) -> StaffingEffect:
    login, name = _login_and_name(agent)
    snapshot = snapshots.get(campaign_id)
    member = _find_member(login, snapshot) if snapshot is not None else None
    if member is None:  # look for the agent in the other campaigns, newest poll first
        for other in sorted(snapshots.values(), key=lambda s: s.polled_at, reverse=True):
            member = _find_member(login, other)
            if member is not None:
                break
    agent_name = name or (member.description.strip() if member is not None else "") or login
    agent_free = _is_free(member) if member is not None else None
    if snapshot is None:
        return StaffingEffect(
            action=action,
            campaign_id=campaign_id,
            campaign_name=campaign_name,
            login=login,
            agent_name=agent_name,
            known=False,
            changes_membership=False,
            agent_free=agent_free,
        )
    is_member = _find_member(login, snapshot) is not None
    changes = is_member if action == "remove" else not is_member
    before = snapshot.figures.free_agents
    after = before
    if changes and agent_free:
        after = before - 1 if action == "remove" else before + 1
    return StaffingEffect(
        action=action,
        campaign_id=campaign_id,
        campaign_name=campaign_name,
        login=login,
        agent_name=agent_name,
        known=True,
        changes_membership=changes,
        agent_free=agent_free,
        free_before=before,
        free_after=max(0, after),
        calls_waiting=snapshot.figures.calls_waiting,
    )


def effect_of_removing(
    agent: str | CcAgent,
    campaign_id: int,
    snapshots: Mapping[int, Snapshot],
    campaign_name: str | None = None,
) -> StaffingEffect:
    """The campaign's free agents and waiting calls if `agent` (login or CcAgent) left it now."""
    name = campaign_name or _("Campaign {id}").format(id=campaign_id)
    return _effect("remove", agent, campaign_id, snapshots, name)


def effect_of_adding(
    agent: str | CcAgent,
    campaign_id: int,
    snapshots: Mapping[int, Snapshot],
    campaign_name: str | None = None,
) -> StaffingEffect:
    """The campaign's free agents and waiting calls if `agent` (login or CcAgent) joined it now."""
    name = campaign_name or _("Campaign {id}").format(id=campaign_id)
    return _effect("add", agent, campaign_id, snapshots, name)
