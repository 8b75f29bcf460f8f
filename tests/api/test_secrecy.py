"""The API key never shows: not in a repr, a message, a log line, or a traceback's locals."""

from __future__ import annotations

import logging
import pickle
import traceback

import httpx
import pytest

from spikon_tui.api import SpikonClient, SpikonError, ValidationError
from spikon_tui.api.apikey import ApiKey, mask_key
from tests.api.helpers import (
    KEY,
    Recorder,
    answering,
    answering_bytes,
    doc_examples_handler,
    make_client,
)


def assert_secret_absent(error: BaseException) -> None:
    """The key is in no text of the error, its chain, or the locals of the client's frames.

    (Textual prints tracebacks with each frame's local variables.)
    """
    texts = [str(error), repr(error), *map(str, error.args)]
    texts += [str(getattr(error, name, "")) for name in ("desc", "name", "message")]
    assert all(KEY not in text for text in texts)
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    frames = [frame for frame, _ in traceback.walk_tb(error.__traceback__)]
    library_frames = [f for f in frames if "spikon_tui" in f.f_code.co_filename]
    assert library_frames  # the error was raised inside the client
    for frame in library_frames:
        for name, value in frame.f_locals.items():
            assert KEY not in repr(value)[:100_000], f"{frame.f_code.co_name}: {name}"


def test_mask_shows_at_most_four_characters_at_each_end() -> None:
    assert mask_key(KEY) == "BXlm…test"
    assert mask_key("short-key-12345") == "****"
    assert mask_key("") == "****"


def test_client_repr_shows_only_the_hint() -> None:
    client = SpikonClient(KEY)
    assert KEY not in repr(client)
    assert "BXlm…test" in repr(client)
    assert client.key_hint == "BXlm…test"
    assert KEY not in repr(vars(client) if hasattr(client, "__dict__") else client)
    assert repr(SpikonClient("abc123")).count("****") == 1


def test_api_key_object_hides_itself_and_refuses_pickling() -> None:
    key = ApiKey(KEY)
    assert KEY not in repr(key) and KEY not in str(key)
    assert key.reveal() == KEY
    with pytest.raises(TypeError):
        pickle.dumps(key)


@pytest.mark.parametrize("bad", ["", "   ", "two words", "tab\tkey", None, 12345])
def test_unusable_keys_are_refused_without_being_quoted(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        SpikonClient(bad)  # type: ignore[arg-type]
    assert caught.value.parameter == "api_key"
    if isinstance(bad, str) and bad.strip():
        assert bad not in str(caught.value)


def test_bad_base_url_traceback_does_not_hold_the_key() -> None:
    with pytest.raises(ValidationError) as caught:
        SpikonClient(KEY, base_url="http://panel.spikon.pl/api/")
    assert_secret_absent(caught.value)


def test_key_inside_the_base_url_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        SpikonClient(KEY, base_url=f"https://panel.spikon.pl/{KEY}/api/")
    assert KEY not in str(caught.value)


async def test_server_text_echoing_the_key_is_scrubbed() -> None:
    error = {"error": {"id": "-3", "name": "Unknown API key", "desc": f"key '{KEY}' unknown"}}
    async with make_client(answering(error)) as client:
        with pytest.raises(SpikonError) as caught:
            await client.balance_show()
    assert "BXlm…test" in str(caught.value)
    assert_secret_absent(caught.value)


async def test_body_excerpt_echoing_the_key_is_scrubbed() -> None:
    body = f"Bad request: api_key={KEY}&api_format=0".encode()
    async with make_client(answering_bytes(body, content_type="text/plain")) as client:
        with pytest.raises(SpikonError) as caught:
            await client.phone_book_list()
    assert_secret_absent(caught.value)


async def test_redirect_location_echoing_the_key_is_scrubbed() -> None:
    location = f"https://panel.spikon.pl/login?api_key={KEY}"
    recorder = Recorder(lambda request: httpx.Response(302, headers={"location": location}))
    async with make_client(recorder) as client:
        with pytest.raises(SpikonError) as caught:
            await client.balance_show()
    assert_secret_absent(caught.value)


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("[Errno 111] Connection refused"),
        httpx.ReadTimeout("timed out"),
        httpx.RemoteProtocolError(f"garbage near {KEY}"),
    ],
)
async def test_transport_errors_carry_no_request_and_no_key(failure: Exception) -> None:
    async with make_client(Recorder(failure), max_retries=0) as client:
        with pytest.raises(SpikonError) as caught:
            await client.sms_send("SMS", "123456789", "hi")
    assert_secret_absent(caught.value)
    assert not hasattr(caught.value, "request")


async def test_logs_never_contain_the_key_or_the_form(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    recorder = Recorder(httpx.ConnectError("[Errno 111] Connection refused"), doc_examples_handler)
    async with make_client(recorder) as client:
        await client.sms_send("SMS", "123456789", "Tajna wiadomość")
    assert any("sms/send" in record.getMessage() for record in caplog.records)
    for record in caplog.records:
        text = record.getMessage()
        assert KEY not in text
        assert "Tajna" not in text
        assert "api_key" not in text
