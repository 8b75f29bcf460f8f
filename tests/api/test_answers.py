"""Loose payloads -> typed models: every quirk docs/api-notes.md lists, and then some."""

from __future__ import annotations

import dataclasses
import gc
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from spikon_tui.api import (
    CcWaitingCall,
    MalformedResponseError,
    PhoneBook,
    SmsState,
    SmsStateCode,
    answers,
    coerce,
)
from spikon_tui.api.decode import decode_body
from tests.api.helpers import answering, answering_bytes, make_client

# --- scalar coercion ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "amount"),
    [
        ("123,45", "123.45"),
        ("123.45", "123.45"),
        ("9.0", "9.0"),
        ("-12,50", "-12.50"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56 zł", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("11.07 PLN", "11.07"),
        (9, "9"),
        (Decimal("3.30"), "3.30"),
        (2.5, "2.5"),
    ],
)
def test_money(raw: object, amount: str) -> None:
    value = coerce.to_decimal(raw, "balance")
    assert value == Decimal(amount)
    assert isinstance(value, Decimal)


@pytest.mark.parametrize("raw", ["abc", "", None, "NaN", [1]])
def test_money_that_is_not_money(raw: object) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        coerce.to_decimal(raw, "cost_net")
    assert "cost_net" in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "number"), [("12", 12), (12, 12), (" 7 ", 7), ("12.0", 12), ("3,0", 3), (True, 1)]
)
def test_whole_numbers(raw: object, number: int) -> None:
    assert coerce.to_int(raw, "id") == number


@pytest.mark.parametrize("raw", ["12.5", "twelve", "", None, 1.5])
def test_not_whole_numbers(raw: object) -> None:
    with pytest.raises(MalformedResponseError):
        coerce.to_int(raw, "id")


@pytest.mark.parametrize(
    ("raw", "flag"),
    [("1", True), (1, True), ("Tak", True), ("tak", True), ("true", True), ("0", False)]
    + [(0, False), ("Nie", False), ("", False), (None, False)],
)
def test_flags(raw: object, flag: bool) -> None:
    assert coerce.to_bool(raw) is flag


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [("00:00", 0), ("01:00", 60), ("12:34", 754), ("1:02:03", 3723), ("95", 95), (95, 95)],
)
def test_durations(raw: object, seconds: int) -> None:
    assert coerce.to_duration(raw, "measured_sla") == timedelta(seconds=seconds)
    assert coerce.to_seconds(raw, "duration") == seconds


def test_bad_duration() -> None:
    with pytest.raises(MalformedResponseError):
        coerce.to_duration("ab:cd", "average_call_time")


@pytest.mark.parametrize(
    ("raw", "ids"),
    [([1, 2], [1, 2]), (["3", "4"], [3, 4]), ("1,2", [1, 2]), (5, [5]), ("", []), (None, [])]
    + [({}, []), ({"in_campaign": "7"}, [7])],
)
def test_int_lists(raw: object, ids: list[int]) -> None:
    assert coerce.to_int_list(raw, "in_campaigns") == ids


# --- whole answers ---------------------------------------------------------------------------


async def test_twelve_numbered_phone_books_come_back_in_numeric_order() -> None:
    keys = [1, 10, 11, 12, 2, 3, 4, 5, 6, 7, 8, 9]
    books = {f"phone-book-{n}": {"id": str(n), "name": f"Book {n}"} for n in keys}
    payload = {"phone-books": {"count": "12", **books}}
    async with make_client(answering(payload)) as client:
        result = await client.phone_book_list()
    assert [book.id for book in result] == list(range(1, 13))
    assert result[9] == PhoneBook(id=10, name="Book 10")


@pytest.mark.parametrize(
    "payload",
    [
        {"phone-books": {"count": "0"}},
        {"phone-books": {}},
        {"phone-books": []},
        {"phone-books": ""},
        {"phone-books": None},
    ],
)
async def test_empty_lists(payload: object) -> None:
    async with make_client(answering(payload)) as client:
        assert await client.phone_book_list() == []


async def test_empty_xml_list() -> None:
    body = b'<?xml version="1.0" encoding="UTF-8"?>\n<phone-books>\n</phone-books>'
    async with make_client(answering_bytes(body), api_format=1) as client:
        assert await client.phone_book_list() == []


