"""The call center: campaigns, agents and the queue monitor.

See the package docstring for the conventions all models follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any


@dataclass(frozen=True, slots=True)
class CcCampaign:
    """cc_campaigns/list: one call-center campaign."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class CcAgent:
    """cc_agent/list: one call-center agent and the campaigns they belong to."""

    id: int
    name: str
    sip: str
    ddi: str
    in_campaigns: list[int]
    out_campaigns: list[int]
    default_out_campaign: int | None


@dataclass(frozen=True, slots=True)
class CcBasicData:
    """cc_monitor/show `basic-data`: the queue's headline figures."""

    free_members: int
    busy_members: int
    calls_waiting: int
    answered: int
    unanswered: int
    in_queue: int
    average_waiting_time: timedelta
    max_waiting: int
    average_call_time: timedelta
    measured_sla: timedelta
    sla: int
    """Percent."""


@dataclass(frozen=True, slots=True)
class CcCampaignMember:
    """cc_monitor/show: one agent in the campaign.

    `state` is SPIKON's Polish text (e.g. "Wolny" = free). `last_call` is None
    when the API says "Brak danych" (no data); the text is in `last_call_raw`.
    `pause` is True for "Tak"; the text is in `pause_raw`.
    """

    login: str
    description: str
    state: str
    answered: int
    last_call: str | None
    pause: bool
    skill: int
    last_call_raw: str = ""
    pause_raw: str = ""


@dataclass(frozen=True, slots=True)
class CcWaitingCall:
    """cc_monitor/show: one caller waiting in the queue.

    The documentation does not describe these items; the fields known from the
    project's decision (`position`, `number`, `waiting-time`) are typed, and
    everything else that arrives is kept in `extra` (keys normalised).
    """

    position: int | None
    number: str | None
    waiting_time: timedelta | None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CcMonitor:
    """cc_monitor/show: a snapshot of one campaign's queue."""

    basic_data: CcBasicData
    campaign_members: list[CcCampaignMember]
    waiting_calls: list[CcWaitingCall]
