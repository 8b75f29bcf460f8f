"""One function per API method: read the parameters, change or read the account, shape the answer.

Each handler gets a `Call` (the account, the parameters, the clock reading,
the answer format) while the account's lock is held, and returns the answer
in its JSON shape (a dict), both shapes (`Shapes`), a finished body (`bytes`)
or a file (`Binary`). Errors are raised as `ApiError`.

Choices where the documentation is silent: an unknown id of something the
account owns (phone account, book, entry, report, SMS, announcement, agent,
campaign) is -8 "No elements found"; an unknown name from a fixed catalogue
(voice, language) is -6 "Wrong value for parameter".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spikon_tui.sandbox import money
from spikon_tui.sandbox.callcenter import FREE, Agent, Campaign
from spikon_tui.sandbox.clock import format_datetime, format_minutes_seconds
from spikon_tui.sandbox.encode import Binary, Shapes, encode_table
from spikon_tui.sandbox.errors import ApiError, wrong
from spikon_tui.sandbox.history import ROW_COLUMNS, ReportFilter
from spikon_tui.sandbox.params import Params
from spikon_tui.sandbox.speech import (
    LANGUAGES,
    NAME_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    VOICE_GENDERS,
    voices_of,
)
from spikon_tui.sandbox.state import SandboxState

SMS_SENDERS = (
    "SMS",
    "Informacja",
    "INFO",
    "KONKURS",
    "NOWOSC",
    "OFERTA",
    "PROMOCJA",
    "WIZYTA",
    "2way",
)
SMS_MAX_LENGTH = 918
BOOK_NAME_MAX_LENGTH = 25
ENTRY_NAME_MAX_LENGTH = 120
NUMBER_MAX_LENGTH = 25
REPORT_MAX_DAYS = 100
_POLISH_NUMBER = re.compile(r"[0-9]{9}", re.ASCII)

Result = Mapping[str, Any] | Shapes | bytes | Binary


@dataclass(frozen=True)
class Call:
    state: SandboxState
    params: Params
    now: float
    api_format: int


def numbered(prefix: str, items: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """{"count": "2", "<prefix>-1": {...}, "<prefix>-2": {...}}, the documented list shape."""
    body: dict[str, Any] = {}
    for index, item in enumerate(items, 1):
        body[f"{prefix}-{index}"] = item
    return {"count": str(len(body)), **body}


def _flag(value: bool) -> str:
    return "1" if value else "0"


# Account


def balance_show(call: Call) -> Result:
    dot = call.params.choice("sign", ("0", "1"), default="0") == "1"
    return {"account": {"balance": money.format_balance(call.state.balance, dot=dot)}}


def phone_account_list(call: Call) -> Result:
    items = (
        {
            "id": str(account.id),
            "number": account.number,
            "internal": account.internal,
            "login": account.login,
            "description": account.description,
            "state": _flag(account.registered),
            "recording": _flag(account.recording),
        }
        for account in call.state.phone_accounts
    )
    return {"phone-accounts": numbered("phone-account", items)}


def call_initiate(call: Call) -> Result:
    account_id = call.params.identifier("phone_account_id")
    destination = call.params.phone_number("destination_number", max_length=NUMBER_MAX_LENGTH)
    account = call.state.phone_account(account_id)
    call.state.charge(money.CALL_CONNECTION_FEE)
    call.state.history.record_outgoing(call.now, account, destination)
    return {"call": {"state": "initiated"}}


# Phone books


def phone_book_list(call: Call) -> Result:
    items = ({"id": str(book.id), "name": book.name} for book in call.state.books.books.values())
    return {"phone-books": numbered("phone-book", items)}


def phone_book_show(call: Call) -> Result:
    book = call.state.books.book(call.params.identifier("phone_book_id"))
    items = (
        {"id": str(entry.id), "name": entry.name, "number": entry.number}
        for entry in book.entries.values()
    )
    return {"phone-book-elements": numbered("phone-book-element", items)}


def phone_book_add(call: Call) -> Result:
    name = call.params.text("phone_book_name", max_length=BOOK_NAME_MAX_LENGTH)
    book = call.state.books.add_book(name)
    return {"phone-books": {"phone_book": {"id": str(book.id), "name": book.name}}}


def phone_book_delete(call: Call) -> Result:
    book_id = call.params.identifier("phone_book_id")
    call.state.books.delete_book(book_id)
    return {"phone-books": {"phone_book": {"id": str(book_id), "state": "deleted"}}}


def phone_book_element_add(call: Call) -> Result:
    params = call.params
    book_id = params.identifier("phone_book_id")
    name = params.text("phone_book_element_name", max_length=ENTRY_NAME_MAX_LENGTH)
    # Documented only as "at most 25 characters": any text, as for a name.
    number = params.text("phone_book_element_number", max_length=NUMBER_MAX_LENGTH)
    entry = call.state.books.add_entry(book_id, name, number)
    return {
        "phone-book-elements": {
            "phone_book_element": {"id": str(entry.id), "name": entry.name, "number": entry.number}
        }
    }


def phone_book_element_delete(call: Call) -> Result:
    entry = call.state.books.delete_entry(call.params.identifier("phone_book_element_id"))
    return {
        "phone-book-elements": {"phone_book_element": {"id": str(entry.id), "state": "deleted"}}
    }


# Call history


def call_list_order(call: Call) -> Result:
    params = call.params
    direction = int(params.choice("dir", ("0", "1", "2")))
    first_day = params.date("date_start")
    last_day = params.date("date_end")
    records_only = params.choice("with_records_only", ("0", "1"), default="1") == "1"
    number = params.phone_number("number", max_length=NUMBER_MAX_LENGTH, required=False)
    if last_day < first_day:
        raise wrong("date_end", f"{last_day} is before date_start {first_day}")
    days = (last_day - first_day).days
    if days > REPORT_MAX_DAYS:
        raise wrong("date_end", f"the range is {days} days long, at most {REPORT_MAX_DAYS}")
    wanted = ReportFilter(direction, first_day, last_day, records_only, number)
    report = call.state.history.order(wanted, call.now, call.state.generation_delay)
    return {"call_list": {"call_list_id": str(report.id)}}


def call_list_list(call: Call) -> Result:
    items = (
        {"id": str(report.id), "generated": _flag(report.ready(call.now))}
        for report in call.state.history.current_reports(call.now)
    )
    return {"call-lists": numbered("call-list", items)}


def call_list_show(call: Call) -> Result:
    report = call.state.history.ready_report(call.params.identifier("call_list_id"), call.now)
    body = report.bodies.get(call.api_format)
    if body is None:
        rows = [call_record.row() for call_record in report.rows]
        body = encode_table("call-lists", "call-list", ROW_COLUMNS, rows, call.api_format)
        report.bodies[call.api_format] = body
    return body


# Call Center


def cc_campaigns_list(call: Call) -> Result:
    items = (
        {"id": str(campaign.id), "name": campaign.name}
        for campaign in call.state.call_center.campaigns.values()
    )
    return {"cc-campaigns": numbered("cc-campaign", items)}


def cc_agent_list(call: Call) -> Result:
    items = (
        {
            "id": str(agent.id),
            "name": agent.name,
            "sip": agent.sip,
            "ddi": agent.ddi,
            "in_campaigns": list(agent.in_campaigns),
            "out_campaigns": list(agent.out_campaigns),
            "default_out_campaign": agent.default_out_campaign,
        }
        for agent in call.state.call_center.agents.values()
    )
    return {"cc-agents": numbered("cc-agent", items)}


def _membership(call: Call) -> tuple[int, int]:
    agent_id = call.params.identifier("agent_id")
    campaign_id = call.params.identifier("campaign_id")
    call.state.simulation.advance(call.now)
    return agent_id, campaign_id


_ADD_AGENT_OK = Shapes(json={"add_agent_status": "OK"}, xml={"add-agent": {"status": "OK"}})


def cc_in_campaign_add_agent(call: Call) -> Result:
    call.state.call_center.add_member(*_membership(call), outgoing=False)
    return _ADD_AGENT_OK


def cc_in_campaign_remove_agent(call: Call) -> Result:
    call.state.call_center.remove_member(*_membership(call), outgoing=False)
    return {"remove_agent": {"status": "OK"}}


def cc_out_campaign_add_agent(call: Call) -> Result:
    call.state.call_center.add_member(*_membership(call), outgoing=True)
    return _ADD_AGENT_OK


def cc_out_campaign_remove_agent(call: Call) -> Result:
    call.state.call_center.remove_member(*_membership(call), outgoing=True)
    return {"remove_agent": {"status": "OK"}}


def cc_out_campaign_set_default(call: Call) -> Result:
    call.state.call_center.set_default_out(*_membership(call))
    return {"out_campaign_set_default": {"status": "OK"}}


def cc_monitor_show(call: Call) -> Result:
    campaign_id = call.params.identifier("cc_campaign_id")
    state = call.state
    campaign = state.call_center.campaign(campaign_id)
    state.simulation.advance(call.now)
    members = state.call_center.members(campaign.id)
    now = state.simulation.time
    return {
        "cc-monitor": {
            "basic-data": _basic_data(campaign, members),
            "campaign-members": {
                f"cc-campaign-member-{index}": _member(campaign, agent)
                for index, agent in enumerate(members, 1)
            },
            "waiting-calls": {
                f"waiting-call-{index}": {
                    "position": str(index),
                    "number": waiting.number,
                    "waiting-time": format_minutes_seconds(now - waiting.arrived),
                }
                for index, waiting in enumerate(campaign.queue, 1)
            },
        }
    }


def _basic_data(campaign: Campaign, members: list[Agent]) -> dict[str, Any]:
    stats = campaign.stats
    free = sum(1 for agent in members if agent.state == FREE)
    answered = stats.answered
    return {
        "free-members": free,
        "busy-members": len(members) - free,
        "calls-waiting": len(campaign.queue),
        "answered": answered,
        "unanswered": stats.unanswered,
        "in-queue": len(campaign.queue),
        "average-waiting-time": format_minutes_seconds(
            stats.waited_total / answered if answered else 0
        ),
        "max-waiting": campaign.max_waiting,
        "average-call-time": format_minutes_seconds(
            stats.talked_total / stats.talks_finished if stats.talks_finished else 0
        ),
        "measured-sla": format_minutes_seconds(campaign.measured_sla),
        "sla": stats.answered_within_sla * 100 // answered if answered else 0,
    }


def _member(campaign: Campaign, agent: Agent) -> dict[str, str]:
    return {
        "login": agent.sip,
        "description": agent.name,
        "state": agent.state,
        "answered": str(campaign.stats.answered_by.get(agent.id, 0)),
        "last-call": format_datetime(agent.last_call) if agent.last_call else "Brak danych",
        "pause": "Tak" if agent.paused else "Nie",
        "skill": str(agent.skill),
    }


# SMS


def sms_send(call: Call) -> Result:
    params = call.params
    sender = params.choice("from", SMS_SENDERS)
    recipients = _recipients(params.text("to", max_length=100_000))
    message = params.text("message", max_length=SMS_MAX_LENGTH, multiline=True)
    price = money.sms_price(message)
    state = call.state
    ids = []
    for number in recipients:
        paid = state.balance >= price
        if paid:
            state.charge(price)
        ids.append(state.outbox.add(sender, number, message, call.now, paid=paid).id)
    return {"sms": {"state": "OK", "ids": ids}}


def _recipients(value: str) -> list[str]:
    numbers = [part.strip() for part in value.split(",")]
    for number in numbers:
        if not _POLISH_NUMBER.fullmatch(number):
            raise wrong("to", f"'{number}' is not a Polish number of 9 digits")
    return numbers


def sms_state(call: Call) -> Result:
    sms = call.state.outbox.get(call.params.identifier("id"))
    state, error = sms.state(call.now)
    answer: dict[str, Any] = {"state": state}
    if error is not None:
        answer["error"] = error
    return {"sms": answer}


# Text to speech


def tts_language_list(call: Call) -> Result:
    languages = [{"language": code, "description": text} for code, text, _ in LANGUAGES]
    return {"tts": {"count": str(len(languages)), "languages": languages}}


def tts_voice_list(call: Call) -> Result:
    language = call.params.text("language", max_length=20)
    voices = voices_of(language)
    if voices is None:
        raise wrong("language", f"unknown language '{language}' (see tts/language_list)")
    items = [{"name": name, "gender": gender} for name, gender in voices]
    return {"tts": {"count": str(len(items)), "voices": items}}


def _voice(call: Call) -> str:
    voice = call.params.text("voice", max_length=40)
    if voice not in VOICE_GENDERS:
        raise wrong("voice", f"unknown voice '{voice}' (see tts/voice_list)")
    return voice


def _tts_text(call: Call) -> str:
    return call.params.text("text", max_length=TEXT_MAX_LENGTH, multiline=True)


def tts_generate(call: Call) -> Result:
    voice = _voice(call)
    name = call.params.text("name", max_length=NAME_MAX_LENGTH)
    text = _tts_text(call)
    cost = money.gross(money.tts_net_price(text))
    state = call.state
    if state.balance < cost:
        raise ApiError(
            -11,
            f"Insufficient funds: the announcement costs {money.format_balance(cost, dot=False)}"
            f" zł, the balance is {money.format_balance(state.balance, dot=False)} zł",
        )
    state.charge(cost)
    item = state.announcements.add(name, voice, text, call.now + state.generation_delay)
    return {"tts": {"tts_id": str(item.id)}}


def tts_list(call: Call) -> Result:
    items = (
        {"id": str(item.id), "name": item.name, "generated": _flag(item.ready(call.now))}
        for item in call.state.announcements.items.values()
    )
    return {"tts": numbered("tts", items)}


def tts_download(call: Call) -> Result:
    tts_id = call.params.identifier("tts_id")
    pcm = call.params.choice("pcm_8k16bm", ("0", "1"), default="0") == "1"
    item = call.state.announcements.ready(tts_id, call.now)
    if pcm:
        return Binary("audio/wav", item.file(pcm=True), f"tts-{item.id}.wav")
    return Binary("audio/mpeg", item.file(pcm=False), f"tts-{item.id}.mp3")


def tts_delete(call: Call) -> Result:
    tts_id = call.params.identifier("tts_id")
    call.state.announcements.delete(tts_id)
    return {"tts": {"id": str(tts_id), "state": "deleted"}}


def tts_price(call: Call) -> Result:
    _voice(call)
    net = money.tts_net_price(_tts_text(call))
    return {
        "tts": {
            "cost_net": money.format_price(net),
            "cost_gross": money.format_price(money.gross(net)),
        }
    }


def tts_status(call: Call) -> Result:
    item = call.state.announcements.get(call.params.identifier("tts_id"))
    return {"tts": {"id": str(item.id), "generated": _flag(item.ready(call.now))}}


Handler = Callable[[Call], Result]

POST_METHODS: dict[str, Handler] = {
    "balance/show": balance_show,
    "phone_account/list": phone_account_list,
    "call/initiate": call_initiate,
    "phone_book/list": phone_book_list,
    "phone_book/show": phone_book_show,
    "phone_book/add": phone_book_add,
    "phone_book/delete": phone_book_delete,
    "phone_book_element/add": phone_book_element_add,
    "phone_book_element/delete": phone_book_element_delete,
    "call_list/order": call_list_order,
    "call_list/list": call_list_list,
    "call_list/show": call_list_show,
    "cc_campaigns/list": cc_campaigns_list,
    "cc_agent/list": cc_agent_list,
    "cc_in_campaign/add_agent": cc_in_campaign_add_agent,
    "cc_in_campaign/remove_agent": cc_in_campaign_remove_agent,
    "cc_out_campaign/add_agent": cc_out_campaign_add_agent,
    "cc_out_campaign/remove_agent": cc_out_campaign_remove_agent,
    "cc_out_campaign/set_default": cc_out_campaign_set_default,
    "cc_monitor/show": cc_monitor_show,
    "sms/send": sms_send,
    "sms/state": sms_state,
    "tts/language_list": tts_language_list,
    "tts/voice_list": tts_voice_list,
    "tts/generate": tts_generate,
    "tts/list": tts_list,
    "tts/delete": tts_delete,
    "tts/price": tts_price,
    "tts/status": tts_status,
}
GET_METHODS: dict[str, Handler] = {"tts/download": tts_download}
