"""Tests of spikon_tui.credentials: lookup order, keyring detection and timeouts, key files."""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend

from spikon_tui import credentials
from spikon_tui.config import ConfigError
from spikon_tui.credentials import (
    SERVICE_NAME,
    UNENCRYPTED_FILE_WARNING,
    CredentialError,
    KeyringTimeout,
    KeySource,
    Storage,
    delete_key,
    key_file_path,
    keyring_status,
    lookup_key,
    mask_key,
    store_key,
)
from tests.credentials.memory_keyring import LockedKeyring, MemoryKeyring

KEY = "sk-live-0123456789abcdefXYZ"
OTHER_KEY = "sk-env-9876543210fedcbaQQQ"

InstallKeyring = Callable[[KeyringBackend], KeyringBackend]


def write_key_file(profile: str, content: str, mode: int) -> Path:
    path = key_file_path(profile)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(content)
    os.chmod(path, mode)
    return path


def assert_no_key(*texts: object) -> None:
    for text in texts:
        assert KEY not in str(text)


# --- mask_key -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "masked"),
    [
        ("abcdefghijklmnop", "abcd…mnop"),
        ("abcdefghijkl", "abcd…ijkl"),
        ("abcdefghijk", "•••••••••••"),
        ("abc", "•••"),
        ("", ""),
    ],
)
def test_mask_key(key: str, masked: str) -> None:
    assert mask_key(key) == masked


def test_key_lookup_repr_masks_the_key(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE_NAME, "default")] = KEY
    found = lookup_key("default")
    assert found.key == KEY
    assert_no_key(repr(found), str(found))
    assert mask_key(KEY) in repr(found)


# --- lookup order ---------------------------------------------------------------


def test_environment_beats_keyring_and_file(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory_keyring.passwords[(SERVICE_NAME, "default")] = KEY
    write_key_file("default", KEY, 0o600)
    monkeypatch.setenv("SPIKON_API_KEY", f"  {OTHER_KEY}\n")
    found = lookup_key("default")
    assert (found.key, found.source) == (OTHER_KEY, KeySource.ENV)


def test_empty_environment_variable_is_ignored_with_a_note(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory_keyring.passwords[(SERVICE_NAME, "default")] = KEY
    monkeypatch.setenv("SPIKON_API_KEY", "  ")
    found = lookup_key("default")
    assert found.source is KeySource.KEYRING
    assert any("SPIKON_API_KEY is set but empty" in note for note in found.notes)


def test_keyring_is_read_per_profile(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE_NAME, "work")] = KEY
    assert lookup_key("work").key == KEY
    assert lookup_key("work").source is KeySource.KEYRING
    assert lookup_key("default").source is KeySource.NONE


def test_keyring_beats_file(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE_NAME, "default")] = KEY
    write_key_file("default", OTHER_KEY, 0o600)
    assert lookup_key("default").source is KeySource.KEYRING


def test_file_is_used_when_keyring_has_no_entry() -> None:
    write_key_file("default", f"{KEY}\n", 0o600)
    found = lookup_key("default")
    assert (found.key, found.source) == (KEY, KeySource.FILE)
    assert any("no key for profile 'default' in the OS keyring" in n for n in found.notes)


def test_nothing_found_gives_none() -> None:
    found = lookup_key("default")
    assert found.key is None
    assert found.source is KeySource.NONE


# --- key files ------------------------------------------------------------------


def test_store_in_file_creates_0600_file_in_0700_dir(config_dir: Path) -> None:
    result = store_key("default", f" {KEY} ", Storage.FILE)
    path = config_dir / "keys" / "default.key"
    assert result.storage is Storage.FILE
    assert result.warning == UNENCRYPTED_FILE_WARNING
    assert "NOT encrypted" in UNENCRYPTED_FILE_WARNING
    assert str(path) in result.description
    assert path.read_text().strip() == KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["default.key"]  # no temp file left
    assert lookup_key("default").source is KeySource.FILE


def test_store_in_file_tightens_a_loose_keys_dir(config_dir: Path) -> None:
    (config_dir / "keys").mkdir(parents=True, mode=0o755)
    os.chmod(config_dir / "keys", 0o755)
    store_key("default", KEY, Storage.FILE)
    assert stat.S_IMODE((config_dir / "keys").stat().st_mode) == 0o700


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620])
def test_key_file_open_to_others_is_refused_with_the_fix(mode: int) -> None:
    path = write_key_file("default", KEY, mode)
    found = lookup_key("default")
    assert found.key is None
    assert found.source is KeySource.NONE
    message = " ".join(found.notes)
    assert f"refusing to read key file {path}" in message
    assert f"chmod 600 {path}" in message
    assert f"{mode:04o}" in message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="needs root to chown")
