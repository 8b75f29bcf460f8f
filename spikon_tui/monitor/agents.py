"""Each agent across polls: how long in the current state, how long on pause, and flags.

The API sends only an agent's current state, pause flag, calls answered and
the time of the last call. `AgentTracker` remembers, per login, the poll at
which the current state (and the current pause) was first seen, so the screen
can show "talking for 4 min". The time in state starts again whenever any of
those figures shows something new: another state, another answered count
(a finished call followed by the next: still "talking", but a new call) or
another `last_call`. An agent already in that state when first seen (every
agent on the first poll, or one just added to the campaign) has a state older
than we know: the status then says `state_since_first_seen`, and
`state_since` is when monitoring first saw them ("since 10:42, when monitoring
began"). The same holds for pauses, which start again only when the pause
flag changes. Since polls are some seconds apart, every known start is late
by up to one poll interval.

Flags: `free_while_calls_wait` (free, not on pause, while the same poll shows
calls waiting) and `long_pause` (on pause for longer than `long_pause`
seconds, 15 minutes by default; it turns on between polls as time passes).

Agents no longer in the campaign's member list are forgotten, so memory is
bounded by the size of the campaign.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spikon_tui.api.models import CcCampaignMember
from spikon_tui.monitor.agent_states import AgentState, classify_state, state_label

DEFAULT_LONG_PAUSE = 15 * 60.0
_FREE = AgentState.FREE  # a module constant: Enum attribute access is slow in a hot loop


@dataclass(frozen=True, slots=True)
class AgentStatus:
    """One agent as the screen shows it. Times are epoch seconds."""

    login: str
    name: str
    """The agent's name (the API's `description`), or the login when it has none."""
    state: str
    """English for a known state ("free", "talking", "unavailable"), else the API's text."""
    state_raw: str
    kind: AgentState | None
    state_since: float
    state_since_first_seen: bool
    """True when the state began before we first saw the agent: its age is "at least",
    and `state_since` is when monitoring first saw the agent."""
    paused: bool
    paused_since: float | None
    pause_since_first_seen: bool
    answered: int
    last_call: str | None
    skill: int
    free_while_calls_wait: bool
    long_pause: bool

    def time_in_state(self, now: float) -> float:
        return max(0.0, now - self.state_since)

    def pause_duration(self, now: float) -> float | None:
        if self.paused_since is None:
            return None
        return max(0.0, now - self.paused_since)


class _Record:
    __slots__ = (
        "member",
        "kind",
        "state_since",
        "state_known",
        "paused_since",
        "pause_known",
    )

    def __init__(self, member: CcCampaignMember, at: float) -> None:
        self.member = member
        self.kind = classify_state(member.state)
        self.state_since = at
        self.state_known = False
        self.paused_since: float | None = at if member.pause else None
        self.pause_known = False

    def update(self, member: CcCampaignMember, at: float) -> None:
        previous = self.member
        self.member = member
        if member.state != previous.state:
            self.kind = classify_state(member.state)
            self.state_since = at
            self.state_known = True
        elif member.answered != previous.answered or member.last_call != previous.last_call:
            self.state_since = at  # the same state, but a new call: its time starts again
            self.state_known = True
        if member.pause != previous.pause:
            self.paused_since = at if member.pause else None
            self.pause_known = True


class AgentTracker:
    """The members of one campaign, as seen over successive polls."""

    def __init__(self, *, long_pause: float = DEFAULT_LONG_PAUSE) -> None:
        if long_pause < 0:
            raise ValueError("long_pause must not be negative")
        self.long_pause = float(long_pause)
        self._records: dict[str, _Record] = {}
        self.calls_waiting = 0
        self.observed_at: float | None = None

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, login: object) -> bool:
        return login in self._records

    def observe(self, members: Iterable[CcCampaignMember], calls_waiting: int, at: float) -> None:
        """Take one good poll's member list."""
        members = members if isinstance(members, list) else list(members)
        self.calls_waiting = calls_waiting
        self.observed_at = at
        records = self._records
        if len(members) == len(records):  # usually the same agents in the same order
            for member, record in zip(members, records.values(), strict=True):
                if member.login != record.member.login:
                    break
                record.update(member, at)
            else:
                return
        rebuilt: dict[str, _Record] = {}
        for member in members:
            kept = records.pop(member.login, None)
            if kept is None:
                kept = _Record(member, at)
            else:
                kept.update(member, at)
            rebuilt[member.login] = kept
        self._records = rebuilt

    def status(self, login: str, now: float) -> AgentStatus | None:
        record = self._records.get(login)
        return None if record is None else self._status(record, now)

    def statuses(self, now: float) -> list[AgentStatus]:
        """Every member, in the order of the last poll's member list."""
        return [self._status(record, now) for record in self._records.values()]

    def _status(self, record: _Record, now: float) -> AgentStatus:
        member = record.member
        paused_since = record.paused_since
        return AgentStatus(
            login=member.login,
            name=member.description.strip() or member.login,
            state=state_label(member.state),
            state_raw=member.state,
            kind=record.kind,
            state_since=record.state_since,
            state_since_first_seen=not record.state_known,
            paused=member.pause,
            paused_since=paused_since,
            pause_since_first_seen=member.pause and not record.pause_known,
            answered=member.answered,
            last_call=member.last_call,
            skill=member.skill,
            free_while_calls_wait=(
                record.kind is _FREE and not member.pause and self.calls_waiting > 0
            ),
            long_pause=paused_since is not None and now - paused_since > self.long_pause,
        )
