"""Error codes: the envelope, the order of the checks, and each documented case."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import httpx
import pytest

from spikon_tui.sandbox import Sandbox
from tests.sandbox.helpers import XML_DECLARATION, Api


def test_error_envelope_json(api: Api) -> None:
    response = api.post("phone_book/show", {"phone_book_id": 123})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.json() == {
        "error": {
            "id": "-8",
            "name": "No elements found",
            "desc": "Could not find phonebook with id = '123'",
        }
    }


def test_error_envelope_xml(api: Api) -> None:
    response = api.post("phone_book/delete", {"phone_book_id": 0}, fmt=1)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/xml; charset=utf-8"
    assert response.text.startswith(XML_DECLARATION)
    root = ET.fromstring(response.content)
    assert root.tag == "error"
    assert [(child.tag, child.text) for child in root] == [
        ("id", "-11"),
        ("name", "Forbidden"),
        ("desc", "Cannot delete phonebook with id = 0"),
    ]


def test_error_without_desc_omits_it(api: Api) -> None:
    assert api.error("balance/show", key="not-the-key") == {"id": "-3", "name": "Unknown API key"}
    root = ET.fromstring(api.post("balance/show", key="nope", fmt=1).content)
    assert [child.tag for child in root] == ["id", "name"]


def test_unknown_method(api: Api) -> None:
    error = api.error("balance/shw")
    assert error["id"] == "-1" and error["name"] == "Unknown method"
    assert api.error("nothing/here", key=None)["id"] == "-1"  # before the key check
    assert api.json("../../etc/passwd")["error"]["id"] == "-1"
    response = api.http.post("/favicon.ico", data={"api_key": api.sandbox.api_key})
    assert response.json()["error"]["id"] == "-1"


def test_unknown_method_answers_in_the_requested_format(api: Api) -> None:
    root = ET.fromstring(api.post("balance/shw", fmt=1).content)
    assert root.tag == "error" and root.findtext("id") == "-1"


def test_wrong_http_verb_is_unknown_method(api: Api) -> None:
    got = api.http.get("balance/show", params={"api_key": api.sandbox.api_key}).json()
    assert got["error"]["id"] == "-1"
    assert "POST" in got["error"]["desc"]
    posted = api.http.post("tts/download", headers={"Spikon-API-Key": str(api.sandbox.api_key)})
    assert posted.json()["error"]["id"] == "-1"


def test_key_missing(api: Api) -> None:
    assert api.error("balance/show", key=None) == {"id": "-2", "name": "API key missing"}
    assert api.error("balance/show", key="")["id"] == "-2"


def test_key_missing_comes_before_parameter_checks(api: Api) -> None:
    assert api.error("phone_book/show", key=None)["id"] == "-2"


def test_unknown_key_revoked_and_rotated(sandbox: Sandbox, api: Api) -> None:
    old = sandbox.api_key
    assert api.error("balance/show", key=str(old) + "x")["id"] == "-3"
    sandbox.revoke_key()
    assert sandbox.api_key is None
    assert api.error("balance/show", key=old)["id"] == "-3"
    new = sandbox.rotate_key()
    assert new != old and new.startswith("sandbox-") and len(new) == 32
    assert api.error("balance/show", key=old)["id"] == "-3"
    assert "account" in api.json("balance/show", key=new)


def test_api_turned_off(sandbox: Sandbox, api: Api) -> None:
    sandbox.set_api_enabled(False)
    assert api.error("balance/show") == {"id": "-4", "name": "API turned off"}
    assert api.error("balance/show", key="wrong")["id"] == "-3"  # the key is checked first
    sandbox.set_api_enabled(True)
    assert "account" in api.ok("balance/show")


@pytest.mark.parametrize(
    ("whitelist", "allowed"),
    [
        (["10.0.0.1"], False),
        (["10.0.0.1", "127.0.0.1"], True),
        (["127.0.0.0/8"], True),
        (["192.168.0.0/16"], False),
        ([], True),
    ],
)
def test_ip_whitelist(sandbox: Sandbox, api: Api, whitelist: list[str], allowed: bool) -> None:
    sandbox.set_whitelist(whitelist)
    if allowed:
        assert "account" in api.ok("balance/show")
    else:
        error = api.error("balance/show")
        assert error["id"] == "-5" and error["name"] == "IP address not whitelisted"
        assert "127.0.0.1" in error["desc"]


def test_whitelist_is_checked_after_the_switch_and_before_parameters(
    sandbox: Sandbox, api: Api
) -> None:
    sandbox.set_whitelist(["10.0.0.1"])
    assert api.error("phone_book/show")["id"] == "-5"  # not -7
    sandbox.set_api_enabled(False)
    assert api.error("phone_book/show")["id"] == "-4"  # not -5


def test_json_body_is_data_in_wrong_format(api: Api) -> None:
    response = api.http.post("balance/show", json={"api_key": api.sandbox.api_key})
    assert response.json()["error"]["id"] == "-12"
    assert response.json()["error"]["name"] == "Data in wrong format"
    raw = api.http.post(
        "balance/show",
        content=b'{"api_key": "x"}',
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert raw.json()["error"]["id"] == "-12"


def test_a_multipart_form_is_read_like_a_form(api: Api) -> None:
    response = api.http.post(
        "phone_book/add",
        data={"api_key": str(api.sandbox.api_key), "phone_book_name": "Żłobki"},
        files={"ignored-upload": b"x"},
    )
    assert response.json()["phone-books"]["phone_book"]["name"] == "Żłobki"
    broken = api.http.post(
        "balance/show",
        content=b"not really multipart",
        headers={"Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert broken.json()["error"]["id"] == "-12"


def test_invalid_utf8_form_is_data_in_wrong_format(api: Api) -> None:
    body = b"api_key=" + str(api.sandbox.api_key).encode() + b"&phone_book_name=%FF%FE"
    response = api.http.post(
        "phone_book/add",
        content=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.json()["error"]["id"] == "-12"


@pytest.mark.parametrize("value", ["2", "json", "", "01"])
def test_bad_api_format(shared_api: Api, value: str) -> None:
    error = shared_api.error("balance/show", {"api_format": value})
    assert error["id"] == "-6"
    assert error["desc"].startswith("api_format")


MISSING: list[tuple[str, dict[str, Any], str]] = [
    ("call/initiate", {"destination_number": "501234567"}, "phone_account_id"),
    ("call/initiate", {"phone_account_id": 1}, "destination_number"),
    ("phone_book/show", {}, "phone_book_id"),
    ("phone_book/add", {}, "phone_book_name"),
    ("phone_book/delete", {}, "phone_book_id"),
    ("phone_book_element/add", {"phone_book_id": 0, "phone_book_element_name": "A"},
     "phone_book_element_number"),
    ("phone_book_element/delete", {}, "phone_book_element_id"),
    ("call_list/order", {"date_start": "2025-06-01", "date_end": "2025-06-02"}, "dir"),
    ("call_list/order", {"dir": 0, "date_end": "2025-06-02"}, "date_start"),
    ("call_list/show", {}, "call_list_id"),
    ("cc_in_campaign/add_agent", {"agent_id": 1}, "campaign_id"),
    ("cc_out_campaign/set_default", {"campaign_id": 1}, "agent_id"),
    ("cc_monitor/show", {}, "cc_campaign_id"),
    ("sms/send", {"to": "501234567", "message": "x"}, "from"),
    ("sms/send", {"from": "SMS", "message": "x"}, "to"),
    ("sms/send", {"from": "SMS", "to": "501234567"}, "message"),
    ("sms/state", {}, "id"),
    ("tts/voice_list", {}, "language"),
    ("tts/generate", {"voice": "Ewa", "text": "x"}, "name"),
    ("tts/price", {"text": "x"}, "voice"),
    ("tts/status", {}, "tts_id"),
    ("tts/delete", {}, "tts_id"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "params", "name"), MISSING)
def test_parameter_missing_names_it(shared_api: Api, method: str, params: dict, name: str) -> None:
    assert shared_api.error(method, params) == {
        "id": "-7",
        "name": "Parameter missing",
        "desc": name,
    }


WRONG: list[tuple[str, dict[str, Any], str]] = [
    ("balance/show", {"sign": "2"}, "sign"),
    ("call/initiate", {"phone_account_id": "x", "destination_number": "1"}, "phone_account_id"),
    ("call/initiate", {"phone_account_id": 1, "destination_number": "1" * 26},
     "destination_number"),
    ("call/initiate", {"phone_account_id": 1, "destination_number": "abc"}, "destination_number"),
    ("phone_book/show", {"phone_book_id": "-1"}, "phone_book_id"),
    ("phone_book/add", {"phone_book_name": "x" * 26}, "phone_book_name"),
    ("phone_book/add", {"phone_book_name": "  "}, "phone_book_name"),
    ("phone_book/add", {"phone_book_name": "a\nb"}, "phone_book_name"),
    ("phone_book_element/add", {"phone_book_id": 0, "phone_book_element_name": "x" * 121,
     "phone_book_element_number": "501234567"}, "phone_book_element_name"),
    ("phone_book_element/add", {"phone_book_id": 0, "phone_book_element_name": "A",
     "phone_book_element_number": "5" * 26}, "phone_book_element_number"),
    ("call_list/order", {"dir": 3, "date_start": "2025-06-01", "date_end": "2025-06-02"}, "dir"),
    ("call_list/order", {"dir": 0, "date_start": "2025-6-1", "date_end": "2025-06-02"},
     "date_start"),
    ("call_list/order", {"dir": 0, "date_start": "2025-02-30", "date_end": "2025-06-02"},
     "date_start"),
    ("call_list/order", {"dir": 0, "date_start": "2025-06-02", "date_end": "2025-06-01"},
     "date_end"),
    ("call_list/order", {"dir": 0, "date_start": "2025-01-01", "date_end": "2025-04-12"},
     "date_end"),
    ("call_list/order", {"dir": 0, "date_start": "2025-06-01", "date_end": "2025-06-02",
     "with_records_only": "2"}, "with_records_only"),
    ("call_list/order", {"dir": 0, "date_start": "2025-06-01", "date_end": "2025-06-02",
     "number": "1" * 26}, "number"),
    ("cc_monitor/show", {"cc_campaign_id": "one"}, "cc_campaign_id"),
    ("sms/send", {"from": "FIRMA", "to": "501234567", "message": "x"}, "from"),
    ("sms/send", {"from": "sms", "to": "501234567", "message": "x"}, "from"),
    ("sms/send", {"from": "SMS", "to": "50123456", "message": "x"}, "to"),
    ("sms/send", {"from": "SMS", "to": "+48501234567", "message": "x"}, "to"),
    ("sms/send", {"from": "SMS", "to": "501234567,", "message": "x"}, "to"),
    ("sms/send", {"from": "SMS", "to": "501234567", "message": "x" * 919}, "message"),
    ("sms/send", {"from": "SMS", "to": "501234567", "message": ""}, "message"),
    ("sms/state", {"id": "1.5"}, "id"),
    ("tts/voice_list", {"language": "xx-XX"}, "language"),
    ("tts/generate", {"voice": "Nobody", "name": "A", "text": "x"}, "voice"),
    ("tts/generate", {"voice": "Ewa", "name": "A", "text": "x" * 3001}, "text"),
    ("tts/price", {"voice": "Ewa", "text": "x" * 3001}, "text"),
    ("tts/status", {"tts_id": "abc"}, "tts_id"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "params", "name"), WRONG)
def test_wrong_value_says_which_parameter(
    shared_api: Api, method: str, params: dict, name: str
) -> None:
    error = shared_api.error(method, params)
    assert error["id"] == "-6" and error["name"] == "Wrong value for parameter"
    assert error["desc"].startswith(f"{name}: ")


def test_length_limits_accept_the_maximum(api: Api) -> None:
    assert "phone-books" in api.ok("phone_book/add", {"phone_book_name": "x" * 25})
    element = {
        "phone_book_id": 0,
        "phone_book_element_name": "x" * 120,
        "phone_book_element_number": "+48 (58) 123-45-67 #12",
    }
    assert "phone-book-elements" in api.ok("phone_book_element/add", element)
    sms = {"from": "2way", "to": "501234567,601234567", "message": "x" * 918}
    assert len(api.ok("sms/send", sms)["sms"]["ids"]) == 2
    assert "tts" in api.ok("tts/price", {"voice": "Ewa", "text": "x" * 3000})
    window = {"dir": 2, "date_start": "2025-01-01", "date_end": "2025-04-11"}  # 100 days apart
    assert "call_list" in api.ok("call_list/order", window)


NOT_FOUND: list[tuple[str, dict[str, Any], str]] = [
    ("phone_book/show", {"phone_book_id": 123}, "Could not find phonebook with id = '123'"),
    ("phone_book/delete", {"phone_book_id": 123}, "Could not find phonebook with id = '123'"),
    ("phone_book_element/add", {"phone_book_id": 77, "phone_book_element_name": "A",
     "phone_book_element_number": "501234567"}, "Could not find phonebook with id = '77'"),
    ("phone_book_element/delete", {"phone_book_element_id": 99123},
     "Could not find phonebook element with id = '99123'"),
    ("call/initiate", {"phone_account_id": 99, "destination_number": "501234567"},
     "Could not find phone account with id = '99'"),
    ("call_list/show", {"call_list_id": 99}, "Could not find call list with id = '99'"),
    ("cc_monitor/show", {"cc_campaign_id": 99}, "Could not find campaign with id = '99'"),
    ("cc_in_campaign/add_agent", {"agent_id": 99, "campaign_id": 1},
     "Could not find agent with id = '99'"),
    ("cc_out_campaign/set_default", {"agent_id": 1, "campaign_id": 99},
     "Could not find campaign with id = '99'"),
    ("sms/state", {"id": 99}, "Could not find SMS with id = '99'"),
    ("tts/status", {"tts_id": 99}, "Could not find TTS with id = '99'"),
    ("tts/delete", {"tts_id": 99}, "Could not find TTS with id = '99'"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "params", "desc"), NOT_FOUND)
def test_not_found(shared_api: Api, method: str, params: dict, desc: str) -> None:
    assert shared_api.error(method, params) == {
        "id": "-8",
        "name": "No elements found",
        "desc": desc,
    }


def test_duplicate_book_name_already_exists(api: Api) -> None:
    api.ok("phone_book/add", {"phone_book_name": "Testowa"})
    error = api.error("phone_book/add", {"phone_book_name": "Testowa"})
    assert error["id"] == "-10" and error["name"] == "Already exist"
    assert error["desc"] == "Phonebook with name = 'Testowa' already exists"
    assert api.error("phone_book/add", {"phone_book_name": "Książka główna"})["id"] == "-10"


def test_deleting_the_main_book_is_forbidden(api: Api) -> None:
    assert api.error("phone_book/delete", {"phone_book_id": 0}) == {
        "id": "-11",
        "name": "Forbidden",
        "desc": "Cannot delete phonebook with id = 0",
    }


def test_internal_exception_is_general_failure(sandbox: Sandbox, api: Api) -> None:
    def broken(call: object) -> dict:
        raise RuntimeError("boom")

    sandbox.dispatcher.post_methods["balance/show"] = broken
    error = api.error("balance/show")
    assert error == {"id": "-1000", "name": "General failure, please contact service!"}
    assert "RuntimeError: boom" in sandbox.internal_errors[-1]
    assert ET.fromstring(api.post("balance/show", fmt=1).content).findtext("id") == "-1000"


def test_download_key_only_in_the_header(sandbox: Sandbox, api: Api) -> None:
    key = str(sandbox.api_key)
    in_query = api.http.get("tts/download", params={"tts_id": 1, "api_key": key})
    assert in_query.json()["error"]["id"] == "-2"
    in_both = api.http.get("tts/download", params={"tts_id": 1}, headers={"Spikon-API-Key": key})
    assert in_both.status_code == 200 and in_both.headers["content-type"] == "audio/mpeg"
    wrong = api.http.get("tts/download", params={"tts_id": 1}, headers={"Spikon-API-Key": "x"})
    assert wrong.json()["error"]["id"] == "-3"


def test_download_errors_are_json(sandbox: Sandbox, api: Api) -> None:
    headers = {"Spikon-API-Key": str(sandbox.api_key)}
    missing = api.http.get("tts/download", headers=headers).json()
    assert missing["error"] == {"id": "-7", "name": "Parameter missing", "desc": "tts_id"}
    unknown = api.http.get("tts/download", params={"tts_id": 42}, headers=headers)
    assert unknown.headers["content-type"] == "application/json; charset=utf-8"
    assert unknown.json()["error"]["id"] == "-8"
    bad = api.http.get("tts/download", params={"tts_id": 1, "pcm_8k16bm": 2}, headers=headers)
    assert bad.json()["error"]["desc"].startswith("pcm_8k16bm: ")


def test_get_with_a_body_of_garbage_still_answers(api: Api) -> None:
    with httpx.Client(base_url=api.sandbox.base_url) as client:
        response = client.request("DELETE", "balance/show")
    assert response.json()["error"]["id"] == "-1"
