"""The overview's ranking, worst first, and the staffing what-if."""

from __future__ import annotations

from spikon_tui.api.models import CcAgent
from spikon_tui.monitor.alert_rules import Level
from spikon_tui.monitor.figures import Snapshot, figures_of
from spikon_tui.monitor.overview import (
    CampaignSummary,
    effect_of_adding,
    effect_of_removing,
    rank_campaigns,
)
from tests.monitor.builders import call, member, monitor

T0 = 1_000_000.0


def summary(
    cid: int, name: str, level: Level = Level.OK, **figures: float | None
) -> CampaignSummary:
    values = {"calls_waiting": 0, "longest_wait": 0.0, "sla": 90, "sla_target": 80.0}
    values.update(figures)
    return CampaignSummary(cid, name, level, stale=False, **values)  # type: ignore[arg-type]


def test_ranking_worst_first() -> None:
    campaigns = [
        summary(1, "Calm"),
        summary(2, "Short of SLA", sla=60),
        summary(3, "Queue", calls_waiting=5, longest_wait=20),
        summary(4, "Long wait", calls_waiting=1, longest_wait=90),
        summary(5, "Warned", Level.WARN),
        summary(6, "Alarmed", Level.ALERT),
        CampaignSummary(7, "Not loaded", Level.OK, stale=False),
        summary(8, "Bigger queue", calls_waiting=7, longest_wait=20),
        summary(9, "Less short", sla=75),
    ]
    ranked = [s.name for s in rank_campaigns(campaigns)]
    assert ranked == [
        "Alarmed",
        "Warned",
        "Long wait",
        "Bigger queue",
        "Queue",
        "Short of SLA",
        "Less short",
        "Calm",
        "Not loaded",
    ]


def test_sla_shortfall() -> None:
    assert summary(1, "a", sla=70).sla_shortfall == 10
    assert summary(1, "a", sla=85).sla_shortfall == 0
    assert summary(1, "a", sla=None).sla_shortfall is None
    assert not CampaignSummary(1, "x", Level.OK, stale=False).loaded


def snapshots() -> dict[int, Snapshot]:
    infolinia = monitor(
        [
            member("101", "Wolny", name="Anna Nowak"),
            member("102", "Rozmawia"),
            member("103", "Wolny", pause=True),
        ],
        [call(10, 1), call(20, 2), call(5, 3), call(1, 4)],
    )
    sales = monitor([member("104", "Wolny", name="Jan Kowalski"), member("102", "Rozmawia")])
    return {1: Snapshot.of(1, infolinia, T0), 2: Snapshot.of(2, sales, T0 + 1)}


def test_removing_a_free_agent() -> None:
    effect = effect_of_removing("101", 1, snapshots(), "Infolinia")
    assert (effect.free_before, effect.free_after, effect.calls_waiting) == (1, 0, 4)
    assert effect.text == "Infolinia would have 0 free agents with 4 calls waiting"
    assert effect.agent_name == "Anna Nowak"


def test_removing_a_busy_or_paused_agent_changes_no_count() -> None:
    effect = effect_of_removing("102", 1, snapshots(), "Infolinia")
    assert effect.free_after == 1
    assert effect.text == (
        "Infolinia would have 1 free agent with 4 calls waiting (Agent 102 is not free right now)"
    )
    assert effect_of_removing("103", 1, snapshots(), "Infolinia").free_after == 1


def test_adding_an_agent_free_in_another_campaign() -> None:
    agent = CcAgent(7, "Jan Kowalski", "104", "500100200", [2], [2], None)
    effect = effect_of_adding(agent, 1, snapshots(), "Infolinia")
    assert (effect.free_before, effect.free_after, effect.agent_free) == (1, 2, True)
    assert effect.text == "Infolinia would have 2 free agents with 4 calls waiting"


def test_adding_an_agent_seen_nowhere() -> None:
    effect = effect_of_adding("999", 2, snapshots(), "Sprzedaż")
    assert effect.agent_free is None and effect.free_after == 1
    assert effect.text == (
        "Sprzedaż would have 1 free agent and no calls waiting (999's current state is unknown)"
    )


def test_no_change_and_no_figures() -> None:
    assert effect_of_adding("101", 1, snapshots(), "Infolinia").text == (
        "Anna Nowak is already in Infolinia; nothing would change."
    )
    assert effect_of_removing("104", 1, snapshots(), "Infolinia").text == (
        "Jan Kowalski is not in Infolinia; nothing would change."
    )
    unknown = effect_of_removing("101", 9, snapshots())
    assert not unknown.known
    assert unknown.text == "No figures for Campaign 9 yet; the effect cannot be shown."


def test_figures_of_a_snapshot() -> None:
    snap = monitor(
        [member("1"), member("2", pause=True), member("3", "Rozmawia", pause=True), member("4")],
        [call(12), call(None)],
        answered=10,
        sla=85,
    )
    figures = figures_of(snap)
    assert (figures.free_agents, figures.paused_agents, figures.free_members) == (2, 2, 3)
    assert (figures.calls_waiting, figures.longest_wait, figures.sla) == (2, 12, 85)
    assert figures.measured_sla == 30
    assert figures_of(monitor(sla=0)).sla is None  # nothing answered yet: no measurement
    assert figures_of(monitor()).longest_wait == 0
    assert figures_of(monitor(waiting=[call(None)])).longest_wait is None
    assert figures_of(monitor(free_members=3)).free_agents == 3  # no member list: the API's count
