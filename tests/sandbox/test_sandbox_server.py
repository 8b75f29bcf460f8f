"""The server itself: keep-alive HTTP, faults on demand, stop/start, determinism, concurrency."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from decimal import Decimal

import httpx
import pytest

from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import START, Api, FakeClock


def _raw_request(path: str, body: bytes, extra: str = "") -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n{extra}\r\n"
    ).encode() + body


def _read_response(sock: socket.socket) -> tuple[str, bytes]:
    """One response from a raw socket, reading no further than its end."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        chunk = sock.recv(1)
        assert chunk, "connection closed"
        head += chunk
    text = head.decode("latin-1")
    length = next(
        int(line.split(":")[1])
        for line in text.split("\r\n")
        if line.lower().startswith("content-length")
    )
    body = b""
    while len(body) < length:
        chunk = sock.recv(length - len(body))
        assert chunk, "connection closed"
        body += chunk
    return text, body


def test_keep_alive_serves_many_requests_on_one_connection(sandbox: Sandbox) -> None:
    body = f"api_key={sandbox.api_key}&sign=1".encode()
    with socket.create_connection((sandbox.host, sandbox.port)) as sock:
        for _ in range(3):
            sock.sendall(_raw_request("/api/balance/show", body))
            head, answer = _read_response(sock)
            assert head.startswith("HTTP/1.1 200 OK\r\n")
            assert "Connection: close" not in head
            assert "balance" in json.loads(answer)["account"]


def test_connection_close_is_honoured(sandbox: Sandbox) -> None:
    body = f"api_key={sandbox.api_key}".encode()
    with socket.create_connection((sandbox.host, sandbox.port)) as sock:
        sock.sendall(_raw_request("/api/balance/show", body, "Connection: close\r\n"))
        head, _ = _read_response(sock)
        assert "Connection: close" in head
        sock.settimeout(5)
        assert sock.recv(1) == b""


def test_chunked_body_and_expect_continue(sandbox: Sandbox) -> None:
    body = f"api_key={sandbox.api_key}&sign=1".encode()
    with socket.create_connection((sandbox.host, sandbox.port)) as sock:
        sock.sendall(
            b"POST /api/balance/show HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
        )
        assert sock.recv(25) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n")
        head, answer = _read_response(sock)
        assert head.startswith("HTTP/1.1 200") and b"balance" in answer


def test_garbage_request_line_is_a_plain_400(sandbox: Sandbox) -> None:
    with socket.create_connection((sandbox.host, sandbox.port)) as sock:
        sock.sendall(b"HELLO\r\n\r\n")
        head, _ = _read_response(sock)
        assert head.startswith("HTTP/1.1 400 Bad Request")


def test_request_counts(sandbox: Sandbox, api: Api) -> None:
    api.ok("balance/show")
    api.ok("balance/show")
    api.error("balance/show", key="wrong")
    api.error("phone_book/show")
    api.error("no/such")
    assert sandbox.request_counts["balance/show"] == 3
    assert sandbox.request_counts["phone_book/show"] == 1
    assert sandbox.request_counts["no/such"] == 1


def test_fail_next(sandbox: Sandbox, api: Api) -> None:
    before = api.ok("balance/show")
    sandbox.faults.fail_next("balance/show", status=503, times=2)
    for _ in range(2):
        response = api.post("balance/show")
        assert response.status_code == 503
        error = response.json()["error"]
        assert error["id"] == "-1000"
        assert error["name"] == "General failure, please contact service!"
    assert api.ok("balance/show") == before
    assert sandbox.request_counts["balance/show"] == 4


def test_fail_next_does_not_apply_the_request(sandbox: Sandbox, api: Api) -> None:
    sandbox.faults.fail_next("phone_book/add", status=500)
    assert api.post("phone_book/add", {"phone_book_name": "Nowa"}).status_code == 500
    assert "phone-books" in api.ok("phone_book/add", {"phone_book_name": "Nowa"})


def test_fail_next_answers_xml_when_asked(sandbox: Sandbox, api: Api) -> None:
    sandbox.faults.fail_next("balance/show", status=502)
    response = api.post("balance/show", fmt=1)
    assert response.status_code == 502
    assert ET.fromstring(response.content).findtext("id") == "-1000"


def test_error_next_answers_an_api_error_without_applying(sandbox: Sandbox, api: Api) -> None:
    books_before = len(sandbox.state.books.books)
    sandbox.faults.error_next("phone_book/delete", code=-11, desc="Cannot delete this book now")
    response = api.post("phone_book/delete", {"phone_book_id": 1}, fmt=1)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert (root.findtext("id"), root.findtext("name")) == ("-11", "Forbidden")
    assert root.findtext("desc") == "Cannot delete this book now"
    assert len(sandbox.state.books.books) == books_before
    deleted = api.ok("phone_book/delete", {"phone_book_id": 1})
    assert deleted["phone-books"]["phone_book"]["id"] == "1"
    with pytest.raises(ValueError):
        sandbox.faults.error_next("balance/show", code=-99)


