"""Every method answers in the shapes the documentation prints, in JSON and in XML."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.documented import WAITING_CALL, documented_methods, json_example, xml_example
from tests.sandbox.helpers import Api, FakeClock, assert_same_shape, xml_data

ALL_METHODS = (
    "balance/show", "phone_account/list", "call/initiate", "phone_book/list", "phone_book/show",
    "phone_book/add", "phone_book/delete", "phone_book_element/add", "phone_book_element/delete",
    "call_list/order", "call_list/list", "call_list/show", "cc_campaigns/list", "cc_agent/list",
    "cc_in_campaign/add_agent", "cc_in_campaign/remove_agent", "cc_out_campaign/add_agent",
    "cc_out_campaign/remove_agent", "cc_out_campaign/set_default", "cc_monitor/show", "sms/send",
    "sms/state", "tts/language_list", "tts/voice_list", "tts/generate", "tts/list",
    "tts/download", "tts/delete", "tts/price", "tts/status",
)  # fmt: skip
READ_ONLY = (
    "balance/show", "phone_account/list", "phone_book/list", "phone_book/show", "call_list/list",
    "call_list/show", "cc_campaigns/list", "cc_agent/list", "cc_monitor/show", "sms/state",
    "tts/language_list", "tts/voice_list", "tts/list", "tts/price", "tts/status",
)  # fmt: skip

_unique = itertools.count(1)


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[Sandbox, Api]]:
    clock = FakeClock()
    with Sandbox(SandboxConfig(seed=11, clock=clock, contacts=50, calls=400)) as sandbox:
        api = Api(sandbox)
        # An SMS and an announcement to look at.
        api.ok("sms/send", {"from": "SMS", "to": "501234567", "message": "Test"})
        yield sandbox, api
        api.close()


def _pair(sandbox: Sandbox, *, member: bool, outgoing: bool) -> dict[str, int]:
    center = sandbox.state.call_center
    for agent in center.agents.values():
        ids = agent.out_campaigns if outgoing else agent.in_campaigns
        for campaign in center.campaigns:
            if (campaign in ids) == member:
                return {"agent_id": agent.id, "campaign_id": campaign}
    raise AssertionError("no such agent and campaign")


def _params(method: str, sandbox: Sandbox, api: Api) -> dict[str, Any]:
    """Parameters that make `method` succeed (creating what it needs first)."""
    n = next(_unique)
    if method == "call/initiate":
        return {"phone_account_id": 1, "destination_number": "501234567"}
    if method == "phone_book/show":
        return {"phone_book_id": 1}
    if method == "phone_book/add":
        return {"phone_book_name": f"Nowa książka {n}"}
    if method == "phone_book/delete":
        added = api.ok("phone_book/add", {"phone_book_name": f"Do usunięcia {n}"})
        return {"phone_book_id": added["phone-books"]["phone_book"]["id"]}
    if method == "phone_book_element/add":
        return {
            "phone_book_id": 1,
            "phone_book_element_name": "Jan Kowalski",
            "phone_book_element_number": "123456789",
        }
    if method == "phone_book_element/delete":
        added = api.ok("phone_book_element/add", _params("phone_book_element/add", sandbox, api))
        return {"phone_book_element_id": added["phone-book-elements"]["phone_book_element"]["id"]}
    if method == "call_list/order":
        return {"dir": 2, "date_start": "2025-06-01", "date_end": "2025-06-15"}
    if method == "call_list/show":
        return {"call_list_id": 1}
    if method.endswith("/add_agent"):
        return _pair(sandbox, member=False, outgoing=method.startswith("cc_out"))
    if method.endswith("/remove_agent"):
        return _pair(sandbox, member=True, outgoing=method.startswith("cc_out"))
    if method == "cc_out_campaign/set_default":
        return {"agent_id": 1, "campaign_id": 2}
    if method == "cc_monitor/show":
        return {"cc_campaign_id": 1}
    if method == "sms/send":
        return {"from": "SMS", "to": "501234567", "message": "Dzień dobry"}
    if method == "sms/state":
        return {"id": 1}
    if method == "tts/voice_list":
        return {"language": "pl-PL"}
    if method == "tts/generate":
        return {"voice": "Ewa", "name": f"Zapowiedź {n}", "text": "Dzień dobry"}
    if method == "tts/delete":
        added = api.ok("tts/generate", _params("tts/generate", sandbox, api))
        return {"tts_id": added["tts"]["tts_id"]}
    if method == "tts/price":
        return {"voice": "Ewa", "text": "a" * 3000}
    if method == "tts/status":
        return {"tts_id": 1}
    return {}


def _without_waiting_calls(answer: dict, waiting: Callable[[dict], Any]) -> dict:
    """cc_monitor/show: check waiting calls against decision 5, then compare the rest."""
    calls = answer["cc-monitor"]["waiting-calls"]
    for key, call in calls.items():
        assert key.startswith("waiting-call-")
        waiting(call)
    answer["cc-monitor"]["waiting-calls"] = {}
    return answer


@pytest.mark.parametrize("method", documented_methods())
def test_json_answer_has_the_documented_shape(method: str, shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    answer = api.ok(method, _params(method, sandbox, api))
    documented = json_example(method)
    if method == "cc_monitor/show":
        answer = _without_waiting_calls(answer, lambda c: assert_same_shape(c, WAITING_CALL))
    assert_same_shape(answer, documented)


@pytest.mark.parametrize("method", documented_methods())
def test_xml_answer_has_the_documented_elements(method: str, shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    root = api.xml(method, _params(method, sandbox, api))
    documented = xml_example(method)
    assert root.tag == documented.tag
    answer = {root.tag: xml_data(root)}
    if method == "cc_monitor/show":
        waiting = answer["cc-monitor"]["waiting-calls"]
        if waiting == "":  # an empty element
            answer["cc-monitor"]["waiting-calls"] = {}
        answer = _without_waiting_calls(answer, lambda c: assert_same_shape(c, WAITING_CALL))
        answer["cc-monitor"]["waiting-calls"] = ""
    assert_same_shape(answer, {documented.tag: xml_data(documented)})


def _as_xml_data(value: Any, name: str = "") -> Any:
    """What a JSON answer becomes in XML, by the documentation's naming rules."""
    if isinstance(value, dict):
        return {key.replace("_", "-"): _as_xml_data(item, key) for key, item in value.items()}
    if isinstance(value, list):
        item = name.replace("_", "-")[:-1]
        return [{item: _as_xml_data(entry)} for entry in value]
    return value


