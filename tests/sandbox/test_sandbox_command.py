"""The command line: options, the printed URL and key, a clean stop on Ctrl+C."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from spikon_tui.sandbox.command import _is_loopback, add_sandbox_arguments

ROOT = Path(__file__).resolve().parents[2]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    add_sandbox_arguments(parser)
    return parser


def test_defaults() -> None:
    args = _parser().parse_args([])
    assert (args.host, args.port, args.api_key, args.seed) == ("127.0.0.1", 8080, None, 1)
    assert (args.contacts, args.calls, args.agents, args.campaigns) == (2000, 500, 12, 3)
    assert (args.generation_delay, args.latency, args.whitelist) == (2.0, 0, "")


def test_options() -> None:
    options = {
        "--host": "::1", "--port": "9000", "--api-key": "k", "--seed": "5", "--contacts": "10",
        "--calls": "20", "--agents": "3", "--campaigns": "2", "--generation-delay": "0.5",
        "--latency": "30", "--whitelist": "10.0.0.1,10.0.0.2",
    }  # fmt: skip
    args = _parser().parse_args([word for pair in options.items() for word in pair])
    assert (args.host, args.port, args.api_key, args.seed) == ("::1", 9000, "k", 5)
    assert (args.contacts, args.calls, args.agents, args.campaigns) == (10, 20, 3, 2)
    assert (args.generation_delay, args.latency, args.whitelist) == (0.5, 30, "10.0.0.1,10.0.0.2")


def test_loopback_detection() -> None:
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("192.168.1.5")


ENTRY_POINTS = {
    "python -m spikon_tui.sandbox": ["-m", "spikon_tui.sandbox"],
    "spikon-tui sandbox": ["-m", "spikon_tui", "sandbox"],
}


def _start(*options: str, entry: str = "python -m spikon_tui.sandbox") -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, *ENTRY_POINTS[entry], "--contacts", "10", "--calls", "10", *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("entry", list(ENTRY_POINTS))
def test_serves_until_ctrl_c(entry: str) -> None:
    process = _start("--port", "0", "--api-key", "sandbox-cli-test", entry=entry)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split()[-1]
        key = process.stdout.readline().split()[-1]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/api/")
        assert key == "sandbox-cli-test"
        answer = httpx.post(url + "balance/show", data={"api_key": key}).json()
        assert "balance" in answer["account"]
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0
    assert "Traceback" not in err
    assert "stopped" in out


def test_busy_port_is_a_clear_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        process = _start("--port", str(busy.getsockname()[1]))
        out, err = process.communicate(timeout=20)
    assert process.returncode == 2
    assert "Traceback" not in err and err.startswith("spikon-tui sandbox:")


def test_bad_whitelist_is_a_clear_error() -> None:
    process = _start("--port", "0", "--whitelist", "not-an-address")
    out, err = process.communicate(timeout=20)
    assert process.returncode == 2
    assert "Traceback" not in err and "not-an-address" in err
