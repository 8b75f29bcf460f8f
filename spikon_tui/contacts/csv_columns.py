"""The columns of a CSV of contacts: which hold the name and which the number.

A header row is recognised by Polish or English names, case and accents ignored
(`Imię i nazwisko`, `Nazwa`, `Name`; `Imię` + `Nazwisko` or `First name` + `Last name`
joined; `Telefon`, `Numer`, `Komórka`, `Phone`, `Mobile`, `Phone 1 - Value`...). Without
one, the column most of whose cells hold 7 digits or more is the number and the first
column of mostly letters the name. Cells are read without the apostrophe `write_csv`
puts before what a spreadsheet would run as a formula.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from spikon_tui.contacts.contact_file import ColumnMapping
from spikon_tui.contacts.contact_rows import clean_cell
from spikon_tui.contacts.numbers import match_key
from spikon_tui.files.csv_flavour import FORMULA_CELL
from spikon_tui.text_fold import fold_text

Record = tuple[int, list[str], str]
"""A CSV record: the line it starts on, its cells, its text."""

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


def unguarded(cell: str) -> str:
    """`cell` without the apostrophe `write_csv` put before it."""
    cell = clean_cell(cell)
    return cell[1:] if cell.startswith("'") and FORMULA_CELL.match(cell) else cell


def padded(cells: list[str], width: int) -> list[str]:
    """`cells` with empty cells added up to `width`."""
    return cells + [""] * (width - len(cells))


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


def phone_like(cell: str) -> bool:
    key = match_key(unguarded(cell).lstrip("'"))
    return key is not None and sum(char.isdigit() for char in key) >= PHONE_LIKE_DIGITS


def _has_letters(cell: str) -> bool:
    return any(char.isalpha() for char in cell)


def guess_mapping(records: Sequence[Record], width: int) -> ColumnMapping | None:
    """For a file without a recognised header: the column of mostly phone numbers and
    the first column of mostly letters, or None when no column is mostly numbers."""
    looked = [padded(cells, width) for _line, cells, _raw in records[:GUESS_ROWS]]
    number_column = _mostly(looked, range(width), phone_like)
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


def looks_like_header(
    cells: list[str], number_column: int | None, records: Sequence[Record]
) -> bool:
    """Whether the first row names columns rather than holds a contact: its number cell is
    not a phone number while the rows below mostly are; with no number column, whether
    it has no phone number at all."""
    if number_column is None:
        return not any(phone_like(cell) for cell in cells) and len(records) > 1
    first = cells[number_column] if number_column < len(cells) else ""
    return not phone_like(first) and len(records) > 1
