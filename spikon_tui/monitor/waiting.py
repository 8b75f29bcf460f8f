"""Waiting calls whose waiting time keeps counting between polls, and how urgent each is.

A poll says how long each caller had waited when it was answered. Between polls
the screen adds the time since that poll: `current_wait = waiting_time +
(now - polled_at)`. The count stops after `max_extrapolation` seconds past the
poll (the tracker passes the time after which data is stale), so a queue we
have not heard from for minutes is not shown as ever-growing waits; the
freshness line says how old the data is.

Levels follow the campaign's measured-SLA time: `warn` from half of it,
`alert` past it. A campaign whose measured-SLA time is 0 has no levels.

The API does not document a waiting call's fields; besides `position`,
`number` and `waiting-time` whatever arrives is kept in `extra`, and
`extra_text` says it in one line ("queue name VIP · priority 2") so the
screen can show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from spikon_tui.api.models import CcWaitingCall


def extra_text(call: CcWaitingCall) -> str:
    """The call's undocumented fields, "key value" joined by " · " in the order they came;
    underscores in keys read as spaces, nested values flattened, empty values left out."""
    parts = []
    for key, value in call.extra.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        elif isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        text = " ".join(str(value).split()) if value is not None else ""
        if text:
            parts.append(f"{str(key).replace('_', ' ').strip()} {text}")
    return " · ".join(parts)


class WaitLevel(StrEnum):
    NORMAL = "normal"
    WARN = "warn"
    ALERT = "alert"


def wait_level(wait: float | None, measured_sla: float) -> WaitLevel:
    """`warn` from half of `measured_sla` seconds, `alert` past it."""
    if wait is None or measured_sla <= 0:
        return WaitLevel.NORMAL
    if wait > measured_sla:
        return WaitLevel.ALERT
    if wait >= measured_sla / 2:
        return WaitLevel.WARN
    return WaitLevel.NORMAL


@dataclass(frozen=True, slots=True)
class WaitingCallRow:
    call: CcWaitingCall
    wait: float | None
    """Seconds waited by `now`; None when the API gave no waiting time."""
    level: WaitLevel


class WaitingCalls:
    """One poll's waiting calls, read at any later moment."""

    def __init__(
        self,
        calls: Sequence[CcWaitingCall],
        polled_at: float,
        measured_sla: float,
        *,
        max_extrapolation: float | None = None,
    ) -> None:
        self.calls = tuple(calls)
        self.polled_at = polled_at
        self.measured_sla = measured_sla
        self.max_extrapolation = max_extrapolation

    def __len__(self) -> int:
        return len(self.calls)

    def elapsed(self, now: float) -> float:
        """Seconds since the poll to add to its waiting times (never negative, maybe capped)."""
        elapsed = max(0.0, now - self.polled_at)
        if self.max_extrapolation is not None:
            elapsed = min(elapsed, self.max_extrapolation)
        return elapsed

    def current_wait(self, call: CcWaitingCall, now: float) -> float | None:
        if call.waiting_time is None:
            return None
        return call.waiting_time.total_seconds() + self.elapsed(now)

    def rows(self, now: float) -> list[WaitingCallRow]:
        """Every call with its wait at `now`, longest first; calls with no time come last."""
        rows = []
        for call in self.calls:
            wait = self.current_wait(call, now)
            rows.append(WaitingCallRow(call, wait, wait_level(wait, self.measured_sla)))
        rows.sort(
            key=lambda row: (
                row.wait is None,
                -(row.wait or 0.0),
                row.call.position if row.call.position is not None else 1 << 30,
            )
        )
        return rows

    def longest(self, now: float) -> float | None:
        """The longest wait at `now`, None when no call carries a waiting time."""
        waits = [
            call.waiting_time.total_seconds()
            for call in self.calls
            if call.waiting_time is not None
        ]
        return max(waits) + self.elapsed(now) if waits else None
