"""Exporting a phone book to a CSV or a vCard file's text.

`export_text(entries, "csv")` writes `name,number` with a header, in the CSV
flavour given (`files.csv_flavour`: `SPREADSHEET` is what Excel in Poland opens
straight away). `"vcf"` writes vCard 3.0, one card per entry. Either imports back
unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from spikon_tui.api.models import PhoneBookElement
from spikon_tui.contacts.csv_contacts import write_csv
from spikon_tui.contacts.vcard_contacts import write_vcard
from spikon_tui.files.csv_flavour import PLAIN, CsvFlavour

EXPORT_FORMATS = ("csv", "vcf")
VCARD_SUFFIXES = (".vcf", ".vcard")


def format_for(path: str | None, requested: str | None = None) -> str:
    """The format asked for, else "vcf" for a vCard file name, else "csv"."""
    if requested:
        return requested
    if path and PurePath(path).suffix.lower() in VCARD_SUFFIXES:
        return "vcf"
    return "csv"


def export_text(
    entries: Iterable[PhoneBookElement], format: str, *, flavour: CsvFlavour = PLAIN
) -> str:
    """`entries` as the text of a `format` ("csv" or "vcf") file (see the module docstring)."""
    pairs = [(entry.name, entry.number) for entry in entries]
    if format == "csv":
        return write_csv(pairs, flavour=flavour)
    if format == "vcf":
        return write_vcard(pairs)
    raise ValueError(f"format must be one of {EXPORT_FORMATS}, not {format!r}")
