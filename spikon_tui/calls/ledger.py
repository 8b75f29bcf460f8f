"""What this app knows about ordered call history reports, and how old they are.

call_list/list says only a report's id and whether it is generated. When it was
ordered and with which filters, only the app that ordered it knows: the ledger
keeps that, per profile, in a small JSON file, so earlier reports show their age
and what they contain across runs. Reports ordered elsewhere (the web panel,
another program) are known from when this app first saw them.

The "gone" rule: SPIKON keeps a report for at most a month after it was
generated (`KEEP_SECONDS`, 30 days). A report is gone when it has left
call_list/list, or when what the ledger knows makes it older than that.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from spikon_tui.api.models import CallListStatus
from spikon_tui.calls.order import OrderRequest
from spikon_tui.files.atomic import load_json, locked, set_aside, write_atomically
from spikon_tui.i18n import N_, _

KEEP_SECONDS = 30 * 86400.0
"""How long SPIKON keeps a generated report: "at most a month"."""

FORGET_AFTER_SECONDS = 2 * KEEP_SECONDS
"""Gone reports are dropped from the ledger this long after they were known to exist."""

FILE_VERSION = 1


class ReportState(Enum):
    """A report's state; the values are msgids (`_(state.value)` words one)."""

    GENERATING = N_("generating…")
    READY = N_("ready")
    GONE = N_("gone")


@dataclass(frozen=True)
class ReportEntry:
    """One report: what SPIKON said about it and what this app remembers.

    Times are epoch seconds of the session clock. `ordered_at` is None for a report
    ordered outside this app; `first_seen_at` is when this app first knew of it.
    """

    id: int
    first_seen_at: float
    ordered_at: float | None = None
    generated_at: float | None = None
    request: OrderRequest | None = None
    listed: bool = True
    call_count: int | None = None

    def age(self, now: float) -> float:
        """Seconds since it was ordered; at least this old when it was ordered elsewhere."""
        return max(0.0, now - self.known_since())

    @property
    def age_is_exact(self) -> bool:
        """False for a report ordered elsewhere: `age` counts from when this app first saw it."""
        return self.ordered_at is not None

    def known_since(self) -> float:
        """The earliest moment the report is known to have existed."""
        return self.ordered_at if self.ordered_at is not None else self.first_seen_at

    def state(self, now: float) -> ReportState:
        if not self.listed:
            return ReportState.GONE
        kept_from = self.generated_at if self.generated_at is not None else self.known_since()
        if now - kept_from > KEEP_SECONDS:
            return ReportState.GONE
        return ReportState.READY if self.generated_at is not None else ReportState.GENERATING

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "first_seen_at": self.first_seen_at,
            "ordered_at": self.ordered_at,
            "generated_at": self.generated_at,
            "request": None if self.request is None else self.request.to_json(),
            "listed": self.listed,
            "call_count": self.call_count,
        }

    @classmethod
    def from_json(cls, data: object) -> ReportEntry | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                id=int(data["id"]),
                first_seen_at=float(data["first_seen_at"]),
                ordered_at=_optional_float(data.get("ordered_at")),
                generated_at=_optional_float(data.get("generated_at")),
                request=OrderRequest.from_json(data.get("request")),
                listed=bool(data.get("listed", True)),
                call_count=_optional_int(data.get("call_count")),
            )
        except (KeyError, TypeError, ValueError, OverflowError, AttributeError):
            return None


