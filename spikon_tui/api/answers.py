"""Decoded API payloads -> the typed models, one function per answer shape.

Every function takes what `decode.decode_body` returned (JSON keys as the
server spelled them, or normalised XML) and tolerates the documented quirks:
strings or ints, keys with `-`, `_` or stray spaces, lists as numbered keys or
arrays, empty containers, a different wrapper name in JSON and XML
(`phone_book` vs `<phone-book>`, `add_agent_status` vs `<add-agent><status>`).

The one hot path, a 50,000-row call report in the documented JSON shape,
does not come here: `typed_json.py` decodes it straight into `CallRecord`s.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spikon_tui.api import models
from spikon_tui.api.coerce import (
    lookup,
    to_bool,
    to_datetime,
    to_decimal,
    to_duration,
    to_id,
    to_id_list,
    to_int,
    to_int_or_zero,
    to_optional_duration,
    to_optional_id,
    to_optional_int,
    to_optional_text,
    to_seconds,
    to_text,
)
from spikon_tui.api.decode import normalise_key, normalised, numbered_items
from spikon_tui.api.errors import MalformedResponseError
from spikon_tui.i18n import N_, _

NO_DATA = "Brak danych"
"""What cc_monitor/show says in `last-call` when there is no last call."""

# --- finding things in a payload ----------------------------------------------


def _container(payload: Any, *names: str) -> Any:
    """The value inside the one-key wrapper (`{"phone-books": {...}}`), or the payload."""
    if isinstance(payload, dict):
        if len(payload) == 1:
            (value,) = payload.values()
            if isinstance(value, dict | list | str) or value is None:
                return value
        flat = normalised(payload)
        for name in names:
            if name in flat:
                return flat[name]
    return payload


def _items(payload: Any, *names: str) -> list[dict[str, Any]]:
    """The item dicts of a list answer, in order, keys normalised."""
    items = numbered_items(_container(payload, *names))
    return [normalised(item) for item in items if isinstance(item, dict)]


def _record(payload: Any, *fields: str) -> dict[str, Any]:
    """The first (shallowest) nested dict holding any of `fields`, keys normalised."""
    queue: deque[Any] = deque([payload])
    while queue:
        current = queue.popleft()
        if not isinstance(current, dict):
            continue
        flat = normalised(current)
        if any(name in flat for name in fields):
            return flat
        queue.extend(value for value in flat.values() if isinstance(value, dict))
    raise MalformedResponseError(
        _("The server's answer has no {fields} where one was expected.").format(
            fields=" / ".join(fields)
        )
    )


def _required(record: dict[str, Any], name: str, what: str) -> Any:
    """`record[name]`, which must be there; `what` (a msgid, `N_()`) names the record."""
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise MalformedResponseError(
            _("The server's answer lists {what} with no {name}.").format(what=_(what), name=name)
        )
    return value


# --- account --------------------------------------------------------------------


def balance(payload: Any) -> models.Balance:
    record = _record(payload, "balance")
    return models.Balance(balance=to_decimal(record["balance"], "balance"))


def phone_accounts(payload: Any) -> list[models.PhoneAccount]:
    return [
        models.PhoneAccount(
            id=to_id(_required(item, "id", N_("a phone account")), "id"),
            number=to_text(item.get("number")),
            internal=to_optional_text(item.get("internal"), none_markers=("-",)),
            login=to_text(item.get("login")),
            description=to_text(item.get("description")),
            state=to_text(item.get("state")),
            recording=to_bool(item.get("recording")),
        )
        for item in _items(payload, "phone_accounts")
    ]


def call_initiated(payload: Any) -> models.CallInitiated:
    return models.CallInitiated(state=to_text(_record(payload, "state")["state"]))


# --- phone books ----------------------------------------------------------------


def _phone_book(item: dict[str, Any]) -> models.PhoneBook:
    return models.PhoneBook(
        id=to_id(_required(item, "id", N_("a phone book")), "id"),
        name=to_text(item.get("name")),
    )


def phone_books(payload: Any) -> list[models.PhoneBook]:
    return [_phone_book(item) for item in _items(payload, "phone_books")]


def phone_book(payload: Any) -> models.PhoneBook:
    return _phone_book(_record(payload, "id", "name"))


def _element(item: dict[str, Any]) -> models.PhoneBookElement:
    return models.PhoneBookElement(
        id=to_optional_id(item.get("id"), "id"),
        name=to_text(item.get("name")),
        number=to_text(item.get("number")),
    )


def phone_book_elements(payload: Any) -> list[models.PhoneBookElement]:
    return [_element(item) for item in _items(payload, "phone_book_elements")]


def phone_book_element(payload: Any) -> models.PhoneBookElement:
    return _element(_record(payload, "number", "name", "id"))


def deleted_item(payload: Any) -> models.DeletedItem:
    record = _record(payload, "state", "id")
    return models.DeletedItem(
        id=to_id(_required(record, "id", N_("the deleted item")), "id"),
        state=to_text(record.get("state")),
    )


# --- call history ---------------------------------------------------------------


def call_list_order(payload: Any) -> models.CallListOrder:
    record = _record(payload, "call_list_id", "id")
    value = lookup(record, "call_list_id", "id")
    return models.CallListOrder(call_list_id=to_id(value, "call_list_id"))


def call_list_statuses(payload: Any) -> list[models.CallListStatus]:
    return [
        models.CallListStatus(
            id=to_id(_required(item, "id", N_("a call history report")), "id"),
            generated=to_bool(item.get("generated")),
        )
        for item in _items(payload, "call_lists")
    ]


_PAUSE_COLLECTOR_FROM = 5000


def _call_record(row: Any) -> models.CallRecord:
    """The general reading of one call_list/show row (any key spelling, any types)."""
    if not isinstance(row, dict):
        raise MalformedResponseError(_("The server's call history has a row that is not a record."))
    item = normalised(row)
    return models.CallRecord(
        date=to_datetime(item.get("date"), "date"),
        src=to_text(item.get("src")),
        dst=to_text(item.get("dst")),
        duration=to_seconds(item.get("duration") or 0, "duration"),
        state=to_text(item.get("state")),
        file=to_text(item.get("file")),
    )


@contextmanager
def _collector_paused(count: int) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while `count` objects are built.

    Building tens of thousands of records would otherwise set off several
    full collections, each walking every object in the process, for objects
    that cannot form cycles. The collector is only postponed: it runs again
    as soon as the block ends, even if the block raises.
    """
    if count < _PAUSE_COLLECTOR_FROM or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def call_records(payload: Any) -> list[models.CallRecord]:
    """call_list/show rows, in numeric order of their keys, read the general way.

    A report in the documented JSON shape never comes here: `typed_json`
    decodes it straight into records. This reads everything else (XML, other
    key spellings, values of other types), holding every value to the limits.
    """
    rows = numbered_items(_container(payload, "call_lists"))
    with _collector_paused(len(rows)):
        return [_call_record(row) for row in rows]


