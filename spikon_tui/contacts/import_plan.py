"""What an import would do to a phone book, decided from the book's current content.

`plan_import(rows, book, on_duplicate)` compares numbers by `match_key` (the stripped
text when that is None) and names with their spaces collapsed:

- a row whose number and name are both in the book already is skipped, whatever the
  policy, so running an import again adds nothing twice;
- a row whose number is in the book under another name is skipped ("skip"), replaces
  that entry ("update"), or is added beside it ("add");
- a number seen earlier in the file is skipped: the first line wins;
- under "update", an entry whose number a row has and whose name differs from the row's
  while the row's own name is there too, is what an interrupted update left behind (the
  new entry added, the old one not yet deleted): it goes to `leftovers`, to delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spikon_tui.api.models import PhoneBookElement
from spikon_tui.contacts.contact_rows import ContactRow
from spikon_tui.contacts.numbers import match_key
from spikon_tui.i18n import N_, _

ON_DUPLICATE = ("skip", "update", "add")
"""What to do with a row whose number is in the book under another name."""
ON_DUPLICATE_LABELS = {
    "skip": N_("Skip it"),
    "update": N_("Update the name"),
    "add": N_("Add it anyway"),
}
"""Msgids for each policy: show them with `_()`."""


@dataclass
class ImportPlan:
    """The rows to add, the entries to replace (old entry, row), the rows skipped with
    the reason, and the entries an interrupted update left behind, to delete."""

    to_add: list[ContactRow] = field(default_factory=list)
    to_update: list[tuple[PhoneBookElement, ContactRow]] = field(default_factory=list)
    skipped: list[tuple[ContactRow, str]] = field(default_factory=list)
    leftovers: list[PhoneBookElement] = field(default_factory=list)

    @property
    def changes(self) -> int:
        """Requests the plan needs: one per add, update and leftover."""
        return len(self.to_add) + len(self.to_update) + len(self.leftovers)


def number_key(number: str) -> str:
    """The key numbers are compared by: `match_key`, else the text without spaces."""
    return match_key(number) or "".join(number.split())


def same_name(first: str, second: str) -> bool:
    """Equal once runs of spaces are collapsed (case counts: fixing it is an update)."""
    return first.split() == second.split()


def plan_import(
    rows: Sequence[ContactRow], book: Sequence[PhoneBookElement], on_duplicate: str
) -> ImportPlan:
    """Decide, row by row, what importing `rows` into `book` does (see the module docstring)."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}, not {on_duplicate!r}")
    in_book: dict[str, list[PhoneBookElement]] = {}
    for entry in book:
        in_book.setdefault(number_key(entry.number), []).append(entry)
    first_line: dict[str, int] = {}
    plan = ImportPlan()
    for row in rows:
        key = number_key(row.number)
        if key in first_line:
            reason = _("Same number as line {line}").format(line=first_line[key])
            plan.skipped.append((row, reason))
            continue
        first_line[key] = row.line
        entries = in_book.get(key, [])
        others = [entry for entry in entries if not same_name(entry.name, row.name)]
        if len(others) < len(entries):
            plan.skipped.append((row, _("Already in the book")))
            if on_duplicate == "update":
                plan.leftovers += [entry for entry in others if entry.can_delete]
        elif not entries or on_duplicate == "add":
            plan.to_add.append(row)
        elif on_duplicate == "update":
            _plan_update(plan, row, entries)
        else:
            reason = _("In the book as {name}").format(name=entries[0].name)
            plan.skipped.append((row, reason))
    return plan


def _plan_update(plan: ImportPlan, row: ContactRow, entries: list[PhoneBookElement]) -> None:
    """Replace the first deletable entry with this number; delete any others with it."""
    deletable = [entry for entry in entries if entry.can_delete]
    if not deletable:
        reason = _("In the book as {name}, which cannot be changed through the API").format(
            name=entries[0].name
        )
        plan.skipped.append((row, reason))
        return
    plan.to_update.append((deletable[0], row))
    plan.leftovers += deletable[1:]
