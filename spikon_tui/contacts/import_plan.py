"""What an import would do to a phone book, decided from the book's current content.

`plan_import(rows, book, on_duplicate)` compares numbers by `match_key` (the stripped
text when that is None) and names with their spaces collapsed:

- a row whose number is in the book under its name, or under a name another line of
  the file gives that number, is skipped whatever the policy, so running an import
  again adds nothing twice;
- a row whose number is in the book under another name is skipped ("skip"), replaces
  that entry ("update"), or is added beside it ("add");
- a number seen earlier in the file is skipped: the first line wins;
- under "update", the file says what the number's entry is called: an entry with that
  number under a name no line of the file gives is replaced or, when a named one is
  there already, deleted (`leftovers`): that is what an interrupted update leaves
  behind (the new entry added, the old one not yet deleted). An entry without an id
  can be neither, and stays. A book exported and imported back changes nothing.
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
    file_names: dict[str, list[str]] = {}
    for row in rows:
        file_names.setdefault(number_key(row.number), []).append(row.name)
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
        named = [e for e in entries if any(same_name(e.name, n) for n in file_names[key])]
        unnamed = [e for e in entries if e not in named and e.can_delete]
        if named:
            own = any(same_name(entry.name, row.name) for entry in named)
            reason = _("In the book as {name}").format(name=named[0].name)
            plan.skipped.append((row, _("Already in the book") if own else reason))
            if on_duplicate == "update":
                plan.leftovers += unnamed
        elif not entries or on_duplicate == "add":
            plan.to_add.append(row)
        elif on_duplicate == "update" and unnamed:
            plan.to_update.append((unnamed[0], row))
            plan.leftovers += unnamed[1:]
        elif on_duplicate == "update":
            reason = _("In the book as {name}, which cannot be changed through the API")
            plan.skipped.append((row, reason.format(name=entries[0].name)))
        else:
            reason = _("In the book as {name}").format(name=entries[0].name)
            plan.skipped.append((row, reason))
    return plan
