"""Reading a file of contacts to import into a phone book: a CSV or a vCard, as bytes.

`read_contact_file(data, file_name=...)` finds the format (from the name's suffix, else
from the content), reads every line into a `ContactRow` or a `RejectedRow` with its
reason, and says how it read the file (encoding, delimiter, the columns it chose), so
a preview can show it and let the user map the columns by hand (`mapping=`).
A file that cannot be read at all raises `ContactFileError` with a sentence for the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from spikon_tui.contacts.contact_rows import ContactFileError, ContactRow, RejectedRow
from spikon_tui.i18n import _

__all__ = [
    "ColumnMapping",
    "ContactFile",
    "ContactFileError",
    "ContactRow",
    "RejectedRow",
    "read_contact_file",
]

FORMATS = ("csv", "vcf")
_VCARD_SUFFIXES = (".vcf", ".vcard")


@dataclass(frozen=True)
class ColumnMapping:
    """Which CSV columns (0-based) make the name, joined with a space in this order
    (`(first name, last name)`; empty: the name is the number), and which holds the number."""

    name_columns: tuple[int, ...]
    number_column: int


@dataclass
class ContactFile:
    """A contact file as read: its rows, the lines rejected, and how it was read.

    `encoding` is a Python codec name (`utf-8`, `utf-8-sig`, `cp1250`, `utf-16`);
    `delimiter` is "" for a vCard; `headers` are the CSV's header cells, or "" for each
    column of a file without a header row; `mapping` the columns used (None for a vCard);
    `sample` the first few data lines as cells, for a preview.
    """

    rows: list[ContactRow]
    rejected: list[RejectedRow]
    format: str
    encoding: str
    delimiter: str
    headers: list[str]
    mapping: ColumnMapping | None
    sample: list[list[str]]


def read_contact_file(
    data: bytes,
    *,
    file_name: str = "",
    format: str | None = None,
    mapping: ColumnMapping | None = None,
) -> ContactFile:
    """Read `data` as a CSV or vCard (`format` "csv"/"vcf", else guessed); see the module."""
    from spikon_tui.contacts import csv_contacts, vcard_contacts

    text, encoding = csv_contacts.decode(data)
    chosen = format or guess_format(file_name, text)
    if chosen == "vcf":
        rows, rejected = vcard_contacts.read_vcard(text)
        return ContactFile(rows, rejected, "vcf", encoding, "", [], None, [])
    if chosen != "csv":
        raise ContactFileError(_("Unknown file format: {format}").format(format=chosen))
    return csv_contacts.read_csv(text, encoding, mapping=mapping)


def guess_format(file_name: str, text: str) -> str:
    """ "vcf" or "csv": a file starting with BEGIN:VCARD is a vCard whatever its name,
    else the name's suffix decides (`.vcf`, `.vcard`), else CSV."""
    if text.lstrip().upper().startswith("BEGIN:VCARD"):
        return "vcf"
    return "vcf" if file_name.lower().endswith(_VCARD_SUFFIXES) else "csv"
