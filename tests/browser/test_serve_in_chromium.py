"""`spikon-tui serve` opened in headless Chromium, as a supervisor opens it on a TV.

The browser is Debian's Chromium (`.ci/install-system-deps.sh`): without it the
tests are skipped locally and fail in CI. What a page received is read from
the DevTools protocol's websocket frames (the board is drawn on a canvas, so
the page's DOM holds no text). Set SPIKON_UPDATE_SCREENSHOTS=1 to write the
board's picture to screenshots/ for the README.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from spikon_tui.cli.serve import free_port
from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.browser.chromium import CHROMIUM, Page, open_page

REPO = Path(__file__).resolve().parents[2]
BOARD_WORDS = ("Windykacja", "Infolinia", "Reklamacje", "Sprzeda")
"""The demo's campaigns; each has a tile on the board."""
FIRST_BYTE = "document.body.classList.contains('-first-byte')"


@pytest.fixture(autouse=True)
def _chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} missing: run `bash .ci/install-system-deps.sh` (Debian packages)"
    if os.environ.get("CI"):
        pytest.fail(f"the browser tests cannot run in CI: {message}")
    pytest.skip(message)


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SPIKON_API_KEY"}
    env.update(
        SPIKON_TUI_CONFIG_DIR=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        **extra,
    )
    return env


@contextmanager
def _serving(arguments: list[str], env: dict[str, str]) -> Iterator[str]:
    port = free_port("127.0.0.1")
    server = subprocess.Popen(
        [sys.executable, "-m", "spikon_tui", *arguments, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while not _listening(port):
            assert server.poll() is None, server.communicate()[0].decode()[-2000:]
            assert time.monotonic() < deadline, "serve did not listen within 30 s"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


async def _wait_for_words(page: Page, words: tuple[str, ...], timeout: float) -> float:
    started = time.monotonic()
    while not all(word in page.received_text() for word in words):
        if time.monotonic() - started > timeout:
            missing = [word for word in words if word not in page.received_text()]
            raise AssertionError(f"the board never showed {missing}")
        await asyncio.sleep(0.1)
    return time.monotonic() - started


async def test_serve_demo_shows_the_live_board_within_10_s_and_keeps_updating(
    tmp_path: Path,
) -> None:
    with _serving(["--demo"], _environment(tmp_path)) as url:
        opened = time.monotonic()
        async with open_page(url, width=1280, height=720) as page:
            await page.wait_for(FIRST_BYTE, timeout=10)
            await _wait_for_words(page, BOARD_WORDS, timeout=10 - (time.monotonic() - opened))
            assert time.monotonic() - opened <= 10, "the board shows within 10 s"
            await asyncio.sleep(2)  # the tiles settle
            first = await page.screenshot()
            later_than = time.monotonic()
            await asyncio.sleep(6)
            second = await page.screenshot()
            assert len(page.received_text(since=later_than)) > 100, "the board kept updating"
            assert first != second, "what the page shows changed (the clock, the figures)"
    shot = tmp_path / "wallboard-browser.png"
    shot.write_bytes(second)
    if os.environ.get("SPIKON_UPDATE_SCREENSHOTS"):
        shutil.copy(shot, REPO / "screenshots" / "wallboard-browser.png")


async def test_the_key_never_reaches_the_browser(tmp_path: Path) -> None:
    with Sandbox(SandboxConfig(seed=3, campaigns=2, agents=6)) as sandbox:
        assert sandbox.api_key is not None
        env = _environment(tmp_path, SPIKON_API_KEY=sandbox.api_key)
        with _serving(["--base-url", sandbox.base_url], env) as url:
            async with open_page(url, width=1024, height=640) as page:
                await page.wait_for(FIRST_BYTE, timeout=10)
                await asyncio.sleep(4)
                html = await page.evaluate("document.documentElement.outerHTML")
                received = page.received_text()
        assert len(received) > 1000, "the page got its board"
        for piece in (sandbox.api_key, sandbox.api_key[:8], sandbox.api_key[-8:]):
            assert piece not in received and piece not in html
