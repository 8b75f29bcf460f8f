"""An office's contact list as Excel in Poland saves it: 300 rows in cp1250 with `;`,
Polish letters, numbers written every which way, numbers repeated within the file and a
few lines no book takes. Built here, not stored, so what it holds is plain to read."""

from __future__ import annotations

from spikon_tui.contacts.numbers import match_key

FIRST_NAMES = ["Łucja", "Grzegorz", "Żaneta", "Jędrzej", "Ścibor", "Bożena", "Ćwirek", "Anna"]
LAST_NAMES = ["Żółkiewska", "Brzęczyszczykiewicz", "Gęślak", "Nowak", "Źdźbło", "Kowalski"]
ROWS = 300
REPEAT_EVERY = 15
"""Every 15th row repeats the number of the row 7 above, written another way."""
REJECT_AT = {50: "", 120: "brak", 200: "600 100 200 wew. 12"}
"""Rows whose number no book takes: empty, a word, an extension."""


def written(national: str, style: int) -> str:
    """`national` (9 digits) written the way people write it."""
    a, b, c = national[:3], national[3:6], national[6:]
    return [
        f"{a} {b} {c}",
        f"+48 {a}-{b}-{c}",
        f"0048{national}",
        f"48{national}",
        f"{a}-{b}-{c}",
        f"+48{national}",
        f"({national[:2]}) {national[2:5]} {national[5:7]} {national[7:]}",
        national,
    ][style % 8]


def national_number(row: int) -> str:
    return f"{600 + row % 3}{row:06d}"


def office_rows() -> list[tuple[str, str, str]]:
    """(first name, last name, number as written) for each of the 300 data rows."""
    rows = []
    for row in range(1, ROWS + 1):
        first = FIRST_NAMES[row % len(FIRST_NAMES)]
        last = LAST_NAMES[row % len(LAST_NAMES)]
        if row in REJECT_AT:
            number = REJECT_AT[row]
        elif row % REPEAT_EVERY == 0:
            number = written(national_number(row - 7), row + 3)
        else:
            number = written(national_number(row), row)
        rows.append((first, f"{last} {row}", number))
    return rows


def office_csv() -> bytes:
    """The file's bytes: a header, then the rows, CRLF lines, cp1250."""
    lines = ["Lp.;Imię;Nazwisko;Telefon komórkowy;Uwagi"]
    for index, (first, last, number) in enumerate(office_rows(), start=1):
        lines.append(f"{index};{first};{last};{number};dział {index % 4}")
    return ("\r\n".join(lines) + "\r\n").encode("cp1250")


def office_keys() -> set[str]:
    """The match keys of every number in the file a book takes: each should be in the
    book exactly once after importing it."""
    keys = set()
    for row, (_first, _last, number) in enumerate(office_rows(), start=1):
        if row not in REJECT_AT:
            key = match_key(number)
            assert key is not None
            keys.add(key)
    return keys
