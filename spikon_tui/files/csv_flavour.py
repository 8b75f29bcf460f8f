"""The two kinds of CSV the app writes, and the guard every CSV cell of text gets.

- `PLAIN`: `,` between cells, a decimal point, no byte-order mark: for scripts, and
  spreadsheets set to English.
- `SPREADSHEET`: `;` between cells, a decimal comma and a UTF-8 byte-order mark:
  what Excel set to Polish opens straight, columns split and Polish letters intact.
  The default when the interface is Polish (`default_flavour`).

`guarded(cell)` puts an apostrophe before a text a spreadsheet would run as a
formula (starting with = + - @, a tab or a carriage return), except a phone
number such as `+48600100200`, which a spreadsheet reads as a number. Reading a
phone book back takes the apostrophe off (`contacts.csv_columns.unguarded`).
Headers stay English and values stay data (ISO dates, seconds), whatever the
flavour: only the separators change.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from typing import IO, Any

FORMULA_CELL = re.compile(r"'*[=+\-@\t\r]")
"""A cell a spreadsheet would run as a formula, or one that reads as such once guarded."""
_PHONE_NUMBER = re.compile(r"\+?[0-9]+")


@dataclass(frozen=True)
class CsvFlavour:
    name: str
    delimiter: str
    decimal: str
    bom: bool

    def writer(self, stream: IO[str]) -> Any:
        """A `csv.writer` on `stream` (opened with `newline=""`), the mark written first."""
        if self.bom:
            stream.write("\ufeff")
        return csv.writer(stream, delimiter=self.delimiter, lineterminator="\r\n")

    def number(self, text: str) -> str:
        """A number's text ("12.5") with this flavour's decimal separator."""
        return text.replace(".", self.decimal)


PLAIN = CsvFlavour("plain", delimiter=",", decimal=".", bom=False)
SPREADSHEET = CsvFlavour("spreadsheet", delimiter=";", decimal=",", bom=True)
FLAVOURS = {flavour.name: flavour for flavour in (PLAIN, SPREADSHEET)}


def default_flavour(language: str) -> CsvFlavour:
    """`SPREADSHEET` for the Polish interface, `PLAIN` otherwise."""
    return SPREADSHEET if language == "pl" else PLAIN


def guarded(cell: str) -> str:
    """`cell`, with an apostrophe first if a spreadsheet would run it (see above)."""
    if FORMULA_CELL.match(cell) and not _PHONE_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
