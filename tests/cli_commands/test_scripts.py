"""The script commands against the real sandbox: output, --json shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spikon_tui.cli.main import main
from spikon_tui.i18n import set_language
from spikon_tui.sandbox import Sandbox


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def run(sandbox: Sandbox, *args: str) -> int:
    return main([*args, "--base-url", sandbox.base_url, "--lang", "en"])


def book_numbers(sandbox: Sandbox, book_id: int) -> list[str]:
    return [entry.number for entry in sandbox.state.books.books[book_id].entries.values()]


def test_balance_in_words_and_as_json(sandbox: Sandbox, cli_env, capsys) -> None:
    assert run(sandbox, "balance") == 0
    words = capsys.readouterr().out.strip()
    assert words.endswith("zł")
    assert run(sandbox, "balance", "--json") == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == {"balance", "currency"} and answer["currency"] == "PLN"
    assert words.startswith(answer["balance"].replace(".", ",")[:3])


def test_books_list_as_json_names_every_book(sandbox: Sandbox, cli_env, capsys) -> None:
    assert run(sandbox, "books", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [{"id": b.id, "name": b.name} for b in sandbox.state.books.books.values()]


def test_an_unknown_book_is_bad_input_in_words(sandbox: Sandbox, cli_env, capsys) -> None:
    assert run(sandbox, "books", "export", "Nie ma takiej") == 2
    error = capsys.readouterr().err
    assert "no phone book 'Nie ma takiej'" in error and "Traceback" not in error


def test_export_to_a_file_then_import_as_a_dry_run_changes_nothing(
    sandbox: Sandbox, cli_env, tmp_path: Path, capsys
) -> None:
    for name in ("book.csv", "book.vcf"):
        target = tmp_path / name
        assert run(sandbox, "books", "export", "0", "-o", str(target)) == 0
        before = book_numbers(sandbox, 0)
        assert run(sandbox, "books", "import", str(target), "--book", "0", "--dry-run") == 0
        out = capsys.readouterr().out
        assert "0 to add, 0 to update" in out, out
        assert book_numbers(sandbox, 0) == before


def test_import_adds_once_and_a_second_run_adds_nothing(
    sandbox: Sandbox, cli_env, tmp_path: Path, capsys
) -> None:
    source = tmp_path / "nowi.csv"
    text = "Nazwa;Telefon\nJan Żółć;+48 600 111 000\nAnna;600-111-001\n"
    source.write_bytes(text.encode("cp1250"))
    assert run(sandbox, "books", "import", str(source), "--book", "Nowi", "--create") == 0
    assert "2 added" in capsys.readouterr().out
    assert run(sandbox, "books", "import", str(source), "--book", "Nowi") == 0
    assert "0 added" in capsys.readouterr().out
    created = next(b for b in sandbox.state.books.books.values() if b.name == "Nowi")
    assert sorted(book_numbers(sandbox, created.id)) == ["600111000", "600111001"]


def test_refused_rows_make_it_partly_done(sandbox: Sandbox, cli_env, tmp_path, capsys) -> None:
    source = tmp_path / "mixed.csv"
    source.write_text("name,number\nOla,600111002\nBrak,\n", encoding="utf-8")
    assert run(sandbox, "books", "import", str(source), "--book", "0") == 3
    captured = capsys.readouterr()
    assert "1 added" in captured.out and "line 3 refused" in captured.err


def test_a_binary_file_or_a_missing_book_is_exit_2_never_a_traceback(
    sandbox: Sandbox, cli_env, tmp_path: Path, capsys
) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    assert run(sandbox, "books", "import", str(binary), "--book", "0") == 2
    assert "not a text file" in capsys.readouterr().err
    good = tmp_path / "ok.csv"
    good.write_text("name,number\nOla,600111003\n", encoding="utf-8")
    assert run(sandbox, "books", "import", str(good), "--book", "Brak takiej") == 2
    assert "--create" in capsys.readouterr().err
    assert sandbox.request_counts.get("phone_book_element/add", 0) == 0


def test_the_network_gone_is_exit_1(sandbox: Sandbox, cli_env, capsys) -> None:
    url = sandbox.base_url
    sandbox.stop()
    assert main(["balance", "--base-url", url]) == 1
    assert "Could not connect" in capsys.readouterr().err


def test_call_by_name_rings_the_chosen_account_and_several_matches_dial_nothing(
    sandbox: Sandbox, cli_env, capsys
) -> None:
    entry = next(iter(sandbox.state.books.books[0].entries.values()))
    assert run(sandbox, "call", entry.name, "--from", "1") == 0, capsys.readouterr().err
    assert entry.name in capsys.readouterr().out
    assert sandbox.request_counts["call/initiate"] == 1
    assert run(sandbox, "call", "a", "--from", "1") == 2
    assert "entries match 'a'" in capsys.readouterr().err
    assert sandbox.request_counts["call/initiate"] == 1, "a list, and nothing dialled"
