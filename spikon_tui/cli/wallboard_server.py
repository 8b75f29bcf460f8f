"""textual-serve's `Server`, saying in our words where the board is (imported only by `serve`).

textual-serve prints its logo and the whole command it runs on start, then a
line per request; this says what a supervisor needs instead: the address to
open, and how to stop, then only warnings and errors.
"""

from __future__ import annotations

import logging

from aiohttp import web
from textual_serve.server import Server

from spikon_tui.i18n import _


class WallboardServer(Server):
    def __init__(self, command: str, *, host: str, port: int, public_url: str) -> None:
        super().__init__(command, host=host, port=port, title="SPIKON", public_url=public_url)

    def initialize_logging(self) -> None:
        super().initialize_logging()
        if not self.debug:  # a line per request of every page would bury what matters
            logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(
            _("SPIKON board at {url} (each open page runs its own poller); Ctrl+C stops.").format(
                url=self.public_url
            ),
            highlight=False,
            markup=False,
        )
