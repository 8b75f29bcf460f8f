"""Contacts in CSV: decoding the bytes, finding the delimiter and the columns, writing a CSV.

Decoding: a UTF-8 or UTF-16 byte-order mark says the encoding; otherwise text that
decodes as UTF-8 is UTF-8 (cp1250 text with Polish letters is practically never valid
UTF-8: `ą` is 0xB9, a byte UTF-8 never starts a character with), and anything else is
read as cp1250, what Excel in Poland saves as "CSV". NUL bytes or many control
characters mean a binary file, a ZIP signature an Excel workbook; both are refused.

Columns: a header row is recognised by Polish or English names, case and accents
ignored (`Imię i nazwisko`, `Nazwa`, `Name`; `Imię` + `Nazwisko` or `First name` +
`Last name` joined; `Telefon`, `Numer`, `Komórka`, `Phone`, `Mobile`...). Without one,
the column most of whose cells hold 7 digits or more is the number and the first
column of mostly letters the name. `read_csv(mapping=...)` takes the user's choice.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from spikon_tui.contacts.contact_file import ColumnMapping, ContactFile
from spikon_tui.contacts.contact_rows import (
    ContactFileError,
    ContactRow,
    RejectedRow,
    clean_cell,
    make_row,
)
from spikon_tui.contacts.numbers import match_key
from spikon_tui.i18n import _
from spikon_tui.text_fold import fold_text

DELIMITERS = ",;\t|"
SAMPLE_ROWS = 5
GUESS_ROWS = 200
"""Rows looked at to guess the columns of a file without a header."""
PHONE_LIKE_DIGITS = 7
"""A cell is taken for a phone number (when guessing) from this many digits up: row
counters and postal codes have fewer."""

_FULL_NAME = {
    "name", "nazwa", "imie i nazwisko", "nazwisko i imie", "imie nazwisko", "nazwisko imie",
    "full name", "fullname", "display name", "name and surname", "first and last name",
    "nazwa wyswietlana", "kontakt", "contact", "contact name", "nazwa kontaktu", "osoba",
    "person", "abonent", "klient", "customer",
}  # fmt: skip
_FIRST_NAME = {"first name", "firstname", "given name", "imie", "forename"}
_MIDDLE_NAME = {"middle name", "drugie imie", "additional name"}
_LAST_NAME = {"last name", "lastname", "surname", "family name", "nazwisko"}
_NAME_WORDS = {"name", "nazwa", "nazwisko", "imie", "kontakt", "contact", "osoba"}
"""A header with one of these words, when no header names the name exactly."""
_COMPANY = {"company", "firma", "organization", "organisation", "organizacja", "nazwa firmy"}
_PHONE_WORDS = {
    "telefon", "telefonu", "tel", "phone", "mobile", "komorka", "komorkowy", "komorkowego",
    "gsm", "cell", "telephone", "msisdn", "kom",
}  # fmt: skip
_NUMBER_WORDS = {"numer", "number", "nr", "no"}
_NOT_A_NUMBER_WORDS = {"type", "typ", "rodzaj", "label", "etykieta", "kind", "fax", "faks"}
_WORD = re.compile(r"[a-z0-9]+")
FORMULA_CELL = re.compile(r"'*[=+\-@\t\r]")
"""A cell a spreadsheet would run as a formula, or one that reads as such once guarded:
`write_csv` puts an apostrophe before each, and reading takes one off again."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ZIP_SIGNATURE = b"PK\x03\x04"