def test_key_file_of_another_user_is_refused() -> None:
    path = write_key_file("default", KEY, 0o600)
    os.chown(path, 4321, -1)
    found = lookup_key("default")
    assert found.key is None
    assert any("belongs to another user" in note for note in found.notes)


def test_empty_key_file_is_ignored() -> None:
    write_key_file("default", "\n", 0o600)
    found = lookup_key("default")
    assert found.source is KeySource.NONE
    assert any("is empty" in note for note in found.notes)


def test_profile_name_cannot_escape_the_keys_dir(config_dir: Path) -> None:
    with pytest.raises(ConfigError, match="invalid profile name"):
        store_key("../evil", KEY, Storage.FILE)
    with pytest.raises(ConfigError):
        lookup_key("a/b")
    assert not config_dir.exists()


# --- keyring detection ----------------------------------------------------------


def test_usable_keyring_status(memory_keyring: MemoryKeyring) -> None:
    status = keyring_status()
    assert status.usable
    assert status.backend == "tests.credentials.memory_keyring.MemoryKeyring"


def test_fail_backend_means_headless(use_keyring: InstallKeyring) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    status = keyring_status()
    assert not status.usable
    assert "no keyring backend is available" in status.reason
    assert "keyring.backends.fail.Keyring" in status.reason
    assert "headless server" in status.reason
    assert "file (not encrypted)" in status.reason


def test_headless_lookup_explains_and_still_reads_the_file(use_keyring: InstallKeyring) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    write_key_file("default", KEY, 0o600)
    found = lookup_key("default")
    assert (found.key, found.source) == (KEY, KeySource.FILE)
    assert any("keyring.backends.fail.Keyring" in note for note in found.notes)


def test_chainer_without_backends_is_not_usable(
    use_keyring: InstallKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [])
    use_keyring(keyring.backends.chainer.ChainerBackend())
    status = keyring_status()
    assert not status.usable
    assert "chainer has no backends" in status.reason


def test_chainer_with_a_backend_is_usable(
    use_keyring: InstallKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only while this test runs: keyring never picks a backend by itself in other tests.
    monkeypatch.setattr(Chained, "priority", 5)
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [Chained()])
    use_keyring(keyring.backends.chainer.ChainerBackend())
    status = keyring_status()
    assert status.usable
    assert "Chained" in status.backend


class Chained(MemoryKeyring):
    """A backend the chainer may chain (while a test raises its priority)."""


def test_null_backend_is_not_usable(use_keyring: InstallKeyring) -> None:
    use_keyring(keyring.backends.null.Keyring())
    status = keyring_status()
    assert not status.usable
    assert "disabled" in status.reason


def test_keyring_setup_error_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> KeyringBackend:
        raise RuntimeError("cannot load backend plugin")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    status = keyring_status()
    assert not status.usable
    assert not status.timed_out
    assert "cannot load backend plugin" in status.reason


def test_keyring_setup_that_hangs_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    stuck = threading.Event()
    monkeypatch.setattr(keyring, "get_keyring", lambda: stuck.wait(30))
    started = time.monotonic()
    try:
        status = keyring_status(timeout=0.2)
    finally:
        stuck.set()
    assert time.monotonic() - started < 1
    assert status.timed_out
    assert not status.usable
    assert "did not answer within 0.2 s" in status.reason


# --- keyring timeouts and errors ------------------------------------------------


def test_hanging_keyring_lookup_times_out_and_falls_back_to_file(
    hanging_keyring: KeyringBackend,
) -> None:
    write_key_file("default", KEY, 0o600)
    started = time.monotonic()
    found = lookup_key("default", keyring_timeout=0.2)
    assert time.monotonic() - started < 1
    assert hanging_keyring.calls == 1
    assert (found.key, found.source) == (KEY, KeySource.FILE)
    assert any("did not answer within 0.2 s" in note for note in found.notes)


