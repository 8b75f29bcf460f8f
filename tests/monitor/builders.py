"""Builders for monitor tests: a fake clock and `cc_monitor/show` answers made to order."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from spikon_tui.api.models import CcBasicData, CcCampaignMember, CcMonitor, CcWaitingCall

START = 1_750_000_000.0


class FakeClock:
    """Epoch seconds that move only when a test says so."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


def member(
    login: str,
    state: str = "Wolny",
    *,
    pause: bool = False,
    answered: int = 0,
    name: str | None = None,
    skill: int = 1,
) -> CcCampaignMember:
    return CcCampaignMember(
        login=login,
        description=name if name is not None else f"Agent {login}",
        state=state,
        answered=answered,
        last_call=None,
        pause=pause,
        skill=skill,
        last_call_raw="Brak danych",
        pause_raw="Tak" if pause else "Nie",
    )


def call(seconds: float | None, position: int = 1, number: str = "500600700") -> CcWaitingCall:
    waited = None if seconds is None else timedelta(seconds=seconds)
    return CcWaitingCall(position=position, number=number, waiting_time=waited)


def monitor(
    members: Iterable[CcCampaignMember] = (),
    waiting: Iterable[CcWaitingCall] = (),
    **basic: Any,
) -> CcMonitor:
    """A snapshot; `calls_waiting`, `free_members` and `busy_members` follow the lists
    unless given."""
    members = list(members)
    waiting = list(waiting)
    free = sum(1 for m in members if m.state == "Wolny")
    values: dict[str, Any] = {
        "free_members": free,
        "busy_members": len(members) - free,
        "calls_waiting": len(waiting),
        "answered": 0,
        "unanswered": 0,
        "in_queue": len(waiting),
        "average_waiting_time": timedelta(seconds=12),
        "max_waiting": 20,
        "average_call_time": timedelta(seconds=150),
        "measured_sla": timedelta(seconds=30),
        "sla": 0,
    }
    for key, value in basic.items():
        if key not in values:
            raise TypeError(f"unknown basic-data field {key!r}")
        values[key] = timedelta(seconds=value) if key == "measured_sla" else value
    return CcMonitor(
        basic_data=CcBasicData(**values), campaign_members=members, waiting_calls=waiting
    )
