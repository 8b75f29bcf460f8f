"""The two CSV flavours and the formula guard, in each file the app writes."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

from spikon_tui.api.models import CallRecord
from spikon_tui.calls.csv_export import write_calls_csv
from spikon_tui.files.csv_flavour import PLAIN, SPREADSHEET, default_flavour, guarded


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1+2", "'+1+2"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("+48600100200", "+48600100200"),  # a phone number a spreadsheet reads as one
        ("600100200", "600100200"),
        ("Infolinia", "Infolinia"),
    ],
)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(cell: str, written: str) -> None:
    assert guarded(cell) == written


def test_the_flavour_follows_the_interface_language() -> None:
    assert default_flavour("pl") is SPREADSHEET and default_flavour("en") is PLAIN


def test_the_spreadsheet_flavour_is_semicolons_decimal_commas_and_a_byte_order_mark() -> None:
    out = io.StringIO()
    SPREADSHEET.writer(out).writerow(["Żółć", SPREADSHEET.number("12.5")])
    assert out.getvalue() == "\ufeffŻółć;12,5\r\n"
    out = io.StringIO()
    PLAIN.writer(out).writerow(["Żółć", PLAIN.number("12.5")])
    assert out.getvalue() == "Żółć,12.5\r\n"


def test_a_call_report_in_the_spreadsheet_flavour_guards_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    calls = [CallRecord(datetime(2025, 6, 14, 9, 39), "=cmd|' /C calc'!A0", "501", 5, "x", "")]
    assert write_calls_csv(path, calls, SPREADSHEET) == 1
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdate;from;to;")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    assert rows[1][1] == "'=cmd|' /C calc'!A0"
