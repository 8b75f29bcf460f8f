"""Tests of `spikon-tui login` / `logout` (run_login, run_logout) with a fake API check."""

from __future__ import annotations

import io
import stat
import time
from collections.abc import Callable
from pathlib import Path

import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from spikon_tui.cli.login import STORE_CHOICES, run_login, run_logout
from spikon_tui.cli.main import build_parser
from spikon_tui.credentials import SERVICE_NAME, UNENCRYPTED_FILE_WARNING, key_file_path, mask_key
from tests.credentials.memory_keyring import LockedKeyring, MemoryKeyring

KEY = "sk-live-0123456789abcdefXYZ"
BASE_URL = "http://127.0.0.1:8080/api/"

InstallKeyring = Callable[[KeyringBackend], KeyringBackend]


class FakeVerify:
    """Stands in for the API's balance check: records keys, optionally refuses them."""

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.keys: list[str] = []

    async def __call__(self, key: str) -> None:
        self.keys.append(key)
        if self.error is not None:
            raise self.error


class Terminal(io.StringIO):
    """A stdin that says it is a terminal; reading it directly is a test failure."""

    def isatty(self) -> bool:
        return True

    def readline(self, *args: object) -> str:  # type: ignore[override]
        raise AssertionError("a terminal must be read with the hidden prompt")


class Run:
    """One run_login/run_logout call with captured output."""

    def __init__(self) -> None:
        self.stdout = io.StringIO()
        self.stderr = io.StringIO()

    def login(self, stdin: io.StringIO | str, verify: FakeVerify | None, **kwargs: object) -> int:
        if isinstance(stdin, str):
            stdin = io.StringIO(stdin)
        return run_login(
            "default",
            BASE_URL,
            verify,
            stdin=stdin,
            stdout=self.stdout,
            stderr=self.stderr,
            keyring_timeout=0.2,
            **kwargs,  # type: ignore[arg-type]
        )

    def logout(self, profile: str = "default") -> int:
        return run_logout(profile, stdout=self.stdout, stderr=self.stderr, keyring_timeout=0.2)

    @property
    def out(self) -> str:
        return self.stdout.getvalue()

    @property
    def err(self) -> str:
        return self.stderr.getvalue()

    def assert_key_never_shown(self) -> None:
        assert KEY not in self.out
        assert KEY not in self.err


def test_login_from_a_pipe_verifies_and_stores_in_the_keyring(
    memory_keyring: MemoryKeyring,
) -> None:
    run, verify = Run(), FakeVerify()
    assert run.login(f"  {KEY}  \nignored second line\n", verify) == 0
    assert verify.keys == [KEY]
    assert memory_keyring.passwords == {(SERVICE_NAME, "default"): KEY}
    assert mask_key(KEY) in run.out
    assert "verified and stored in the OS keyring" in run.out
    assert run.err == ""
    run.assert_key_never_shown()


def test_login_at_a_terminal_reads_the_key_hidden(memory_keyring: MemoryKeyring) -> None:
    prompts: list[str] = []

    def hidden(prompt: str) -> str:
        prompts.append(prompt)
        return KEY + " "

    run = Run()
    assert run.login(Terminal(), FakeVerify(), read_hidden=hidden) == 0
    assert len(prompts) == 1
    assert "'default'" in prompts[0]
    assert BASE_URL in prompts[0]
    assert memory_keyring.passwords[(SERVICE_NAME, "default")] == KEY


def test_refused_key_prints_the_api_message_and_never_the_key(
    memory_keyring: MemoryKeyring,
) -> None:
    run = Run()
    verify = FakeVerify(RuntimeError("Authorization failed: invalid API key"))
    assert run.login(KEY + "\n", verify) == 1
    assert "Authorization failed: invalid API key" in run.err
    assert "Traceback" not in run.err
    assert memory_keyring.passwords == {}
    run.assert_key_never_shown()


def test_refusal_message_that_echoes_the_key_is_redacted(memory_keyring: MemoryKeyring) -> None:
    run = Run()
    assert run.login(KEY + "\n", FakeVerify(ValueError(f"unknown key {KEY}"))) == 1
    assert f"unknown key {mask_key(KEY)}" in run.err
    run.assert_key_never_shown()


def test_headless_without_store_option_says_why_and_stores_nothing(
    use_keyring: InstallKeyring, config_dir: Path
) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    run, verify = Run(), FakeVerify()
    stdin = io.StringIO(KEY + "\n")
    assert run.login(stdin, verify) == 1
    assert "no keyring backend is available" in run.err
    assert "--store file" in run.err
    assert verify.keys == []
    assert stdin.tell() == 0  # not asked for a key it could not keep
    assert not key_file_path("default").exists()
    run.assert_key_never_shown()


def test_explicit_keyring_when_headless_fails(use_keyring: InstallKeyring) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    run = Run()
    assert run.login(KEY + "\n", FakeVerify(), storage_choice="keyring") == 1
    assert "cannot be used" in run.err
    assert not key_file_path("default").exists()


def test_headless_with_store_file_writes_0600_file_and_warns(
    use_keyring: InstallKeyring,
) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    run = Run()
    assert run.login(KEY + "\n", FakeVerify(), storage_choice="file") == 0
    path = key_file_path("default")
    assert path.read_text().strip() == KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert UNENCRYPTED_FILE_WARNING in run.err
    assert "keyring" not in run.out.lower(), "the user chose the file; no keyring lecture"
    assert str(path) in run.out
    run.assert_key_never_shown()


