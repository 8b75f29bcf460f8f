"""Reading contact files: encodings (UTF-8 with and without BOM, cp1250 as Excel in Poland
saves it, UTF-16), delimiters, Polish and English headers, files without a header, the
rows refused and why, vCard 3.0 and 4.0, and the files refused as a whole."""

from __future__ import annotations

import codecs

import pytest

from spikon_tui.contacts.contact_file import (
    ColumnMapping,
    ContactFileError,
    ContactRow,
    read_contact_file,
)
from tests.contacts.office_csv import office_csv


def pairs(data: bytes, **options: object) -> list[tuple[str, str]]:
    contact_file = read_contact_file(data, **options)  # type: ignore[arg-type]
    return [(row.name, row.number) for row in contact_file.rows]


# --- CSV ---------------------------------------------------------------------------------


def test_the_office_file_in_cp1250_with_semicolons_is_read_with_its_polish_letters() -> None:
    contact_file = read_contact_file(office_csv(), file_name="biuro.csv")
    assert (contact_file.format, contact_file.encoding, contact_file.delimiter) == (
        "csv",
        "cp1250",
        ";",
    )
    assert contact_file.headers == ["Lp.", "Imię", "Nazwisko", "Telefon komórkowy", "Uwagi"]
    assert contact_file.mapping == ColumnMapping(name_columns=(1, 2), number_column=3)
    assert contact_file.rows[0] == ContactRow(2, "Grzegorz Brzęczyszczykiewicz 1", "601000001")
    assert len(contact_file.rows) == 297
    assert [(row.line, row.reason) for row in contact_file.rejected][:1] == [(51, "No number")]
    assert [row.line for row in contact_file.rejected] == [51, 121, 201]
    assert "brak" in contact_file.rejected[1].reason
    assert contact_file.sample[1] == ["2", "Żaneta", "Gęślak 2", "0048602000002", "dział 2"]


def test_utf8_with_a_byte_order_mark_and_polish_headers() -> None:
    data = codecs.BOM_UTF8 + "Nazwa,Numer\r\nŻółć Gęślą,+48 600 100 200\r\n".encode()
    contact_file = read_contact_file(data, file_name="x.csv")
    assert contact_file.encoding == "utf-8-sig"
    assert contact_file.headers == ["Nazwa", "Numer"]
    assert pairs(data) == [("Żółć Gęślą", "600100200")]


def test_utf8_without_a_byte_order_mark() -> None:
    data = "name;phone\nŁukasz Źdźbło;0048 22 123 45 67\n".encode()
    assert read_contact_file(data).encoding == "utf-8"
    assert pairs(data) == [("Łukasz Źdźbło", "221234567")]


def test_utf16_with_a_byte_order_mark_as_excel_saves_unicode_text() -> None:
    data = "Imię i nazwisko\tTelefon\r\nJan Żak\t601 100 200\r\n".encode("utf-16")
    contact_file = read_contact_file(data, file_name="kontakty.txt")
    assert (contact_file.encoding, contact_file.delimiter) == ("utf-16", "\t")
    assert pairs(data) == [("Jan Żak", "601100200")]


@pytest.mark.parametrize(
    ("header", "mapping"),
    [
        ("IMIE I NAZWISKO;TELEFON", ColumnMapping((0,), 1)),
        ("Imię;Nazwisko;Komórka", ColumnMapping((0, 1), 2)),
        ("Nazwisko;Imię;Tel.", ColumnMapping((1, 0), 2)),
        ("First Name,Middle Name,Last Name,Mobile Phone", ColumnMapping((0, 1, 2), 3)),
        ("Name,Given Name,Phone 1 - Type,Phone 1 - Value", ColumnMapping((0,), 3)),
        ("Numer klienta;Nazwa;Numer telefonu", ColumnMapping((1,), 2)),
        ("Firma|Nr tel", ColumnMapping((0,), 1)),
        ("Telefon", ColumnMapping((), 0)),
    ],
)
def test_headers_are_recognised_in_polish_or_english_case_and_accents_ignored(
    header: str, mapping: ColumnMapping
) -> None:
    width = len(header.replace(",", ";").replace("|", ";").split(";"))
    delimiter = next(d for d in ",;|" if d in header) if width > 1 else ","
    line = delimiter.join(["x"] * (width - 1) + ["600100200"])
    data = f"{header}\n{line}\n".encode()
    assert read_contact_file(data).mapping == mapping


