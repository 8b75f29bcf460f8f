"""The SMS being written, kept on disk: round trip, emptied, damaged."""

from __future__ import annotations

from pathlib import Path

from spikon_tui.sms.unsent import UNSENT_FILE, UnsentSms, keep_unsent, load_unsent


def test_a_draft_comes_back_as_written_and_an_empty_one_removes_the_file(tmp_path: Path) -> None:
    draft = UnsentSms("2way", "501234567", "Zażółć gęślą jaźń")
    keep_unsent(tmp_path / "profile", draft)
    assert load_unsent(tmp_path / "profile") == draft
    keep_unsent(tmp_path / "profile", UnsentSms("2way", " ", ""))
    assert not (tmp_path / "profile" / UNSENT_FILE).exists()
    assert load_unsent(tmp_path / "profile") is None


def test_a_damaged_file_is_no_draft(tmp_path: Path) -> None:
    (tmp_path / UNSENT_FILE).write_text('{"sender": "SMS"', encoding="utf-8")
    assert load_unsent(tmp_path) is None
    (tmp_path / UNSENT_FILE).write_text('{"sender": 1}', encoding="utf-8")
    assert load_unsent(tmp_path) is None


def test_without_a_folder_nothing_is_kept() -> None:
    keep_unsent(None, UnsentSms("SMS", "1", "x"))
    assert load_unsent(None) is None
