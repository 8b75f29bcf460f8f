"""The per-profile list of sent SMS on disk: round trip, merging, and damage never crashing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spikon_tui.sms.sent import SentMessage
from spikon_tui.sms.store import MAX_KEPT, STORE_FILE, SentStore, StoreError

T0 = 1_750_000_000.0


def clock() -> float:
    return T0


def record(n: int, **changes: object) -> SentMessage:
    fields = dict(
        key=f"sms-{n}",
        number="501234567",
        sender="SMS",
        message=f"message {n} ż",
        sent_at=T0 + n,
        sms_id=n,
    )
    fields.update(changes)
    return SentMessage(**fields)  # type: ignore[arg-type]


def test_without_a_folder_nothing_touches_the_disk(tmp_path: Path) -> None:
    store = SentStore(None, clock)
    assert store.load() is None
    store.put([record(1)])
    store.save()
    assert list(tmp_path.iterdir()) == []


def test_round_trip_creates_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    store = SentStore(folder, clock)
    assert store.load() is None  # no file yet: an empty list, no complaint
    store.put([record(2, name="Jan", state=2, error="Odrzucona", checked_at=T0 + 9), record(1)])
    store.save()
    again = SentStore(folder, clock)
    assert again.load() is None
    assert list(again.messages.values()) == [
        record(1),
        record(2, name="Jan", state=2, error="Odrzucona", checked_at=T0 + 9),
    ]
    text = (folder / STORE_FILE).read_text(encoding="utf-8")
    assert "ż" in text  # readable UTF-8, not \u escapes
    # No temporary file is left behind: only the list and its lock file.
    assert {path.name for path in folder.iterdir()} <= {STORE_FILE, f"{STORE_FILE}.lock"}


def test_two_copies_of_the_app_merge_instead_of_erasing(tmp_path: Path) -> None:
    first, second = SentStore(tmp_path, clock), SentStore(tmp_path, clock)
    first.load(), second.load()
    first.put([record(1)])
    first.save()
    second.put([record(2)])
    second.save()
    assert list(second.messages) == ["sms-1", "sms-2"]
    first.put([record(1, state=5, checked_at=T0 + 50)])
    first.save()
    second.put([record(2, state=4, checked_at=T0 + 5)])
    second.save()  # its older view of sms-1 must not undo the other copy's newer state
    final = SentStore(tmp_path, clock)
    final.load()
    assert final.messages["sms-1"].state == 5
    assert final.messages["sms-2"].state == 4


def test_a_removed_message_stays_removed_after_saving(tmp_path: Path) -> None:
    store = SentStore(tmp_path, clock)
    store.put([record(1), record(2)])
    store.save()
    store.remove("sms-1")
    store.save()
    assert list(store.messages) == ["sms-2"]
    reread = SentStore(tmp_path, clock)
    reread.load()
    assert list(reread.messages) == ["sms-2"]


def test_only_the_newest_are_kept(tmp_path: Path) -> None:
    store = SentStore(tmp_path, clock)
    store.put(record(n) for n in range(MAX_KEPT + 3))
    store.save()
    assert len(store.messages) == MAX_KEPT
    assert next(iter(store.messages)) == "sms-3"


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe", b"[]", b'{"version": 1}', b'{"version": "1", "messages": []}'],
)
def test_a_damaged_file_is_set_aside_and_a_new_list_starts(tmp_path: Path, content) -> None:
    (tmp_path / STORE_FILE).write_bytes(content)
    store = SentStore(tmp_path, clock)
    problem = store.load()
    assert problem is not None and "was damaged and could not be read" in problem
    assert store.messages == {}
    backups = list(tmp_path.glob(f"{STORE_FILE}.damaged-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    assert backups[0].name in problem
    store.put([record(1)])
    store.save()
    assert json.loads((tmp_path / STORE_FILE).read_text())["messages"][0]["key"] == "sms-1"


def test_bad_records_are_left_out_and_the_original_kept(tmp_path: Path) -> None:
    good = record(1).to_json()
    document = {"version": 1, "messages": [good, {"key": 5}, "junk"]}
    raw = json.dumps(document).encode()
    (tmp_path / STORE_FILE).write_bytes(raw)
    store = SentStore(tmp_path, clock)
    problem = store.load()
    assert problem is not None and problem.startswith("2 of 3 sent SMS in ")
    assert list(store.messages) == ["sms-1"]
    [backup] = tmp_path.glob(f"{STORE_FILE}.damaged-*")
    assert backup.read_bytes() == raw


def test_a_newer_format_is_left_untouched(tmp_path: Path) -> None:
    raw = b'{"version": 2, "messages": []}'
    (tmp_path / STORE_FILE).write_bytes(raw)
    store = SentStore(tmp_path, clock)
    assert "newer spikon-tui" in (store.load() or "")
    store.put([record(1)])
    store.save()
    assert (tmp_path / STORE_FILE).read_bytes() == raw


def test_an_unreadable_file_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILE
    path.mkdir()  # reading it fails with an OSError, as a file without read permission would
    (path / "inside").write_text("keep")
    store = SentStore(tmp_path, clock)
    problem = store.load()
    assert problem is not None and "could not be read" in problem
    assert "not saved until that is fixed" in problem
    store.put([record(1)])
    store.save()  # does nothing: the file may hold messages that could not be read
    assert (path / "inside").read_text() == "keep"
    assert list(tmp_path.iterdir()) == [path]


def test_a_failed_save_says_why_in_words(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = SentStore(blocker, clock)
    store.put([record(1)])
    with pytest.raises(StoreError, match="could not be saved to .*What is on screen stays"):
        store.save()