def decode(data: bytes) -> tuple[str, str]:
    """`data` as text and the codec that read it (see the module docstring)."""
    if data.startswith(_ZIP_SIGNATURE):
        raise ContactFileError(
            _(
                "This is an Excel workbook (or another zipped file), not a CSV: "
                "save it from Excel as “CSV (separated by semicolons)” and import that."
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
                "The file cannot be read as text: byte {position} is not {encoding}. "
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
        has_header = header_mapping is not None or _looks_like_header(
            first_cells, mapping.number_column, records
        )
    elif header_mapping is not None:
        mapping, has_header = header_mapping, True
    else:
        mapping = guess_mapping(records, width)
        has_header = mapping is not None and _looks_like_header(
            first_cells, mapping.number_column, records
        )
        if mapping is None:
            has_header = _looks_like_header(first_cells, None, records)
    headers = _padded(first_cells, width) if has_header else [""] * width
    data_records = records[1:] if has_header else records
    sample = [_padded(cells, width) for _line, cells, _raw in data_records[:SAMPLE_ROWS]]
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
        cells = _padded(cells, width)
        name = " ".join(
            _unguarded(cells[column]) for column in mapping.name_columns if cells[column].strip()
        )
        number = _unguarded(cells[mapping.number_column]).lstrip("'")  # Excel's "as text" mark
        row = make_row(line, name, number, raw)
        if isinstance(row, ContactRow):
            rows.append(row)
        else:
            rejected.append(row)
    return ContactFile(rows, rejected, "csv", encoding, delimiter, headers, mapping, sample)


def _records(text: str, delimiter: str) -> list[tuple[int, list[str], str]]:
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


def _padded(cells: list[str], width: int) -> list[str]:
    return cells + [""] * (width - len(cells))


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
        below = [_padded(cells, mapping.number_column + 1) for cells in rows[1:]]
        phone_like = sum(1 for cells in below if _phone_like(cells[mapping.number_column]))
        share = phone_like / len(below) if below else 0.0
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


def _header_words(cell: str) -> tuple[str, set[str]]:
    words = _WORD.findall(fold_text(cell))
    return " ".join(words), set(words)


def mapping_from_header(cells: Sequence[str]) -> ColumnMapping | None:
    """The columns named by a header row, or None when no cell names a phone number."""
    number_column, best = None, 0
    full: int | None = None
    first: int | None = None
    middle: int | None = None
    last: int | None = None
    company: int | None = None
    named: int | None = None
    for index, cell in enumerate(cells):
        phrase, words = _header_words(cell)
        score = _number_score(phrase, words)
        if score > best:
            number_column, best = index, score
            continue
        if score:
            continue
        if phrase in _FULL_NAME and full is None:
            full = index
        elif phrase in _FIRST_NAME and first is None:
            first = index
        elif phrase in _MIDDLE_NAME and middle is None:
            middle = index
        elif phrase in _LAST_NAME and last is None:
            last = index
        elif phrase in _COMPANY and company is None:
            company = index
        elif words & _NAME_WORDS and named is None:
            named = index
    if number_column is None:
        return None
    if full is not None:
        names: tuple[int, ...] = (full,)
    else:
        names = tuple(column for column in (first, middle, last) if column is not None)
        fallback = named if named is not None else company
        if not names and fallback is not None:
            names = (fallback,)
    return ColumnMapping(name_columns=names, number_column=number_column)


def _number_score(phrase: str, words: set[str]) -> int:
    """How surely a header names the phone number: 3 a phone word alone ("Telefon"),
    2 a phrase with one ("Telefon komórkowy", "Phone 1 - Value"), 1 just "Numer"."""
    if not words or words & _NOT_A_NUMBER_WORDS:
        return 0
    if phrase in _PHONE_WORDS:
        return 3
    if words & _PHONE_WORDS:
        return 2
    return 1 if phrase in _NUMBER_WORDS else 0


def _phone_like(cell: str) -> bool:
    key = match_key(_unguarded(cell).lstrip("'"))
    return key is not None and sum(char.isdigit() for char in key) >= PHONE_LIKE_DIGITS


def _has_letters(cell: str) -> bool:
    return any(char.isalpha() for char in cell)


def guess_mapping(
    records: Sequence[tuple[int, list[str], str]], width: int
) -> ColumnMapping | None:
    """For a file without a recognised header: the column of mostly phone numbers and
    the first column of mostly letters, or None when no column is mostly numbers."""
    looked = [_padded(cells, width) for _line, cells, _raw in records[:GUESS_ROWS]]
    number_column = _mostly(looked, range(width), _phone_like)
    if number_column is None:
        return None
    others = [column for column in range(width) if column != number_column]
    name_column = _mostly(looked, others, _has_letters, first=True)
    names = (name_column,) if name_column is not None else ()
    return ColumnMapping(name_columns=names, number_column=number_column)


def _mostly(
    rows: Sequence[list[str]],
    columns: Iterable[int],
    test: Callable[[str], bool],
    *,
    first: bool = False,
) -> int | None:
    """The column (the first, or the one with the highest share) in which at least half
    of the filled cells pass `test`."""
    best, best_share = None, 0.5
    for column in columns:
        filled = [row[column] for row in rows if row[column].strip()]
        if not filled:
            continue
        share = sum(1 for cell in filled if test(cell)) / len(filled)
        if share >= 0.5 and first:
            return column
        if share > best_share or (share == best_share and best is None):
            best, best_share = column, share
    return best


def _looks_like_header(
    cells: list[str], number_column: int | None, records: Sequence[tuple[int, list[str], str]]
) -> bool:
    """Whether the first row names columns rather than holds a contact: its number cell is
    not a phone number while the rows below mostly are; with no number column, whether
    it has no phone number at all."""
    if number_column is None:
        return not any(_phone_like(cell) for cell in cells) and len(records) > 1
    first = cells[number_column] if number_column < len(cells) else ""
    return not _phone_like(first) and len(records) > 1


_BOOK_NUMBER = re.compile(r"\+?[0-9]+")


def write_csv(
    entries: Iterable[tuple[str, str]], *, delimiter: str = ",", bom: bool = False
) -> str:
    """`entries` (name, number) as CSV text with a `name,number` header and CRLF lines.

    A cell a spreadsheet would run as a formula (starting with = + - @) gets a leading
    apostrophe, which `read_contact_file` takes off again; a phone number such as
    `+48600100200` is left as it is (a spreadsheet reads it as a number, not a formula),
    so it comes back unchanged.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["name", "number"])
    for name, number in entries:
        kept = number if _BOOK_NUMBER.fullmatch(number) else _guarded(number)
        writer.writerow([_guarded(name), kept])
    return ("\ufeff" if bom else "") + out.getvalue()


def _unguarded(cell: str) -> str:
    """`cell` without the apostrophe `_guarded` put before it."""
    cell = clean_cell(cell)
    return cell[1:] if cell.startswith("'") and FORMULA_CELL.match(cell) else cell


def _guarded(cell: str) -> str:
    return "'" + cell if FORMULA_CELL.match(cell) else cell
