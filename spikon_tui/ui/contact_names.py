"""The phone books' names for numbers, shared by every screen: `contact_names(app)`.

    names = contact_names(self.app)        # created on first use, one per app
    names.name_for("+48 600-100-200")      # "Anna Nowak", or None (not known, not loaded yet)
    names.subscribe(self, self._redraw)    # called with the new directory after each load

The first use starts loading every book's entries in a background worker (one
request at a time, `phone_book_loads.fetch_contact_entries`), so no screen and no
poll waits for it: until it is loaded, `name_for` answers None and screens show
bare numbers. The directory is reloaded every `REFRESH_SECONDS`, and at once on
`invalidate()` (call it after a phone book is edited). A load that fails keeps the
names already known, writes one log line (no toast over the user's work) and is
tried again at the next refresh.

One instance per app is kept in a `WeakKeyDictionary` keyed by the app (the app's
class need not know about it, the entry goes with the app, and the type is
checked, unlike an attribute set on the app on first use); it holds the app only
weakly, so that the entry does not keep its own key alive.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.dom import DOMNode
from textual.signal import Signal
from textual.timer import Timer
from textual.worker import Worker

from spikon_tui.contacts.directory import NameDirectory
from spikon_tui.ui.phone_book_loads import fetch_contact_entries

if TYPE_CHECKING:
    from spikon_tui.api.client import SpikonClient

_log = logging.getLogger(__name__)

WORKER_GROUP = "contact-names"


class ContactNames:
    """One app's `NameDirectory`, loaded and refreshed in the background."""

    REFRESH_SECONDS: ClassVar[float] = 600.0
    """How often the phone books are read again (real time)."""

    def __init__(self, app: App[Any]) -> None:
        self._app = weakref.ref(app)
        self.directory = NameDirectory()
        """The names known now: empty until the first load succeeds, then the last loaded."""
        self.loaded = False
        """True once a load has succeeded (the names may still be from an earlier load)."""
        self.last_error: Exception | None = None
        """Why the last load failed; None after a load that succeeded."""
        self.loaded_signal: Signal[NameDirectory] = Signal(app, "contact-names-loaded")
        self._timer: Timer | None = None
        self._worker: Worker[None] | None = None
        self._client: SpikonClient | None = None
        """The client of the last load: another one (a new key) loads again at once."""

    # -- reading ---------------------------------------------------------------------

    def name_for(self, number: str | None) -> str | None:
        """The phone-book name for `number`, written any way; None if unknown or not loaded."""
        return self.directory.name_for(number)

    def subscribe(self, node: DOMNode, callback: Callable[[NameDirectory], object]) -> None:
        """Call `callback(directory)` on `node` after each successful load (until unmounted)."""
        self.loaded_signal.subscribe(node, callback)

    @property
    def loading(self) -> bool:
        return self._worker is not None and not self._worker.is_finished

    # -- loading ---------------------------------------------------------------------

    def start(self) -> None:
        """Start the first load and the refresh timer; later, load again only if the app
        has a new client (another key, maybe another account)."""
        app = self._app()
        client = None if app is None else _client(app)
        if app is None or client is None:
            return  # not logged in yet: the next use tries again
        if self._timer is None:
            self._timer = app.set_interval(self.REFRESH_SECONDS, self.reload, name="contact names")
            self.reload()
        elif client is not self._client:
            self.directory, self.loaded = NameDirectory(), False  # not this key's names
            self.invalidate()

    def invalidate(self) -> None:
        """A phone book changed: load again now (a load under way is cancelled)."""
        if self._timer is None:
            self.start()
        else:
            self._timer.reset()
            self.reload()

    def reload(self) -> None:
        app = self._app()
        client = None if app is None else _client(app)
        if app is None or client is None:
            return
        self._client = client
        self._worker = app.run_worker(
            partial(self._load, client),  # a coroutine made only if the worker starts
            name="contact names",
            group=WORKER_GROUP,
            exclusive=True,
            exit_on_error=False,
        )

    async def _load(self, client: SpikonClient) -> None:
        try:
            entries = await fetch_contact_entries(client)
            directory = await asyncio.to_thread(NameDirectory.build, entries)
        except Exception as error:  # noqa: BLE001 - a log line only, tried again later
            self.last_error = error
            _log.warning(
                "phone-book names not loaded (tried again in %.0f s): %s",
                self.REFRESH_SECONDS,
                error,
            )
            return
        self.directory = directory
        self.loaded = True
        self.last_error = None
        self.loaded_signal.publish(directory)


def _client(app: App[Any]) -> SpikonClient | None:
    client: SpikonClient | None = getattr(app, "spikon", None)
    return client


_SERVICES: weakref.WeakKeyDictionary[App[Any], ContactNames] = weakref.WeakKeyDictionary()


def contact_names(app: App[Any]) -> ContactNames:
    """The app's `ContactNames`, created and started on first use (cheap to call often)."""
    names = _SERVICES.get(app)
    if names is None:
        names = _SERVICES[app] = ContactNames(app)
    names.start()
    return names
