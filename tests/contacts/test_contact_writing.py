"""Writing a book as CSV and vCard: the header, the formula guard (names guarded, phone
numbers left as they are), the spreadsheet flavour, and every entry reading back as it was."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from spikon_tui.contacts.contact_file import read_contact_file
from spikon_tui.contacts.csv_contacts import write_csv
from spikon_tui.contacts.vcard_contacts import write_vcard
from spikon_tui.files.csv_flavour import SPREADSHEET

ENTRIES = [
    ("Grzegorz Brzęczyszczykiewicz", "600100200"),
    ('=HYPERLINK("http://x")', "+49301234567"),
    ('+48 dział; "kadry", pokój 3', "221234567"),
    ("-minus", "601100200"),
    ("@home", "602100200"),
    ("'=already guarded", "603100200"),
    ("'apostrof", "604100200"),
]


def read_back(text: str, file_name: str) -> list[tuple[str, str]]:
    encoded = text.encode("utf-8")
    return [(row.name, row.number) for row in read_contact_file(encoded, file_name=file_name).rows]


def test_csv_has_a_header_crlf_lines_and_guards_formula_names_but_not_numbers() -> None:
    text = write_csv(ENTRIES)
    lines = text.split("\r\n")
    assert lines[0] == "name,number"
    assert lines[2] == '"\'=HYPERLINK(""http://x"")",+49301234567'
    assert lines[4] == "'-minus,601100200"
    assert lines[5] == "'@home,602100200"
    assert lines[6] == "''=already guarded,603100200"
    assert lines[7] == "'apostrof,604100200"
    assert text.endswith("\r\n")


def test_a_number_that_is_not_a_phone_number_is_guarded_too() -> None:
    assert write_csv([("Jan", "=1+2")]).split("\r\n")[1] == "Jan,'=1+2"


def test_the_spreadsheet_flavour_has_semicolons_and_a_byte_order_mark() -> None:
    text = write_csv(ENTRIES, flavour=SPREADSHEET)
    assert text.startswith("\ufeffname;number\r\n")
    contact_file = read_contact_file(text.encode("utf-8"), file_name="x.csv")
    assert (contact_file.encoding, contact_file.delimiter) == ("utf-8-sig", ";")
    assert [(row.name, row.number) for row in contact_file.rows] == ENTRIES
    assert text.encode("utf-8")[:8] == codecs.BOM_UTF8 + b"name;"


def test_csv_and_vcard_read_back_as_written() -> None:
    assert read_back(write_csv(ENTRIES), "a.csv") == ENTRIES
    assert read_back(write_vcard(ENTRIES), "a.vcf") == ENTRIES


def test_vcard_is_version_3_one_card_per_entry() -> None:
    text = write_vcard(ENTRIES[:2])
    assert text.count("BEGIN:VCARD") == 2 and text.count("VERSION:3.0") == 2
    assert "FN:Grzegorz Brzęczyszczykiewicz\r\n" in text
    assert "TEL;TYPE=VOICE:600100200\r\n" in text


names = (
    st.builds(
        str.__add__,
        st.sampled_from(["", "=", "'", "''=", "+", "-", "@", "'+"]),
        st.text(
            alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf")),
            min_size=1,
            max_size=110,
        ),
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)
numbers = st.one_of(
    st.from_regex(r"[1-9][0-9]{8}", fullmatch=True),
    st.from_regex(r"\+(49|44|420|1)[1-9][0-9]{6,10}", fullmatch=True),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(names, numbers), min_size=1, max_size=8))
def test_any_entries_read_back_as_written(entries: list[tuple[str, str]]) -> None:
    for text, file_name in (
        (write_csv(entries), "a.csv"),
        (write_csv(entries, flavour=SPREADSHEET), "b.csv"),
        (write_vcard(entries), "c.vcf"),
    ):
        assert read_back(text, file_name) == entries, file_name
