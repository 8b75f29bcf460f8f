"""`spikon-tui serve`: the command each page runs, where it listens, and what it refuses."""

from __future__ import annotations

import argparse
import os
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spikon_tui.cli.serve import add_serve_arguments, free_port, page_command, public_url, run_serve
from spikon_tui.i18n import set_language


def _args(*argv: str, **globals_: object) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_serve_arguments(parser)
    args = parser.parse_args(argv)
    for name, value in {"base_url": None, **globals_}.items():
        setattr(args, name, value)
    return args


def test_each_page_runs_the_read_only_wallboard_with_the_options_given() -> None:
    args = _args("3", "7", "--refresh", "2", "--page-seconds", "15", base_url="https://x.test/")
    command = page_command(args, "office")
    assert command[:3] == [sys.executable, "-m", "spikon_tui"]
    assert command[command.index("--profile") + 1] == "office"
    assert command[command.index("--base-url") + 1] == "https://x.test/"
    monitor = command.index("monitor")
    assert command[monitor:] == [
        "monitor", "--wallboard", "--read-only",
        "--refresh", "2.0", "--page-seconds", "15.0", "3", "7",
    ]  # fmt: skip
    assert "--demo" not in command


def test_the_whole_app_is_served_read_only_too() -> None:
    command = page_command(_args("--app", demo=True), "default")
    assert command[-2:] == ["--demo", "--read-only"]
    assert "monitor" not in command


def test_a_page_speaks_the_language_of_the_command() -> None:
    set_language("pl")
    try:
        command = page_command(_args(), "default")
    finally:
        set_language("en")
    assert command[command.index("--lang") + 1] == "pl"


def test_the_command_survives_the_shell_textual_serve_runs_it_through() -> None:
    command = page_command(_args(), "it's mine; rm -rf ~")
    assert shlex.split(shlex.join(command)) == command


def test_loopback_by_default_and_a_usable_address_for_a_wildcard_host() -> None:
    assert _args().host == "127.0.0.1"
    assert public_url("127.0.0.1", 8000, None) == "http://127.0.0.1:8000"
    assert public_url("0.0.0.0", 8000, None) == f"http://{socket.gethostname()}:8000"
    assert public_url("::1", 9000, None) == "http://[::1]:9000"
    assert public_url("0.0.0.0", 8000, "https://board.example/") == "https://board.example"


def test_a_free_port_is_free() -> None:
    port = free_port("127.0.0.1")
    with socket.socket() as server:
        server.bind(("127.0.0.1", port))


def test_a_profile_without_a_key_is_refused_before_anything_is_served(
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = free_port("127.0.0.1")
    assert run_serve(_args("--port", str(port)), "office", has_key=False) == 2
    assert "'office' has no API key" in capsys.readouterr().err
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "nothing listens"


def test_another_host_than_loopback_is_served_with_a_warning(tmp_path: Path) -> None:
    port = free_port("0.0.0.0")
    env = {
        **os.environ,
        "SPIKON_TUI_CONFIG_DIR": str(tmp_path),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "spikon_tui", "--demo", "serve", "--host", "0.0.0.0"]
        + ["--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        with socket.socket() as probe:
            while probe.connect_ex(("127.0.0.1", port)) != 0:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert f"anyone who can reach port {port} sees the board" in err
