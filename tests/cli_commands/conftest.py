"""A sandbox with a phone book to work on, and the command line pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import FakeClock


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(seed=9, clock=FakeClock(), contacts=40)) as sb:
        yield sb


@pytest.fixture
def cli_env(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment a script runs in: the sandbox's key, an empty config folder."""
    assert sandbox.api_key is not None
    env = {
        "SPIKON_API_KEY": sandbox.api_key,
        "SPIKON_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env
