"""What one run of the app works with: the profile, where the API is, the key, the clock.

The UI reads everything it needs about "who am I talking to" from a `Session`, so
tests and the demo can build one directly, and the command line builds one from
the config file and the key lookup.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spikon_tui.api.apikey import mask_key
from spikon_tui.api.client import SpikonClient


@dataclass
class Session:
    profile: str
    base_url: str
    api_key: str | None
    key_source: str = "none"
    demo: bool = False
    clock: Callable[[], float] = time.time
    notes: list[str] = field(default_factory=list)
    preferences: dict[str, Any] = field(default_factory=dict)
    save_preferences: Callable[[dict[str, Any]], None] | None = None
    data_dir: Path | None = None
    """Where this profile keeps files of its own (messages sent); None keeps nothing on disk."""
    read_only: bool = False
    """The client refuses, unsent, every method that changes data or costs money."""

    def __repr__(self) -> str:
        """The dataclass's repr with the key masked (`BXlm…test`, or `****` for a short one)."""
        key = None if self.api_key is None else mask_key(self.api_key)
        return (
            f"Session(profile={self.profile!r}, base_url={self.base_url!r}, api_key={key!r}, "
            f"key_source={self.key_source!r}, demo={self.demo!r}, data_dir={self.data_dir!r}, "
            f"read_only={self.read_only!r})"
        )

    def new_client(self, api_key: str | None = None) -> SpikonClient:
        key = api_key if api_key is not None else self.api_key
        if key is None:
            raise RuntimeError("no API key yet: log in first")
        return SpikonClient(api_key=key, base_url=self.base_url, read_only=self.read_only)

    def remember(self, name: str, value: Any) -> None:
        """Keep a per-profile choice (like the phone account that rings first) across runs."""
        if self.preferences.get(name) == value:
            return
        self.preferences[name] = value
        if self.save_preferences is not None:
            self.save_preferences(dict(self.preferences))

    def recall(self, name: str, default: Any = None) -> Any:
        return self.preferences.get(name, default)
