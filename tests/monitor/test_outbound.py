"""What an outbound staffing change would do: counts from the agent list, queues from snapshots."""

from __future__ import annotations

from spikon_tui.api.models import CcAgent
from spikon_tui.monitor.figures import Snapshot
from spikon_tui.monitor.outbound import NOTHING_MORE, outbound_effect
from tests.monitor.builders import call, member, monitor

T0 = 1_000_000.0
INFOLINIA, WINDYKACJA, SPRZEDAZ, REKLAMACJE, ANKIETY = 1, 2, 3, 4, 5
NAMES = {1: "Infolinia", 2: "Windykacja", 3: "Sprzedaż", 4: "Reklamacje", 5: "Ankiety"}


def name_of(campaign_id: int) -> str:
    return NAMES.get(campaign_id, f"Campaign {campaign_id}")


def agent(
    agent_id: int,
    name: str,
    inbound: list[int],
    outbound: list[int],
    default: int | None,
) -> CcAgent:
    return CcAgent(agent_id, name, f"10{agent_id}", "580000000", inbound, outbound, default)


ANNA = agent(1, "Anna Nowak", [INFOLINIA], [WINDYKACJA], WINDYKACJA)
JAN = agent(2, "Jan Kowalski", [INFOLINIA, SPRZEDAZ], [WINDYKACJA, SPRZEDAZ], SPRZEDAZ)
EWA = agent(3, "Ewa Lis", [], [SPRZEDAZ], SPRZEDAZ)
AGENTS = [ANNA, JAN, EWA]


def snapshots(*, anna: str = "Wolny", anna_paused: bool = False) -> dict[int, Snapshot]:
    """Infolinia: Anna (as given) and Jan talking, 4 calls waiting; Sprzedaż: Jan, none waiting."""
    infolinia = monitor(
        [member("101", anna, name="Anna Nowak", pause=anna_paused), member("102", "Rozmawia")],
        [call(40, 1), call(30, 2), call(20, 3), call(10, 4)],
    )
    sales = monitor([member("102", "Rozmawia"), member("109", "Wolny")])
    return {
        INFOLINIA: Snapshot.of(INFOLINIA, infolinia, T0),
        SPRZEDAZ: Snapshot.of(SPRZEDAZ, sales, T0 + 1),
    }


def effect(action, who: CcAgent, campaign_id: int, snaps=None, agents=AGENTS):
    snaps = snapshots() if snaps is None else snaps
    return outbound_effect(action, who, campaign_id, agents, snaps, name_of)


def test_adding_a_free_agent_says_what_their_queue_is_left_with_while_they_call() -> None:
    result = effect("add", ANNA, SPRZEDAZ)
    assert (result.outbound_before, result.outbound_after) == (2, 3)
    assert result.lines == (
        "Sprzedaż would have 3 outbound agents (2 now).",
        "While Anna Nowak is on an outgoing call, "
        "Infolinia would have 0 free agents with 4 calls waiting.",
        NOTHING_MORE,
    )


def test_adding_an_agent_who_is_not_free_costs_no_queue_a_free_agent() -> None:
    for snaps in (snapshots(anna="Rozmawia"), snapshots(anna_paused=True)):
        result = effect("add", ANNA, SPRZEDAZ, snaps)
        assert result.lines[1] == (
            "Anna Nowak is not free right now, so no inbound queue would lose a free agent at once."
        )


def test_adding_lists_every_queue_the_agent_would_be_missed_in_worst_first() -> None:
    snaps = snapshots()
    both = monitor(
        [member("102", "Wolny", name="Jan Kowalski"), member("109", "Wolny")],
        [call(5)],
    )
    snaps[SPRZEDAZ] = Snapshot.of(SPRZEDAZ, both, T0 + 2)
    snaps[INFOLINIA] = Snapshot.of(
        INFOLINIA,
        monitor([member("102", "Wolny", name="Jan Kowalski")], [call(9), call(8)]),
        T0 + 2,
    )
    result = effect("add", JAN, REKLAMACJE, snaps)
    assert result.lines == (
        "Reklamacje would have 1 outbound agent (none now).",
        "While Jan Kowalski is on an outgoing call:",
        "• Infolinia would have 0 free agents with 2 calls waiting",
        "• Sprzedaż would have 1 free agent with 1 call waiting",
        NOTHING_MORE,
    )


