"""The Call Center: campaigns, agents, membership, and a monitor that stays consistent in motion."""

from __future__ import annotations

import re
from typing import Any

from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import Api, FakeClock

MM_SS = re.compile(r"\d{2,}:\d{2}")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def _numbered(body: dict, prefix: str) -> list[Any]:
    items = [body[f"{prefix}-{n}"] for n in range(1, len(body) + 1) if f"{prefix}-{n}" in body]
    assert len(items) == len([key for key in body if key != "count"])
    return items


def _agents(api: Api) -> dict[str, dict]:
    body = api.ok("cc_agent/list")["cc-agents"]
    return {agent["id"]: agent for agent in _numbered(body, "cc-agent")}


def _monitor(api: Api, campaign: int) -> dict:
    return api.ok("cc_monitor/show", {"cc_campaign_id": campaign})["cc-monitor"]


def _members(monitor: dict) -> list[dict]:
    return _numbered(monitor["campaign-members"], "cc-campaign-member")


def _seconds(mm_ss: str) -> int:
    minutes, seconds = mm_ss.split(":")
    return int(minutes) * 60 + int(seconds)


def test_campaigns(api: Api) -> None:
    body = api.ok("cc_campaigns/list")["cc-campaigns"]
    assert body == {
        "count": "3",
        "cc-campaign-1": {"id": "1", "name": "Infolinia"},
        "cc-campaign-2": {"id": "2", "name": "Windykacja"},
        "cc-campaign-3": {"id": "3", "name": "Sprzedaż"},
    }


def test_agents(api: Api) -> None:
    agents = _agents(api)
    assert list(agents) == [str(n) for n in range(1, 13)]
    assert len({agent["name"] for agent in agents.values()}) == 12
    for agent in agents.values():
        assert re.fullmatch(r"\d{7}", agent["sip"])
        assert re.fullmatch(r"\d{9}", agent["ddi"])
        assert " " in agent["name"]
        assert agent["in_campaigns"] and set(agent["in_campaigns"]) <= {1, 2, 3}
        assert agent["out_campaigns"] and set(agent["out_campaigns"]) <= {1, 2, 3}
        assert type(agent["default_out_campaign"]) is int


def test_monitor_stays_consistent_for_an_hour(api: Api, clock: FakeClock) -> None:
    agents = _agents(api)
    members_of = {
        campaign: sorted(
            agent["sip"] for agent in agents.values() if campaign in agent["in_campaigns"]
        )
        for campaign in (1, 2, 3)
    }
    previous: dict[int, tuple[int, int]] = {}
    seen = {"waiting": 0, "talking": 0, "paused": 0, "answered": 0}
    for _ in range(180):  # an hour, every 20 seconds
        clock.advance(20)
        for campaign in (1, 2, 3):
            monitor = _monitor(api, campaign)
            basic = monitor["basic-data"]
            members = _members(monitor)
            waiting = _numbered(monitor["waiting-calls"], "waiting-call")
            assert sorted(member["login"] for member in members) == members_of[campaign]
            assert basic["free-members"] + basic["busy-members"] == len(members)
            free = sum(1 for member in members if member["state"] == "Wolny")
            assert basic["free-members"] == free
            assert basic["calls-waiting"] == basic["in-queue"] == len(waiting)
            assert len(waiting) <= basic["max-waiting"]
            assert [call["position"] for call in waiting] == [
                str(n) for n in range(1, len(waiting) + 1)
            ]
            waits = [_seconds(call["waiting-time"]) for call in waiting]
            assert waits == sorted(waits, reverse=True)  # the first in line waits longest
            assert all(re.fullmatch(r"\d{9}", call["number"]) for call in waiting)
            if waiting:  # someone waits only when nobody free and unpaused can answer
                assert not [m for m in members if m["state"] == "Wolny" and m["pause"] == "Nie"]
            answered, unanswered = basic["answered"], basic["unanswered"]
            if campaign in previous:
                assert answered >= previous[campaign][0]
                assert unanswered >= previous[campaign][1]
            previous[campaign] = (answered, unanswered)
            assert sum(int(member["answered"]) for member in members) == answered
            for key in ("average-waiting-time", "average-call-time", "measured-sla"):
                assert MM_SS.fullmatch(basic[key])
            assert 0 <= basic["sla"] <= 100
            if answered == 0:
                assert basic["sla"] == 0
            for member in members:
                assert member["state"] in ("Wolny", "Rozmawia", "Niedostępny")
                assert member["pause"] in ("Tak", "Nie")
                assert member["last-call"] == "Brak danych" or DATE_TIME.fullmatch(
                    member["last-call"]
                )
                assert member["answered"].isdigit() and member["skill"].isdigit()
            seen["waiting"] += len(waiting)
            seen["talking"] += sum(member["state"] == "Rozmawia" for member in members)
            seen["paused"] += sum(member["pause"] == "Tak" for member in members)
    seen["answered"] = sum(answered for answered, _ in previous.values())
    assert all(seen.values()), seen  # the call center really moved


