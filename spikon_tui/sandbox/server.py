"""`Sandbox`: the account, its settings and its faults behind a running HTTP server.

It starts and stops the server (transport.py), counts requests, applies
latency and injected faults, and hands each request to the dispatcher.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Iterable
from types import TracebackType

from spikon_tui.sandbox.access import AccessControl, generated_key
from spikon_tui.sandbox.config import SandboxConfig
from spikon_tui.sandbox.dispatch import (
    Dispatcher,
    best_effort_format,
    error_response,
    method_name,
)
from spikon_tui.sandbox.errors import ApiError
from spikon_tui.sandbox.faults import FaultPlan
from spikon_tui.sandbox.state import SandboxState
from spikon_tui.sandbox.transport import HttpServer, Request, Response

_GARBAGE = b"\xff\xfe<<garbled>>"


class Sandbox:
    """An offline SPIKON API on a local port, for demo mode and tests.

    `with Sandbox(SandboxConfig(...)) as sb:` serves in background threads until
    the block ends. `stop()` closes the listener and every open connection;
    `start()` serves again on the same port with the same account.
    """

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig()
        clock = self.config.clock or time.time
        seed = self.config.seed
        self.state = SandboxState(
            seed=seed,
            contacts=self.config.contacts,
            calls=self.config.calls,
            agents=self.config.agents,
            campaigns=self.config.campaigns,
            generation_delay=self.config.generation_delay,
            clock=clock,
        )
        key_rng = random.Random(f"{seed}/key")
        self.access = AccessControl(
            self.config.api_key or generated_key(key_rng), self.config.whitelist, key_rng
        )
        self.faults = FaultPlan()
        self.request_counts: Counter[str] = Counter()
        self._counts_lock = threading.Lock()
        self.dispatcher = Dispatcher(self.state, self.access)
        self._port = self.config.port
        self._server: HttpServer | None = None
        self._thread: threading.Thread | None = None

    # Lifecycle

    def start(self) -> Sandbox:
        if self._server is not None:
            return self
        server = HttpServer(
            (self.config.host, self._port),
            self._answer,
            max_workers=self.config.max_workers,
            idle_timeout=self.config.idle_timeout,
        )
        self._port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve, name="spikon-sandbox")
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.stop_serving()
        if thread is not None:
            thread.join()
        server.server_close()
        server.close_connections()

    @property
    def running(self) -> bool:
        return self._server is not None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # Where and how to call it

    @property
    def host(self) -> str:
        return self.config.host

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self._port}/api/"

    @property
    def api_key(self) -> str | None:
        """The valid key (None after `revoke_key`)."""
        return self.access.api_key

    # Account settings, as in the panel's "API - ustawienia"

    def set_api_enabled(self, enabled: bool) -> None:
        self.access.enabled = enabled

    def revoke_key(self) -> None:
        self.access.revoke_key()

    def rotate_key(self) -> str:
        return self.access.rotate_key()

    def set_whitelist(self, addresses: Iterable[str]) -> None:
        self.access.set_whitelist(addresses)

    @property
    def internal_errors(self) -> list[str]:
        """Tracebacks of the last exceptions answered with -1000."""
        return self.dispatcher.internal_errors

    # One request

    def _answer(self, request: Request) -> Response | None:
        """The response to send; None to drop the connection unanswered."""
        name = method_name(request.path)
        with self._counts_lock:
            self.request_counts[name] += 1
        faults = self.faults.take(name)
        if self.config.latency_ms:
            time.sleep(self.config.latency_ms / 1000)
        if faults.delay:
            time.sleep(faults.delay)
        if faults.fail_status:
            error = ApiError(-1000, f"Injected fault: HTTP {faults.fail_status}")
            return error_response(error, best_effort_format(request), faults.fail_status)
        if faults.error_code:
            error = ApiError(faults.error_code, faults.error_desc or None)
            return error_response(error, best_effort_format(request))
        response = self.dispatcher.handle(request)
        if faults.drop:
            return None
        if faults.malformed:
            body = response.body[: len(response.body) // 2] + _GARBAGE
            response = Response(200, response.content_type, body, response.headers)
        return response
