"""Reading a file to import from disk: its size held to a phone book's, its contacts read,
every failure as one worded `ImportFileError` (the screen and `books import` share it)."""

from __future__ import annotations

from pathlib import Path

from spikon_tui.contacts.contact_file import ContactFile, ContactFileError, read_contact_file
from spikon_tui.i18n import _

MAX_IMPORT_BYTES = 20 * 1024 * 1024
"""A phone book's file is a few hundred kilobytes; anything past this is not one."""


class ImportFileError(Exception):
    """The file could not be read as contacts (missing, too large, binary...), in words."""


def read_import_file(path: str, file_format: str | None = None) -> tuple[bytes, ContactFile]:
    """The bytes of `path` and the contacts read from them; `ImportFileError` otherwise."""
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFileError(
                _("{path} is {size} MB: too large for a phone book's file.").format(
                    path=path, size=size // (1024 * 1024)
                )
            )
        data = target.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("{path} cannot be read: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    try:
        return data, read_contact_file(data, file_name=target.name, format=file_format)
    except ContactFileError as error:
        raise ImportFileError(f"{target.name}: {error}") from None