def test_adding_an_agent_without_inbound_queues_or_figures_says_so_plainly() -> None:
    assert effect("add", EWA, WINDYKACJA).lines[1] == (
        "Ewa Lis takes no incoming calls, so no queue would lose an agent."
    )
    no_figures = effect("add", ANNA, SPRZEDAZ, snaps={})
    assert no_figures.lines[1:] == (
        "No figures for Infolinia yet; the effect there cannot be shown.",
        NOTHING_MORE,
    )
    stranger = agent(8, "Olga Nowa", [INFOLINIA, SPRZEDAZ], [], None)
    unseen = effect("add", stranger, WINDYKACJA, agents=[*AGENTS, stranger])
    assert unseen.lines[1] == (
        "What Infolinia and Sprzedaż would be left with cannot be shown: "
        "Olga Nowa's state there is not in the latest figures."
    )


def test_removing_counts_who_is_left_and_says_when_nobody_is() -> None:
    result = effect("remove", JAN, WINDYKACJA)
    assert result.lines == ("Windykacja would have 1 outbound agent (2 now).", NOTHING_MORE)
    alone = [ANNA, agent(2, "Jan Kowalski", [], [], None)]
    last = effect("remove", ANNA, WINDYKACJA, agents=alone)
    assert last.outbound_after == 0
    assert last.lines[0] == (
        "Windykacja would have no outbound agents left: nobody could make its "
        "outgoing calls (1 now)."
    )
    assert last.lines[1] == (
        "Windykacja is also Anna Nowak's default outbound campaign; set another default "
        "if their outgoing calls should go elsewhere."
    )


def test_setting_the_default_says_before_after_membership_and_how_many_share_it() -> None:
    result = effect("default", ANNA, SPRZEDAZ)
    assert (result.defaults_before, result.defaults_after) == (2, 3)
    assert result.lines == (
        "Anna Nowak's default outbound campaign would be Sprzedaż instead of Windykacja.",
        "Anna Nowak does not make Sprzedaż's outgoing calls yet.",
        "Sprzedaż would be the default of 3 agents (2 now).",
        NOTHING_MORE,
    )
    without = agent(4, "Piotr Wrona", [], [ANKIETY], None)
    first = effect("default", without, ANKIETY, agents=[*AGENTS, without])
    assert first.lines[:2] == (
        "Piotr Wrona's default outbound campaign would be Ankiety (none now).",
        "Ankiety would be the default of 1 agent (0 now).",
    )


def test_nothing_would_change_is_said_instead_of_figures() -> None:
    assert effect("add", ANNA, WINDYKACJA).lines == (
        "Anna Nowak already makes Windykacja's outgoing calls; nothing would change.",
    )
    assert effect("remove", ANNA, SPRZEDAZ).lines == (
        "Anna Nowak does not make Sprzedaż's outgoing calls; nothing would change.",
    )
    assert effect("default", ANNA, WINDYKACJA).text == (
        "Windykacja already is Anna Nowak's default outbound campaign; nothing would change."
    )


def test_the_agent_s_own_lists_count_not_a_stale_copy_in_the_list() -> None:
    """The agent given wins over their entry in the agent list (e.g. just changed)."""
    moved = agent(1, "Anna Nowak", [INFOLINIA], [WINDYKACJA, SPRZEDAZ], WINDYKACJA)
    assert effect("remove", moved, SPRZEDAZ).outbound_before == 3
