"""`spikon-tui books list|export|import`: phone books from a script or one SSH line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from spikon_tui.api.client import SpikonClient
from spikon_tui.api.models import PhoneBook
from spikon_tui.cli.scripts.common import (
    CommandError,
    ExitCode,
    find_book,
    open_client,
    require_book,
    say,
    warn,
)
from spikon_tui.contacts.contact_file import ContactFile
from spikon_tui.contacts.import_plan import plan_import
from spikon_tui.files.csv_flavour import PLAIN, SPREADSHEET
from spikon_tui.i18n import _, ngettext
from spikon_tui.phone_books.exporter import export_text, format_for
from spikon_tui.phone_books.import_file import ImportFileError, read_import_file
from spikon_tui.phone_books.importer import ImportProgress, ImportReport, run_import


async def list_books(args: argparse.Namespace, profile: str, base_url: str) -> ExitCode:
    async with open_client(profile, base_url, demo=args.demo, read_only=args.read_only) as client:
        books = await client.phone_book_list()
    if args.json:
        say(json.dumps([{"id": book.id, "name": book.name} for book in books], ensure_ascii=False))
    else:
        for book in books:
            say(f"{book.id}\t{book.name}")
    return ExitCode.DONE


async def export_book(args: argparse.Namespace, profile: str, base_url: str) -> ExitCode:
    file_format = format_for(args.output, args.format)
    async with open_client(profile, base_url, demo=args.demo, read_only=args.read_only) as client:
        book = await require_book(client, args.book)
        entries = await client.phone_book_show(phone_book_id=book.id)
    text = export_text(entries, file_format, flavour=SPREADSHEET if args.spreadsheet else PLAIN)
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from spikon_tui.files.atomic import write_atomically

        try:
            write_atomically(Path(args.output), text)
        except OSError as error:
            raise CommandError(
                _("{path} cannot be written: {reason}").format(
                    path=args.output, reason=error.strerror or error
                )
            ) from None
        warn(
            ngettext(
                "{count} entry of “{book}” written to {path}",
                "{count} entries of “{book}” written to {path}",
                len(entries),
            ).format(count=len(entries), book=book.name, path=args.output)
        )
    return ExitCode.DONE


def _read_file(path: str, file_format: str | None) -> ContactFile:
    try:
        return read_import_file(path, file_format)[1]
    except ImportFileError as error:
        raise CommandError(str(error)) from None


class _ProgressLine:
    """`120/300 (40%), about 20 s left` rewritten in place on standard error, if a terminal."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()

    def __call__(self, progress: ImportProgress) -> None:
        if not self.shown or not progress.total:
            return
        line = f"{progress.done}/{progress.total} ({100 * progress.done // progress.total}%)"
        if progress.time_left is not None and progress.done < progress.total:
            line += ", " + _("about {seconds} s left").format(seconds=round(progress.time_left))
        print(f"\r{line}\x1b[K", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.shown:
            print(file=sys.stderr, flush=True)


async def _book_for_import(client: SpikonClient, wanted: str, create: bool) -> PhoneBook:
    book = await find_book(client, wanted)
    if book is not None:
        return book
    if not create:
        raise CommandError(
            _("no phone book {book}: --create makes it, `spikon-tui books list` shows them").format(
                book=repr(wanted)
            )
        )
    return await client.phone_book_add(phone_book_name=wanted)


async def import_file(args: argparse.Namespace, profile: str, base_url: str) -> ExitCode:
    contact_file = _read_file(args.file, args.format)
    async with open_client(profile, base_url, demo=args.demo, read_only=args.read_only) as client:
        book, report = await _import_into_book(client, contact_file, args)
    for rejected in contact_file.rejected:
        warn(_("line {line} refused: {reason}").format(line=rejected.line, reason=rejected.reason))
    for row, reason in report.failed:
        warn(_("line {line} failed: {reason}").format(line=row.line, reason=reason))
    say(_summary(report, contact_file, book, dry_run=args.dry_run))
    if report.stopped:
        warn(
            _("stopped: {why} Run it again to finish; nothing is added twice.").format(
                why=report.stopped
            )
        )
        done = report.added + report.updated + report.deleted
        return ExitCode.PARTLY_DONE if done else ExitCode.API_ERROR
    if report.failed or contact_file.rejected:
        return ExitCode.PARTLY_DONE
    return ExitCode.DONE


async def _import_into_book(
    client: SpikonClient, contact_file: ContactFile, args: argparse.Namespace
) -> tuple[PhoneBook, ImportReport]:
    """The book and what importing into it did (a dry run: would do)."""
    if args.dry_run:
        book = await find_book(client, args.book)
        if book is None and args.create:  # plan against the empty book --create would make
            plan = plan_import(contact_file.rows, [], args.on_duplicate)
            return PhoneBook(id=-1, name=args.book), ImportReport(plan)
        book = book or await require_book(client, args.book)
    else:
        book = await _book_for_import(client, args.book, args.create)
    line = _ProgressLine()
    try:
        report = await run_import(
            client, book.id, contact_file.rows, args.on_duplicate,
            progress=line, clock=time.monotonic, dry_run=args.dry_run,
        )  # fmt: skip
    finally:
        line.close()
    return book, report


def _summary(
    report: ImportReport, contact_file: ContactFile, book: PhoneBook, *, dry_run: bool
) -> str:
    plan = report.plan
    if dry_run:
        summary = _(
            "“{book}”, dry run: {add} to add, {update} to update, {skip} skipped, {refused} refused"
        ).format(
            book=book.name, add=len(plan.to_add), update=len(plan.to_update),
            skip=len(plan.skipped), refused=len(contact_file.rejected),
        )  # fmt: skip
        if plan.leftovers:
            summary += _(", {delete} to delete").format(delete=len(plan.leftovers))
        return summary
    summary = _(
        "“{book}”: {added} added, {updated} updated, {skip} skipped, {refused} refused, "
        "{failed} failed"
    ).format(
        book=book.name, added=report.added, updated=report.updated, skip=len(plan.skipped),
        refused=len(contact_file.rejected), failed=len(report.failed),
    )  # fmt: skip
    if report.deleted:
        summary += _(", {deleted} deleted").format(deleted=report.deleted)
    return summary
