"""The CSV export: what a spreadsheet gets, written whole or not at all."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from spikon_tui.api.models import CallRecord
from spikon_tui.calls.csv_export import HEADER, describe_os_error, write_calls_csv

LINK = "https://panel.spikon.pl/channels/lists/call/get_playback_file?id=123456"
CALLS = [
    CallRecord(datetime(2025, 6, 14, 10, 46, 54), "501234567", "587201213", 123, "Odebrane", LINK),
    CallRecord(datetime(2025, 6, 14, 9, 39, 32), "587201213", "+48 22, 1", 0, "Zajęte", ""),
]


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def test_the_calls_are_written_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    assert write_calls_csv(path, CALLS) == 2
    assert read(path) == [
        list(HEADER),
        ["2025-06-14 10:46:54", "501234567", "587201213", "123", "2 min 03 s", "Answered", LINK],
        ["2025-06-14 09:39:32", "587201213", "'+48 22, 1", "0", "0 s", "Busy", ""],
    ]


def test_missing_folders_are_created_and_an_old_file_replaced(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "calls.csv"
    write_calls_csv(path, CALLS)
    assert write_calls_csv(path, CALLS[:1]) == 1
    assert len(read(path)) == 2
    assert sorted(p.name for p in path.parent.iterdir()) == ["calls.csv"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    write_calls_csv(path, CALLS)

    def broken_calls():
        yield CALLS[0]
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_calls_csv(path, broken_calls())
    assert len(read(path)) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calls.csv"]


def test_a_folder_that_cannot_exist_raises_os_error_said_in_words(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "calls.csv"
    with pytest.raises(OSError) as caught:
        write_calls_csv(target, CALLS)
    text = describe_os_error(caught.value, target)
    assert text.startswith(f"Could not write {target}: ")
    assert text.endswith(".") and "Errno" not in text
