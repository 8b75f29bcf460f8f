"""AgentTracker: time in state and on pause across polls; Polish states; flags."""

from __future__ import annotations

from dataclasses import replace

import pytest

from spikon_tui.monitor.agent_states import AgentState, classify_state, state_label
from spikon_tui.monitor.agents import AgentTracker
from tests.monitor.builders import member

T0 = 1_000_000.0


@pytest.mark.parametrize(
    "raw, kind, label",
    [
        ("Wolny", AgentState.FREE, "free"),
        ("Rozmawia", AgentState.TALKING, "talking"),
        ("Niedostępny", AgentState.UNAVAILABLE, "unavailable"),
        (" niedostepny ", AgentState.UNAVAILABLE, "unavailable"),
        ("WOLNY", AgentState.FREE, "free"),
        ("Przerwa techniczna", None, "Przerwa techniczna"),
    ],
)
def test_polish_states(raw: str, kind: AgentState | None, label: str) -> None:
    assert classify_state(raw) is kind
    assert state_label(raw) == label


def test_first_poll_ages_are_only_lower_bounds() -> None:
    tracker = AgentTracker()
    tracker.observe([member("101", "Rozmawia"), member("102", pause=True)], 0, T0)
    talking, paused = tracker.statuses(T0 + 30)
    assert talking.state == "talking" and talking.kind is AgentState.TALKING
    assert talking.time_in_state(T0 + 30) == 30
    assert talking.state_since_first_seen
    assert paused.paused and paused.pause_since_first_seen
    assert paused.pause_duration(T0 + 30) == 30


def test_a_state_change_starts_a_known_clock() -> None:
    tracker = AgentTracker()
    tracker.observe([member("101", "Rozmawia")], 0, T0)
    tracker.observe([member("101", "Rozmawia")], 0, T0 + 5)
    status = tracker.status("101", T0 + 5)
    assert status is not None and status.state_since == T0
    tracker.observe([member("101", "Wolny")], 0, T0 + 10)
    tracker.observe([member("101", "Wolny")], 0, T0 + 15)
    status = tracker.status("101", T0 + 22)
    assert status is not None
    assert status.state == "free"
    assert status.state_since == T0 + 10
    assert not status.state_since_first_seen
    assert status.time_in_state(T0 + 22) == 12


def test_pause_is_tracked_apart_from_the_state() -> None:
    tracker = AgentTracker()
    tracker.observe([member("101")], 0, T0)
    tracker.observe([member("101", pause=True)], 0, T0 + 5)
    tracker.observe([member("101", pause=True)], 0, T0 + 10)
    status = tracker.status("101", T0 + 65)
    assert status is not None
    assert status.paused and status.paused_since == T0 + 5 and not status.pause_since_first_seen
    assert status.pause_duration(T0 + 65) == 60
    assert status.state_since == T0  # still "Wolny" since first seen
    tracker.observe([member("101")], 0, T0 + 70)
    status = tracker.status("101", T0 + 70)
    assert status is not None
    assert not status.paused and status.paused_since is None and status.pause_duration(T0) is None


def test_free_while_calls_wait() -> None:
    tracker = AgentTracker()
    members = [
        member("free"),
        member("paused", pause=True),
        member("talking", "Rozmawia"),
        member("away", "Niedostępny"),
    ]
    tracker.observe(members, 2, T0)
    flagged = {s.login for s in tracker.statuses(T0) if s.free_while_calls_wait}
    assert flagged == {"free"}
    tracker.observe(members, 0, T0 + 5)
    assert not any(s.free_while_calls_wait for s in tracker.statuses(T0 + 5))


def test_long_pause_turns_on_between_polls() -> None:
    tracker = AgentTracker(long_pause=900)
    tracker.observe([member("101")], 0, T0)
    tracker.observe([member("101", pause=True)], 0, T0 + 10)
    status = tracker.status("101", T0 + 10 + 900)
    assert status is not None and not status.long_pause
    status = tracker.status("101", T0 + 10 + 901)
    assert status is not None and status.long_pause


