"""Importing a file into the phone book on screen (i): ask for the file, read it and the
book, preview, run, report, then show the book as it is now.

Reading happens off the UI thread (a large file, Excel's encodings); a file that cannot
be read as contacts (binary, no number column, too large) is said in words and nothing
is sent. The book's entries are read fresh for the preview, so its counts are true.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from textual.screen import Screen

from spikon_tui.api.models import PhoneBook, PhoneBookElement
from spikon_tui.contacts.contact_file import ContactFile
from spikon_tui.i18n import _
from spikon_tui.phone_books.import_file import ImportFileError, read_import_file
from spikon_tui.phone_books.importer import ImportReport
from spikon_tui.ui.dialogs.save import SaveDialog
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.requests import Failed, Outcome, run_request
from spikon_tui.ui.screens.phone_books.import_preview import ImportChoice, ImportPreview
from spikon_tui.ui.screens.phone_books.import_run import ImportRun
from spikon_tui.ui.typed_app import spikon_client


@dataclass(frozen=True)
class _Loaded:
    path: str
    data: bytes
    contact_file: ContactFile
    entries: list[PhoneBookElement]


def ask_and_import(screen: Screen[Any], book: PhoneBook, finished: Callable[[], None]) -> None:
    """The whole import; `finished()` runs after any import that may have changed the book."""
    default = str(Path(platformdirs.user_downloads_dir())) + "/"
    explanation = _(
        "A CSV file (from a spreadsheet: UTF-8 or Windows-1250, any delimiter) or a "
        "vCard file (.vcf). Nothing is sent before you have seen the preview."
    )

    def chosen(path: str | None) -> None:
        if path:
            _load(screen, book, path, finished)

    screen.app.push_screen(
        SaveDialog(
            _("Import into “{book}”").format(book=book.name), explanation, default, _("Preview")
        ),
        chosen,
    )


def _load(screen: Screen[Any], book: PhoneBook, path: str, finished: Callable[[], None]) -> None:
    client = spikon_client(screen)

    async def read_both() -> _Loaded:
        data, contact_file = await asyncio.to_thread(read_import_file, path)
        entries = await client.phone_book_show(phone_book_id=book.id)
        return _Loaded(path, data, contact_file, entries)

    def loaded(outcome: Outcome[_Loaded]) -> None:
        if isinstance(outcome, Failed):
            error = outcome.error
            reason = str(error) if isinstance(error, ImportFileError) else describe_error(error)
            screen.notify(reason, title=_("Nothing was imported"), severity="error")
            return
        result = outcome.result
        preview = ImportPreview(
            book, Path(result.path).name, result.data, result.contact_file, result.entries
        )
        screen.app.push_screen(preview, lambda choice: _run(screen, book, choice, finished))

    run_request(screen, read_both, loaded, group="import-read", exit_on_error=False)


def _run(
    screen: Screen[Any], book: PhoneBook, choice: ImportChoice | None, finished: Callable[[], None]
) -> None:
    if choice is None:
        return

    def done(report: ImportReport | None) -> None:
        finished()

    screen.app.push_screen(ImportRun(book, choice), done)
