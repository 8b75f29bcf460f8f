"""Exporting a book against the real sandbox: CSV, the spreadsheet CSV and vCard each
import back into the same book as a dry run that changes nothing, under every policy."""

from __future__ import annotations

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.api.models import PhoneBookElement
from spikon_tui.contacts.contact_file import read_contact_file
from spikon_tui.files.csv_flavour import PLAIN, SPREADSHEET
from spikon_tui.phone_books.exporter import export_text
from spikon_tui.phone_books.importer import run_import

AWKWARD = [
    ("Grzegorz Brzęczyszczykiewicz", "600100200"),
    ("=SUMA(A1:A9)", "+49301234567"),
    ('+48 dział; "kadry", pok. 3', "221234567"),
    ("Żółć", "600100200"),
    ("@biuro", "8080"),
]


@pytest.mark.parametrize(
    ("file_format", "spreadsheet", "file_name"),
    [("csv", False, "book.csv"), ("csv", True, "book.csv"), ("vcf", False, "book.vcf")],
)
async def test_a_book_exported_then_imported_as_a_dry_run_changes_nothing(
    spikon: SpikonClient, file_format: str, spreadsheet: bool, file_name: str
) -> None:
    for name, number in AWKWARD:
        await spikon.phone_book_element_add(0, name, number)
    entries = await spikon.phone_book_show(phone_book_id=0)
    assert len(entries) == 30 + len(AWKWARD)
    text = export_text(entries, file_format, flavour=SPREADSHEET if spreadsheet else PLAIN)
    contact_file = read_contact_file(text.encode("utf-8"), file_name=file_name)
    assert contact_file.rejected == []
    assert len(contact_file.rows) == len(entries)
    for policy in ("skip", "update", "add"):
        report = await run_import(spikon, 0, contact_file.rows, policy, dry_run=True)
        assert report.plan.changes == 0, policy
    assert await spikon.phone_book_show(phone_book_id=0) == entries


def test_the_spreadsheet_flavour_is_semicolons_with_a_byte_order_mark() -> None:
    entries = [PhoneBookElement(1, "Żółć", "600100200")]
    spreadsheet = "\ufeffname;number\r\nŻółć;600100200\r\n"
    assert export_text(entries, "csv", flavour=SPREADSHEET) == spreadsheet
    assert export_text(entries, "csv") == "name,number\r\nŻółć,600100200\r\n"
    with pytest.raises(ValueError, match="format"):
        export_text(entries, "xlsx")
