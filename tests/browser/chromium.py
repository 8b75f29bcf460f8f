"""Headless Chromium driven over the DevTools protocol, with aiohttp's websocket client.

`open_page(url)` starts Chromium (Debian's `/usr/bin/chromium`, which
`.ci/install-system-deps.sh` installs) with a fresh profile, no network of its
own (background services off: this machine has no internet), and a page that
records every websocket frame it receives. A test then waits for what the page
shows (`evaluate`), reads what reached it (`received_text`), and takes
screenshots (`screenshot`).

Only the few DevTools commands the tests need are here: no Playwright, no
driver download.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--mute-audio",
)


class Page:
    """One browser tab: commands, the frames received, screenshots."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self._socket = socket
        self._next_id = 0
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.frames: list[tuple[float, str]] = []
        """(monotonic time, text) of every websocket frame the page received."""
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self._socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            if "id" in data:
                future = self._waiting.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
            elif data.get("method") == "Network.webSocketFrameReceived":
                response = data["params"]["response"]
                payload = response["payloadData"]
                if response.get("opcode") == 2:
                    payload = base64.b64decode(payload).decode("utf-8", "replace")
                self.frames.append((time.monotonic(), payload))

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[self._next_id] = future
        await self._socket.send_json({"id": self._next_id, "method": method, "params": params})
        answer = await asyncio.wait_for(future, 30)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return dict(answer.get("result", {}))

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float) -> float:
        """Seconds until `expression` is true in the page; TimeoutError after `timeout`."""
        started = time.monotonic()
        while not await self.evaluate(expression):
            if time.monotonic() - started > timeout:
                raise TimeoutError(expression)
            await asyncio.sleep(0.1)
        return time.monotonic() - started

    def received_text(self, since: float = 0.0) -> str:
        return "".join(text for at, text in self.frames if at >= since)

    async def screenshot(self) -> bytes:
        result = await self.send("Page.captureScreenshot", format="png")
        return base64.b64decode(result["data"])

    async def close(self) -> None:
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader


@contextlib.asynccontextmanager
async def open_page(url: str, width: int = 1280, height: int = 800) -> AsyncIterator[Page]:
    """A headless Chromium tab showing `url`, recording its websocket frames."""
    profile = tempfile.mkdtemp(prefix="spikon-chromium-")
    process = subprocess.Popen(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "--remote-debugging-port=0",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        browser_url = await asyncio.to_thread(_devtools_url, process)
        port = browser_url.split("/")[2]
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://{port}/json/list") as listing:
                targets = await listing.json()
            page_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
            async with http.ws_connect(page_url, max_msg_size=0) as socket:
                page = Page(socket)
                try:
                    await page.send("Network.enable")
                    await page.send("Page.enable")
                    await page.send("Page.navigate", url=url)
                    yield page
                finally:
                    await page.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(profile, ignore_errors=True)


def _devtools_url(process: subprocess.Popen[str]) -> str:
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("DevTools listening on "):
            # Keep reading what Chromium says, or a full pipe would stall it.
            threading.Thread(target=process.stderr.read, daemon=True).start()
            return line.split()[-1]
    raise RuntimeError(f"Chromium ended (exit {process.wait()}) without a DevTools address")