def test_store_file_where_a_keyring_works_says_so_in_one_line() -> None:
    run = Run()
    assert run.login(KEY + "\n", FakeVerify(), storage_choice="file") == 0
    notes = [line for line in run.out.splitlines() if "keyring" in line.lower()]
    assert notes == [
        "note: this machine has a working OS keyring; plain login stores the key there."
    ]


def test_store_session_keeps_nothing(memory_keyring: MemoryKeyring, config_dir: Path) -> None:
    run = Run()
    assert run.login(KEY + "\n", FakeVerify(), storage_choice="session") == 0
    assert "not stored" in run.out
    assert memory_keyring.passwords == {}
    assert not config_dir.exists()
    run.assert_key_never_shown()


def test_without_a_check_the_key_is_stored_and_the_user_told(
    memory_keyring: MemoryKeyring,
) -> None:
    run = Run()
    assert run.login(KEY + "\n", None) == 0
    assert "not checked" in run.out
    assert memory_keyring.passwords == {(SERVICE_NAME, "default"): KEY}


@pytest.mark.parametrize("stdin", ["\n", "   \n"])
def test_empty_key_is_refused(stdin: str, memory_keyring: MemoryKeyring) -> None:
    run, verify = Run(), FakeVerify()
    assert run.login(stdin, verify) == 1
    assert "no API key given" in run.err
    assert verify.keys == []


def test_end_of_input_cancels(memory_keyring: MemoryKeyring) -> None:
    run = Run()
    assert run.login("", FakeVerify()) == 130
    assert "cancelled" in run.err
    assert memory_keyring.passwords == {}


def test_interrupt_at_the_hidden_prompt_cancels_without_traceback() -> None:
    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    run = Run()
    assert run.login(Terminal(), FakeVerify(), read_hidden=interrupted) == 130
    assert "Traceback" not in run.err


def test_bad_store_choice_and_profile_are_usage_errors() -> None:
    run = Run()
    assert run.login(KEY + "\n", FakeVerify(), storage_choice="cloud") == 2
    assert "--store must be one of keyring, file, session" in run.err
    bad_profile = run_login(
        "../x",
        BASE_URL,
        FakeVerify(),
        stdin=io.StringIO(KEY),
        stdout=run.stdout,
        stderr=run.stderr,
    )
    assert bad_profile == 2
    assert "invalid profile name" in run.err


def test_keyring_failure_while_storing_is_reported_without_the_key(
    use_keyring: InstallKeyring,
) -> None:
    use_keyring(LockedKeyring())
    run = Run()
    assert run.login(KEY + "\n", FakeVerify()) == 1
    assert "could not store the key in the OS keyring" in run.err
    run.assert_key_never_shown()


def test_hanging_keyring_while_storing_fails_fast(hanging_keyring: KeyringBackend) -> None:
    run = Run()
    started = time.monotonic()
    # keyring_status does not touch the backend, so the hang is in set_password.
    assert run.login(KEY + "\n", FakeVerify()) == 1
    assert time.monotonic() - started < 1
    assert "did not answer" in run.err


def test_environment_key_is_mentioned_after_login(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPIKON_API_KEY", "sk-other-key-000000000000")
    run = Run()
    assert run.login(KEY + "\n", FakeVerify()) == 0
    assert "SPIKON_API_KEY is set" in run.out


def test_login_arguments() -> None:
    parser = build_parser()
    args = parser.parse_args(["login", "--profile", "work", "--store", "file"])
    assert (args.command, args.profile, args.store) == ("login", "work", "file")
    args = parser.parse_args(["--profile", "home", "login"])
    assert (args.profile, args.store) == ("home", None)
    with pytest.raises(SystemExit):
        parser.parse_args(["login", "--store", "cloud"])
    for choice in STORE_CHOICES:
        assert parser.parse_args(["login", "--store", choice]).store == choice


# --- logout ---------------------------------------------------------------------


def test_logout_removes_keyring_entry_and_file(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.passwords[(SERVICE_NAME, "default")] = KEY
    path = key_file_path("default")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text(KEY)
    run = Run()
    assert run.logout() == 0
    assert memory_keyring.passwords == {}
    assert not path.exists()
    assert "Removed the OS keyring entry" in run.out
    assert f"Removed the key file {path}." in run.out
    run.assert_key_never_shown()


def test_logout_with_nothing_stored_says_so() -> None:
    run = Run()
    assert run.logout() == 0
    assert "No stored API key was found for profile 'default'" in run.out
    assert run.err == ""


def test_logout_without_a_keyring_says_nothing_of_it_once_the_key_file_is_gone(
    use_keyring: InstallKeyring,
) -> None:
    use_keyring(keyring.backends.fail.Keyring())
    path = key_file_path("default")
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text(KEY)
    run = Run()
    assert run.logout() == 0
    assert run.out.splitlines() == [f"Removed the key file {path}."]
    run = Run()
    assert run.logout() == 0
    assert "No stored API key was found" in run.out
    assert "keyring not checked" in run.out, "with nothing found, where else it may be"


def test_logout_with_a_hanging_keyring_fails(hanging_keyring: KeyringBackend) -> None:
    run = Run()
    assert run.logout() == 1
    assert "did not answer" in run.err


def test_login_then_logout_round_trip(memory_keyring: MemoryKeyring) -> None:
    run = Run()
    assert run.login(KEY + "\n", FakeVerify()) == 0
    assert run.logout() == 0
    assert memory_keyring.passwords == {}
    run.assert_key_never_shown()
