"""The issue's own case, as a person would run it: a 300-row office CSV (cp1250, `;`, mixed
number styles, in-file repeats) imported by `spikon-tui books import`, the process killed
half-way, run again, then a third time: every number once, and the third run adds nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from spikon_tui.contacts.numbers import match_key
from spikon_tui.sandbox import Sandbox
from tests.contacts.office_csv import office_csv, office_keys

ADD = "phone_book_element/add"


def command(sandbox: Sandbox, source: Path) -> list[str]:
    return [
        sys.executable, "-m", "spikon_tui", "books", "import", str(source),
        "--book", "Biuro", "--create", "--base-url", sandbox.base_url, "--lang", "en",
    ]  # fmt: skip


def book_keys(sandbox: Sandbox) -> list[str]:
    book = next(b for b in sandbox.state.books.books.values() if b.name == "Biuro")
    return [match_key(entry.number) or entry.number for entry in book.entries.values()]


def test_killed_half_way_then_run_again_leaves_each_number_once(
    sandbox: Sandbox, cli_env: dict[str, str], tmp_path: Path
) -> None:
    source = tmp_path / "klienci.csv"
    source.write_bytes(office_csv())
    env = {**os.environ, **cli_env}
    first = subprocess.Popen(command(sandbox, source), env=env, stdout=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while sandbox.request_counts.get(ADD, 0) < 100:
        assert first.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline, "the import never got half-way"
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait()
    half = book_keys(sandbox)
    assert 100 <= len(half) < len(office_keys())

    again = subprocess.run(command(sandbox, source), env=env, capture_output=True, timeout=120)
    assert again.returncode == 3, again.stderr  # 3 rows no book takes: partly done
    keys = book_keys(sandbox)
    assert sorted(keys) == sorted(set(keys)), "no number twice"
    assert set(keys) == office_keys()

    third = subprocess.run(command(sandbox, source), env=env, capture_output=True, timeout=120)
    assert b"0 added, 0 updated" in third.stdout, third.stdout
    assert sorted(book_keys(sandbox)) == sorted(keys)