def test_names_order_and_departures() -> None:
    tracker = AgentTracker()
    tracker.observe([member("2", name="Ewa Nowak"), member("1", name="  ")], 0, T0)
    assert [(s.login, s.name) for s in tracker.statuses(T0)] == [("2", "Ewa Nowak"), ("1", "1")]
    tracker.observe([member("1", name="Jan")], 0, T0 + 5)
    assert "2" not in tracker and len(tracker) == 1
    tracker.observe([member("1", name="Jan"), member("2", "Rozmawia")], 0, T0 + 10)
    back = tracker.status("2", T0 + 10)
    assert back is not None and back.state_since_first_seen and back.state_since == T0 + 10


def test_unknown_states_pass_through_and_count_as_changes() -> None:
    tracker = AgentTracker()
    tracker.observe([member("1", "Wolny")], 0, T0)
    tracker.observe([member("1", "Po rozmowie")], 3, T0 + 5)
    status = tracker.status("1", T0 + 5)
    assert status is not None
    assert (status.state, status.kind, status.state_since) == ("Po rozmowie", None, T0 + 5)
    assert not status.free_while_calls_wait


def test_a_reordered_or_changed_list_of_the_same_length_keeps_each_agents_clock() -> None:
    tracker = AgentTracker()
    tracker.observe([member("1"), member("2", "Rozmawia"), member("3")], 0, T0)
    tracker.observe([member("1"), member("2"), member("3")], 0, T0 + 5)  # 2 now free
    tracker.observe([member("3"), member("2"), member("4")], 0, T0 + 10)  # 1 left, 4 came
    statuses = tracker.statuses(T0 + 10)
    assert [s.login for s in statuses] == ["3", "2", "4"]
    since = {s.login: (s.state_since, s.state_since_first_seen) for s in statuses}
    assert since == {"3": (T0, True), "2": (T0 + 5, False), "4": (T0 + 10, True)}
    assert "1" not in tracker


def test_a_new_call_in_the_same_state_starts_the_time_again() -> None:
    """Finished one call, took the next between two polls: still "Rozmawia", but the
    answered count went 4 -> 5, so the time on this call starts at the poll that showed it."""
    tracker = AgentTracker()
    tracker.observe([member("101", "Rozmawia", answered=4)], 0, T0)
    tracker.observe([member("101", "Rozmawia", answered=4)], 0, T0 + 90)
    tracker.observe([member("101", "Rozmawia", answered=5)], 0, T0 + 95)
    status = tracker.status("101", T0 + 100)
    assert status is not None
    assert status.state_since == T0 + 95 and not status.state_since_first_seen
    assert status.time_in_state(T0 + 100) == 5


def test_a_new_last_call_time_starts_the_time_again() -> None:
    """A call answered in another campaign of the agent moves only `last_call`."""
    first = replace(member("101", "Rozmawia"), last_call="2026-06-13 10:40:00")
    later = replace(first, last_call="2026-06-13 10:42:10")
    tracker = AgentTracker()
    tracker.observe([first], 0, T0)
    tracker.observe([first], 0, T0 + 60)
    tracker.observe([later], 0, T0 + 65)
    status = tracker.status("101", T0 + 70)
    assert status is not None
    assert status.state_since == T0 + 65 and not status.state_since_first_seen


def test_the_same_figures_keep_the_clock_and_a_new_call_does_not_touch_the_pause() -> None:
    tracker = AgentTracker()
    tracker.observe([member("101", pause=True, answered=2)], 0, T0)
    tracker.observe([member("101", pause=True, answered=2)], 0, T0 + 120)
    status = tracker.status("101", T0 + 120)
    assert status is not None and status.state_since == T0 and status.state_since_first_seen
    tracker.observe([member("101", pause=True, answered=3)], 0, T0 + 125)
    status = tracker.status("101", T0 + 125)
    assert status is not None
    assert status.state_since == T0 + 125
    assert status.paused_since == T0 and status.pause_since_first_seen
