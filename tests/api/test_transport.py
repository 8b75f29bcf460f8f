"""How requests travel: form bodies, the download GET, redirects, https, broken answers."""

from __future__ import annotations

import http.server
import socket
import ssl
import threading
from decimal import Decimal

import httpx
import pytest

from spikon_tui.api import (
    ConnectionFailedError,
    MalformedResponseError,
    NotFoundError,
    NotReadyError,
    SpikonClient,
    TlsError,
    UnexpectedRedirectError,
    ValidationError,
)
from tests.api.helpers import (
    KEY,
    Recorder,
    answering,
    answering_bytes,
    doc_example,
    doc_examples_handler,
    form_of,
    make_client,
)

# --- POST methods ---------------------------------------------------------------------


async def test_post_puts_key_and_format_in_the_form_body_only(api_format: int) -> None:
    recorder = Recorder(doc_examples_handler)
    async with make_client(recorder, api_format) as client:
        await client.phone_book_show(7)
    (request,) = recorder.requests
    assert request.method == "POST"
    assert str(request.url) == "https://panel.spikon.pl/api/phone_book/show"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert form_of(request) == {
        "api_key": KEY,
        "api_format": str(api_format),
        "phone_book_id": "7",
    }
    assert KEY not in str(request.url)
    assert "spikon-api-key" not in request.headers


async def test_every_method_is_listed_once() -> None:
    assert len(SpikonClient.METHODS) == 30
    assert len(set(SpikonClient.METHODS)) == 30
    for path in SpikonClient.METHODS:
        assert callable(getattr(SpikonClient, path.replace("/", "_")))


async def test_raw_call_sends_parameters_as_given() -> None:
    recorder = Recorder(answering({"sms": {"state": "OK", "ids": [1]}}))
    async with make_client(recorder) as client:
        payload = await client.call("sms/send", from_="SMS", to="123456789", message="x", id=None)
    assert payload == {"sms": {"state": "OK", "ids": [1]}}
    sent = form_of(recorder.requests[0])
    assert (sent["from"], sent["to"], sent["message"]) == ("SMS", "123456789", "x")
    assert "id" not in sent


async def test_raw_call_refuses_odd_paths() -> None:
    async with make_client(doc_examples_handler) as client:
        with pytest.raises(ValidationError) as caught:
            await client.call("../balance/show")
    assert caught.value.parameter == "path"


# --- tts/download ------------------------------------------------------------------------


async def test_tts_download_is_a_get_with_the_key_only_in_the_header() -> None:
    audio = b"ID3\x04\x00fake-mp3-frames"
    recorder = Recorder(answering_bytes(audio, content_type="audio/mpeg"))
    async with make_client(recorder) as client:
        assert await client.tts_download(5, pcm_8k16bm=True) == audio
    (request,) = recorder.requests
    assert request.method == "GET"
    assert request.url.path == "/api/tts/download"
    assert dict(request.url.params) == {"tts_id": "5", "pcm_8k16bm": "1"}
    assert request.headers["spikon-api-key"] == KEY
    assert KEY not in str(request.url)
    assert request.content == b""


async def test_tts_download_of_wave_without_content_type() -> None:
    wave = b"RIFF\x24\x00\x00\x00WAVEfmt "
    async with make_client(answering_bytes(wave)) as client:
        assert await client.tts_download(5) == wave


async def test_tts_download_error_answer_raises_the_mapped_error() -> None:
    error = {"error": {"id": "-9", "name": "Not ready", "desc": "tts_id = 5"}}
    async with make_client(answering(error)) as client:
        with pytest.raises(NotReadyError) as caught:
            await client.tts_download(5)
    assert caught.value.desc == "tts_id = 5"


async def test_tts_download_xml_error_answer() -> None:
    body = b"<?xml version='1.0'?><error><id>-8</id><name>No elements found</name></error>"
    async with make_client(answering_bytes(body, content_type="text/xml")) as client:
        with pytest.raises(NotFoundError) as caught:
            await client.tts_download(5)
    assert caught.value.code == -8


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b"", "audio/mpeg"), (b'{"tts": {"id": "5"}}', "application/json")],
)
async def test_tts_download_without_audio_is_malformed(body: bytes, content_type: str) -> None:
    async with make_client(answering_bytes(body, content_type=content_type)) as client:
        with pytest.raises(MalformedResponseError):
            await client.tts_download(5)


# --- redirects ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_redirects_are_never_followed(status: int) -> None:
    location = "https://evil.example/api/balance/show"
    recorder = Recorder(
        lambda request: httpx.Response(status, headers={"location": location}),
    )
    async with make_client(recorder) as client:
        with pytest.raises(UnexpectedRedirectError) as caught:
            await client.balance_show()
    assert recorder.count == 1
    assert str(status) in str(caught.value)
    assert location in str(caught.value)
    assert caught.value.outcome_unknown is False


