"""Every one of the 30 methods, through the real client, against the sandbox, in JSON and XML.

Each check compares the client's typed answer with what the sandbox holds, so a
shape the client misreads, or a sandbox answer that drifts from the
documentation, fails here.
"""

from __future__ import annotations

import inspect
import io
import wave
from datetime import date, timedelta
from decimal import Decimal

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.api.errors import NotReadyError
from spikon_tui.api.models import SmsStateCode
from spikon_tui.sandbox import Sandbox
from tests.sandbox.helpers import FakeClock


def test_the_client_has_all_30_methods_named_after_their_paths() -> None:
    assert len(SpikonClient.METHODS) == 30
    assert len(set(SpikonClient.METHODS)) == 30
    for path in SpikonClient.METHODS:
        method = getattr(SpikonClient, path.replace("/", "_"))
        assert inspect.iscoroutinefunction(method), path


async def test_account_methods(spikon: SpikonClient, sandbox: Sandbox) -> None:
    balance = await spikon.balance_show()
    assert balance.balance == sandbox.state.balance
    assert (await spikon.balance_show(sign=1)).balance == sandbox.state.balance

    accounts = await spikon.phone_account_list()
    assert [a.id for a in accounts] == [a.id for a in sandbox.state.phone_accounts]
    assert all(a.number.isdigit() and len(a.number) == 9 for a in accounts)

    before = sandbox.state.balance
    answer = await spikon.call_initiate(
        phone_account_id=accounts[0].id, destination_number="501234567"
    )
    assert answer.state == "initiated"
    assert sandbox.state.balance < before
    assert (await spikon.balance_show()).balance == sandbox.state.balance


async def test_phone_book_methods(spikon: SpikonClient) -> None:
    books = await spikon.phone_book_list()
    assert books[0].id == 0
    assert books[0].name == "Książka główna"
    main_entries = await spikon.phone_book_show(phone_book_id=0)
    assert len(main_entries) == 120
    assert all(entry.id is not None for entry in main_entries)

    book = await spikon.phone_book_add(phone_book_name="Hurtownie Śląsk")
    assert book.name == "Hurtownie Śląsk"
    assert book.id in [b.id for b in await spikon.phone_book_list()]
    assert await spikon.phone_book_show(phone_book_id=book.id) == []

    entry = await spikon.phone_book_element_add(
        phone_book_id=book.id,
        phone_book_element_name="Zakład Ślusarski Żółw",
        phone_book_element_number="322111000",
    )
    assert (entry.name, entry.number) == ("Zakład Ślusarski Żółw", "322111000")
    shown = await spikon.phone_book_show(phone_book_id=book.id)
    assert [(e.id, e.name, e.number) for e in shown] == [(entry.id, entry.name, entry.number)]

    deleted = await spikon.phone_book_element_delete(phone_book_element_id=entry.id)
    assert (deleted.id, deleted.state) == (entry.id, "deleted")
    assert await spikon.phone_book_show(phone_book_id=book.id) == []

    gone = await spikon.phone_book_delete(phone_book_id=book.id)
    assert (gone.id, gone.state) == (book.id, "deleted")
    assert book.id not in [b.id for b in await spikon.phone_book_list()]


async def test_call_list_methods(spikon: SpikonClient, clock: FakeClock) -> None:
    today = date.fromtimestamp(clock())
    order = await spikon.call_list_order(
        dir=2, date_start=today - timedelta(days=60), date_end=today, with_records_only=0
    )
    statuses = {s.id: s.generated for s in await spikon.call_list_list()}
    assert statuses[order.call_list_id] is False
    with pytest.raises(NotReadyError):
        await spikon.call_list_show(call_list_id=order.call_list_id)

    clock.advance(5)
    statuses = {s.id: s.generated for s in await spikon.call_list_list()}
    assert statuses[order.call_list_id] is True
    calls = await spikon.call_list_show(call_list_id=order.call_list_id)
    assert calls, "sixty days of a busy account hold calls"
    assert all(today - timedelta(days=60) <= c.date.date() <= today for c in calls)
    assert any(c.has_recording for c in calls) and any(not c.has_recording for c in calls)

    number = calls[0].src if calls[0].src.isdigit() else calls[0].dst
    recorded = await spikon.call_list_order(
        dir=2,
        date_start=today - timedelta(days=60),
        date_end=today,
        with_records_only=1,
        number=number,
    )
    clock.advance(5)
    only = await spikon.call_list_show(call_list_id=recorded.call_list_id)
    assert all(c.has_recording and number in (c.src + " " + c.dst) for c in only)
    assert len(only) <= len(calls)


