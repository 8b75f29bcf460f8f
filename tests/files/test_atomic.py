"""files.atomic: unique temporary files, modes, locks, damaged files set aside, JSON limits."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from spikon_tui.files.atomic import (
    DamagedFile,
    LockTimeout,
    append_locked,
    load_json,
    locked,
    open_atomically,
    set_aside,
    write_atomically,
)

NOW = 1_750_000_000.0


def test_writers_in_parallel_never_share_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    errors: list[BaseException] = []

    def write(name: str) -> None:
        for n in range(200):
            try:
                write_atomically(target, f'{{"{name}": {n}}}')
            except BaseException as error:  # noqa: BLE001 - counted, then asserted
                errors.append(error)

    threads = [threading.Thread(target=write, args=(name,)) for name in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert os.listdir(tmp_path) == ["file.json"]
    load_json(target.read_bytes())


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_modes_are_kept_forced_or_given_to_new_files(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.write_text("x")
    kept.chmod(0o640)
    write_atomically(kept, "y")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    secret = tmp_path / "secret"
    secret.write_text("x")
    secret.chmod(0o644)
    write_atomically(secret, "key", mode=0o600)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    new = tmp_path / "sub" / "new.wav"
    write_atomically(new, b"RIFF", new_mode=0o644)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644


def test_a_failed_block_replaces_nothing_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "calls.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), open_atomically(target, newline="") as file:
        file.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["calls.csv"]


def test_a_held_lock_times_out_as_an_os_error(tmp_path: Path) -> None:
    target = tmp_path / "store.json"
    with locked(target):
        outcome: list[BaseException] = []

        def other() -> None:
            try:
                with locked(target, timeout=0.1):
                    pass
            except OSError as error:
                outcome.append(error)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert len(outcome) == 1 and isinstance(outcome[0], LockTimeout)
    assert "another copy" in str(outcome[0])


def test_set_aside_names_the_time_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "store.json"
    target.write_text("{")
    first = set_aside(target, NOW)
    target.write_text("[")
    second = set_aside(target, NOW)
    assert first.name.startswith("store.json.damaged-2025") and second != first
    assert first.read_text() == "{" and second.read_text() == "["
    assert not target.exists()


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a": ' * 40 + b"1" + b"}" * 40,
        b"9" * 5000,
        b"-" + b"9" * 31,
        b"1" + b"0" * 400 + b".5",
        b"NaN",
        b"\xff\xfe",
        b"{",
    ],
)
def test_absurd_json_is_a_damaged_file(raw: bytes) -> None:
    with pytest.raises(DamagedFile):
        load_json(raw)


def test_brackets_inside_strings_do_not_count_as_depth() -> None:
    text = '{"a": "' + "[" * 1000 + '\\"' + "{" * 100 + '"}'
    assert load_json(text.encode()) == {"a": "[" * 1000 + '"' + "{" * 100}


def test_appends_from_many_threads_never_interleave(tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"

    def append(name: str) -> None:
        for n in range(100):
            append_locked(log, f'{{"who": "{name}", "n": {n}, "pad": "{"x" * 5000}"}}\n')

    threads = [threading.Thread(target=append, args=(name,)) for name in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = log.read_text().splitlines()
    assert len(lines) == 400
    for line in lines:
        load_json(line.encode())