# --- call center ----------------------------------------------------------------


def cc_campaigns(payload: Any) -> list[models.CcCampaign]:
    return [
        models.CcCampaign(
            id=to_id(_required(item, "id", N_("a campaign")), "id"),
            name=to_text(item.get("name")),
        )
        for item in _items(payload, "cc_campaigns")
    ]


def cc_agents(payload: Any) -> list[models.CcAgent]:
    return [
        models.CcAgent(
            id=to_id(_required(item, "id", N_("an agent")), "id"),
            name=to_text(item.get("name")),
            sip=to_text(item.get("sip")),
            ddi=to_text(item.get("ddi")),
            in_campaigns=to_id_list(item.get("in_campaigns"), "in_campaigns"),
            out_campaigns=to_id_list(item.get("out_campaigns"), "out_campaigns"),
            default_out_campaign=to_optional_id(
                item.get("default_out_campaign"), "default_out_campaign"
            ),
        )
        for item in _items(payload, "cc_agents")
    ]


def action_status(payload: Any) -> models.ActionStatus:
    """`{"add_agent_status": "OK"}` as well as `{"add_agent": {"status": "OK"}}`."""
    queue: deque[Any] = deque([payload])
    while queue:
        current = queue.popleft()
        if not isinstance(current, dict):
            continue
        for key, value in current.items():
            if (
                isinstance(key, str)
                and normalise_key(key).endswith("status")
                and not isinstance(value, dict | list)
            ):
                return models.ActionStatus(status=to_text(value))
        queue.extend(value for value in current.values() if isinstance(value, dict))
    raise MalformedResponseError(_("The server's answer has no status where one was expected."))


def _basic_data(data: dict[str, Any]) -> models.CcBasicData:
    def count(name: str) -> int:
        return to_int_or_zero(data.get(name), name)

    def duration(name: str) -> Any:
        return to_duration(data.get(name), name)

    return models.CcBasicData(
        free_members=count("free_members"),
        busy_members=count("busy_members"),
        calls_waiting=count("calls_waiting"),
        answered=count("answered"),
        unanswered=count("unanswered"),
        in_queue=count("in_queue"),
        average_waiting_time=duration("average_waiting_time"),
        max_waiting=count("max_waiting"),
        average_call_time=duration("average_call_time"),
        measured_sla=duration("measured_sla"),
        sla=count("sla"),
    )