# --- base URL -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("https://panel.spikon.pl/api/", "https://panel.spikon.pl/api/"),
        ("https://panel.spikon.pl/api", "https://panel.spikon.pl/api/"),
        ("  HTTPS://panel.spikon.pl/api  ", "https://panel.spikon.pl/api/"),
        ("http://127.0.0.1:8765/api", "http://127.0.0.1:8765/api/"),
        ("http://127.10.20.30/api/", "http://127.10.20.30/api/"),
        ("http://localhost:8000/api/", "http://localhost:8000/api/"),
        ("http://[::1]:8000/api/", "http://[::1]:8000/api/"),
    ],
)
def test_base_url_is_normalised(given: str, used: str) -> None:
    assert SpikonClient(KEY, base_url=given).base_url == used


@pytest.mark.parametrize(
    "url",
    [
        "http://panel.spikon.pl/api/",
        "http://10.0.0.5/api/",
        "http://192.168.1.1:8000/api/",
        "http://localhost.example.com/api/",
        "ftp://panel.spikon.pl/api/",
        "panel.spikon.pl/api/",
        "https://user:secret@panel.spikon.pl/api/",
        "https://panel.spikon.pl/api/?x=1",
        "https://panel.spikon.pl:notaport/api/",
        "",
    ],
)
def test_unsafe_or_odd_base_urls_are_refused(url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        SpikonClient(KEY, base_url=url)
    assert caught.value.parameter == "base_url"


def test_plain_http_refusal_explains_itself() -> None:
    with pytest.raises(ValidationError) as caught:
        SpikonClient(KEY, base_url="http://panel.spikon.pl/api/")
    assert "https://" in str(caught.value)
    assert "unencrypted" in str(caught.value)


@pytest.mark.parametrize(
    ("option", "value"),
    [("api_format", 2), ("api_format", True), ("max_retries", -1), ("timeout", 0)],
)
def test_bad_options_are_refused(option: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        SpikonClient(KEY, **{option: value})  # type: ignore[arg-type]
    assert caught.value.parameter == option


# --- broken answers ------------------------------------------------------------------------


async def test_garbled_answer_to_a_read_is_malformed() -> None:
    async with make_client(answering_bytes(b"\x89PNG\r\n", content_type="image/png")) as client:
        with pytest.raises(MalformedResponseError) as caught:
            await client.phone_book_list()
    assert caught.value.outcome_unknown is False
    assert caught.value.method == "phone_book/list"


async def test_garbled_answer_to_sms_send_leaves_the_outcome_unknown() -> None:
    async with make_client(answering_bytes(b"<html>Thanks!</html>", content_type="text/html")) as c:
        with pytest.raises(MalformedResponseError) as caught:
            await c.sms_send("SMS", "123456789", "hi")
    assert caught.value.outcome_unknown is True
    assert "The SMS may or may not have been sent" in str(caught.value)


async def test_answer_of_the_wrong_shape_is_malformed() -> None:
    async with make_client(answering({"something": {"else": 1}})) as client:
        with pytest.raises(MalformedResponseError) as caught:
            await client.balance_show()
    assert "balance" in str(caught.value)


async def test_wrong_shape_after_an_action_leaves_the_outcome_unknown() -> None:
    async with make_client(answering({"tts": {"weird": []}})) as client:
        with pytest.raises(MalformedResponseError) as caught:
            await client.tts_generate("Ewa", "Powitanie", "Tekst")
    assert caught.value.outcome_unknown is True
    assert "announcement may or may not have been ordered" in str(caught.value)


# --- a real socket ----------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_connection_refused_by_a_real_socket() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/api/"
    async with SpikonClient(KEY, base_url=url, max_retries=1, backoff=0) as client:
        with pytest.raises(ConnectionFailedError) as caught:
            await client.sms_send("SMS", "123456789", "hi")
    message = str(caught.value)
    assert message.startswith(f"Could not connect to {url}: connection refused.")
    assert "Check your network" in message
    assert caught.value.outcome_unknown is False


async def test_certificate_failure_is_a_tls_error_and_not_retried() -> None:
    failure = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    failure.__cause__ = ssl.SSLCertVerificationError(1, "certificate verify failed")
    recorder = Recorder(failure)
    async with make_client(recorder) as client:
        with pytest.raises(TlsError) as caught:
            await client.balance_show()
    assert recorder.count == 1
    assert "secure (TLS) connection" in str(caught.value)


async def test_dns_failure_says_so() -> None:
    recorder = Recorder(httpx.ConnectError("[Errno -2] Name or service not known"))
    async with make_client(recorder, max_retries=0) as client:
        with pytest.raises(ConnectionFailedError) as caught:
            await client.balance_show()
    assert "could not be found (DNS)" in str(caught.value)


async def test_context_manager_closes_the_http_client() -> None:
    client = make_client(doc_examples_handler)
    async with client:
        await client.balance_show()
        await client.phone_book_list()
    with pytest.raises(RuntimeError):
        await client.balance_show()


class _BalanceHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - the http.server naming
        self.rfile.read(int(self.headers["Content-Length"]))
        body = doc_example("balance/show", 0)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


async def test_loopback_server_is_reached_directly_even_with_a_proxy_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dead_proxy = f"http://127.0.0.1:{_closed_port()}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, dead_proxy)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _BalanceHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/api/"
        async with SpikonClient(KEY, base_url=url, max_retries=0) as client:
            assert (await client.balance_show()).balance == Decimal("123.45")
    finally:
        server.shutdown()
        server.server_close()
