"""Benchmarks of the client and the sandbox; each prints its figures in the run's summary.

- Decoding a 50,000-row `call_list/show` through `SpikonClient` against a bare
  httpx POST + `json.loads` of the same body, in the same run (goal: at most 1.5x).
- The sandbox's `balance/show` requests per second with 8 concurrent keep-alive
  clients.

The sandbox runs in its own process, as a user runs it, so that serving the
answers does not compete with the measured code for this process's GIL.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from datetime import date, timedelta

import httpx

from spikon_tui.api import SpikonClient

ROWS = 50_000
RUNS = 7


class _SandboxProcess:
    """`spikon-tui sandbox` in its own process, as a user runs it, so serving costs us no GIL."""

    def __init__(self, *options: str) -> None:
        self.key = "bench-key-0123456789abcdef"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "spikon_tui",
                "sandbox",
                "--port",
                "0",
                "--api-key",
                self.key,
                "--contacts",
                "10",
                *options,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().split()[-1]

    def __enter__(self) -> _SandboxProcess:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.process.terminate()
        self.process.communicate(timeout=30)


async def test_decoding_50k_calls_costs_little_over_json_loads(report_figure) -> None:
    with _SandboxProcess("--calls", str(ROWS), "--generation-delay", "0") as sandbox:
        async with SpikonClient(api_key=sandbox.key, base_url=sandbox.base_url) as spikon:
            today = date.today()
            order = await spikon.call_list_order(
                dir=2, date_start=today - timedelta(days=100), date_end=today, with_records_only=0
            )
            form = {
                "api_key": sandbox.key,
                "api_format": "0",
                "call_list_id": str(order.call_list_id),
            }
            url = sandbox.base_url + "call_list/show"
            async with httpx.AsyncClient(timeout=60) as bare:
                rows = json.loads((await bare.post(url, data=form)).content)  # warms the cache
                bare_times, client_times = [], []
                for _ in range(RUNS):
                    started = time.perf_counter()
                    body = json.loads((await bare.post(url, data=form)).content)
                    bare_times.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    calls = await spikon.call_list_show(call_list_id=order.call_list_id)
                    client_times.append(time.perf_counter() - started)
    count = int(rows["call-lists"]["count"])
    assert count >= ROWS * 0.9, "the report holds (nearly) every call of the last 100 days"
    assert len(calls) == count == len(body["call-lists"]) - 1
    assert calls[0].date.isoformat(sep=" ") == body["call-lists"]["call-list-1"]["date"]
    bare_best, client_best = min(bare_times), min(client_times)
    report_figure(
        f"call_list/show, {count:,} rows: client {client_best * 1000:.0f} ms, "
        f"bare httpx + json.loads {bare_best * 1000:.0f} ms, "
        f"ratio {client_best / bare_best:.2f}x (goal <= 1.5x)"
    )


async def _hammer(host: str, port: int, body: bytes, seconds: float) -> int:
    reader, writer = await asyncio.open_connection(host, port)
    request = (
        f"POST /api/balance/show HTTP/1.1\r\nHost: {host}:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    done = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        answer = await reader.readexactly(length)
        assert b"balance" in answer
        done += 1
    writer.close()
    return done


async def test_sandbox_requests_per_second_with_8_clients(report_figure) -> None:
    seconds = 3.0
    with _SandboxProcess("--calls", "10") as sandbox:
        url = httpx.URL(sandbox.base_url)
        body = f"api_key={sandbox.key}".encode()
        counts = await asyncio.gather(
            *(_hammer(url.host, url.port, body, seconds) for _ in range(8))
        )
    total = sum(counts)
    assert all(count > 0 for count in counts)
    report_figure(
        f"sandbox balance/show with 8 concurrent keep-alive clients: {total / seconds:,.0f} "
        f"requests/s ({total} in {seconds:.0f} s)"
    )
