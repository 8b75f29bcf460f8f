"""Exporting the phone book on screen to a CSV or vCard file (x on the phone-books screen).

The entries are read again from SPIKON just before writing, so the file is the book as
it is now, not as it was when the screen loaded it. The file's name decides the format
(`.vcf` or `.vcard`: vCard 3.0; anything else: CSV). In Polish the CSV is written the
way a Polish Excel opens it (`;` between fields, a UTF-8 byte-order mark).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.screen import Screen

from spikon_tui.api.models import PhoneBook
from spikon_tui.files.atomic import write_atomically
from spikon_tui.files.csv_flavour import CsvFlavour
from spikon_tui.i18n import _, ngettext
from spikon_tui.phone_books.exporter import export_text, format_for
from spikon_tui.ui.dialogs.save import SaveDialog, default_download_path
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.typed_app import spikon_app, spikon_client

VCARD_SUFFIXES = (".vcf", ".vcard")


def export_format(path: str) -> str:
    """ "vcf" for a vCard file name, "csv" for any other."""
    return "vcf" if Path(path).suffix.lower() in VCARD_SUFFIXES else "csv"


def ask_and_export(screen: Screen[Any], book: PhoneBook) -> None:
    """Ask where to write, then fetch the book and write it there in the background."""
    now = spikon_app(screen).session.clock()
    default = default_download_path(_file_stem(book.name), ".csv", now)
    explanation = _(
        "CSV opens in a spreadsheet; a name ending in .vcf writes vCards for a phone "
        "or an address book instead."
    )

    dialog = SaveDialog(
        _("Export “{book}”").format(book=book.name), explanation, default, _("Export"), csv=True
    )

    def chosen(path: str | None) -> None:
        if path:
            _export(screen, book, path, dialog.flavour)

    screen.app.push_screen(dialog, chosen)


def _file_stem(book_name: str) -> str:
    kept = "".join(char if char.isalnum() or char in "-_" else "-" for char in book_name)
    return kept.strip("-") or "phone-book"


def _export(screen: Screen[Any], book: PhoneBook, path: str, flavour: CsvFlavour) -> None:
    client = spikon_client(screen)
    file_format = format_for(path)

    async def fetch_and_write() -> int:
        entries = await client.phone_book_show(phone_book_id=book.id)
        text = export_text(entries, file_format, flavour=flavour)
        await asyncio.to_thread(write_atomically, Path(path), text)
        return len(entries)

    def done(outcome: Outcome[int]) -> None:
        if isinstance(outcome, Failed):
            screen.notify(
                f"{path}: {describe_error(outcome.error)}",
                title=_("Export failed"),
                severity="error",
            )
            return
        written = ngettext(
            "{count} entry written to {path}", "{count} entries written to {path}", outcome.result
        )
        screen.notify(written.format(count=outcome.result, path=path), title=_("Exported"))

    run_request(screen, fetch_and_write, done, group="export", exit_on_error=False)
