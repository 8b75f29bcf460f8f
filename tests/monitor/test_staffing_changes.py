"""The staffing grid's cells and each change's method, audit line and question."""

from __future__ import annotations

import pytest

from spikon_tui.api.models import CcAgent, CcCampaign
from spikon_tui.monitor.staffing_changes import change_for, membership
from spikon_tui.monitor.tracker import MonitorTracker
from tests.monitor.builders import FakeClock, call, member, monitor

INFOLINIA = CcCampaign(1, "Infolinia")
WINDYKACJA = CcCampaign(2, "Windykacja")
ANNA = CcAgent(3, "Anna Nowak", "101", "580000000", [1], [1], 1)
JAN = CcAgent(4, "Jan Kowalski", "102", "580000001", [1, 2], [2], 2)


@pytest.fixture
def tracker() -> MonitorTracker:
    clock = FakeClock()
    tracker = MonitorTracker(clock=clock)
    tracker.set_campaigns([INFOLINIA, WINDYKACJA])
    queue = monitor([member("101", name="Anna Nowak"), member("102", "Rozmawia")], [call(9)])
    tracker.ingest(1, queue)
    return tracker


def test_a_cell_says_in_out_and_default() -> None:
    assert membership(ANNA, 1) == "in out ★"
    assert membership(JAN, 1) == "in"
    assert membership(JAN, 2) == "in out ★"
    assert membership(ANNA, 2) == "·"


def test_each_key_on_each_cell_is_the_right_change(tracker: MonitorTracker) -> None:
    cases = [
        ("toggle_in", ANNA, INFOLINIA, "cc_in_campaign_remove_agent", True),
        ("toggle_in", ANNA, WINDYKACJA, "cc_in_campaign_add_agent", False),
        ("toggle_out", ANNA, INFOLINIA, "cc_out_campaign_remove_agent", True),
        ("toggle_out", ANNA, WINDYKACJA, "cc_out_campaign_add_agent", False),
        ("set_default", ANNA, WINDYKACJA, "cc_out_campaign_set_default", False),
    ]
    for action, agent, campaign, method, danger in cases:
        change = change_for(action, agent, campaign, tracker, [ANNA, JAN])
        assert (change.method, change.danger) == (method, danger), action


def test_the_words_for_the_log_and_the_question(tracker: MonitorTracker) -> None:
    removal = change_for("toggle_in", ANNA, INFOLINIA, tracker, [ANNA, JAN])
    assert removal.what == "remove agent 3 (Anna Nowak) from inbound campaign 1 (Infolinia)"
    assert removal.question == (
        "Remove Anna Nowak from the inbound campaign Infolinia?\n\n"
        "Infolinia would have 0 free agents with 1 call waiting"
    )
    joining = change_for("toggle_out", ANNA, WINDYKACJA, tracker, [ANNA, JAN])
    assert joining.what == "add agent 3 (Anna Nowak) to outbound campaign 2 (Windykacja)"
    assert joining.question.splitlines()[:4] == [
        "Add Anna Nowak to the outbound campaign Windykacja?",
        "",
        "Windykacja would have 2 outbound agents (1 now).",
        "While Anna Nowak is on an outgoing call, "
        "Infolinia would have 0 free agents with 1 call waiting.",
    ]
    default = change_for("set_default", ANNA, WINDYKACJA, tracker, [ANNA, JAN])
    assert default.what == (
        "set the default outbound campaign of agent 3 (Anna Nowak) to campaign 2 (Windykacja)"
    )
    assert "would be Windykacja instead of Infolinia." in default.question
