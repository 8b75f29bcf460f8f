"""Contacts in vCard 3.0 and 4.0 (with `vobject`): reading them, and writing a book as vCards.

Each card is read on its own, so one broken card is a rejected row and the rest still
come in. The name is FN, else N (given and family names), else ORG. Every TEL is one
row: the first (the preferred one when a TEL says so) takes the card's name, the
others the name with their place, `Jan Kowalski (2)`, `Jan Kowalski (3)`, so each
stays its own entry and a re-import finds them by the same names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import vobject  # type: ignore[import-untyped]

from spikon_tui.contacts.contact_rows import ContactFileError, ContactRow, RejectedRow, make_row
from spikon_tui.i18n import _

_TEL_URI = "tel:"


def read_vcard(text: str) -> tuple[list[ContactRow], list[RejectedRow]]:
    """The rows of every card in `text`, and the cards or numbers that could not be read."""
    rows: list[ContactRow] = []
    rejected: list[RejectedRow] = []
    cards = list(_card_blocks(text))
    if not cards:
        raise ContactFileError(_("No vCard was found in the file (no BEGIN:VCARD line)."))
    for line, block in cards:
        try:
            card = vobject.readOne(block)
        except Exception as error:  # vobject raises many kinds on a broken card
            rejected.append(
                RejectedRow(
                    line,
                    _first_line(block),
                    _("This card cannot be read: {reason}").format(
                        reason=str(error) or type(error).__name__
                    ),
                )
            )
            continue
        name = card_name(card)
        tels = _telephones(card)
        if not tels:
            rejected.append(RejectedRow(line, name or _first_line(block), _("No number")))
            continue
        for place, number in enumerate(tels, start=1):
            shown_name = name if place == 1 or not name else f"{name} ({place})"
            row = make_row(line, shown_name, number, f"{name}: {number}" if name else number)
            if isinstance(row, ContactRow):
                rows.append(row)
            else:
                rejected.append(row)
    return rows, rejected


def _card_blocks(text: str) -> Iterable[tuple[int, str]]:
    """Each BEGIN:VCARD ... END:VCARD block with the line it begins on."""
    start: int | None = None
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            start, lines = number, [line]
        elif start is not None:
            lines.append(line)
            if upper == "END:VCARD":
                yield start, "\r\n".join(lines) + "\r\n"
                start, lines = None, []


def _first_line(block: str) -> str:
    for line in block.splitlines():
        if line.upper().startswith(("FN", "N:", "N;")):
            return line
    return block.splitlines()[0]


def card_name(card: Any) -> str:
    """The card's name: FN, else N, else ORG; "" when it has none."""
    contents = card.contents
    for fn in contents.get("fn", []):
        if str(fn.value).strip():
            return str(fn.value)
    for n in contents.get("n", []):
        value = n.value
        if isinstance(value, vobject.vcard.Name):
            parts = [value.prefix, value.given, value.additional, value.family, value.suffix]
            text = " ".join(_flat(part) for part in parts if _flat(part))
            if text:
                return text
    for org in contents.get("org", []):
        text = " ".join(_flat(org.value).split())
        if text:
            return text
    return ""


def _flat(value: object) -> str:
    if isinstance(value, list | tuple):
        return " ".join(str(part) for part in value if str(part).strip())
    return str(value or "").strip()


def _telephones(card: Any) -> list[str]:
    """The card's numbers, the preferred one first, `tel:` URIs (vCard 4.0) as numbers."""
    tels = card.contents.get("tel", [])
    preferred = sorted(tels, key=lambda tel: not _is_preferred(tel.params))
    numbers = []
    for tel in preferred:
        number = str(tel.value).strip()
        if number.lower().startswith(_TEL_URI):
            number = number[len(_TEL_URI) :].split(";", 1)[0]
        if number:
            numbers.append(number)
    return numbers


def _is_preferred(params: dict[str, list[str]]) -> bool:
    types = {part.strip().lower() for value in params.get("TYPE", []) for part in value.split(",")}
    return "pref" in types or bool(params.get("PREF"))


def write_vcard(entries: Iterable[tuple[str, str]]) -> str:
    """`entries` (name, number) as vCard 3.0 text, one card per entry, CRLF lines."""
    cards = []
    for name, number in entries:
        card = vobject.vCard()
        card.add("version").value = "3.0"
        card.add("fn").value = name
        card.add("n").value = vobject.vcard.Name(given=name)
        tel = card.add("tel")
        tel.value = number
        tel.type_param = "VOICE"
        cards.append(card.serialize())
    return "".join(cards)
