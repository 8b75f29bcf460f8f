"""When a request is sent again, and when the user must be told the outcome is unknown."""

from __future__ import annotations

import httpx
import pytest

import spikon_tui.api.session as session_module
from spikon_tui.api import (
    READ_METHODS,
    STATE_CHANGING_METHODS,
    ConnectionFailedError,
    HttpStatusError,
    RequestTimeoutError,
    ServiceFailureError,
    SpikonClient,
    UnknownApiKeyError,
)
from tests.api.helpers import Recorder, doc_examples_handler, json_response, make_client


def unavailable(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503, content=b"Service Unavailable")


def refused() -> httpx.ConnectError:
    return httpx.ConnectError("[Errno 111] Connection refused")


def test_every_method_is_classified_exactly_once() -> None:
    assert set(SpikonClient.METHODS) == READ_METHODS | STATE_CHANGING_METHODS
    assert not READ_METHODS & STATE_CHANGING_METHODS
    assert "sms/send" in STATE_CHANGING_METHODS and "tts/download" in READ_METHODS


# --- reads ---------------------------------------------------------------------------------


async def test_read_is_retried_after_503_and_succeeds() -> None:
    recorder = Recorder(unavailable, doc_examples_handler)
    async with make_client(recorder) as client:
        books = await client.phone_book_list()
    assert recorder.count == 2
    assert [book.name for book in books] == ["Książka główna", "Testowa"]


async def test_read_gives_up_after_max_retries() -> None:
    recorder = Recorder(unavailable)
    async with make_client(recorder) as client:
        with pytest.raises(HttpStatusError) as caught:
            await client.balance_show()
    assert recorder.count == 3  # the first attempt and 2 retries
    assert caught.value.status_code == 503
    assert "Tried 3 times" in str(caught.value)
    assert caught.value.outcome_unknown is False


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("timed out"),
        httpx.ConnectError("[Errno 111] Connection refused"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError("Connection reset by peer"),
    ],
)
async def test_read_is_retried_after_network_failures(failure: Exception) -> None:
    recorder = Recorder(failure, doc_examples_handler)
    async with make_client(recorder) as client:
        assert (await client.tts_status(70)).generated is True
    assert recorder.count == 2


async def test_read_timeout_message() -> None:
    recorder = Recorder(httpx.ReadTimeout("timed out"))
    async with make_client(recorder, timeout=2.5) as client:
        with pytest.raises(RequestTimeoutError) as caught:
            await client.cc_monitor_show(1)
    assert recorder.count == 3
    assert "did not answer within 2.5 s" in str(caught.value)


async def test_no_retries_when_max_retries_is_zero() -> None:
    recorder = Recorder(unavailable)
    async with make_client(recorder, max_retries=0) as client:
        with pytest.raises(HttpStatusError):
            await client.balance_show()
    assert recorder.count == 1


async def test_a_definite_spikon_error_in_a_5xx_body_is_not_retried() -> None:
    error = {"error": {"id": "-3", "name": "Unknown API key"}}
    recorder = Recorder(lambda request: json_response(error, status=500))
    async with make_client(recorder) as client:
        with pytest.raises(UnknownApiKeyError):
            await client.balance_show()
    assert recorder.count == 1


async def test_general_failure_in_a_5xx_body_is_retried_for_reads() -> None:
    error = {"error": {"id": "-1000", "name": "General failure, please contact service!"}}
    recorder = Recorder(lambda request: json_response(error, status=500))
    async with make_client(recorder) as client:
        with pytest.raises(ServiceFailureError) as caught:
            await client.balance_show()
    assert recorder.count == 3
    assert caught.value.code == -1000

    recovering = Recorder(lambda request: json_response(error, status=503), doc_examples_handler)
    async with make_client(recovering) as client:
        assert (await client.tts_status(70)).id == 70
    assert recovering.count == 2


async def test_general_failure_after_an_action_is_not_retried() -> None:
    error = {"error": {"id": "-1000", "name": "General failure, please contact service!"}}
    recorder = Recorder(lambda request: json_response(error, status=500))
    async with make_client(recorder) as client:
        with pytest.raises(ServiceFailureError):
            await client.sms_send("SMS", "123456789", "hi")
    assert recorder.count == 1


