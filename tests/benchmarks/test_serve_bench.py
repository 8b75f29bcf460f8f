"""What each page of `spikon-tui serve` costs, against the same wallboard in a terminal.

One sandbox process serves the API (6 campaigns). Measured one after the other,
each for WINDOW seconds after WARMUP seconds:

- the baseline: `spikon-tui monitor --wallboard` in a pseudo-terminal at 120x40,
  as on a wall screen plugged into a server;
- `spikon-tui serve` with 1 page open, then with 3: each page is a websocket
  client asking for a 120x40 board, as a browser tab does (the browser's own
  cost is the viewer's, not this machine's).

CPU is read from /proc (user + system time of the process and every process
it started), memory is the sum of their resident sets. Printed: per page, CPU as
% of one core and MiB, and the ratio of one page to the terminal board. The
only assertions are about what was measured, never about time.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import pytest

from spikon_tui.cli.serve import free_port
from tests.benchmarks.test_api_bench import _SandboxProcess

pytestmark = pytest.mark.benchmark

WARMUP = 8.0
WINDOW = float(os.environ.get("SPIKON_SERVE_BENCH_WINDOW", "20"))
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _tree(root: int) -> list[int]:
    """`root` and every process below it, now."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def _rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except OSError:
            continue
    return total * PAGE_SIZE / 2**20


def _measure(root: int) -> tuple[float, float]:
    """(% of one core, MiB) of `root`'s process tree over WINDOW seconds."""
    pids = _tree(root)
    cpu_before, started = _cpu_seconds(pids), time.monotonic()
    time.sleep(WINDOW)
    pids = _tree(root)
    share = 100 * (_cpu_seconds(pids) - cpu_before) / (time.monotonic() - started)
    return share, _rss_mib(pids)


def _command(sandbox: _SandboxProcess, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "spikon_tui", "--base-url", sandbox.base_url, *arguments]


@contextmanager
def _in_terminal(command: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """`command` in a 120x40 pseudo-terminal whose output is read (and dropped) at once."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    process = subprocess.Popen(
        command, stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True
    )
    os.close(follower)
    seen = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk[-4096:])

    threading.Thread(target=drain, daemon=True).start()
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
        os.close(leader)


async def _pages(url: str, count: int, seconds: float) -> list[int]:
    """`count` pages open on the board for `seconds`; the bytes each received."""
    received = [0] * count

    async def page(index: int, http: aiohttp.ClientSession) -> None:
        async with http.ws_connect(f"{url}/ws?width=120&height=40") as socket:
            deadline = time.monotonic() + seconds
            while (left := deadline - time.monotonic()) > 0:
                try:
                    message = await socket.receive(timeout=left)
                except TimeoutError:
                    break
                if message.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                    received[index] += len(message.data)
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break

    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*(page(index, http) for index in range(count)))
    return received


def _served_cost(server: subprocess.Popen[bytes], url: str, pages: int) -> tuple[float, float]:
    result: dict[str, tuple[float, float]] = {}

    def measure() -> None:
        time.sleep(WARMUP)
        result["cost"] = _measure(server.pid)

    meter = threading.Thread(target=measure)
    meter.start()
    received = asyncio.run(_pages(url, pages, WARMUP + WINDOW + 1))
    meter.join()
    assert all(count > 10_000 for count in received), f"every page got its board: {received}"
    return result["cost"]


def test_each_served_page_costs_about_one_terminal_wallboard(tmp_path: Path, report_figure) -> None:
    with _SandboxProcess("--campaigns", "6", "--agents", "40") as sandbox:
        env = {
            **os.environ,
            "SPIKON_API_KEY": sandbox.key,
            "SPIKON_TUI_CONFIG_DIR": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "TERM": "xterm-256color",
        }
        with _in_terminal(_command(sandbox, "monitor", "--wallboard"), env) as board:
            time.sleep(WARMUP)
            assert board.poll() is None, "the terminal wallboard is running"
            terminal_cpu, terminal_mib = _measure(board.pid)

        port = free_port("127.0.0.1")
        server = subprocess.Popen(
            _command(sandbox, "serve", "--port", str(port)),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while not _listening(port):
                assert server.poll() is None and time.monotonic() < deadline, "serve started"
                time.sleep(0.2)
            idle_cpu, idle_mib = _measure(server.pid)
            one_cpu, one_mib = _served_cost(server, url, 1)
            three_cpu, three_mib = _served_cost(server, url, 3)
        finally:
            server.terminate()
            server.wait(timeout=30)

    per_page_cpu = (three_cpu - idle_cpu) / 3
    per_page_mib = (three_mib - idle_mib) / 3
    report_figure(
        f"serve, per open page (3 pages, 120x40): {per_page_cpu:.2f}% of a core, "
        f"{per_page_mib:.0f} MiB; server alone {idle_cpu:.2f}%, {idle_mib:.0f} MiB; "
        f"1 page {one_cpu - idle_cpu:.2f}%, {one_mib - idle_mib:.0f} MiB"
    )
    report_figure(
        f"terminal wallboard (baseline): {terminal_cpu:.2f}% of a core, {terminal_mib:.0f} MiB; "
        f"one served page / terminal: CPU {(one_cpu - idle_cpu) / terminal_cpu:.2f}x, "
        f"memory {(one_mib - idle_mib) / terminal_mib:.2f}x"
    )


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
