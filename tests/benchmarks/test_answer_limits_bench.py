"""The client's peak memory under answers far past its limit (issue 13): a figure, no timing.

A server in this process sends a 200 MB answer (chunked, so only reading tells
its size) or a gzip bomb (1 GiB of zeros in about 1 MB); the client runs in a
subprocess of its own, whose peak resident size (`ru_maxrss`) is the figure,
printed against the default answer limit plus 50 MB. What is asserted is only
that the client refused the answer as too large.
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator

import pytest

from spikon_tui.api.limits import DEFAULT_MAX_ANSWER_BYTES

MB = 1_000_000
MIB = 1 << 20
GOAL_BYTES = DEFAULT_MAX_ANSWER_BYTES + 50 * MB

_CLIENT = """
import asyncio, json, sys
from spikon_tui.api import SpikonClient, SpikonError

def status(name):  # this process's own figures (ru_maxrss would carry the parent's over exec)
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(name + ":"))

async def main():
    async with SpikonClient("bench-key-0123456789abcdef", base_url=sys.argv[1], max_retries=0,
                            timeout=120) as client:
        client._session.load_http()
        before = status("VmRSS")
        try:
            await client.balance_show()
            error = None
        except SpikonError as exc:
            error = f"{type(exc).__name__}: {exc}"
    print(json.dumps({"before_kib": before, "peak_kib": status("VmHWM"), "error": error}))

asyncio.run(main())
"""


def _gzip_bomb(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (16 * MIB)
    return b"".join([*(packer.compress(zeros) for _ in range(size // len(zeros))), packer.flush()])


class _Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bomb = b""

    def do_POST(self) -> None:  # noqa: N802 - the http.server naming
        self.rfile.read(int(self.headers["Content-Length"]))
        try:
            if self.path.endswith("/bomb/api/balance/show"):
                self._send_bomb()
            else:
                self._send_200_mb()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what is measured

    def _send_200_mb(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        padding = b" " * MIB  # valid JSON after the balance: only the size is wrong
        for chunk in [b'{"account": {"balance": "123,45"}}', *[padding] * (200 * MB // MIB)]:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def _send_bomb(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(self.bomb)))
        self.end_headers()
        self.wfile.write(self.bomb)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hostile_base() -> Iterator[str]:
    _Hostile.bomb = _gzip_bomb(1024 * MIB)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _client_peak(base_url: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CLIENT, base_url],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize(
    ("kind", "path"),
    [("a 200 MB answer", "/api/"), ("a gzip bomb (1 GiB in ~1 MB)", "/bomb/api/")],
    ids=["200-mb", "gzip-bomb"],
)
def test_peak_memory_under_an_answer_past_the_limit(
    hostile_base: str, kind: str, path: str, report_figure
) -> None:
    measured = _client_peak(hostile_base + path)
    assert "larger than 64 MiB" in str(measured["error"]), measured["error"]
    peak = int(measured["peak_kib"]) * 1024  # type: ignore[call-overload]
    before = int(measured["before_kib"]) * 1024  # type: ignore[call-overload]
    report_figure(
        f"client peak RSS under {kind}: {peak / MB:.0f} MB (before the request "
        f"{before / MB:.0f} MB; goal <= limit {DEFAULT_MAX_ANSWER_BYTES / MB:.0f} MB + 50 MB "
        f"= {GOAL_BYTES / MB:.0f} MB)"
    )