def test_faults_are_per_method(sandbox: Sandbox, api: Api) -> None:
    sandbox.faults.fail_next("sms/state")
    assert api.post("balance/show").status_code == 200
    assert api.post("sms/state", {"id": 1}).status_code == 503


def test_fault_for_any_method(sandbox: Sandbox, api: Api) -> None:
    sandbox.faults.fail_next("*", status=504)
    assert api.post("phone_book/list").status_code == 504
    assert api.post("phone_book/list").status_code == 200


def test_malformed_next(sandbox: Sandbox, api: Api) -> None:
    sandbox.faults.malformed_next("cc_monitor/show", times=2)
    garbled = api.post("cc_monitor/show", {"cc_campaign_id": 1})
    assert garbled.status_code == 200
    with pytest.raises(ValueError):
        json.loads(garbled.content)
    garbled_xml = api.post("cc_monitor/show", {"cc_campaign_id": 1}, fmt=1)
    with pytest.raises(ET.ParseError):
        ET.fromstring(garbled_xml.content)
    assert "cc-monitor" in api.ok("cc_monitor/show", {"cc_campaign_id": 1})


def test_delay_next(sandbox: Sandbox, api: Api) -> None:
    sandbox.faults.delay_next("cc_monitor/show", seconds=0.3)
    started = time.perf_counter()
    assert "cc-monitor" in api.ok("cc_monitor/show", {"cc_campaign_id": 1})
    assert time.perf_counter() - started >= 0.3
    started = time.perf_counter()
    api.ok("cc_monitor/show", {"cc_campaign_id": 1})
    assert time.perf_counter() - started < 0.3


def test_drop_next_applies_but_never_answers(sandbox: Sandbox, api: Api) -> None:
    before = Decimal(api.ok("balance/show", {"sign": 1})["account"]["balance"])
    sandbox.faults.drop_next("sms/send")
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("sms/send", {"from": "SMS", "to": "501234567", "message": "Hej"})
    after = Decimal(api.ok("balance/show", {"sign": 1})["account"]["balance"])
    assert after == before - Decimal("0.16")  # the message went out
    ids = api.ok("sms/send", {"from": "SMS", "to": "501234567", "message": "Hej"})["sms"]["ids"]
    assert ids == [2]
    assert api.ok("sms/state", {"id": 1}) == {"sms": {"state": 0}}


def test_latency(clock: FakeClock) -> None:
    with Sandbox(SandboxConfig(clock=clock, contacts=0, calls=0, latency_ms=150)) as sandbox:
        api = Api(sandbox)
        started = time.perf_counter()
        api.ok("balance/show")
        assert time.perf_counter() - started >= 0.15
        api.close()


def test_stop_and_start_on_the_same_port(sandbox: Sandbox, api: Api) -> None:
    port = sandbox.port
    api.ok("phone_book/add", {"phone_book_name": "Przed restartem"})
    sandbox.stop()
    assert not sandbox.running
    with pytest.raises(httpx.TransportError):
        api.post("balance/show")
    sandbox.start()
    assert sandbox.running and sandbox.port == port
    assert sandbox.base_url == f"http://127.0.0.1:{port}/api/"
    names = [book["name"] for key, book in api.ok("phone_book/list")["phone-books"].items()
             if key != "count"]  # fmt: skip
    assert "Przed restartem" in names


def test_stop_closes_open_keep_alive_connections(sandbox: Sandbox) -> None:
    with socket.create_connection((sandbox.host, sandbox.port)) as sock:
        sock.sendall(_raw_request("/api/balance/show", f"api_key={sandbox.api_key}".encode()))
        _read_response(sock)
        sandbox.stop()
        sock.settimeout(5)
        assert sock.recv(1) == b""


def test_eight_concurrent_keep_alive_clients(sandbox: Sandbox) -> None:
    errors: list[BaseException] = []

    def client() -> None:
        try:
            with httpx.Client(base_url=sandbox.base_url) as http:
                for _ in range(40):
                    answer = http.post("balance/show", data={"api_key": sandbox.api_key}).json()
                    assert "balance" in answer["account"]
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=client) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sandbox.request_counts["balance/show"] == 320


def _script(api: Api, clock: FakeClock) -> list[bytes]:
    """The same requests in the same order and at the same times, recorded."""
    bodies = []
    for method, params in (
        ("balance/show", {}),
        ("phone_account/list", {}),
        ("phone_book/show", {"phone_book_id": 0}),
        ("phone_book/show", {"phone_book_id": 2}),
        ("call_list/show", {"call_list_id": 1}),
        ("cc_agent/list", {}),
        ("cc_monitor/show", {"cc_campaign_id": 1}),
        ("sms/send", {"from": "SMS", "to": "501234567", "message": "x"}),
        ("call_list/order", {"dir": 2, "date_start": "2025-05-01", "date_end": "2025-06-15"}),
        ("tts/generate", {"voice": "Jan", "name": "A", "text": "Dzień dobry"}),
    ):
        for fmt in (0, 1):
            bodies.append(api.post(method, params, fmt=fmt).content)
    clock.advance(600)
    for campaign in (1, 2, 3):
        bodies.append(api.post("cc_monitor/show", {"cc_campaign_id": campaign}).content)
    bodies.append(api.post("call_list/show", {"call_list_id": 2}).content)
    bodies.append(api.post("sms/state", {"id": 1}).content)
    headers = {"Spikon-API-Key": str(api.sandbox.api_key)}
    wav = api.http.get("tts/download", params={"tts_id": 3, "pcm_8k16bm": 1}, headers=headers)
    bodies.append(wav.content)
    return bodies