async def test_backoff_doubles_and_respects_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(session_module.asyncio, "sleep", fake_sleep)
    recorder = Recorder(unavailable)
    async with make_client(recorder, backoff=0.25) as client:
        with pytest.raises(HttpStatusError):
            await client.balance_show()
    assert waits == [0.25, 0.5]

    waits.clear()
    busy = Recorder(lambda request: httpx.Response(429, headers={"retry-after": "3"}))
    async with make_client(busy, backoff=0.25, max_retries=1) as client:
        with pytest.raises(HttpStatusError) as caught:
            await client.tts_list()
    assert waits == [3.0]
    assert caught.value.status_code == 429


# --- state-changing methods -----------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("timed out"),
        httpx.WriteTimeout("timed out"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.ReadError("Connection reset by peer"),
    ],
)
async def test_sms_send_is_not_retried_when_the_request_may_have_arrived(
    failure: Exception,
) -> None:
    recorder = Recorder(failure, doc_examples_handler)
    async with make_client(recorder) as client:
        with pytest.raises((RequestTimeoutError, ConnectionFailedError)) as caught:
            await client.sms_send("SMS", "123456789", "Przypomnienie o wizycie")
    assert recorder.count == 1
    assert caught.value.outcome_unknown is True
    assert "The SMS may or may not have been sent" in str(caught.value)
    assert "before trying again" in str(caught.value)


async def test_state_changing_call_is_not_retried_after_503() -> None:
    recorder = Recorder(unavailable, doc_examples_handler)
    async with make_client(recorder) as client:
        with pytest.raises(HttpStatusError) as caught:
            await client.call_initiate(1, "123456789")
    assert recorder.count == 1
    assert caught.value.outcome_unknown is True
    assert "The call may or may not have been started" in str(caught.value)


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("[Errno 111] Connection refused"),
        httpx.ConnectError("[Errno -3] Temporary failure in name resolution"),
        httpx.ConnectTimeout("timed out"),
        httpx.PoolTimeout("timed out"),
    ],
)
async def test_state_changing_call_is_retried_when_it_never_left(failure: Exception) -> None:
    recorder = Recorder(failure, doc_examples_handler)
    async with make_client(recorder) as client:
        sent = await client.sms_send("SMS", "123456789", "Przypomnienie")
    assert recorder.count == 2
    assert sent.ids == [12]


async def test_state_changing_call_that_never_left_fails_plainly() -> None:
    recorder = Recorder(refused())
    async with make_client(recorder) as client:
        with pytest.raises(ConnectionFailedError) as caught:
            await client.phone_book_add("Klienci")
    assert recorder.count == 3
    assert caught.value.outcome_unknown is False
    message = str(caught.value)
    assert message.startswith("Could not connect to https://panel.spikon.pl/api/")
    assert "connection refused" in message


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda c: c.phone_book_delete(3), "phone book may or may not have been deleted"),
        (lambda c: c.phone_book_element_add(1, "Jan", "123"), "entry may or may not have been"),
        (lambda c: c.call_list_order(0, "2024-01-01", "2024-01-02"), "report may or may not"),
        (lambda c: c.cc_out_campaign_set_default(1, 2), "campaigns may or may not"),
        (lambda c: c.tts_delete(1), "announcement may or may not have been deleted"),
    ],
)
async def test_every_action_explains_an_unknown_outcome(call: object, words: str) -> None:
    recorder = Recorder(httpx.ReadTimeout("timed out"))
    async with make_client(recorder) as client:
        with pytest.raises(RequestTimeoutError) as caught:
            await call(client)  # type: ignore[operator]
    assert recorder.count == 1
    assert caught.value.outcome_unknown is True
    assert words in str(caught.value)


async def test_unknown_paths_through_call_are_treated_as_state_changing() -> None:
    recorder = Recorder(httpx.ReadTimeout("timed out"))
    async with make_client(recorder) as client:
        with pytest.raises(RequestTimeoutError) as caught:
            await client.call("voicemail/purge")
    assert recorder.count == 1
    assert caught.value.outcome_unknown is True
