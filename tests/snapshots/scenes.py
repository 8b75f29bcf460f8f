"""The screens as a user sees them, each a repeatable scene: the snapshot tests and
`scripts/make_screenshots.py` both draw from here, so the pictures in the README
are exactly what the tests check.

Every scene runs the app against the demo sandbox (the same seed and sizes as
`spikon-tui --demo`) on a frozen clock, so it looks the same on every run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from textual.pilot import Pilot

from spikon_tui.demo import demo_config
from spikon_tui.sandbox import Sandbox
from spikon_tui.session import Session
from spikon_tui.ui.app import SpikonApp
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import settle

SIZES = {"wide": (120, 40), "narrow": (80, 24)}


async def _open_phone_books(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)


async def _filter_phone_book(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("slash", *"lodz")
    await settle(pilot)


async def _new_entry(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("n", *"Hurtownia Żółw", "tab", *"50123456x")
    await settle(pilot)


async def _call_entry(pilot: Pilot) -> None:
    await _open_phone_books(pilot)
    await pilot.press("escape", "down", "down", "c")
    await settle(pilot)


async def _help(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f1")
    await settle(pilot)


@dataclass(frozen=True)
class Scene:
    name: str
    prepare: Callable[[Pilot], Awaitable[None]] = settle
    logged_in: bool = True
    app_options: dict = field(default_factory=dict)


SCENES = {
    scene.name: scene
    for scene in (
        Scene("account"),
        Scene("phone-books", _open_phone_books),
        Scene("phone-books-filtered", _filter_phone_book),
        Scene("new-entry", _new_entry),
        Scene("call", _call_entry),
        Scene("help", _help),
        Scene(
            "login",
            logged_in=False,
            app_options={
                "keyring_usable": False,
                "keyring_reason": "no keyring backend is available on this machine "
                "(a headless server without a Secret Service).",
            },
        ),
    )
}


class SceneRunner:
    """Builds the app of a scene on a fresh demo sandbox; `close()` stops the sandboxes."""

    def __init__(self) -> None:
        self.sandboxes: list[Sandbox] = []

    def app(self, scene: Scene) -> SpikonApp:
        clock = FakeClock()
        sandbox = Sandbox(demo_config(clock=clock)).start()
        self.sandboxes.append(sandbox)
        session = Session(
            profile="demo",
            base_url=sandbox.base_url,
            api_key=sandbox.api_key if scene.logged_in else None,
            demo=scene.logged_in,
            clock=clock,
        )
        return SpikonApp(session, **scene.app_options)

    def close(self) -> None:
        for sandbox in self.sandboxes:
            sandbox.stop()