def test_the_name_columns_are_joined_with_a_space_and_spaces_collapsed() -> None:
    data = "Imię;Nazwisko;Telefon\n  Anna ; Maria  Nowak ;600100200\n;;601100200\n".encode()
    assert pairs(data) == [("Anna Maria Nowak", "600100200"), ("601 100 200", "601100200")]


def test_a_semicolon_file_with_commas_in_its_names_is_split_on_the_semicolons() -> None:
    data = "Nazwisko, imię;Telefon\nKowalski, Jan;600100200\nNowak, Anna;601100200\n".encode()
    contact_file = read_contact_file(data)
    assert contact_file.delimiter == ";"
    assert pairs(data) == [("Kowalski, Jan", "600100200"), ("Nowak, Anna", "601100200")]


def test_without_a_header_the_column_of_numbers_is_found_not_the_row_counter() -> None:
    lines = [f"{n};Osoba {n};60010{n:04d};ul. Długa {n}" for n in range(100, 140)]
    contact_file = read_contact_file("\n".join(lines).encode())
    assert contact_file.mapping == ColumnMapping((1,), 2)
    assert contact_file.headers == ["", "", "", ""]
    assert contact_file.rows[0] == ContactRow(1, "Osoba 100", "600100100")
    assert len(contact_file.rows) == 40


def test_an_unknown_header_over_a_column_of_numbers_is_skipped_as_a_header() -> None:
    data = "Kto;Gdzie dzwonić\nJan;600100200\nAnna;601100200\n".encode()
    contact_file = read_contact_file(data)
    assert contact_file.headers == ["Kto", "Gdzie dzwonić"]
    assert pairs(data) == [("Jan", "600100200"), ("Anna", "601100200")]


def test_a_mapping_chosen_by_hand_is_used() -> None:
    data = b"A;B;C\nJan;Kowalski;600100200\n"
    chosen = ColumnMapping(name_columns=(1, 0), number_column=2)
    contact_file = read_contact_file(data, mapping=chosen)
    assert contact_file.mapping == chosen
    assert pairs(data, mapping=chosen) == [("Kowalski Jan", "600100200")]
    with pytest.raises(ContactFileError):
        read_contact_file(data, mapping=ColumnMapping((0,), 3))


def test_no_number_column_is_refused_with_what_the_file_holds() -> None:
    data = "Imię;Miasto\nJan;Kraków\nAnna;Łódź\n".encode()
    with pytest.raises(ContactFileError, match="No column of phone numbers") as caught:
        read_contact_file(data, file_name="a.csv")
    assert caught.value.headers == ["Imię", "Miasto"]
    assert caught.value.sample == [["Jan", "Kraków"], ["Anna", "Łódź"]]


def test_rows_a_book_would_refuse_are_rejected_with_their_line_and_reason() -> None:
    long_name = "Ż" * 121
    data = (
        "Nazwa;Telefon\n"
        "Jan;\n"
        f"{long_name};600100200\n"
        "Anna;1234567890123456789012345678\n"
        '"Wielo\nliniowa";600 100 200 wew. 12\n'
        "Ola;600 100 201\n"
        "Poczta głosowa;*100#\n"
    ).encode()
    contact_file = read_contact_file(data)
    assert contact_file.rows == [
        ContactRow(7, "Ola", "600100201"),
        ContactRow(8, "Poczta głosowa", "*100#"),  # SPIKON stores it: so does an import
    ]
    reasons = {row.line: row.reason for row in contact_file.rejected}
    assert reasons[2] == "No number"
    assert "120" in reasons[3]
    assert "25" in reasons[4]
    assert "wew. 12" in reasons[5]
    assert contact_file.rejected[1].text.startswith("ŻŻŻ")


def test_blank_lines_are_passed_over_without_a_rejection() -> None:
    data = b"Nazwa;Telefon\n\n;\nJan;600100200\n\n"
    contact_file = read_contact_file(data)
    assert contact_file.rejected == []
    assert contact_file.rows == [ContactRow(4, "Jan", "600100200")]


