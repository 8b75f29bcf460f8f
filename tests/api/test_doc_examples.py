"""Every answer the documentation prints, in JSON and XML, read by the real client.

The server here is a MockTransport that answers with the example printed for
each method, byte for byte (tests/fixtures/doc_examples/), including the
broken JSON of tts/language_list and tts/voice_list, the stray spaces of
tts/list, and the places where the JSON and XML examples disagree.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from spikon_tui.api import (
    ActionStatus,
    CallRecord,
    CcAgent,
    CcCampaign,
    PhoneAccount,
    PhoneBook,
    PhoneBookElement,
    SpikonClient,
    TtsAnnouncement,
    TtsLanguage,
    TtsVoice,
)
from tests.api.helpers import DOC_EXAMPLES


def test_every_documented_example_is_a_fixture() -> None:
    names = {path.name for path in DOC_EXAMPLES.iterdir() if path.suffix in (".json", ".xml")}
    paths = [p for p in SpikonClient.METHODS if p != "tts/download"]  # prints "Nd."
    expected = {f"{p.replace('/', '_')}.{ext}" for p in paths for ext in ("json", "xml")}
    assert names == expected
    assert len(names) == 58


def test_fixtures_keep_the_documented_quirks() -> None:
    def text(name: str) -> str:
        return (DOC_EXAMPLES / name).read_text(encoding="utf-8")

    assert "<state> OK </state>" in text("sms_send.xml")
    assert "<count>9</count>" in text("cc_agent_list.xml")
    assert '"tts ": {' in text("tts_list.json")
    assert '"tts- 1"' in text("tts_list.json")
    assert '"count": "28", [{' in text("tts_language_list.json")
    assert text("tts_voice_list.json").rstrip().endswith('"M" }] }')
    assert "<call-list-1> <id>2</id>" in text("call_list_list.xml")
    assert text("cc_in_campaign_add_agent.json").strip() == '{"add_agent_status":"OK"}'
    assert "<add-agent>" in text("cc_in_campaign_add_agent.xml")


async def test_balance_show(doc_client: SpikonClient) -> None:
    balance = await doc_client.balance_show()
    assert balance.balance == Decimal("123.45")
    assert isinstance(balance.balance, Decimal)


async def test_phone_account_list(doc_client: SpikonClient) -> None:
    assert await doc_client.phone_account_list() == [
        PhoneAccount(
            id=1,
            number="123456789",
            internal=None,
            login="12345678",
            description="Brak",
            state="1",
            recording=False,
        )
    ]


async def test_call_initiate(doc_client: SpikonClient) -> None:
    result = await doc_client.call_initiate(1, "123456789")
    assert result.state == "initiated"


async def test_phone_book_list(doc_client: SpikonClient) -> None:
    books = await doc_client.phone_book_list()
    assert books == [PhoneBook(id=0, name="Książka główna"), PhoneBook(id=1, name="Testowa")]
    assert books[0].is_main and not books[1].is_main


async def test_phone_book_show_has_no_element_ids(doc_client: SpikonClient) -> None:
    elements = await doc_client.phone_book_show(0)
    assert elements == [PhoneBookElement(id=None, name="Jan Kowalski", number="123456789")]
    assert elements[0].can_delete is False
    assert "cannot be deleted" in (elements[0].cannot_delete_reason or "")


async def test_phone_book_add(doc_client: SpikonClient) -> None:
    assert await doc_client.phone_book_add("Testowa") == PhoneBook(id=1, name="Testowa")


async def test_phone_book_delete(doc_client: SpikonClient) -> None:
    deleted = await doc_client.phone_book_delete(1)
    assert (deleted.id, deleted.state, deleted.deleted) == (1, "deleted", True)


async def test_phone_book_element_add(doc_client: SpikonClient) -> None:
    element = await doc_client.phone_book_element_add(1, "Jan Kowalski", "123456789")
    assert element == PhoneBookElement(id=1, name="Jan Kowalski", number="123456789")
    assert element.can_delete


async def test_phone_book_element_delete(doc_client: SpikonClient) -> None:
    deleted = await doc_client.phone_book_element_delete(1)
    assert (deleted.id, deleted.deleted) == (1, True)


async def test_call_list_order(doc_client: SpikonClient) -> None:
    order = await doc_client.call_list_order(2, date(2014, 8, 1), date(2014, 8, 31))
    assert order.call_list_id == 1


async def test_call_list_list(doc_client: SpikonClient, api_format: int) -> None:
    reports = await doc_client.call_list_list()
    # the XML example prints id 2 for both reports; the JSON one prints 1 and 2
    first_id = 2 if api_format == 1 else 1
    assert [(r.id, r.generated) for r in reports] == [(first_id, False), (2, True)]


async def test_call_list_show(doc_client: SpikonClient) -> None:
    calls = await doc_client.call_list_show(1)
    assert calls == [
        CallRecord(
            date=datetime(2014, 8, 20, 10, 46, 54),
            src="123456789",
            dst="12345678",
            duration=123,
            state="Odebrane",
            file="https://panel.spikon.pl/channels/lists/call/get_playback_file?id=123456",
        ),
        CallRecord(
            date=datetime(2014, 8, 20, 9, 39, 32),
            src="87654321",
            dst="987654321",
            duration=321,
            state="Odebrane",
            file="",
        ),
    ]
    assert [c.has_recording for c in calls] == [True, False]


async def test_cc_campaigns_list(doc_client: SpikonClient) -> None:
    assert await doc_client.cc_campaigns_list() == [
        CcCampaign(id=1, name="Windykacja"),
        CcCampaign(id=2, name="Infolinia"),
    ]


async def test_cc_agent_list(doc_client: SpikonClient) -> None:
    # the XML example says <count>9</count> for two agents; the count is not trusted
    assert await doc_client.cc_agent_list() == [
        CcAgent(
            id=1,
            name="Jan Kowalski",
            sip="0000000",
            ddi="220000000",
            in_campaigns=[1, 2],
            out_campaigns=[1],
            default_out_campaign=1,
        ),
        CcAgent(
            id=2,
            name="Janina Kowalska",
            sip="0000001",
            ddi="220000001",
            in_campaigns=[3, 4],
            out_campaigns=[4],
            default_out_campaign=3,
        ),
    ]


async def test_agent_actions(doc_client: SpikonClient) -> None:
    # JSON {"add_agent_status":"OK"} vs XML <add-agent><status>OK</status></add-agent>
    results = [
        await doc_client.cc_in_campaign_add_agent(1, 2),
        await doc_client.cc_in_campaign_remove_agent(1, 2),
        await doc_client.cc_out_campaign_add_agent(1, 2),
        await doc_client.cc_out_campaign_remove_agent(1, 2),
        await doc_client.cc_out_campaign_set_default(1, 2),
    ]
    assert results == [ActionStatus(status="OK")] * 5
    assert all(result.ok for result in results)


async def test_cc_monitor_show(doc_client: SpikonClient) -> None:
    monitor = await doc_client.cc_monitor_show(1)
    data = monitor.basic_data
    assert (data.free_members, data.busy_members, data.calls_waiting) == (2, 0, 0)
    assert (data.answered, data.unanswered, data.in_queue, data.max_waiting) == (0, 4, 0, 20)
    assert data.average_waiting_time == timedelta(0)
    assert data.average_call_time == timedelta(0)
    assert data.measured_sla == timedelta(minutes=1)
    assert data.sla == 0
    first, second = monitor.campaign_members
    assert (first.login, first.description, first.state) == ("1234567", "Janina Kowalska", "Wolny")
    assert (first.answered, first.skill) == (0, 1)
    assert first.last_call is None and first.last_call_raw == "Brak danych"
    assert first.pause is True and first.pause_raw == "Tak"
    assert second.description == "Adam Nowacki"
    assert second.pause is False and second.pause_raw == "Nie"
    assert monitor.waiting_calls == []


async def test_sms_send(doc_client: SpikonClient, api_format: int) -> None:
    sent = await doc_client.sms_send("SMS", "123456789", "Dzień dobry")
    # the XML example prints "<state> OK </state>" and id 13; the JSON one id 12
    assert sent.state == "OK"
    assert sent.ids == ([13] if api_format == 1 else [12])


async def test_sms_state(doc_client: SpikonClient) -> None:
    state = await doc_client.sms_state(12)
    assert state.state == 1
    assert state.error is None
    assert state.is_final is False


async def test_tts_language_list_survives_the_invalid_json(doc_client: SpikonClient) -> None:
    languages = await doc_client.tts_language_list()
    assert languages == [
        TtsLanguage(language="en-US", description="Angielski (Amerykański)"),
        TtsLanguage(language="pl-PL", description="Polski"),
    ]


async def test_tts_voice_list_survives_the_missing_brace(doc_client: SpikonClient) -> None:
    assert await doc_client.tts_voice_list("pl-PL") == [
        TtsVoice(name="Ewa", gender="F"),
        TtsVoice(name="Jacek", gender="M"),
    ]


async def test_tts_generate(doc_client: SpikonClient) -> None:
    created = await doc_client.tts_generate("Ewa", "Powitanie", "Dzień dobry")
    assert created.tts_id == 1


async def test_tts_list_survives_stray_spaces_in_keys(doc_client: SpikonClient) -> None:
    assert await doc_client.tts_list() == [
        TtsAnnouncement(id=1, name="Zapowiedź 1", generated=True),
        TtsAnnouncement(id=2, name="Zapowiedź 2", generated=False),
    ]


async def test_tts_delete(doc_client: SpikonClient) -> None:
    deleted = await doc_client.tts_delete(1)
    assert (deleted.id, deleted.state) == (1, "deleted")


async def test_tts_price(doc_client: SpikonClient) -> None:
    price = await doc_client.tts_price("Ewa", "Dzień dobry")
    assert price.cost_net == Decimal("9.0")
    assert price.cost_gross == Decimal("11.07")
    assert isinstance(price.cost_gross, Decimal)


async def test_tts_status(doc_client: SpikonClient) -> None:
    status = await doc_client.tts_status(70)
    assert (status.id, status.generated) == (70, True)


async def test_raw_call_normalises_keys(doc_client: SpikonClient) -> None:
    payload = await doc_client.call("cc_monitor/show", cc_campaign_id=1)
    data = payload["cc_monitor"]["basic_data"]
    assert data["free_members"] == 2
    assert data["measured_sla"] == "01:00"
    members = payload["cc_monitor"]["campaign_members"]
    assert members["cc_campaign_member_1"]["last_call"] == "Brak danych"