async def test_lists_may_be_real_arrays() -> None:
    payload = {"cc-campaigns": {"count": 2, "cc-campaigns": [{"id": 1, "name": "A"}, {"id": 2}]}}
    async with make_client(answering(payload)) as client:
        campaigns = await client.cc_campaigns_list()
    assert [(c.id, c.name) for c in campaigns] == [(1, "A"), (2, "")]


async def test_keys_with_dashes_underscores_spaces_and_capitals() -> None:
    payload = {
        "Phone-Accounts ": {
            "count": 1,
            "phone_account 1": {
                "ID": 4,
                "Number": 600100200,
                "internal ": "101",
                "login": 12345678,
                "recording": 1,
            },
        }
    }
    async with make_client(answering(payload)) as client:
        (account,) = await client.phone_account_list()
    assert (account.id, account.number, account.internal) == (4, "600100200", "101")
    assert (account.login, account.recording) == ("12345678", True)
    assert (account.description, account.state) == ("", "")


async def test_balance_comma_and_dot_and_negative() -> None:
    for raw, expected in [("123,45", "123.45"), ("-5.10", "-5.10"), (42, "42")]:
        async with make_client(answering({"account": {"balance": raw}})) as client:
            assert (await client.balance_show()).balance == Decimal(expected)


async def test_balance_sign_is_sent() -> None:
    seen: list[str] = []

    def handler(request):  # type: ignore[no-untyped-def]
        seen.append(request.content.decode())
        return answering({"account": {"balance": "1.50"}})(request)

    async with make_client(handler) as client:
        await client.balance_show(sign=1)
    assert "sign=1" in seen[0]


def test_call_records_that_stray_from_the_documented_spelling() -> None:
    payload = {
        "call-lists": {
            "call-list-3": {"Date": "2014-08-20 10:00", "src": 123, "dst": 456, "duration": 5},
            "call-list-1": {
                "date": "2014-08-20 09:00:00",
                "src": "1",
                "dst": "2",
                "duration": "01:05",
                "state": "Nieodebrane",
                "file": "rec_1.wav",
            },
            "call-list-2": {"date": " 2014-08-20 09:30:00 ", "src": "1", "dst": "2"},
        }
    }
    first, second, third = answers.call_records(payload)
    assert (first.duration, first.file, first.has_recording) == (65, "rec_1.wav", True)
    assert first.recording_is_url is False
    assert (second.date, second.duration, second.state, second.file) == (
        datetime(2014, 8, 20, 9, 30),
        0,
        "",
        "",
    )
    assert (third.date, third.src, third.dst, third.duration) == (
        datetime(2014, 8, 20, 10, 0),
        "123",
        "456",
        5,
    )


def test_call_record_with_an_unreadable_date_is_malformed() -> None:
    payload = {"call-lists": {"call-list-1": {"date": "yesterday", "src": "1", "dst": "2"}}}
    with pytest.raises(MalformedResponseError) as caught:
        answers.call_records(payload)
    assert "date" in str(caught.value)


def test_waiting_calls_keep_unknown_fields() -> None:
    payload = decode_body(
        b'{"cc-monitor": {"basic-data": {"free-members": "1", "measured-sla": "00:30"},'
        b' "campaign-members": {},'
        b' "waiting-calls": {"waiting-call-2": {"position": "2", "number": "600100200",'
        b' "waiting-time": "01:10", "priority": "high"},'
        b' "waiting-call-1": {"position": 1, "waiting-time": "02:00"}}}}'
    )
    monitor = answers.cc_monitor(payload)
    assert monitor.basic_data.free_members == 1
    assert monitor.basic_data.busy_members == 0
    assert monitor.basic_data.measured_sla == timedelta(seconds=30)
    assert monitor.campaign_members == []
    assert monitor.waiting_calls == [
        CcWaitingCall(position=1, number=None, waiting_time=timedelta(minutes=2), extra={}),
        CcWaitingCall(
            position=2,
            number="600100200",
            waiting_time=timedelta(minutes=1, seconds=10),
            extra={"priority": "high"},
        ),
    ]


def test_waiting_calls_in_xml() -> None:
    payload = decode_body(
        b"<cc-monitor><basic-data><sla type='integer'>80</sla></basic-data>"
        b"<campaign-members><cc-campaign-member-1><login>1</login><pause>Nie</pause>"
        b"<last-call>2024-05-06 10:00:00</last-call></cc-campaign-member-1></campaign-members>"
        b"<waiting-calls><waiting-call-1><position>1</position><number>500</number>"
        b"<waiting-time>00:05</waiting-time></waiting-call-1></waiting-calls></cc-monitor>"
    )
    monitor = answers.cc_monitor(payload)
    assert monitor.basic_data.sla == 80
    (member,) = monitor.campaign_members
    assert (member.last_call, member.pause) == ("2024-05-06 10:00:00", False)
    assert monitor.waiting_calls[0].waiting_time == timedelta(seconds=5)