def test_measured_sla_per_campaign(api: Api) -> None:
    slas = [_monitor(api, campaign)["basic-data"]["measured-sla"] for campaign in (1, 2, 3)]
    assert slas == ["00:20", "00:30", "01:00"]


def test_membership_change_shows_in_agent_list_and_monitor(api: Api) -> None:
    agents = _agents(api)
    agent = next(a for a in agents.values() if 3 not in a["in_campaigns"])
    logins = [member["login"] for member in _members(_monitor(api, 3))]
    assert agent["sip"] not in logins
    params = {"agent_id": agent["id"], "campaign_id": 3}
    assert api.ok("cc_in_campaign/add_agent", params) == {"add_agent_status": "OK"}
    assert 3 in _agents(api)[agent["id"]]["in_campaigns"]
    members = _members(_monitor(api, 3))
    assert agent["sip"] in [member["login"] for member in members]
    added = next(member for member in members if member["login"] == agent["sip"])
    assert added["description"] == agent["name"] and added["answered"] == "0"
    already = api.error("cc_in_campaign/add_agent", params)
    assert already["id"] == "-10" and already["name"] == "Already exist"
    assert api.ok("cc_in_campaign/remove_agent", params) == {"remove_agent": {"status": "OK"}}
    assert 3 not in _agents(api)[agent["id"]]["in_campaigns"]
    assert agent["sip"] not in [member["login"] for member in _members(_monitor(api, 3))]
    assert api.error("cc_in_campaign/remove_agent", params)["id"] == "-8"


def test_new_member_takes_calls(api: Api, clock: FakeClock) -> None:
    agents = _agents(api)
    newcomers = [a for a in agents.values() if 1 not in a["in_campaigns"]]
    for agent in newcomers:
        api.ok("cc_in_campaign/add_agent", {"agent_id": agent["id"], "campaign_id": 1})
    clock.advance(1800)
    members = {member["login"]: member for member in _members(_monitor(api, 1))}
    assert sum(int(members[agent["sip"]]["answered"]) for agent in newcomers) > 0


def test_out_campaigns_and_default(api: Api) -> None:
    agent = next(a for a in _agents(api).values() if 2 not in a["out_campaigns"])
    params = {"agent_id": agent["id"], "campaign_id": 2}
    assert api.ok("cc_out_campaign/add_agent", params) == {"add_agent_status": "OK"}
    assert 2 in _agents(api)[agent["id"]]["out_campaigns"]
    assert api.error("cc_out_campaign/add_agent", params)["id"] == "-10"
    set_default = api.ok("cc_out_campaign/set_default", params)
    assert set_default == {"out_campaign_set_default": {"status": "OK"}}
    assert _agents(api)[agent["id"]]["default_out_campaign"] == 2
    assert api.ok("cc_out_campaign/remove_agent", params) == {"remove_agent": {"status": "OK"}}
    after = _agents(api)[agent["id"]]
    assert 2 not in after["out_campaigns"] and after["default_out_campaign"] == 2
    assert api.error("cc_out_campaign/remove_agent", params)["id"] == "-8"
    # Incoming and outgoing memberships are separate.
    assert _agents(api)[agent["id"]]["in_campaigns"] == agent["in_campaigns"]


