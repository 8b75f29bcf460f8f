"""The list of sent SMS of one profile, kept in `<profile data folder>/sms-sent.json`.

The file is one JSON document, `{"version": 1, "messages": [...]}`, written to a
temporary file of its own and renamed over the old one (`files.atomic`), so a crash
never leaves half a file and a reader sees the old list or the new one. Saving holds
the lock `sms-sent.json.lock` while it reads what is on disk, merges by key (the
record checked last wins) and writes, so two copies of the app on one profile (two
tmux panes) never erase each other's messages.

A file that cannot be used never stops the screen: the problem comes back in words
from `load()`, the damaged file is moved aside (never overwritten) and a new list
starts. When the file can be neither read nor moved aside, nothing is written
this session, so whatever it holds survives. Without a folder (`folder=None`)
nothing is kept on disk at all.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from spikon_tui.files.atomic import load_json, locked, set_aside, write_atomically
from spikon_tui.i18n import N_, _
from spikon_tui.sms.sent import SentMessage

STORE_FILE = "sms-sent.json"
FORMAT_VERSION = 1
MAX_KEPT = 5000
"""The newest messages kept; older ones are dropped when the list is saved."""


_NEWER = N_(
    "The list of sent SMS ({path}) was written by a newer spikon-tui. It is "
    "left untouched, and new messages are not saved in it."
)


class StoreError(Exception):
    """Saving failed; `str()` says why, in words."""


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


class SentStore:
    def __init__(self, folder: Path | None, clock: Callable[[], float] = time.time) -> None:
        self.path: Path | None = folder / STORE_FILE if folder is not None else None
        self._clock = clock
        self.messages: dict[str, SentMessage] = {}
        self._removed: set[str] = set()
        self.writable = self.path is not None

    # -- reading ---------------------------------------------------------------------

    def load(self) -> str | None:
        """Read the file; None when all went well, else what went wrong, in words."""
        self.messages = {}
        if self.path is None:
            return None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self.writable = False
            return _(
                "The list of sent SMS could not be read ({reason}): {path}. "
                "New messages show here but are not saved until that is fixed."
            ).format(reason=_reason(error), path=self.path)
        try:
            records, version = _parse(raw)
        except ValueError:
            return self._set_aside(raw, damaged=True)
        if version > FORMAT_VERSION:
            self.writable = False
            return _(_NEWER).format(path=self.path)
        good, bad = _read_records(records)
        self.messages = _ordered(good)
        if bad:
            kept = self._set_aside(raw, damaged=False)
            total = bad + len(good)
            left_out = _(
                "{bad} of {total} sent SMS in {path} could not be read and are left out."
            ).format(bad=bad, total=total, path=self.path)
            return f"{left_out} {kept}"
        return None

    def _set_aside(self, raw: bytes, *, damaged: bool) -> str:
        """Keep the file as it is under another name; say so (or why not).

        A `damaged` file is moved aside (a new list starts); one with a few bad
        records is copied aside (its good records are kept).
        """
        assert self.path is not None
        copy = not damaged
        try:
            backup = set_aside(self.path, self._clock(), copy_of=raw if copy else None)
        except OSError as error:
            self.writable = False
            if damaged:
                text = _(
                    "The list of sent SMS ({path}) was damaged and could not be read; it "
                    "could not be set aside ({reason}), so new messages are not saved this time."
                )
            else:
                text = _(
                    "The file could not be set aside ({reason}), so new messages are "
                    "not saved this time."
                )
            return text.format(path=self.path, reason=_reason(error))
        if copy:
            return _("The file as it was is kept as {backup}.").format(backup=backup.name)
        return _(
            "The list of sent SMS ({path}) was damaged and could not be read. It is kept "
            "as {backup}, and a new list starts."
        ).format(path=self.path, backup=backup.name)

    # -- changing ----------------------------------------------------------------------

    def put(self, records: Iterable[SentMessage]) -> None:
        """Add new messages or replace known ones (by key)."""
        for record in records:
            self.messages[record.key] = record
            self._removed.discard(record.key)
        self.messages = _ordered(self.messages.values())

    def remove(self, key: str) -> None:
        self.messages.pop(key, None)
        self._removed.add(key)

    def get(self, key: str) -> SentMessage | None:
        return self.messages.get(key)

    # -- writing -----------------------------------------------------------------------

    def save(self) -> None:
        """Merge with the file on disk and write it; raises `StoreError` in words."""
        if self.path is None or not self.writable:
            return
        try:
            with locked(self.path):
                newest = self._merge_and_write(self.path)
        except OSError as error:
            raise StoreError(
                _(
                    "The list of sent SMS could not be saved to {path} ({reason}). "
                    "What is on screen stays until you quit."
                ).format(path=self.path, reason=_reason(error))
            ) from None
        self.messages = newest

    def _merge_and_write(self, path: Path) -> dict[str, SentMessage]:
        """Under the lock: what is on disk, merged with this copy's changes, written."""
        merged = dict(self._on_disk())
        for key in self._removed:
            merged.pop(key, None)
        for key, record in self.messages.items():
            theirs = merged.get(key)
            if theirs is None or _checked(record) >= _checked(theirs):
                merged[key] = record
        newest = _ordered(merged.values())
        if len(newest) > MAX_KEPT:
            newest = dict(list(newest.items())[-MAX_KEPT:])
        document = {
            "version": FORMAT_VERSION,
            "messages": [record.to_json() for record in newest.values()],
        }
        write_atomically(path, json.dumps(document, ensure_ascii=False))
        return newest

    def _on_disk(self) -> dict[str, SentMessage]:
        """Under the lock: what another copy of the app may have written meanwhile.

        A file that cannot be read raises OSError (nothing is written over it); a
        damaged one is set aside first, so merging never writes over it either.
        """
        assert self.path is not None
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        try:
            records, version = _parse(raw)
        except ValueError:
            set_aside(self.path, self._clock())
            return {}
        if version > FORMAT_VERSION:
            self.writable = False
            raise StoreError(_(_NEWER).format(path=self.path))
        return _ordered(_read_records(records)[0])


def _parse(raw: bytes) -> tuple[list[object], int]:
    """The records and format version of a file; ValueError when it is not our file."""
    document = load_json(raw)  # DamagedFile, a ValueError, for anything unsound
    if not isinstance(document, dict):
        raise ValueError("not an object")
    version = document.get("version")
    messages = document.get("messages")
    if isinstance(version, bool) or not isinstance(version, int) or not isinstance(messages, list):
        raise ValueError("no version or no messages")
    return messages, version


def _read_records(items: list[object]) -> tuple[list[SentMessage], int]:
    good: list[SentMessage] = []
    bad = 0
    for item in items:
        try:
            good.append(SentMessage.from_json(item))
        except (ValueError, TypeError, KeyError, OverflowError):
            bad += 1
    return good, bad


def _ordered(records: Iterable[SentMessage]) -> dict[str, SentMessage]:
    """By key, oldest first (the order they were sent)."""
    return {record.key: record for record in sorted(records, key=lambda r: r.sent_at)}


def _checked(record: SentMessage) -> float:
    return record.checked_at if record.checked_at is not None else float("-inf")
