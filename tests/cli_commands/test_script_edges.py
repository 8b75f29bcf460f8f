"""The script commands' edges against the real sandbox: which phone account rings, names
that match several books, files with no number column, a dry run into a book --create
would make, the key kept out of every word, --json shapes and no progress off a terminal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from spikon_tui.cli.main import main
from spikon_tui.i18n import set_language
from spikon_tui.sandbox import Sandbox
from tests.contacts.office_csv import office_csv, office_keys

CALL = "call/initiate"


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def run(sandbox: Sandbox, *args: str) -> int:
    return main([*args, "--base-url", sandbox.base_url, "--lang", "en"])


def calls_made(sandbox: Sandbox) -> int:
    return sandbox.request_counts.get(CALL, 0)


def test_without_from_several_accounts_are_listed_and_nothing_rings(
    sandbox: Sandbox, cli_env, capsys
) -> None:
    assert len(sandbox.state.phone_accounts) > 1
    assert run(sandbox, "call", "600 100 200") == 2
    error = capsys.readouterr().err
    assert "--from" in error
    for account in sandbox.state.phone_accounts:
        assert account.login in error
    assert calls_made(sandbox) == 0


def test_the_remembered_caller_rings_without_from(
    sandbox: Sandbox, cli_env, capsys, tmp_path: Path
) -> None:
    chosen = sandbox.state.phone_accounts[-1]
    config_dir = Path(cli_env["SPIKON_TUI_CONFIG_DIR"])
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "config.toml").write_text(
        f"[profiles.default]\ncaller_phone_account_id = {chosen.id}\n", encoding="utf-8"
    )
    assert run(sandbox, "call", "+48 600-100-200") == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert chosen.description in out and "600 100 200" in out
    assert calls_made(sandbox) == 1


def test_from_by_login_and_an_unknown_account_is_exit_2(sandbox: Sandbox, cli_env, capsys) -> None:
    account = sandbox.state.phone_accounts[0]
    assert run(sandbox, "call", "600100200", "--from", account.login) == 0
    assert account.description in capsys.readouterr().out
    assert run(sandbox, "call", "600100200", "--from", "nikt") == 2
    assert "no phone account 'nikt'" in capsys.readouterr().err
    assert calls_made(sandbox) == 1


def test_a_name_no_book_has_is_exit_2_and_rings_nothing(sandbox: Sandbox, cli_env, capsys) -> None:
    assert run(sandbox, "call", "Qwxz Nieistniejący", "--from", "1") == 2
    assert "no phone-book entry matches" in capsys.readouterr().err
    assert calls_made(sandbox) == 0


def test_two_books_of_one_name_but_for_case_are_listed_by_id(
    sandbox: Sandbox, cli_env, capsys
) -> None:
    first = sandbox.state.books.add_book("Klienci")
    second = sandbox.state.books.add_book("KLIENCI")  # SPIKON refuses only the same name
    assert run(sandbox, "books", "export", "klienci") == 2
    error = capsys.readouterr().err
    assert f"{first.id}\tKlienci" in error and f"{second.id}\tKLIENCI" in error
    assert run(sandbox, "books", "export", "KLIENCI") == 0, "the exact name still picks one"
    assert run(sandbox, "books", "export", str(second.id)) == 0
    assert capsys.readouterr().out.startswith("name,number")


def test_a_csv_without_a_number_column_is_exit_2_in_words(
    sandbox: Sandbox, cli_env, capsys, tmp_path: Path
) -> None:
    source = tmp_path / "lista.csv"
    source.write_text("Imię;Miasto\nAnna;Gdańsk\nJan;Sopot\n", encoding="utf-8")
    assert run(sandbox, "books", "import", str(source), "--book", "0") == 2
    error = capsys.readouterr().err
    assert "lista.csv" in error and "Traceback" not in error
    assert sandbox.request_counts.get("phone_book_element/add", 0) == 0


def test_a_dry_run_with_create_plans_against_an_empty_book_and_creates_nothing(
    sandbox: Sandbox, cli_env, capsys, tmp_path: Path
) -> None:
    source = tmp_path / "klienci.csv"
    source.write_bytes(office_csv())
    books_before = set(sandbox.state.books.books)
    code = run(sandbox, "books", "import", str(source), "--book", "Nowa", "--create", "--dry-run")
    captured = capsys.readouterr()
    assert code == 3, captured.err  # the office file has 3 rows no book takes
    assert "“Nowa”, dry run: " in captured.out and " 0 to update" in captured.out
    assert "line 51 refused" in captured.err
    assert set(sandbox.state.books.books) == books_before
    assert sandbox.request_counts.get("phone_book/add", 0) == 0


def test_json_shapes_are_exactly_as_documented(sandbox: Sandbox, cli_env, capsys) -> None:
    assert run(sandbox, "balance", "--json") == 0
    balance = json.loads(capsys.readouterr().out)
    assert list(balance) == ["balance", "currency"]
    assert Decimal(balance["balance"]) == sandbox.state.balance
    assert run(sandbox, "books", "list", "--json") == 0
    books = json.loads(capsys.readouterr().out)
    assert all(list(book) == ["id", "name"] and isinstance(book["id"], int) for book in books)
    assert run(sandbox, "books", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{book['id']}\t{book['name']}" for book in books]


def test_the_key_never_appears_in_output(sandbox: Sandbox, cli_env, capsys, tmp_path) -> None:
    key = cli_env["SPIKON_API_KEY"]
    (tmp_path / "x.csv").write_bytes(b"\x00\x01\x02" * 100)
    outcomes = [
        run(sandbox, "balance"),
        run(sandbox, "books", "list", "--json"),
        run(sandbox, "books", "export", "Brak"),
        run(sandbox, "books", "import", str(tmp_path / "x.csv"), "--book", "0"),
        run(sandbox, "call", "a", "--from", "1"),
    ]
    assert outcomes == [0, 0, 2, 2, 2]
    captured = capsys.readouterr()
    assert key not in captured.out and key not in captured.err


def test_a_refused_key_is_exit_1_and_no_key_at_all_is_exit_2(
    sandbox: Sandbox, cli_env, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPIKON_API_KEY", "ZZ" + cli_env["SPIKON_API_KEY"][2:])
    assert run(sandbox, "balance") == 1
    assert capsys.readouterr().err.startswith("spikon-tui: ")
    monkeypatch.delenv("SPIKON_API_KEY")
    monkeypatch.setattr("spikon_tui.credentials.keyring_status", _no_keyring)
    assert run(sandbox, "balance") == 2
    assert "spikon-tui login" in capsys.readouterr().err


def _no_keyring(*, timeout: float | None = None):
    from spikon_tui.credentials import KeyringStatus

    return KeyringStatus(usable=False, backend="none", reason="no keyring in this test")


def test_a_subprocess_off_a_terminal_gets_no_progress_line(
    sandbox: Sandbox, cli_env, tmp_path: Path
) -> None:
    source = tmp_path / "klienci.csv"
    source.write_bytes(office_csv())
    command = [
        sys.executable, "-m", "spikon_tui", "books", "import", str(source), "--book", "Biuro",
        "--create", "--base-url", sandbox.base_url, "--lang", "en",
    ]  # fmt: skip
    done = subprocess.run(
        command, env={**os.environ, **cli_env}, capture_output=True, timeout=120, text=True
    )
    assert done.returncode == 3, done.stderr
    assert "\r" not in done.stderr and "%" not in done.stderr
    assert done.stderr.count("refused") == 3
    assert done.stdout.startswith("“Biuro”: ") and done.stdout.count("\n") == 1


def test_demo_needs_no_key(cli_env, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPIKON_API_KEY")
    assert main(["balance", "--demo", "--json", "--lang", "en"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"balance", "currency"}


def test_ctrl_c_half_way_is_exit_130_and_the_next_run_finishes(
    sandbox: Sandbox, cli_env, tmp_path: Path
) -> None:
    source = tmp_path / "klienci.csv"
    source.write_bytes(office_csv())
    command = [
        sys.executable, "-m", "spikon_tui", "books", "import", str(source), "--book", "Biuro",
        "--create", "--base-url", sandbox.base_url, "--lang", "en",
    ]  # fmt: skip
    env = {**os.environ, **cli_env}
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while sandbox.request_counts.get("phone_book_element/add", 0) < 50:
        assert first.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline, "the import never got going"
        time.sleep(0.01)
    first.send_signal(signal.SIGINT)
    _, stderr = first.communicate(timeout=60)
    assert first.returncode == 130, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    again = subprocess.run(command, env=env, capture_output=True, timeout=120, text=True)
    assert again.returncode == 3, again.stderr
    book = next(b for b in sandbox.state.books.books.values() if b.name == "Biuro")
    numbers = [entry.number for entry in book.entries.values()]
    assert len(numbers) == len(set(numbers)) == len(office_keys())


def test_several_matches_are_listed_best_first(sandbox: Sandbox, cli_env, capsys) -> None:
    book = sandbox.state.books.add_book("Znajomi")
    sandbox.state.books.add_entry(book.id, "Zuzanna Qwerty", "600100301")
    sandbox.state.books.add_entry(book.id, "Anna Qwerty", "600100302")
    assert run(sandbox, "call", "anna qwerty", "--from", "1") == 2
    listed = [line.strip() for line in capsys.readouterr().err.splitlines()[1:]]
    assert listed == ["Anna Qwerty\t600 100 302", "Zuzanna Qwerty\t600 100 301"]
    assert calls_made(sandbox) == 0