def test_unknown_ids(api: Api) -> None:
    for method in ("cc_in_campaign/add_agent", "cc_out_campaign/remove_agent",
                   "cc_out_campaign/set_default"):  # fmt: skip
        assert api.error(method, {"agent_id": 13, "campaign_id": 1})["id"] == "-8"
        assert api.error(method, {"agent_id": 1, "campaign_id": 4})["id"] == "-8"
    assert api.error("cc_monitor/show", {"cc_campaign_id": 0})["id"] == "-8"


def test_reset_counters(sandbox: Sandbox, api: Api, clock: FakeClock) -> None:
    clock.advance(600)
    before = _monitor(api, 1)["basic-data"]
    assert before["answered"] > 0
    sandbox.state.reset_cc_counters(1)
    after = _monitor(api, 1)
    assert after["basic-data"]["answered"] == 0 and after["basic-data"]["unanswered"] == 0
    assert after["basic-data"]["sla"] == 0
    assert after["basic-data"]["average-waiting-time"] == "00:00"
    assert all(member["answered"] == "0" for member in _members(after))
    assert _monitor(api, 2)["basic-data"]["answered"] > 0  # other campaigns keep theirs
    clock.advance(600)
    assert _monitor(api, 1)["basic-data"]["answered"] > 0


def test_the_monitor_follows_the_clock_not_the_requests(clock: FakeClock) -> None:
    """Asking often or rarely gives the same picture at the same time."""
    other = FakeClock(clock.now)
    config = SandboxConfig(seed=5, clock=clock, contacts=0, calls=0)
    with (
        Sandbox(config) as often,
        Sandbox(SandboxConfig(seed=5, clock=other, contacts=0, calls=0)) as rarely,
    ):
        often_api, rarely_api = Api(often), Api(rarely)
        for _ in range(30):
            clock.advance(10)
            often_api.post("cc_monitor/show", {"cc_campaign_id": 2})
        other.advance(300)
        assert often_api.post("cc_monitor/show", {"cc_campaign_id": 2}).content == (
            rarely_api.post("cc_monitor/show", {"cc_campaign_id": 2}).content
        )
        often_api.close()
        rarely_api.close()


def test_size_follows_the_config(clock: FakeClock) -> None:
    with Sandbox(SandboxConfig(seed=2, clock=clock, agents=30, campaigns=12, contacts=0)) as sb:
        api = Api(sb)
        campaigns = api.ok("cc_campaigns/list")["cc-campaigns"]
        assert campaigns["count"] == "12" and campaigns["cc-campaign-12"]["name"]
        assert api.ok("cc_agent/list")["cc-agents"]["count"] == "30"
        assert _members(_monitor(api, 12))
        api.close()


def test_a_full_queue_turns_callers_away(sandbox: Sandbox, api: Api, clock: FakeClock) -> None:
    """max-waiting is how many callers the queue holds; the next ones count as unanswered."""
    for agent in _agents(api).values():
        if 1 in agent["in_campaigns"]:
            api.ok("cc_in_campaign/remove_agent", {"agent_id": agent["id"], "campaign_id": 1})
    with sandbox.state.lock:
        sandbox.state.call_center.campaigns[
            1
        ].arrival_rate = 2.0  # a caller every second, whatever the swing
    before = _monitor(api, 1)["basic-data"]
    clock.advance(60)
    monitor = _monitor(api, 1)
    basic = monitor["basic-data"]
    assert _members(monitor) == [] and basic["free-members"] == basic["busy-members"] == 0
    assert basic["calls-waiting"] == basic["in-queue"] == basic["max-waiting"] == 20
    assert len(monitor["waiting-calls"]) == 20
    assert basic["unanswered"] - before["unanswered"] >= 60 - 20 - before["calls-waiting"]
    assert basic["answered"] == before["answered"]


def test_callers_give_up_when_nobody_answers(api: Api, clock: FakeClock) -> None:
    for agent in _agents(api).values():
        if 2 in agent["in_campaigns"]:
            api.ok("cc_in_campaign/remove_agent", {"agent_id": agent["id"], "campaign_id": 2})
    before = _monitor(api, 2)["basic-data"]
    for _ in range(20):
        clock.advance(60)
        basic = _monitor(api, 2)["basic-data"]
        assert basic["calls-waiting"] < basic["max-waiting"]  # never full: nobody turned away
    assert basic["unanswered"] - before["unanswered"] >= 5  # so these callers gave up
    assert basic["answered"] == before["answered"]