def test_a_spreadsheets_formula_guard_and_text_mark_are_taken_off() -> None:
    data = "name;number\n'=Dział IT;'600100200\n'@home;+48601100200\n".encode()
    assert pairs(data) == [("=Dział IT", "600100200"), ("@home", "601100200")]


# --- files refused as a whole ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"\x7fELF\x02\x01\x01" + bytes(range(1, 32)) * 4, "binary"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel"),
        (b"", "empty"),
        (b" \r\n\t\r\n", "empty"),
        (codecs.BOM_UTF8, "empty"),
        (b"Jan;\x81\x98600100200", "cannot be read"),
    ],
)
def test_a_file_that_is_not_a_contact_list_is_refused_in_words(data: bytes, words: str) -> None:
    with pytest.raises(ContactFileError, match=words):
        read_contact_file(data, file_name="kontakty.csv")


# --- vCard -------------------------------------------------------------------------------

VCARD_3 = """BEGIN:VCARD
VERSION:3.0
FN:Grzegorz Brzęczyszczykiewicz
N:Brzęczyszczykiewicz;Grzegorz;;;
TEL;TYPE=CELL:600 100 200
TEL;TYPE=WORK,VOICE:+48 (22) 123-45-67
EMAIL:g@example.com
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Żak;Łucja;;;
TEL:0048601100200
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Bez numeru
EMAIL:x@example.com
END:VCARD
"""

VCARD_4 = """BEGIN:VCARD
VERSION:4.0
FN:Anna Nowak
TEL;VALUE=uri;TYPE=home:tel:+48-602-100-200
TEL;VALUE=uri;PREF=1;TYPE="voice,work":tel:+49-30-1234567;ext=12
END:VCARD
BEGIN:VCARD
VERSION:4.0
ORG:Biuro Rachunkowe;Księgowość
TEL;VALUE=uri:tel:+48603100200
END:VCARD
"""


def test_a_vcard_3_file_gives_a_row_per_number_named_by_fn_else_n() -> None:
    contact_file = read_contact_file(VCARD_3.encode(), file_name="kontakty.vcf")
    assert (contact_file.format, contact_file.mapping, contact_file.delimiter) == ("vcf", None, "")
    assert contact_file.rows == [
        ContactRow(1, "Grzegorz Brzęczyszczykiewicz", "600100200"),
        ContactRow(1, "Grzegorz Brzęczyszczykiewicz (2)", "221234567"),
        ContactRow(9, "Łucja Żak", "601100200"),
    ]
    assert [(row.line, row.reason) for row in contact_file.rejected] == [(14, "No number")]


def test_a_vcard_4_file_reads_tel_uris_the_preferred_number_first() -> None:
    contact_file = read_contact_file(VCARD_4.encode("utf-8-sig"))
    assert contact_file.format == "vcf"
    assert contact_file.rows == [
        ContactRow(1, "Anna Nowak", "+49301234567"),
        ContactRow(1, "Anna Nowak (2)", "602100200"),
        ContactRow(7, "Biuro Rachunkowe Księgowość", "603100200"),
    ]


def test_a_broken_card_is_rejected_and_the_others_still_read() -> None:
    broken = 'BEGIN:VCARD\nVERSION:3.0\nFN:Zepsuta\nTEL;TYPE="x:1\nEND:VCARD\n'
    good = "BEGIN:VCARD\nVERSION:3.0\nFN:Dobra\nTEL:600100200\nEND:VCARD\n"
    contact_file = read_contact_file((broken + good).encode(), file_name="a.vcf")
    assert contact_file.rows == [ContactRow(6, "Dobra", "600100200")]
    assert [row.line for row in contact_file.rejected] == [1]
    assert "cannot be read" in contact_file.rejected[0].reason


def test_a_vcf_without_any_card_is_refused() -> None:
    with pytest.raises(ContactFileError, match="No vCard"):
        read_contact_file(b"Nazwa;Telefon\nJan;600100200\n", file_name="a.vcf")


def test_a_vcard_named_csv_is_still_read_as_a_vcard() -> None:
    assert read_contact_file(VCARD_3.encode(), file_name="eksport.csv").format == "vcf"