def test_default_timeout_is_the_module_setting(
    hanging_keyring: KeyringBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(credentials, "KEYRING_TIMEOUT", 0.15)
    started = time.monotonic()
    found = lookup_key("default")
    assert time.monotonic() - started < 1
    assert any("within 0.15 s" in note for note in found.notes)


def test_hanging_keyring_store_times_out(hanging_keyring: KeyringBackend) -> None:
    started = time.monotonic()
    with pytest.raises(KeyringTimeout) as raised:
        store_key("default", KEY, Storage.KEYRING, keyring_timeout=0.2)
    assert time.monotonic() - started < 1
    assert_no_key(raised.value)


def test_hanging_keyring_delete_is_a_problem_but_the_file_goes(
    hanging_keyring: KeyringBackend,
) -> None:
    path = write_key_file("default", KEY, 0o600)
    result = delete_key("default", keyring_timeout=0.2)
    assert not result.ok
    assert any("did not answer" in problem for problem in result.problems)
    assert not path.exists()
    assert result.removed == [f"the key file {path}"]


def test_locked_keyring_is_explained_and_never_leaks_the_key(
    use_keyring: InstallKeyring,
) -> None:
    use_keyring(LockedKeyring())
    found = lookup_key("default")
    assert found.source is KeySource.NONE
    assert any("Failed to unlock" in note for note in found.notes)
    with pytest.raises(CredentialError) as raised:
        store_key("default", KEY, Storage.KEYRING)
    assert "could not store the key in the OS keyring" in str(raised.value)
    assert mask_key(KEY) in str(raised.value)
    assert_no_key(raised.value, repr(raised.value), raised.value.args)


# --- store and delete -----------------------------------------------------------


def test_store_in_keyring(memory_keyring: MemoryKeyring) -> None:
    result = store_key("work", f"{KEY}\n", Storage.KEYRING)
    assert memory_keyring.passwords == {(SERVICE_NAME, "work"): KEY}
    assert result.storage is Storage.KEYRING
    assert result.warning is None
    assert "MemoryKeyring" in result.description
    assert_no_key(result)


def test_store_in_keyring_refused_when_headless(use_keyring: InstallKeyring) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(CredentialError, match="no keyring backend is available"):
        store_key("default", KEY, Storage.KEYRING)


def test_store_in_keyring_removes_the_old_key_file(memory_keyring: MemoryKeyring) -> None:
    path = write_key_file("default", OTHER_KEY, 0o600)
    result = store_key("default", KEY, Storage.KEYRING)
    assert not path.exists()
    assert any(str(path) in note for note in result.notes)
    assert lookup_key("default").key == KEY


def test_store_in_file_removes_the_old_keyring_entry(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE_NAME, "default")] = OTHER_KEY
    result = store_key("default", KEY, Storage.FILE)
    assert memory_keyring.passwords == {}
    assert any("OS keyring entry" in note for note in result.notes)
    assert lookup_key("default").key == KEY


def test_store_for_the_session_stores_nothing(
    memory_keyring: MemoryKeyring, config_dir: Path
) -> None:
    result = store_key("default", KEY, Storage.SESSION)
    assert result.storage is Storage.SESSION
    assert memory_keyring.passwords == {}
    assert not config_dir.exists()


@pytest.mark.parametrize("bad", ["", "   ", "two words", "tab\tkey", "line\nbreak"])
def test_store_rejects_keys_that_cannot_be_keys(bad: str, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(CredentialError):
        store_key("default", bad, Storage.KEYRING)
    assert memory_keyring.passwords == {}


def test_delete_removes_keyring_and_file(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE_NAME, "default")] = KEY
    memory_keyring.passwords[(SERVICE_NAME, "other")] = OTHER_KEY
    path = write_key_file("default", KEY, 0o600)
    result = delete_key("default")
    assert result.ok
    assert len(result.removed) == 2
    assert "OS keyring entry" in result.removed[0]
    assert result.removed[1] == f"the key file {path}"
    assert memory_keyring.passwords == {(SERVICE_NAME, "other"): OTHER_KEY}
    assert not path.exists()


def test_delete_of_nothing_is_not_an_error() -> None:
    result = delete_key("default")
    assert result.ok
    assert result.removed == []


def test_delete_when_headless_removes_the_file_and_notes_the_keyring(
    use_keyring: InstallKeyring,
) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    path = write_key_file("default", KEY, 0o600)
    result = delete_key("default")
    assert result.ok
    assert result.removed == [f"the key file {path}"]
    assert any("keyring not checked" in note for note in result.notes)


def test_lookup_reports_the_keyring_status_it_found(memory_keyring: MemoryKeyring) -> None:
    """The app reuses it instead of asking a possibly slow keyring a second time."""
    lookup = lookup_key("nobody-here")
    assert lookup.key is None
    assert lookup.keyring is not None and lookup.keyring.usable
