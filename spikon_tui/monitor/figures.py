"""The headline numbers of one `cc_monitor/show` snapshot, as plain values.

History, alerts and the overview all read a snapshot through `figures_of`, so
"free agents" or "longest wait" mean the same thing on every part of the screen:

- `free_agents`: members free and not on pause, i.e. who can take the next
  call. The API's own `free-members` also counts paused agents (a paused agent
  stays "Wolny"); it is kept as `free_members`.
- `longest_wait`: the longest `waiting_time` at poll time, in seconds; 0 when
  nobody waits; None when calls wait but none carries a waiting time.
- `sla`: the API's percent, or None while no call has been answered since the
  counters were last reset (the API then says 0, which is no measurement).
- `abandon_rate`: the share of calls since the counters were last reset that
  nobody answered, `unanswered / (answered + unanswered)` (0..1), beside the
  answered and unanswered counts it is made of; None before any call. The
  15- and 60-minute rates come from the counters' rises (`counters.py`).
- `in_queue`: the API's `in-queue`, passed on as it comes (the documentation
  does not say how it differs from `calls-waiting`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spikon_tui.api.models import CcMonitor
from spikon_tui.monitor.agent_states import AgentState, classify_state

_FREE = AgentState.FREE  # a module constant: Enum attribute access is slow in a hot loop


def abandon_rate(answered: int | None, unanswered: int | None) -> float | None:
    """Unanswered calls as a share (0..1) of all calls; None when there is no call yet."""
    if answered is None or unanswered is None or answered + unanswered <= 0:
        return None
    return unanswered / (answered + unanswered)


@dataclass(frozen=True, slots=True)
class SnapshotFigures:
    calls_waiting: int
    longest_wait: float | None
    sla: int | None
    free_agents: int
    paused_agents: int
    """Members on pause, whatever their state."""
    free_members: int
    busy_members: int
    answered: int
    unanswered: int
    measured_sla: float
    """The campaign's SLA time threshold in seconds (the API's `measured-sla`)."""
    in_queue: int = 0
    """The API's `in-queue`, as it comes."""

    @property
    def abandon_rate(self) -> float | None:
        """Unanswered as a share of all calls since the counters were last reset."""
        return abandon_rate(self.answered, self.unanswered)


def figures_of(monitor: CcMonitor) -> SnapshotFigures:
    basic = monitor.basic_data
    waits = [
        call.waiting_time.total_seconds()
        for call in monitor.waiting_calls
        if call.waiting_time is not None
    ]
    if waits:
        longest: float | None = max(waits)
    elif basic.calls_waiting == 0 and not monitor.waiting_calls:
        longest = 0.0
    else:
        longest = None
    members = monitor.campaign_members
    if members:
        free = paused = 0
        for member in members:
            if member.pause:
                paused += 1
            elif classify_state(member.state) is _FREE:
                free += 1
    else:  # no member list: the API's count is all there is
        free, paused = basic.free_members, 0
    return SnapshotFigures(
        calls_waiting=basic.calls_waiting,
        longest_wait=longest,
        sla=basic.sla if basic.answered > 0 else None,
        free_agents=free,
        paused_agents=paused,
        free_members=basic.free_members,
        busy_members=basic.busy_members,
        answered=basic.answered,
        unanswered=basic.unanswered,
        measured_sla=basic.measured_sla.total_seconds(),
        in_queue=basic.in_queue,
    )


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The latest good poll of one campaign: the answer, when it arrived, its figures."""

    campaign_id: int
    monitor: CcMonitor
    polled_at: float
    figures: SnapshotFigures

    @classmethod
    def of(cls, campaign_id: int, monitor: CcMonitor, polled_at: float) -> Snapshot:
        return cls(campaign_id, monitor, polled_at, figures_of(monitor))
