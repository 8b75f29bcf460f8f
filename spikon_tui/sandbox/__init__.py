"""An offline SPIKON API: a real HTTP server with a seeded, living account (no Textual, ever).

    from spikon_tui.sandbox import Sandbox, SandboxConfig
    with Sandbox(SandboxConfig(seed=1)) as sb:
        sb.base_url, sb.api_key  # "http://127.0.0.1:PORT/api/", "sandbox-..."

It answers the 30 methods of SPIKON API v1.3 in the JSON and XML shapes the
vendor documentation prints (with the decisions of docs/api-notes.md where the
documentation is silent or invalid). See `SandboxConfig` for the special SMS
numbers, prices and timing, `server.Sandbox` for fault injection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spikon_tui.sandbox.config import SandboxConfig
    from spikon_tui.sandbox.server import Sandbox
    from spikon_tui.sandbox.state import SandboxState

__all__ = ["Sandbox", "SandboxConfig", "SandboxState"]

_HOMES = {
    "Sandbox": "spikon_tui.sandbox.server",
    "SandboxConfig": "spikon_tui.sandbox.config",
    "SandboxState": "spikon_tui.sandbox.state",
}


def __getattr__(name: str) -> object:
    """Import the server only when it is asked for, so `spikon-tui --help` stays quick."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_HOMES[name]), name)
