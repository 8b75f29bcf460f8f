"""Every credentials test runs against an in-memory keyring and a temporary config dir.

No test here may touch the real keyring, the real config directory or a real
``SPIKON_API_KEY``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend

from tests.credentials.memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "config"
    monkeypatch.setenv("SPIKON_TUI_CONFIG_DIR", str(directory))
    monkeypatch.delenv("SPIKON_API_KEY", raising=False)
    return directory


@pytest.fixture
def use_keyring(monkeypatch: pytest.MonkeyPatch) -> Callable[[KeyringBackend], KeyringBackend]:
    """Install a keyring backend for one test; the previous one comes back afterwards."""
    # Recorded by monkeypatch first, so the teardown restores it.
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.core._keyring_backend)

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    return install


@pytest.fixture(autouse=True)
def memory_keyring(use_keyring: Callable[[KeyringBackend], KeyringBackend]) -> MemoryKeyring:
    backend = MemoryKeyring()
    use_keyring(backend)
    return backend


@pytest.fixture
def hanging_keyring(
    use_keyring: Callable[[KeyringBackend], KeyringBackend],
) -> Iterator[KeyringBackend]:
    from tests.credentials.memory_keyring import HangingKeyring

    backend = HangingKeyring()
    use_keyring(backend)
    yield backend
    backend.release()
