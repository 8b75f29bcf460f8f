"""The sandbox's limits hold whatever a client sends: bodies, lengths, forms, slow clients.

Everything here talks to 127.0.0.1 only, with a socket timeout on every read, and
closes what it opened; the slow-loris test opens 900 connections and no more.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.sandbox.transport import MAX_BODY
from tests.sandbox.helpers import FakeClock

LORIS = 900


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    config = SandboxConfig(seed=7, clock=FakeClock(), contacts=10, calls=10, idle_timeout=1.0)
    with Sandbox(config) as sb:
        yield sb


def _head(sandbox: Sandbox, extra: str) -> bytes:
    return (f"POST /api/balance/show HTTP/1.1\r\nHost: x\r\n{extra}\r\n").encode()


def _status(sock: socket.socket) -> int:
    """The status of the answer (the socket times out rather than hang)."""
    sock.settimeout(5)
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        assert chunk, f"closed without an answer after {data!r}"
        data += chunk
    return int(data.split()[1])


def _ask(sandbox: Sandbox, raw: bytes) -> int:
    with socket.create_connection((sandbox.host, sandbox.port), timeout=5) as sock:
        sock.sendall(raw)
        return _status(sock)


def _form(sandbox: Sandbox) -> bytes:
    return f"api_key={sandbox.api_key}".encode()


@pytest.mark.parametrize("size", ["-1", "-0x10", "0x10", "+5", " ", "1_0", "١", "123456789"])
def test_a_chunk_size_that_is_not_1_to_8_hex_digits_is_a_400(sandbox: Sandbox, size: str) -> None:
    body = f"{size}\r\n".encode() + b"x" * 1000 + b"\r\n0\r\n\r\n"
    assert _ask(sandbox, _head(sandbox, "Transfer-Encoding: chunked\r\n") + body) == 400


def test_a_chunk_past_the_body_limit_is_a_413_before_it_is_sent(sandbox: Sandbox) -> None:
    head = _head(sandbox, "Transfer-Encoding: chunked\r\n")
    assert _ask(sandbox, head + f"{MAX_BODY + 1:x}\r\n".encode()) == 413


def test_chunks_adding_up_past_the_body_limit_are_a_413(sandbox: Sandbox) -> None:
    chunk = f"{1 << 20:x}\r\n".encode() + b"a" * (1 << 20) + b"\r\n"
    with socket.create_connection((sandbox.host, sandbox.port), timeout=5) as sock:
        sock.sendall(_head(sandbox, "Transfer-Encoding: chunked\r\n"))
        try:
            for _ in range(MAX_BODY // (1 << 20) + 1):
                sock.sendall(chunk)
        except OSError:
            pass  # the server stopped reading: the answer is still there
        assert _status(sock) == 413


def test_a_chunked_body_within_the_limit_is_read(sandbox: Sandbox) -> None:
    form = _form(sandbox)
    body = f"{len(form):x}\r\n".encode() + form + b"\r\n0\r\n\r\n"
    raw = _head(sandbox, "Transfer-Encoding: chunked\r\nConnection: close\r\n") + body
    assert _ask(sandbox, raw) == 200


@pytest.mark.parametrize("length", ["²", "-1", "+5", "1e3", "0x10", " ", "١٢", "9" * 13])
def test_an_invalid_content_length_is_a_400(sandbox: Sandbox, length: str) -> None:
    head = f"POST /api/balance/show HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n"
    try:
        raw = head.encode("latin-1")  # "²" as one byte, read back as "²" by the server
    except UnicodeEncodeError:
        raw = head.encode("utf-8")
    assert _ask(sandbox, raw + b"api_key=x") == 400


def test_a_content_length_past_the_limit_is_a_413(sandbox: Sandbox) -> None:
    assert _ask(sandbox, _head(sandbox, f"Content-Length: {MAX_BODY + 1}\r\n")) == 413


def test_a_form_of_200000_parts_is_refused_cheaply(sandbox: Sandbox) -> None:
    part = b'--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n'
    body = part * 200_000 + b"--b--\r\n"
    head = _head(
        sandbox,
        f"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n",
    )
    started = time.monotonic()
    with socket.create_connection((sandbox.host, sandbox.port), timeout=10) as sock:
        sock.sendall(head + body)
        sock.settimeout(10)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    elapsed = time.monotonic() - started
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["error"]["id"] == "-12"
    assert elapsed < 5, f"{elapsed:.1f} s for a form of 200,000 parts"


def _timed_error(sandbox: Sandbox, content_type: str, body: bytes) -> tuple[str, float]:
    head = _head(
        sandbox,
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n",
    )
    started = time.monotonic()
    with socket.create_connection((sandbox.host, sandbox.port), timeout=10) as sock:
        sock.sendall(head + body)
        sock.settimeout(10)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    error = json.loads(answer.split(b"\r\n\r\n", 1)[1])["error"]["id"]
    return error, time.monotonic() - started


def test_a_part_with_a_million_headers_is_refused_cheaply(sandbox: Sandbox) -> None:
    body = (
        b'--b\r\nContent-Disposition: form-data; name="x"\r\n'
        + b"X-A: b\r\n" * 1_000_000
        + b"\r\n1\r\n--b--\r\n"
    )
    error, elapsed = _timed_error(sandbox, "multipart/form-data; boundary=b", body)
    assert error == "-12" and elapsed < 2


def test_a_form_of_four_million_fields_is_refused_cheaply(sandbox: Sandbox) -> None:
    error, elapsed = _timed_error(sandbox, "application/x-www-form-urlencoded", b"a=1&" * 4_000_000)
    assert error == "-12" and elapsed < 2


def test_a_form_of_a_few_parts_is_still_read(sandbox: Sandbox) -> None:
    body = (
        f'--b\r\nContent-Disposition: form-data; name="api_key"\r\n\r\n{sandbox.api_key}\r\n'
        "--b--\r\n" + "epilogue " * 2000
    ).encode()
    head = _head(
        sandbox,
        f"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {len(body)}\r\n",
    )
    assert _ask(sandbox, head + body) == 200


def test_a_request_not_finished_in_the_idle_timeout_is_closed(sandbox: Sandbox) -> None:
    with socket.create_connection((sandbox.host, sandbox.port), timeout=5) as sock:
        sock.sendall(b"POST /api/balance/show HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        assert _status(sock) == 408
        assert time.monotonic() - started < 4
    with socket.create_connection((sandbox.host, sandbox.port), timeout=5) as sock:
        sock.settimeout(5)
        assert sock.recv(1) == b""  # an idle connection is closed too


def test_900_half_sent_requests_hold_no_threads_and_others_are_served() -> None:
    config = SandboxConfig(seed=7, clock=FakeClock(), contacts=10, calls=10, idle_timeout=30.0)
    threads_before = threading.active_count()
    with Sandbox(config) as sandbox:
        loris: list[socket.socket] = []
        try:
            for _ in range(LORIS):
                sock = socket.create_connection((sandbox.host, sandbox.port), timeout=5)
                loris.append(sock)
                sock.sendall(b"POST /api/balance/show HTTP/1.1\r\nHost: x\r\nContent-Le")
            time.sleep(0.5)
            started = time.monotonic()
            raw = _head(sandbox, f"Content-Length: {len(_form(sandbox))}\r\n") + _form(sandbox)
            assert _ask(sandbox, raw) == 200
            served_ms = (time.monotonic() - started) * 1000
            threads = threading.active_count() - threads_before
            assert threads <= config.max_workers + 2, f"{threads} threads for {LORIS} clients"
            assert served_ms < 2000
            print(f"a client served in {served_ms:.0f} ms with {LORIS} idle connections open, "
                  f"{threads} threads")  # fmt: skip
        finally:
            for sock in loris:
                sock.close()
