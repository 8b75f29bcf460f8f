"""Contacts in CSV: decoding the bytes, finding the delimiter and the columns, writing a CSV.

Decoding: a UTF-8 or UTF-16 byte-order mark says the encoding; otherwise text that
decodes as UTF-8 is UTF-8 (cp1250 text with Polish letters is practically never valid
UTF-8: `ą` is 0xB9, a byte UTF-8 never starts a character with), and anything else is
read as cp1250, what Excel in Poland saves as "CSV". NUL bytes or many control
characters mean a binary file, a ZIP signature an Excel workbook; both are refused.

The delimiter is the one under which the header names a number column holding phone
numbers, else csv.Sniffer's; the columns are found as `csv_columns` says, or given by
the user (`read_csv(mapping=...)`). Rows go through `contact_rows.make_row`, so the
limits of a phone book apply.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterable

from spikon_tui.contacts.contact_file import ColumnMapping, ContactFile
from spikon_tui.contacts.contact_rows import (
    ContactFileError,
    ContactRow,
    RejectedRow,
    make_row,
)
from spikon_tui.contacts.csv_columns import (
    Record,
    guess_mapping,
    looks_like_header,
    mapping_from_header,
    padded,
    phone_like,
    unguarded,
)
from spikon_tui.files.csv_flavour import PLAIN, CsvFlavour, guarded
from spikon_tui.i18n import _

DELIMITERS = ",;\t|"
SAMPLE_ROWS = 5
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ZIP_SIGNATURE = b"PK\x03\x04"


def decode(data: bytes) -> tuple[str, str]:
    """`data` as text and the codec that read it (see the module docstring)."""
    if data.startswith(_ZIP_SIGNATURE):
        raise ContactFileError(
            _(
                "This is an Excel workbook (or another zipped file), not a CSV: "
                "save it from Excel as “CSV (Comma delimited)” and import that."
            )
        )
    for bom, codec, bom_name in (
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            text, name = _strict(data[len(bom) :], codec), bom_name
            break
    else:
        if b"\x00" in data:
            raise _binary()
        try:
            text, name = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, name = _strict(data, "cp1250"), "cp1250"
    if not text.strip():
        raise ContactFileError(_("The file is empty."))
    head = text[:8192]
    if len(_CONTROL.findall(head)) * 100 > len(head):
        raise _binary()
    return text, name


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ContactFileError(
            _(
                "The file cannot be read as text: byte {position} is not valid {encoding}. "
                "Save it as CSV in UTF-8 and import it again."
            ).format(position=error.start + 1, encoding=codec.upper())
        ) from None


def _binary() -> ContactFileError:
    return ContactFileError(
        _("This is not a text file (it holds binary data): choose a CSV or a vCard file.")
    )


def read_csv(text: str, encoding: str, *, mapping: ColumnMapping | None = None) -> ContactFile:
    """The contacts of a decoded CSV (see the module docstring)."""
    delimiter = sniff_delimiter(text)
    records = _records(text, delimiter)
    if not records:
        raise ContactFileError(_("The file is empty."))
    width = max(len(cells) for _line, cells, _raw in records)
    first_cells = records[0][1]
    header_mapping = mapping_from_header(first_cells)
    if mapping is not None:
        if max((mapping.number_column, *mapping.name_columns)) >= width:
            raise ContactFileError(_("The file has no such column."))
        has_header = header_mapping is not None or looks_like_header(
            first_cells, mapping.number_column, records
        )
    elif header_mapping is not None:
        mapping, has_header = header_mapping, True
    else:
        mapping = guess_mapping(records, width)
        has_header = mapping is not None and looks_like_header(
            first_cells, mapping.number_column, records
        )
        if mapping is None:
            has_header = looks_like_header(first_cells, None, records)
    headers = padded(first_cells, width) if has_header else [""] * width
    data_records = records[1:] if has_header else records
    sample = [padded(cells, width) for _line, cells, _raw in data_records[:SAMPLE_ROWS]]
    if mapping is None:
        raise ContactFileError(
            _(
                "No column of phone numbers found. Name it “Telefon”, “Numer” or “Phone” "
                "in the first row, or choose it by hand."
            ),
            headers=headers,
            sample=sample,
        )
    rows: list[ContactRow] = []
    rejected: list[RejectedRow] = []
    for line, cells, raw in data_records:
        cells = padded(cells, width)
        name = " ".join(
            unguarded(cells[column]) for column in mapping.name_columns if cells[column].strip()
        )
        number = unguarded(cells[mapping.number_column]).lstrip("'")  # Excel's "as text" mark
        row = make_row(line, name, number, raw)
        if isinstance(row, ContactRow):
            rows.append(row)
        else:
            rejected.append(row)
    return ContactFile(rows, rejected, "csv", encoding, delimiter, headers, mapping, sample)


def _records(text: str, delimiter: str) -> list[Record]:
    """Each non-blank record with the line it starts on, its cells and its text."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                records.append((start, cells, delimiter.join(cells)))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ContactFileError(
            _("The file cannot be read as CSV at line {line}: {reason}").format(
                line=reader.line_num, reason=error
            )
        ) from None
    return records


def sniff_delimiter(text: str) -> str:
    """The delimiter of `text` among `,;\\t|`: of those under which the first line is a
    header we recognise, the one whose number column holds the most phone numbers
    (`Nazwisko, imię;Telefon` is two columns split on `;`); else what csv.Sniffer finds,
    else the one that splits the first lines most evenly (a one-column file: ",")."""
    head = "\n".join(text[:20000].splitlines()[:50])
    try:
        sniffed: str | None = csv.Sniffer().sniff(head, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    order = ([sniffed] if sniffed else []) + [d for d in DELIMITERS if d != sniffed]
    best, best_share = None, -1.0
    for delimiter in order:
        rows = [cells for cells in csv.reader(io.StringIO(head), delimiter=delimiter) if cells]
        mapping = mapping_from_header(rows[0]) if rows and len(rows[0]) > 1 else None
        if mapping is None:
            continue
        below = [padded(cells, mapping.number_column + 1) for cells in rows[1:]]
        found = sum(1 for cells in below if phone_like(cells[mapping.number_column]))
        share = found / len(below) if below else 0.0
        if share > best_share:
            best, best_share = delimiter, share
    return best or sniffed or _most_even(head)


def _most_even(head: str) -> str:
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        widths = [len(cells) for cells in csv.reader(io.StringIO(head), delimiter=delimiter)]
        widths = [width for width in widths if width]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count / len(widths) if width > 1 else 0.0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def write_csv(entries: Iterable[tuple[str, str]], *, flavour: CsvFlavour = PLAIN) -> str:
    """`entries` (name, number) as CSV text with a `name,number` header and CRLF lines.

    Every cell is `guarded` against running as a formula (an apostrophe that
    `read_contact_file` takes off again); a phone number such as `+48600100200`
    is left as it is, so it comes back unchanged. `flavour` picks `,` or `;`
    and the byte-order mark (`files.csv_flavour`).
    """
    out = io.StringIO()
    writer = flavour.writer(out)
    writer.writerow(["name", "number"])
    for name, number in entries:
        writer.writerow([guarded(name), guarded(number)])
    return out.getvalue()
