"""Typed access to the running `SpikonApp` from any screen, dialog or widget.

Textual types `node.app` as a plain `App`, so `self.app.spikon` and `self.app.session`
are unknown to mypy. Instead of overriding Textual's `app` property (which would mean
copying its lookup of the active app, private internals included) or casting, a node
asks::

    from spikon_tui.ui.typed_app import spikon_app, spikon_client

    session = spikon_app(self).session          # SpikonApp: session, monitor_tracker, ...
    answer = await spikon_client(self).balance_show()   # the logged-in SpikonClient

Both work the same for a `Screen`, a `ModalScreen`, a widget or the app itself (any
`MessagePump`). `spikon_app` checks with `isinstance`, so a node mounted in some other
app (a test's bare `App`) fails at once with a `TypeError` naming it, not later with an
`AttributeError`. `SpikonApp` is imported when first called, not at import time:
`ui/app.py` imports the screens, which import this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

    from spikon_tui.api.client import SpikonClient
    from spikon_tui.ui.app import SpikonApp


def spikon_app(node: MessagePump) -> SpikonApp:
    """The `SpikonApp` that `node` runs in; a `TypeError` if it runs in another app."""
    from spikon_tui.ui.app import SpikonApp

    app = node.app
    if not isinstance(app, SpikonApp):
        raise TypeError(f"{type(node).__name__} runs in {type(app).__name__}, not SpikonApp")
    return app


def spikon_client(node: MessagePump) -> SpikonClient:
    """The app's client for the checked key (`SpikonApp.client`): every screen but the
    login screen runs after the login, so there is one; a `RuntimeError` if not."""
    return spikon_app(node).client