async def test_call_center_methods(spikon: SpikonClient, clock: FakeClock) -> None:
    campaigns = await spikon.cc_campaigns_list()
    agents = await spikon.cc_agent_list()
    assert len(campaigns) == 3 and len(agents) == 12
    campaign = campaigns[0]
    outsider = next(a for a in agents if campaign.id not in a.in_campaigns)

    before = await spikon.cc_monitor_show(cc_campaign_id=campaign.id)
    data = before.basic_data
    assert data.free_members + data.busy_members == len(before.campaign_members)
    assert data.calls_waiting == len(before.waiting_calls)
    assert 0 <= data.sla <= 100
    assert outsider.sip not in [m.login for m in before.campaign_members]

    assert (
        await spikon.cc_in_campaign_add_agent(agent_id=outsider.id, campaign_id=campaign.id)
    ).status == "OK"
    clock.advance(1)
    after = await spikon.cc_monitor_show(cc_campaign_id=campaign.id)
    assert outsider.name in [m.description for m in after.campaign_members]
    refreshed = {a.id: a for a in await spikon.cc_agent_list()}
    assert campaign.id in refreshed[outsider.id].in_campaigns

    assert (
        await spikon.cc_in_campaign_remove_agent(agent_id=outsider.id, campaign_id=campaign.id)
    ).status == "OK"
    clock.advance(1)
    again = await spikon.cc_monitor_show(cc_campaign_id=campaign.id)
    assert outsider.name not in [m.description for m in again.campaign_members]

    target = next(c for c in campaigns if c.id not in outsider.out_campaigns)
    assert (
        await spikon.cc_out_campaign_add_agent(agent_id=outsider.id, campaign_id=target.id)
    ).status == "OK"
    assert (
        await spikon.cc_out_campaign_set_default(agent_id=outsider.id, campaign_id=target.id)
    ).status == "OK"
    updated = {a.id: a for a in await spikon.cc_agent_list()}[outsider.id]
    assert target.id in updated.out_campaigns
    assert updated.default_out_campaign == target.id
    assert (
        await spikon.cc_out_campaign_remove_agent(agent_id=outsider.id, campaign_id=target.id)
    ).status == "OK"
    final = {a.id: a for a in await spikon.cc_agent_list()}[outsider.id]
    assert target.id not in final.out_campaigns


async def test_sms_methods(spikon: SpikonClient, sandbox: Sandbox, clock: FakeClock) -> None:
    before = sandbox.state.balance
    sent = await spikon.sms_send(
        from_="INFO", to=["501234567", "601000000"], message="Zażółć gęślą jaźń"
    )
    assert sent.state == "OK" and len(sent.ids) == 2
    assert sandbox.state.balance < before
    delivered_id, undelivered_id = sent.ids
    assert (await spikon.sms_state(id=delivered_id)).state == SmsStateCode.NEW
    clock.advance(10)
    assert (await spikon.sms_state(id=delivered_id)).state == SmsStateCode.DELIVERED
    assert (await spikon.sms_state(id=undelivered_id)).state == SmsStateCode.UNDELIVERED

    failed = await spikon.sms_send(from_="2way", to="501234999", message="Test")
    clock.advance(10)
    state = await spikon.sms_state(id=failed.ids[0])
    assert state.state == SmsStateCode.ERROR and state.error


async def test_tts_methods(spikon: SpikonClient, clock: FakeClock) -> None:
    languages = {lang.language: lang.description for lang in await spikon.tts_language_list()}
    assert languages["pl-PL"] == "Polski"
    assert len(languages) >= 20
    voices = await spikon.tts_voice_list(language="pl-PL")
    assert {(v.name, v.gender) for v in voices} >= {("Ewa", "F"), ("Jacek", "M")}

    price = await spikon.tts_price(voice="Ewa", text="x" * 3000)
    assert (price.cost_net, price.cost_gross) == (Decimal("9.0"), Decimal("11.07"))

    created = await spikon.tts_generate(
        voice="Ewa", name="Powitanie", text="Dzień dobry, tu SPIKON."
    )
    assert (await spikon.tts_status(tts_id=created.tts_id)).generated is False
    listed = {a.id: a for a in await spikon.tts_list()}
    assert listed[created.tts_id].name == "Powitanie" and not listed[created.tts_id].generated
    with pytest.raises(NotReadyError):
        await spikon.tts_download(tts_id=created.tts_id)

    clock.advance(5)
    assert (await spikon.tts_status(tts_id=created.tts_id)).generated is True
    mp3 = await spikon.tts_download(tts_id=created.tts_id)
    assert mp3[:3] == b"ID3" or (mp3[0] == 0xFF and mp3[1] & 0xE0 == 0xE0)
    wav = await spikon.tts_download(tts_id=created.tts_id, pcm_8k16bm=1)
    with wave.open(io.BytesIO(wav)) as audio:
        assert (audio.getframerate(), audio.getsampwidth(), audio.getnchannels()) == (8000, 2, 1)
        assert audio.getnframes() > 0

    deleted = await spikon.tts_delete(tts_id=created.tts_id)
    assert (deleted.id, deleted.state) == (created.tts_id, "deleted")
    assert created.tts_id not in [a.id for a in await spikon.tts_list()]