@pytest.mark.parametrize("method", READ_ONLY)
def test_xml_carries_the_same_data_as_json(method: str, shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    params = _params(method, sandbox, api)
    as_json = api.ok(method, params)
    root = api.xml(method, params)
    as_xml = {root.tag: xml_data(root)}
    if method == "cc_monitor/show" and as_xml["cc-monitor"]["waiting-calls"] == "":
        as_xml["cc-monitor"]["waiting-calls"] = {}
    assert as_xml == _as_xml_data(as_json)


def test_every_documented_method_exists(shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    assert len(ALL_METHODS) == 30
    for method in ALL_METHODS:
        if method == "tts/download":
            answer = api.http.get(method, params={"tts_id": 1}).json()
        else:
            answer = api.json(method, key=None)
        assert answer["error"]["id"] == "-2", method  # found, but no key: not -1


def test_documented_values_of_fixed_answers(shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    assert api.ok("call/initiate", _params("call/initiate", sandbox, api)) == {
        "call": {"state": "initiated"}
    }
    price = api.ok("tts/price", {"voice": "Ewa", "text": "a" * 3000})
    assert price == {"tts": {"cost_net": "9.0", "cost_gross": "11.07"}}
    assert api.ok("cc_out_campaign/set_default", {"agent_id": 1, "campaign_id": 1}) == {
        "out_campaign_set_default": {"status": "OK"}
    }
    added = api.post("cc_in_campaign/add_agent", _pair(sandbox, member=False, outgoing=False))
    assert added.content == b'{"add_agent_status":"OK"}'
    removed = api.post("cc_in_campaign/remove_agent", _pair(sandbox, member=True, outgoing=False))
    assert removed.content == b'{"remove_agent":{"status":"OK"}}'


def test_xml_of_add_agent_is_the_documented_text(shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    params = _pair(sandbox, member=False, outgoing=True)
    body = api.post("cc_out_campaign/add_agent", params, fmt=1).text
    assert body.split() == [
        '<?xml', 'version="1.0"', 'encoding="UTF-8"?>', "<add-agent>", "<status>OK</status>",
        "</add-agent>",
    ]  # fmt: skip


def test_xml_marks_integers_and_arrays(shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    sms = api.xml("sms/send", {"from": "SMS", "to": "501234567,601234567", "message": "x"})
    ids = sms.find("ids")
    assert ids is not None and ids.get("type") == "array"
    assert [(item.tag, item.get("type")) for item in ids] == [("id", "integer"), ("id", "integer")]
    state = api.xml("sms/state", {"id": int(ids[0].text or 0)}).find("state")
    assert state is not None and state.get("type") == "integer"
    monitor = api.xml("cc_monitor/show", {"cc_campaign_id": 1})
    basic = monitor.find("basic-data")
    assert basic is not None
    typed = {child.tag: child.get("type") for child in basic}
    assert typed == {
        "free-members": "integer", "busy-members": "integer", "calls-waiting": "integer",
        "answered": "integer", "unanswered": "integer", "in-queue": "integer",
        "average-waiting-time": None, "max-waiting": "integer", "average-call-time": None,
        "measured-sla": None, "sla": "integer",
    }  # fmt: skip


def test_json_is_utf8_without_escapes(shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    body = api.post("phone_book/list").content
    assert "Książka główna".encode() in body
    assert b"\\u" not in body


def test_count_matches_the_numbered_entries(shared: tuple[Sandbox, Api]) -> None:
    sandbox, api = shared
    for method, root in (
        ("phone_account/list", "phone-accounts"),
        ("phone_book/list", "phone-books"),
        ("cc_campaigns/list", "cc-campaigns"),
        ("cc_agent/list", "cc-agents"),
        ("tts/list", "tts"),
        ("call_list/list", "call-lists"),
    ):
        body = api.ok(method)[root]
        entries = [key for key in body if key != "count"]
        assert body["count"] == str(len(entries)) and entries, method
        prefix = entries[0].rsplit("-", 1)[0]
        assert entries == [f"{prefix}-{n}" for n in range(1, len(entries) + 1)], method
