"""Running an import into a phone book: plan from the book as it is now, then send.

`run_import` first reads the book (`phone_book_show`) and plans from its current
content (`contacts.import_plan`), never from what an earlier run remembers, so an
import interrupted any way (network gone, app killed, cancelled) and run again adds
no entry twice. Then, one request at a time: the adds, the updates (`replace_entry`:
add the new, delete the old) and the deletes of what an interrupted update left.
One at a time keeps the order of the file and lets a stop be exact; the sandbox
answers a request in about a millisecond, so a 300-row import takes seconds.

A refusal that concerns one row (a bad value) is kept with the row and the next is
tried. Anything else (the network, an answer that never came, the key refused, the
book gone) stops the run: the rest would most likely fail the same way, and a state-
changing request is never sent twice by this code. Cancelling stops before the next
request.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spikon_tui.api.client import SpikonClient
from spikon_tui.api.errors import (
    BadRequestError,
    NotFoundError,
    SpikonError,
    ValidationError,
)
from spikon_tui.api.models import PhoneBookElement
from spikon_tui.contacts.contact_rows import ContactRow
from spikon_tui.contacts.import_plan import ImportPlan, number_key, plan_import
from spikon_tui.i18n import _
from spikon_tui.phone_books.editing import replace_entry


@dataclass(frozen=True)
class ImportProgress:
    """Requests done of those planned, seconds since the first, and an estimate of the
    seconds left (None before the first is done)."""

    done: int
    total: int
    elapsed: float
    time_left: float | None


@dataclass
class ImportReport:
    """What an import did: its plan, the entries added, updated and deleted, the rows
    that failed with the reason, and why it stopped early (None: it ran to the end)."""

    plan: ImportPlan
    added: int = 0
    updated: int = 0
    deleted: int = 0
    failed: list[tuple[ContactRow, str]] = field(default_factory=list)
    stopped: str | None = None

    @property
    def done(self) -> int:
        """Requests that did what the plan asked."""
        return self.added + self.updated + self.deleted


class _Stop(Exception):
    """Ends the run: `reason` says why, in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def run_import(
    client: SpikonClient,
    book_id: int,
    rows: Sequence[ContactRow],
    on_duplicate: str,
    *,
    progress: Callable[[ImportProgress], None] | None = None,
    cancel: asyncio.Event | None = None,
    clock: Callable[[], float] = time.monotonic,
    dry_run: bool = False,
) -> ImportReport:
    """Import `rows` into book `book_id` (see the module docstring); `dry_run` only plans.

    Raises what `phone_book_show` raises when the book cannot be read (nothing was sent).
    """
    book = await client.phone_book_show(phone_book_id=book_id)
    plan = plan_import(rows, book, on_duplicate)
    report = ImportReport(plan)
    if dry_run:
        return report
    run = _Run(client, book_id, report, progress, cancel, clock)
    try:
        run.tell()
        for row in plan.to_add:
            await run.add(row)
        for old, row in plan.to_update:
            await run.update(old, row)
        rows_by_key = {number_key(row.number): row for row in reversed(rows)}
        for entry in plan.leftovers:
            await run.delete(entry, rows_by_key.get(number_key(entry.number)))
    except _Stop as stop:
        report.stopped = stop.reason
    return report


class _Run:
    """One import's sending, counting and progress."""

    def __init__(
        self,
        client: SpikonClient,
        book_id: int,
        report: ImportReport,
        progress: Callable[[ImportProgress], None] | None,
        cancel: asyncio.Event | None,
        clock: Callable[[], float],
    ) -> None:
        self.client = client
        self.book_id = book_id
        self.report = report
        self.progress = progress
        self.cancel = cancel
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.total = report.plan.changes

    def tell(self) -> None:
        if self.progress is None:
            return
        elapsed = max(0.0, self.clock() - self.started)
        time_left = elapsed / self.done * (self.total - self.done) if self.done else None
        self.progress(ImportProgress(self.done, self.total, elapsed, time_left))

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise _Stop(_("Cancelled."))

    def _stepped(self) -> None:
        self.done += 1
        self.tell()

    async def add(self, row: ContactRow) -> None:
        self._check_cancel()
        try:
            await self.client.phone_book_element_add(
                phone_book_id=self.book_id,
                phone_book_element_name=row.name,
                phone_book_element_number=row.number,
            )
        except SpikonError as error:
            self._failed(row, error)
        else:
            self.report.added += 1
        self._stepped()

    async def update(self, old: PhoneBookElement, row: ContactRow) -> None:
        self._check_cancel()
        try:
            replaced = await replace_entry(self.client, self.book_id, old, row.name, row.number)
        except SpikonError as error:
            self._failed(row, error)
        else:
            if replaced.delete_error is None:
                self.report.updated += 1
            else:
                self._old_kept(old, row, replaced.delete_error)
        self._stepped()

    def _old_kept(self, old: PhoneBookElement, row: ContactRow, error: SpikonError) -> None:
        """The new entry was added but the old one is still there: both exist, and the
        next run deletes the old one (it is then a leftover)."""
        both = _("Added, but the old entry “{name}” could not be deleted: {reason}")
        reason = both.format(name=old.name, reason=error)
        if _stops(error):
            raise _Stop(reason)
        self.report.failed.append((row, reason))

    async def delete(self, entry: PhoneBookElement, row: ContactRow | None) -> None:
        self._check_cancel()
        assert entry.id is not None  # the plan puts only deletable entries here
        try:
            await self.client.phone_book_element_delete(phone_book_element_id=entry.id)
        except NotFoundError:
            self.report.deleted += 1
        except SpikonError as error:
            shown = ContactRow(row.line if row else 0, entry.name, entry.number)
            self._failed(shown, error)
        else:
            self.report.deleted += 1
        self._stepped()

    def _failed(self, row: ContactRow, error: SpikonError) -> None:
        if _stops(error):
            raise _Stop(str(error))
        self.report.failed.append((row, str(error)))


def _stops(error: SpikonError) -> bool:
    """Whether `error` ends the run rather than concerning one row: only a value refused
    (before sending, or by SPIKON as a bad parameter) lets the next row be tried."""
    if error.outcome_unknown:
        return True
    return not isinstance(error, ValidationError | BadRequestError)
