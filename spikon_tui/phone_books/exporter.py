"""Exporting a phone book to a CSV or a vCard file's text.

`export_text(entries, "csv")` writes `name,number` with a header; `spreadsheet=True`
gives the flavour Excel in Poland opens straight away (`;` between cells, a UTF-8
byte-order mark so Polish letters show). `"vcf"` writes vCard 3.0, one card per entry.
Either imports back unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from spikon_tui.api.models import PhoneBookElement
from spikon_tui.contacts.csv_contacts import write_csv
from spikon_tui.contacts.vcard_contacts import write_vcard

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
    entries: Iterable[PhoneBookElement], format: str, *, spreadsheet: bool = False
) -> str:
    """`entries` as the text of a `format` ("csv" or "vcf") file (see the module docstring)."""
    pairs = [(entry.name, entry.number) for entry in entries]
    if format == "csv":
        if spreadsheet:
            return write_csv(pairs, delimiter=";", bom=True)
        return write_csv(pairs)
    if format == "vcf":
        return write_vcard(pairs)
    raise ValueError(f"format must be one of {EXPORT_FORMATS}, not {format!r}")