def test_monitor_without_basic_data_is_malformed() -> None:
    with pytest.raises(MalformedResponseError):
        answers.cc_monitor({"cc-monitor": {"campaign-members": {}}})


def test_agents_with_campaigns_spelled_loosely() -> None:
    payload = {
        "cc-agents": {
            "cc-agent-1": {"id": 7, "in-campaigns": "1,2", "out_campaigns": [], "sip": 1},
            "cc-agent-2": {"id": "8", "in_campaigns": ["3"], "default_out_campaign": ""},
        }
    }
    first, second = answers.cc_agents(payload)
    assert (first.in_campaigns, first.out_campaigns, first.sip) == ([1, 2], [], "1")
    assert first.default_out_campaign is None
    assert (second.in_campaigns, second.default_out_campaign) == ([3], None)


def test_items_without_ids_are_malformed_except_phone_book_elements() -> None:
    with pytest.raises(MalformedResponseError) as caught:
        answers.phone_books({"phone-books": {"phone-book-1": {"name": "X"}}})
    assert "phone book with no id" in str(caught.value)
    (element,) = answers.phone_book_elements(
        {"phone-book-elements": {"phone-book-element-1": {"name": "Jan", "number": "1"}}}
    )
    assert element.id is None and not element.can_delete


@pytest.mark.parametrize(
    "payload",
    [
        {"add_agent_status": "OK"},
        {"add-agent": {"status": " OK "}},
        {"remove_agent": {"status": "OK"}},
        {"out_campaign_set_default": {"status": "ok"}},
    ],
)
def test_action_status_spellings(payload: object) -> None:
    status = answers.action_status(payload)
    assert status.ok is True


def test_action_status_that_is_not_ok() -> None:
    status = answers.action_status({"add_agent_status": "ERROR"})
    assert (status.status, status.ok) == ("ERROR", False)


def test_sms_ids_spelled_several_ways() -> None:
    assert answers.sms_sent({"sms": {"state": "OK", "ids": "12,13"}}).ids == [12, 13]
    assert answers.sms_sent({"sms": {"state": "OK", "ids": 14}}).ids == [14]
    assert answers.sms_sent({"sms": {"state": "OK", "id": "15"}}).ids == [15]


def test_sms_state_with_error_text() -> None:
    state = answers.sms_state({"sms": {"state": "2", "error": "Numer nieosiągalny"}})
    assert state == SmsState(state=2, error="Numer nieosiągalny")
    assert state.code is SmsStateCode.ERROR
    assert state.is_final is True
    assert state.description == "error: Numer nieosiągalny"


@pytest.mark.parametrize(
    ("code", "final"),
    [(-1, True), (0, False), (1, False), (2, True), (3, True), (4, False), (5, True)],
)
def test_sms_state_codes(code: int, final: bool) -> None:
    assert SmsStateCode(code).is_final is final
    assert SmsState(state=code).is_final is final


def test_unknown_sms_state() -> None:
    state = SmsState(state=9)
    assert state.code is None and state.is_final is False
    assert "unknown state 9" in state.description


def test_models_are_frozen_and_slotted() -> None:
    book = PhoneBook(id=1, name="Testowa")
    with pytest.raises(dataclasses.FrozenInstanceError):
        book.name = "Inna"  # type: ignore[misc]
    assert not hasattr(book, "__dict__")


def test_large_reports_leave_the_garbage_collector_as_they_found_it() -> None:
    rows = {
        f"call-list-{n}": {
            "date": "2014-08-20 10:46:54",
            "src": "1",
            "dst": "2",
            "duration": str(n),
            "state": "Odebrane",
            "file": "",
        }
        for n in range(1, 6001)
    }
    assert len(answers.call_records({"call-lists": rows})) == 6000
    assert gc.isenabled()
    rows["call-list-6000"]["date"] = "not a date"
    with pytest.raises(MalformedResponseError):
        answers.call_records({"call-lists": rows})
    assert gc.isenabled()
    gc.disable()
    try:
        answers.call_records({"call-lists": dict(list(rows.items())[:5999])})
        assert not gc.isenabled()
    finally:
        gc.enable()