def _optional_float(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise TypeError(f"not a number: {value!r}")
    return float(value)


def _optional_int(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise TypeError(f"not a whole number: {value!r}")
    return int(value)


class ReportLedger:
    """The reports of one profile, by id; saved to `path` after each change (None: memory only)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._entries: dict[int, ReportEntry] = {}
        self._forgotten: set[int] = set()
        self.save_error: OSError | None = None
        """Why the last save failed (the ledger still works, for this run only)."""
        self.problem: str | None = None
        self.set_aside = False
        """True when the file was damaged and set aside (`problem` says where it went)."""
        """What was wrong with the file when it was loaded, in words (None: nothing)."""

    @classmethod
    def load(cls, path: Path | None, now: float | None = None) -> ReportLedger:
        """The ledger saved at `path`; an unreadable or damaged file starts an empty one.

        A damaged file is set aside (named after `now`, else after its own time)
        and `problem` says so.
        """
        ledger = cls(path)
        if path is None:
            return ledger
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return ledger
        except OSError as error:
            ledger.problem = _cannot_read(path, error)
            return ledger
        try:
            ledger._entries = _parse(raw)
        except ValueError:
            ledger.problem = _set_aside(path, now)
            ledger.set_aside = True
        return ledger

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, report_id: int) -> ReportEntry | None:
        return self._entries.get(report_id)

    def entries(self) -> list[ReportEntry]:
        """Every report, newest (highest id) first."""
        return sorted(self._entries.values(), key=lambda entry: entry.id, reverse=True)

    def note_ordered(self, report_id: int, request: OrderRequest, now: float) -> ReportEntry:
        """This app ordered `report_id` just now."""
        entry = ReportEntry(id=report_id, first_seen_at=now, ordered_at=now, request=request)
        self._entries[report_id] = entry
        self.save()
        return entry

    def note_listed(self, statuses: Iterable[CallListStatus], now: float) -> None:
        """call_list/list answered `statuses`: new reports are added, missing ones are gone."""
        listed = {status.id: status for status in statuses}
        changed = False
        for report_id, status in listed.items():
            entry = self._entries.get(report_id)
            if entry is None:
                entry = ReportEntry(id=report_id, first_seen_at=now)
            updated = replace(
                entry,
                listed=True,
                generated_at=entry.generated_at
                if entry.generated_at is not None or not status.generated
                else now,
            )
            if updated != self._entries.get(report_id):
                self._entries[report_id] = updated
                changed = True
        for report_id, entry in list(self._entries.items()):
            if report_id in listed:
                continue
            if now - entry.known_since() > FORGET_AFTER_SECONDS:
                del self._entries[report_id]
                self._forgotten.add(report_id)
                changed = True
            elif entry.listed:
                self._entries[report_id] = replace(entry, listed=False)
                changed = True
        if changed:
            self.save()

    def note_loaded(self, report_id: int, call_count: int, now: float) -> None:
        """call_list/show answered with `call_count` calls: the report is generated."""
        entry = self._entries.get(report_id) or ReportEntry(id=report_id, first_seen_at=now)
        updated = replace(
            entry,
            call_count=call_count,
            listed=True,
            generated_at=entry.generated_at if entry.generated_at is not None else now,
        )
        if updated != entry or report_id not in self._entries:
            self._entries[report_id] = updated
            self.save()

    def save(self) -> None:
        """Merge with the file under its lock and write it; a failure is kept in `save_error`."""
        if self.path is None:
            return
        try:
            with locked(self.path):
                self._merge_from_disk(self.path)
                data = {
                    "version": FILE_VERSION,
                    "reports": [entry.to_json() for entry in self.entries()],
                }
                write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1))
        except OSError as error:
            self.save_error = error
        else:
            self.save_error = None

    def _merge_from_disk(self, path: Path) -> None:
        """What another copy saved meanwhile joins this ledger (a damaged file is set aside)."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return
        try:
            theirs = _parse(raw)
        except ValueError:
            set_aside(path, path.stat().st_mtime)
            return
        for report_id, entry in theirs.items():
            if report_id in self._forgotten:
                continue
            ours = self._entries.get(report_id)
            self._entries[report_id] = entry if ours is None else _merged(ours, entry)


def _merged(ours: ReportEntry, theirs: ReportEntry) -> ReportEntry:
    """One report known to two copies: what either knows, gone when either saw it gone."""
    generated = [at for at in (ours.generated_at, theirs.generated_at) if at is not None]
    return replace(
        ours,
        first_seen_at=min(ours.first_seen_at, theirs.first_seen_at),
        ordered_at=ours.ordered_at if ours.ordered_at is not None else theirs.ordered_at,
        request=ours.request if ours.request is not None else theirs.request,
        generated_at=min(generated) if generated else None,
        listed=ours.listed and theirs.listed,
        call_count=ours.call_count if ours.call_count is not None else theirs.call_count,
    )


def _parse(raw: bytes) -> dict[int, ReportEntry]:
    """The entries of a ledger file (unreadable ones left out); ValueError if it is not one."""
    data = load_json(raw)
    if not isinstance(data, dict) or data.get("version") != FILE_VERSION:
        raise ValueError("not a ledger file")
    reports = data.get("reports", [])
    if not isinstance(reports, list):
        raise ValueError("no list of reports")
    entries: dict[int, ReportEntry] = {}
    for item in reports:
        entry = ReportEntry.from_json(item)
        if entry is not None:
            entries[entry.id] = entry
    return entries


def _set_aside(path: Path, now: float | None) -> str:
    try:
        backup = set_aside(path, now if now is not None else path.stat().st_mtime)
    except OSError as error:
        return _cannot_read(path, error)
    return _(
        "The list of call reports ({path}) was damaged and could not be read. It is kept "
        "as {backup}, and a new list starts."
    ).format(path=path, backup=backup.name)


def _cannot_read(path: Path, error: OSError) -> str:
    reason = _("cannot read the file: {reason}").format(
        reason=error.strerror or type(error).__name__
    )
    return f"{path}: {reason}"
