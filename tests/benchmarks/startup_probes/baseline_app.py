"""Baseline for the start-up benchmark: a minimal Textual app that does the same job.

It imports httpx, POSTs `balance/show` to the sandbox with `httpx.AsyncClient`
(the key from SPIKON_API_KEY, in the form body as the API wants) and paints
the answer in one `Static`, headless. Then it writes when it painted (epoch
seconds, and this process's CPU seconds) to the file named by
STARTUP_PROBE_OUT, and exits. Usage: baseline_app.py BASE_URL
"""

import json
import os
import sys
import time

import httpx
from textual.app import App, ComposeResult
from textual.widgets import Static


class Baseline(App):
    def compose(self) -> ComposeResult:
        yield Static("…", id="balance")

    async def on_mount(self) -> None:
        async with httpx.AsyncClient() as client:
            response = await client.post(
                sys.argv[1] + "balance/show",
                data={"api_key": os.environ["SPIKON_API_KEY"], "api_format": "0"},
            )
        balance = json.loads(response.content)["account"]["balance"]
        self.query_one("#balance", Static).update(f"{balance} zł")
        self.call_after_refresh(self.painted)

    def painted(self) -> None:
        with open(os.environ["STARTUP_PROBE_OUT"], "w") as out:
            out.write(f"{time.time()} {time.process_time()}")
        self.exit()


Baseline().run(headless=True)