def test_same_seed_same_answers_byte_for_byte() -> None:
    runs = []
    for seed in (4, 4, 5):
        clock = FakeClock(START)
        with Sandbox(SandboxConfig(seed=seed, clock=clock, contacts=300, calls=300)) as sandbox:
            api = Api(sandbox)
            runs.append((sandbox.api_key, _script(api, clock)))
            api.close()
    assert runs[0] == runs[1]
    assert runs[0][0] != runs[2][0]
    differing = sum(a != b for a, b in zip(runs[0][1], runs[2][1], strict=True))
    assert differing > len(runs[0][1]) // 2


def test_default_key_is_generated_and_never_the_documented_one() -> None:
    sandbox = Sandbox(SandboxConfig(seed=1, contacts=0, calls=0))
    assert sandbox.api_key is not None and sandbox.api_key.startswith("sandbox-")
    assert len(sandbox.api_key) == len("sandbox-") + 24
    assert "test" not in sandbox.api_key.lower()  # not BX1mr2sN5lphLwYftAaJPyWgmctXtest
    assert Sandbox(SandboxConfig(seed=1, contacts=0, calls=0)).api_key == sandbox.api_key
    assert Sandbox(SandboxConfig(seed=2, contacts=0, calls=0)).api_key != sandbox.api_key
    assert Sandbox(SandboxConfig(api_key="mine", contacts=0, calls=0)).api_key == "mine"


def test_whitelist_from_the_config(clock: FakeClock) -> None:
    config = SandboxConfig(clock=clock, contacts=0, calls=0, whitelist=("10.1.2.3",))
    with Sandbox(config) as sandbox:
        api = Api(sandbox)
        assert api.error("balance/show")["id"] == "-5"
        sandbox.set_whitelist(["127.0.0.1"])
        assert "account" in api.ok("balance/show")
        api.close()


def test_config_rejects_nonsense() -> None:
    for bad in ({"campaigns": 0}, {"contacts": -1}, {"api_key": " "}, {"port": 70000},
                {"generation_delay": -1}):  # fmt: skip
        with pytest.raises(ValueError):
            SandboxConfig(**bad)  # type: ignore[arg-type]


def test_a_real_clock_by_default() -> None:
    with Sandbox(SandboxConfig(contacts=0, calls=0, generation_delay=0.2)) as sandbox:
        api = Api(sandbox)
        report = api.ok("call_list/order", {"dir": 2, "date_start": "2025-01-01",
                                             "date_end": "2025-01-02"})["call_list"]  # fmt: skip
        assert api.error("call_list/show", {"call_list_id": report["call_list_id"]})["id"] == "-9"
        time.sleep(0.25)
        assert "call-lists" in api.ok("call_list/show", {"call_list_id": report["call_list_id"]})
        api.close()


def test_the_documentation_python_example_works(sandbox: Sandbox) -> None:
    """tests/fixtures/doc_python3_sample.py, pointed at the sandbox."""
    from urllib.parse import urlencode
    from urllib.request import Request, urlopen

    url = sandbox.base_url + "balance/show"
    data = {"api_key": sandbox.api_key, "api_format": 0}
    request = Request(url, urlencode(data).encode())
    answer = json.loads(urlopen(request, timeout=10).read().decode())
    assert list(answer) == ["account"]


@pytest.mark.skipif(shutil.which("curl") is None, reason="no curl")
def test_curl_as_in_the_readme(sandbox: Sandbox) -> None:
    output = subprocess.run(
        ["curl", "-s", "-d", f"api_key={sandbox.api_key}", "-d", "api_format=1",
         sandbox.base_url + "phone_book/list"],
        capture_output=True, check=True, timeout=10,
    ).stdout  # fmt: skip
    assert ET.fromstring(output).tag == "phone-books"


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback")
def test_ipv6_loopback(clock: FakeClock) -> None:
    with Sandbox(SandboxConfig(host="::1", clock=clock, contacts=0, calls=0)) as sandbox:
        assert sandbox.base_url.startswith("http://[::1]:")
        api = Api(sandbox)
        assert "account" in api.ok("balance/show")
        sandbox.set_whitelist(["127.0.0.1"])
        assert api.error("balance/show")["id"] == "-5"
        sandbox.set_whitelist(["::1"])
        assert "account" in api.ok("balance/show")
        api.close()
