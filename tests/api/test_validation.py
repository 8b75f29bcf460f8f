"""Every documented limit is checked before sending, at its exact boundary."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from spikon_tui.api import SpikonClient, ValidationError
from spikon_tui.api import validation as v
from spikon_tui.i18n import set_language
from tests.api.helpers import Recorder, doc_examples_handler, form_of, make_client


def rejects(parameter: str, check: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check()
    assert caught.value.parameter == parameter
    assert isinstance(caught.value, ValueError)
    return caught.value


# --- text lengths ------------------------------------------------------------------


def test_phone_book_name_boundaries() -> None:
    assert v.check_phone_book_name("x" * 25) == "x" * 25
    assert v.check_phone_book_name("  Testowa  ") == "Testowa"
    error = rejects("phone_book_name", lambda: v.check_phone_book_name("x" * 26))
    assert "at most 25 characters" in str(error) and "26" in str(error)
    rejects("phone_book_name", lambda: v.check_phone_book_name(""))
    rejects("phone_book_name", lambda: v.check_phone_book_name("   "))
    rejects("phone_book_name", lambda: v.check_phone_book_name(None))


def test_phone_book_element_name_boundaries() -> None:
    assert v.check_phone_book_element_name("ż" * 120) == "ż" * 120
    rejects("phone_book_element_name", lambda: v.check_phone_book_element_name("ż" * 121))
    rejects("phone_book_element_name", lambda: v.check_phone_book_element_name(""))


@pytest.mark.parametrize("parameter", ["destination_number", "number"])
def test_phone_number_boundaries(parameter: str) -> None:
    assert v.check_phone_number("1" * 25, parameter) == "1" * 25
    assert v.check_phone_number("+" + "1" * 24, parameter) == "+" + "1" * 24
    assert v.check_phone_number("+48 123-456-789", parameter) == "+48123456789"
    assert v.check_phone_number(101, parameter) == "101"
    rejects(parameter, lambda: v.check_phone_number("1" * 26, parameter))
    rejects(parameter, lambda: v.check_phone_number("+" + "1" * 25, parameter))
    rejects(parameter, lambda: v.check_phone_number("", parameter))
    rejects(parameter, lambda: v.check_phone_number("12a45", parameter))
    rejects(parameter, lambda: v.check_phone_number("1+2", parameter))


def test_sms_message_boundaries() -> None:
    assert v.check_sms_message("a" * 918) == "a" * 918
    error = rejects("message", lambda: v.check_sms_message("a" * 919))
    assert "918" in str(error)
    rejects("message", lambda: v.check_sms_message(""))
    rejects("message", lambda: v.check_sms_message(" \n"))
    assert v.check_sms_message(" hi ") == " hi "


def test_tts_text_boundaries() -> None:
    assert v.check_tts_text("a" * 3000) == "a" * 3000
    rejects("text", lambda: v.check_tts_text("a" * 3001))
    rejects("text", lambda: v.check_tts_text(""))


def test_tts_voice_name_and_language() -> None:
    assert v.check_text(" Ewa ", "voice") == "Ewa"
    rejects("voice", lambda: v.check_text("", "voice"))
    rejects("name", lambda: v.check_text("  ", "name"))
    assert v.check_language("pl-PL") == "pl-PL"
    rejects("language", lambda: v.check_language("pl PL"))
    rejects("language", lambda: v.check_language(""))


# --- call_list/order -------------------------------------------------------------------


@pytest.mark.parametrize("direction", [0, 1, 2, v.CallDirection.BOTH])
def test_direction_accepts_documented_values(direction: int) -> None:
    assert v.check_direction(direction) == int(direction)


@pytest.mark.parametrize("direction", [3, -1, True, "1", 1.0, None])
def test_direction_rejects_everything_else(direction: object) -> None:
    rejects("dir", lambda: v.check_direction(direction))


def test_date_range_of_exactly_100_days_is_allowed() -> None:
    start = date(2024, 1, 1)
    assert v.check_date_range(start, start + timedelta(days=100)) == (
        start,
        date(2024, 4, 10),
    )
    assert v.check_date_range("2024-01-01", "2024-04-10") == (start, date(2024, 4, 10))
    assert v.check_date_range(start, start) == (start, start)


def test_date_range_of_101_days_is_refused() -> None:
    error = rejects("date_end", lambda: v.check_date_range("2024-01-01", "2024-04-11"))
    assert "100 days" in str(error)


def test_date_range_backwards_is_refused() -> None:
    error = rejects("date_end", lambda: v.check_date_range("2024-02-02", "2024-02-01"))
    assert str(error) == "The last day must not be before the first day."


def test_dates_accept_datetimes_and_reject_other_spellings() -> None:
    assert v.check_date(datetime(2024, 5, 6, 7, 8), "date_start") == date(2024, 5, 6)
    rejects("date_start", lambda: v.check_date("06-05-2024", "date_start"))
    rejects("date_start", lambda: v.check_date("2024-13-01", "date_start"))
    rejects("date_end", lambda: v.check_date("2024-1-1", "date_end"))
    rejects("date_end", lambda: v.check_date(20240101, "date_end"))


@pytest.mark.parametrize(("value", "sent"), [(0, 0), (1, 1), (True, 1), (False, 0)])
def test_flags(value: object, sent: int) -> None:
    assert v.check_flag(value, "with_records_only") == sent


@pytest.mark.parametrize("value", [2, -1, "1", 1.0, None])
def test_flags_reject_other_values(value: object) -> None:
    rejects("pcm_8k16bm", lambda: v.check_flag(value, "pcm_8k16bm"))


# --- ids -----------------------------------------------------------------------------


def test_ids() -> None:
    assert v.check_id(0, "phone_book_id") == 0
    assert v.check_id("12", "phone_book_id") == 12
    rejects("phone_book_id", lambda: v.check_id(-1, "phone_book_id"))
    rejects("tts_id", lambda: v.check_id(True, "tts_id"))
    rejects("tts_id", lambda: v.check_id(1.5, "tts_id"))
    rejects("tts_id", lambda: v.check_id("1a", "tts_id"))
    rejects("tts_id", lambda: v.check_id(None, "tts_id"))


# --- SMS -----------------------------------------------------------------------------


@pytest.mark.parametrize("sender", v.SMS_SENDERS)
def test_every_documented_sender_is_accepted(sender: str) -> None:
    assert v.check_sms_sender(sender) == sender


def test_sender_case_is_forgiven_and_sent_as_documented() -> None:
    assert v.check_sms_sender("info") == "INFO"
    assert v.check_sms_sender("informacja") == "Informacja"
    assert v.check_sms_sender("2WAY") == "2way"


@pytest.mark.parametrize("sender", ["NOWOŚĆ", "Firma", "", "SMS2", None])
def test_undocumented_senders_are_refused(sender: object) -> None:
    error = rejects("from", lambda: v.check_sms_sender(sender))
    assert "PROMOCJA" in str(error)


def test_sms_numbers() -> None:
    assert v.check_sms_number("123456789") == "123456789"
    assert v.check_sms_number("+48 123 456 789") == "123456789"
    assert v.check_sms_number("0048-123-456-789") == "123456789"
    for bad in ["12345678", "1234567890", "48123456789", "+49123456789", "12345678a", ""]:
        rejects("to", lambda bad=bad: v.check_sms_number(bad))


def test_several_sms_recipients_are_joined_with_commas() -> None:
    assert v.check_sms_recipients("123456789") == "123456789"
    assert v.check_sms_recipients(["123456789", "+48 987 654 321"]) == "123456789,987654321"
    assert v.check_sms_recipients("123456789, 987654321,") == "123456789,987654321"
    rejects("to", lambda: v.check_sms_recipients([]))
    rejects("to", lambda: v.check_sms_recipients(" , "))
    rejects("to", lambda: v.check_sms_recipients(["123456789", "1234"]))
    rejects("to", lambda: v.check_sms_recipients(123456789))


def test_limits_are_exported_for_the_ui() -> None:
    assert (v.PHONE_BOOK_NAME_MAX, v.PHONE_BOOK_ELEMENT_NAME_MAX, v.PHONE_NUMBER_MAX) == (
        25,
        120,
        25,
    )
    assert (v.SMS_MESSAGE_MAX, v.TTS_TEXT_MAX, v.CALL_LIST_MAX_DAYS) == (918, 3000, 100)
    assert v.SMS_SENDERS == (
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


# --- the client checks before it sends ----------------------------------------------

BAD_CALLS: list[tuple[str, Callable[[SpikonClient], Awaitable[Any]]]] = [
    ("phone_book_name", lambda c: c.phone_book_add("x" * 26)),
    ("phone_book_element_name", lambda c: c.phone_book_element_add(1, "", "123")),
    ("phone_book_element_number", lambda c: c.phone_book_element_add(1, "Jan", "1" * 26)),
    ("phone_book_id", lambda c: c.phone_book_show(-1)),
    ("destination_number", lambda c: c.call_initiate(1, "1" * 26)),
    ("phone_account_id", lambda c: c.call_initiate("one", "123")),
    ("dir", lambda c: c.call_list_order(3, "2024-01-01", "2024-01-02")),
    ("date_end", lambda c: c.call_list_order(0, "2024-01-01", "2024-04-11")),
    ("with_records_only", lambda c: c.call_list_order(0, "2024-01-01", "2024-01-02", 2)),
    ("number", lambda c: c.call_list_order(0, "2024-01-01", "2024-01-02", 1, "1" * 26)),
    ("from", lambda c: c.sms_send("FIRMA", "123456789", "hi")),
    ("to", lambda c: c.sms_send("SMS", "12345678", "hi")),
    ("message", lambda c: c.sms_send("SMS", "123456789", "a" * 919)),
    ("text", lambda c: c.tts_generate("Ewa", "Powitanie", "a" * 3001)),
    ("voice", lambda c: c.tts_price("", "text")),
    ("name", lambda c: c.tts_generate("Ewa", " ", "text")),
    ("pcm_8k16bm", lambda c: c.tts_download(1, 2)),
    ("sign", lambda c: c.balance_show(sign=5)),
    ("agent_id", lambda c: c.cc_in_campaign_add_agent(-3, 1)),
    ("campaign_id", lambda c: c.cc_out_campaign_set_default(1, None)),
    ("cc_campaign_id", lambda c: c.cc_monitor_show("x")),
    ("id", lambda c: c.sms_state(-2)),
]


@pytest.mark.parametrize(("parameter", "call"), BAD_CALLS, ids=[p for p, _ in BAD_CALLS])
async def test_client_refuses_before_sending(
    parameter: str, call: Callable[[SpikonClient], Awaitable[Any]]
) -> None:
    recorder = Recorder(doc_examples_handler)
    async with make_client(recorder) as client:
        with pytest.raises(ValidationError) as caught:
            await call(client)
    assert caught.value.parameter == parameter
    assert recorder.count == 0


async def test_client_sends_normalised_values() -> None:
    recorder = Recorder(doc_examples_handler)
    async with make_client(recorder) as client:
        await client.sms_send("info", ["+48 123 456 789", "987654321"], "Cześć")
        await client.call_list_order(
            v.CallDirection.OUTGOING, date(2024, 1, 1), "2024-01-31", True, "+48 600-100-200"
        )
        await client.call_list_order(2, "2024-01-01", "2024-01-31", number="")
    sms, order, no_number = (form_of(request) for request in recorder.requests)
    assert (sms["from"], sms["to"], sms["message"]) == ("INFO", "123456789,987654321", "Cześć")
    assert order == {
        "api_key": order["api_key"],
        "api_format": "0",
        "dir": "1",
        "date_start": "2024-01-01",
        "date_end": "2024-01-31",
        "with_records_only": "1",
        "number": "+48600100200",
    }
    assert "number" not in no_number


# --- the sentences: fields named in words, whole in each language ----------------------


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


async def refusal(call: Callable[[SpikonClient], Awaitable[Any]]) -> ValidationError:
    async with make_client(Recorder(doc_examples_handler)) as client:
        with pytest.raises(ValidationError) as caught:
            await call(client)
    return caught.value


@pytest.mark.parametrize(("parameter", "call"), BAD_CALLS, ids=[p for p, _ in BAD_CALLS])
async def test_english_refusals_name_the_parameter_in_words(
    parameter: str, call: Callable[[SpikonClient], Awaitable[Any]]
) -> None:
    message = str(await refusal(call))
    assert message.startswith("The "), message
    assert "_" not in message and not message.startswith(f"{parameter} "), message


@pytest.mark.parametrize(("parameter", "call"), BAD_CALLS, ids=[p for p, _ in BAD_CALLS])
async def test_polish_refusals_are_whole_sentences_without_api_names(
    parameter: str, call: Callable[[SpikonClient], Awaitable[Any]], polish: None
) -> None:
    message = str(await refusal(call))
    assert re.match(r"(Pole|W polu|Wartość w polu|Data w polu|Zakres dat) ", message), message
    for api_name in v.PARAMETER_NAMES:
        assert not re.search(rf"\b{re.escape(api_name)}\b", message), (api_name, message)


def test_polish_needs_no_gender_agreement_with_the_field_name(polish: None) -> None:
    assert str(rejects("phone_book_name", lambda: v.check_phone_book_name(" "))) == (
        "Pole „Nazwa książki” nie może być puste."
    )
    assert str(rejects("message", lambda: v.check_sms_message(""))) == (
        "Pole „Wiadomość” nie może być puste."
    )
    assert str(rejects("text", lambda: v.check_tts_text("a" * 3001))) == (
        "Pole „Tekst” może mieć najwyżej 3000 znaków (wpisano 3001)."
    )
    backwards = rejects("date_end", lambda: v.check_date_range("2024-02-02", "2024-02-01"))
    assert str(backwards) == "Data w polu „Do” nie może być wcześniejsza niż w polu „Od”."


def test_a_form_can_say_the_sentence_again_with_its_own_labels() -> None:
    error = rejects("number", lambda: v.check_phone_number("12a", "number"))
    assert isinstance(error, v.FieldError)
    assert error.worded({"number": "the number to call back"}) == (
        "The number to call back may contain only digits, with an optional leading +."
    )
    backwards = rejects("date_end", lambda: v.check_date_range("2024-02-02", "2024-02-01"))
    assert isinstance(backwards, v.FieldError)
    assert backwards.worded({"date_start": "From", "date_end": "To"}) == (
        "To must not be before From."
    )