def _campaign_member(item: dict[str, Any]) -> models.CcCampaignMember:
    last_call_raw = to_text(item.get("last_call"))
    pause_raw = to_text(item.get("pause"))
    return models.CcCampaignMember(
        login=to_text(item.get("login")),
        description=to_text(item.get("description")),
        state=to_text(item.get("state")),
        answered=to_int_or_zero(item.get("answered"), "answered"),
        last_call=None if last_call_raw in ("", NO_DATA) else last_call_raw,
        pause=to_bool(pause_raw),
        skill=to_int_or_zero(item.get("skill"), "skill"),
        last_call_raw=last_call_raw,
        pause_raw=pause_raw,
    )


_WAITING_POSITION = ("position", "pos")
_WAITING_NUMBER = ("number", "caller_id", "callerid", "caller", "cli", "src")
_WAITING_TIME = ("waiting_time", "wait_time", "waiting", "time")


def _waiting_call(item: dict[str, Any]) -> models.CcWaitingCall:
    known = (*_WAITING_POSITION, *_WAITING_NUMBER, *_WAITING_TIME)
    return models.CcWaitingCall(
        position=to_optional_int(lookup(item, *_WAITING_POSITION), "position"),
        number=to_optional_text(lookup(item, *_WAITING_NUMBER)),
        waiting_time=to_optional_duration(lookup(item, *_WAITING_TIME), "waiting_time"),
        extra={key: value for key, value in item.items() if key not in known},
    )


def cc_monitor(payload: Any) -> models.CcMonitor:
    body = _record(payload, "basic_data", "campaign_members", "waiting_calls")
    data = body.get("basic_data")
    if not isinstance(data, dict):
        raise MalformedResponseError(_("The server's campaign monitor answer has no basic-data."))
    return models.CcMonitor(
        basic_data=_basic_data(normalised(data)),
        campaign_members=[
            _campaign_member(normalised(item))
            for item in numbered_items(body.get("campaign_members"))
            if isinstance(item, dict)
        ],
        waiting_calls=[
            _waiting_call(normalised(item))
            for item in numbered_items(body.get("waiting_calls"))
            if isinstance(item, dict)
        ],
    )


# --- SMS ------------------------------------------------------------------------


def sms_sent(payload: Any) -> models.SmsSent:
    record = _record(payload, "ids", "state")
    ids = record.get("ids")
    if ids is None and "id" in record:
        ids = record["id"]
    return models.SmsSent(state=to_text(record.get("state")), ids=to_id_list(ids, "ids"))


def sms_state(payload: Any) -> models.SmsState:
    record = _record(payload, "state")
    return models.SmsState(
        state=to_int(record["state"], "state"),
        error=to_optional_text(record.get("error")),
    )


# --- text to speech -------------------------------------------------------------


def tts_languages(payload: Any) -> list[models.TtsLanguage]:
    return [
        models.TtsLanguage(
            language=to_text(item.get("language")), description=to_text(item.get("description"))
        )
        for item in _items(payload, "tts")
    ]


def tts_voices(payload: Any) -> list[models.TtsVoice]:
    return [
        models.TtsVoice(name=to_text(item.get("name")), gender=to_text(item.get("gender")).upper())
        for item in _items(payload, "tts")
    ]


def tts_created(payload: Any) -> models.TtsCreated:
    record = _record(payload, "tts_id")
    return models.TtsCreated(tts_id=to_id(record["tts_id"], "tts_id"))


def tts_announcements(payload: Any) -> list[models.TtsAnnouncement]:
    return [
        models.TtsAnnouncement(
            id=to_id(_required(item, "id", N_("an announcement")), "id"),
            name=to_text(item.get("name")),
            generated=to_bool(item.get("generated")),
        )
        for item in _items(payload, "tts")
    ]


def tts_price(payload: Any) -> models.TtsPrice:
    record = _record(payload, "cost_net", "cost_gross")
    return models.TtsPrice(
        cost_net=to_decimal(_required(record, "cost_net", N_("the price")), "cost_net"),
        cost_gross=to_decimal(_required(record, "cost_gross", N_("the price")), "cost_gross"),
    )


def tts_status(payload: Any) -> models.TtsStatus:
    record = _record(payload, "generated")
    return models.TtsStatus(
        id=to_id(_required(record, "id", N_("the announcement")), "id"),
        generated=to_bool(record.get("generated")),
    )
