"""Call Center campaigns and agents: who belongs where, and the counters a monitor shows.

Membership rules (documented choices):
- adding an agent to a campaign it already belongs to -> -10 "Already exist";
- removing an agent from a campaign it does not belong to -> -8;
- an unknown agent or campaign id -> -8;
- set_default needs an existing campaign but not membership (the documentation's
  own example has a default out campaign the agent is not in), and removing the
  default out campaign leaves the default as it was, like that example.
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from spikon_tui.sandbox import names
from spikon_tui.sandbox.errors import ApiError, not_found

FREE = "Wolny"
TALKING = "Rozmawia"
AWAY = "Niedostępny"

CAMPAIGN_NAMES = (
    "Infolinia", "Windykacja", "Sprzedaż", "Reklamacje", "Wsparcie techniczne", "Rezerwacje",
    "Ankiety", "Umawianie wizyt", "Obsługa VIP", "Odzyskiwanie klientów",
)  # fmt: skip
_MEASURED_SLA = (20, 30, 60)  # seconds, cycled over the campaigns
_QUEUE_CAPACITY = (20, 30, 15, 10, 25)
_MEAN_TALK = (150.0, 240.0, 300.0, 200.0, 360.0)


@dataclass
class WaitingCall:
    number: str
    arrived: float
    gives_up_at: float


@dataclass
class CampaignStats:
    """Counters since the sandbox started or since the last reset."""

    answered: int = 0
    unanswered: int = 0
    waited_total: float = 0.0  # seconds waited by the answered calls
    answered_within_sla: int = 0
    talks_finished: int = 0
    talked_total: float = 0.0
    answered_by: dict[int, int] = field(default_factory=dict)  # agent id -> calls


@dataclass
class Campaign:
    id: int
    name: str
    measured_sla: int  # seconds
    max_waiting: int  # how many callers the queue holds; more are turned away
    mean_talk: float
    mean_patience: float
    arrival_rate: float = 0.0  # calls per second, on average
    stats: CampaignStats = field(default_factory=CampaignStats)
    queue: deque[WaitingCall] = field(default_factory=deque)


@dataclass
class Agent:
    id: int
    name: str
    sip: str
    ddi: str
    in_campaigns: list[int]
    out_campaigns: list[int]
    default_out_campaign: int
    skill: int
    state: str = FREE
    busy_until: float = 0.0  # end of the current talk or absence
    talk_campaign: int = 0
    talk_length: float = 0.0
    paused: bool = False
    pause_until: float = 0.0
    last_call: float | None = None
    idle_since: float = 0.0


class CallCenter:
    def __init__(self, campaigns: list[Campaign], agents: list[Agent]) -> None:
        self.campaigns = {campaign.id: campaign for campaign in campaigns}
        self.agents = {agent.id: agent for agent in agents}

    @classmethod
    def generate(cls, rng: random.Random, agent_count: int, campaign_count: int) -> CallCenter:
        campaigns = []
        for index in range(campaign_count):
            name = CAMPAIGN_NAMES[index] if index < len(CAMPAIGN_NAMES) else f"Kampania {index + 1}"
            campaigns.append(
                Campaign(
                    id=index + 1,
                    name=name,
                    measured_sla=_MEASURED_SLA[index % len(_MEASURED_SLA)],
                    max_waiting=_QUEUE_CAPACITY[index % len(_QUEUE_CAPACITY)],
                    mean_talk=_MEAN_TALK[index % len(_MEAN_TALK)],
                    mean_patience=rng.uniform(60.0, 150.0),
                )
            )
        sip_base = rng.randint(1_000_000, 9_000_000)
        ddi_base = rng.randint(3_000_000, 7_000_000)
        used_names: set[str] = set()
        agents = []
        for index in range(agent_count):
            name = names.person(rng)
            while name in used_names:
                name = names.person(rng)
            used_names.add(name)
            primary = index % campaign_count + 1 if campaign_count else 0
            others = [c.id for c in campaigns if c.id != primary]
            in_campaigns = [primary] if primary else []
            if others and rng.random() < 0.4:
                in_campaigns.append(rng.choice(others))
            out_campaigns = [primary] if primary else []
            if others and rng.random() < 0.3:
                out_campaigns.append(rng.choice(others))
            agents.append(
                Agent(
                    id=index + 1,
                    name=name,
                    sip=str(sip_base + index),
                    ddi=f"58{ddi_base + index}",
                    in_campaigns=sorted(in_campaigns),
                    out_campaigns=sorted(out_campaigns),
                    default_out_campaign=primary,
                    skill=rng.choice((1, 1, 2, 2, 3)),
                )
            )
        center = cls(campaigns, agents)
        for campaign in campaigns:
            # Staff shared between campaigns counts for each in proportion.
            staff = sum(1 / len(a.in_campaigns) for a in center.members(campaign.id))
            load = rng.uniform(0.8, 1.1)
            campaign.arrival_rate = max(1 / 240, load * staff / campaign.mean_talk)
        return center

    def campaign(self, campaign_id: int) -> Campaign:
        try:
            return self.campaigns[campaign_id]
        except KeyError:
            raise not_found("campaign", campaign_id) from None

    def agent(self, agent_id: int) -> Agent:
        try:
            return self.agents[agent_id]
        except KeyError:
            raise not_found("agent", agent_id) from None

    def members(self, campaign_id: int) -> list[Agent]:
        """Agents taking this campaign's incoming calls, by id."""
        return [agent for agent in self.agents.values() if campaign_id in agent.in_campaigns]

    def add_member(self, agent_id: int, campaign_id: int, *, outgoing: bool) -> None:
        agent, campaign = self.agent(agent_id), self.campaign(campaign_id)
        ids = agent.out_campaigns if outgoing else agent.in_campaigns
        if campaign.id in ids:
            raise ApiError(-10, f"Agent {agent.id} is already in campaign {campaign.id}")
        ids.append(campaign.id)
        ids.sort()

    def remove_member(self, agent_id: int, campaign_id: int, *, outgoing: bool) -> None:
        agent, campaign = self.agent(agent_id), self.campaign(campaign_id)
        ids = agent.out_campaigns if outgoing else agent.in_campaigns
        if campaign.id not in ids:
            raise ApiError(-8, f"Agent {agent.id} is not in campaign {campaign.id}")
        ids.remove(campaign.id)

    def set_default_out(self, agent_id: int, campaign_id: int) -> None:
        agent, campaign = self.agent(agent_id), self.campaign(campaign_id)
        agent.default_out_campaign = campaign.id

    def reset_counters(self, campaign_id: int) -> None:
        self.campaign(campaign_id).stats = CampaignStats()
