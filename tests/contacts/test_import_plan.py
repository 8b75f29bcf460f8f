"""The import plan, decided from the book's current content: what is added, replaced,
skipped and why, what an interrupted update left behind; and, for any file and book,
that a plan carried out (even half-way) and planned again leaves nothing to do."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spikon_tui.api.models import PhoneBookElement
from spikon_tui.contacts.contact_file import ContactRow
from spikon_tui.contacts.import_plan import ImportPlan, number_key, plan_import


def entry(id: int | None, name: str, number: str) -> PhoneBookElement:
    return PhoneBookElement(id=id, name=name, number=number)


JAN = ContactRow(2, "Jan Kowalski", "600100200")


def test_rows_not_in_the_book_are_added() -> None:
    plan = plan_import([JAN], [entry(1, "Anna", "601100200")], "skip")
    assert plan == ImportPlan(to_add=[JAN])
    assert plan.changes == 1


@pytest.mark.parametrize("policy", ["skip", "update", "add"])
def test_the_same_number_and_name_is_skipped_whatever_the_policy(policy: str) -> None:
    book = [entry(1, "Jan  Kowalski ", "+48 600-100-200")]
    plan = plan_import([JAN], book, policy)
    assert plan.skipped == [(JAN, "Already in the book")]
    assert plan.changes == 0


def test_the_same_number_under_another_name_follows_the_policy() -> None:
    old = entry(7, "Kowalski", "0048600100200")
    skip = plan_import([JAN], [old], "skip")
    assert skip.skipped == [(JAN, "In the book as Kowalski")] and skip.changes == 0
    update = plan_import([JAN], [old], "update")
    assert update.to_update == [(old, JAN)] and update.leftovers == []
    add = plan_import([JAN], [old], "add")
    assert add.to_add == [JAN] and add.to_update == []


def test_a_name_differing_only_in_case_is_another_name() -> None:
    plan = plan_import([JAN], [entry(7, "jan kowalski", "600100200")], "update")
    assert len(plan.to_update) == 1


def test_a_number_repeated_in_the_file_is_skipped_after_its_first_line() -> None:
    again = ContactRow(9, "Janek", "+48600100200")
    plan = plan_import([JAN, again], [], "add")
    assert plan.to_add == [JAN]
    assert plan.skipped == [(again, "Same number as line 2")]


def test_an_interrupted_update_leaves_the_old_entry_to_delete_under_update_only() -> None:
    old, new = entry(7, "Kowalski", "600100200"), entry(8, "Jan Kowalski", "600100200")
    update = plan_import([JAN], [old, new], "update")
    assert update.skipped == [(JAN, "Already in the book")]
    assert update.leftovers == [old]
    for policy in ("skip", "add"):
        assert plan_import([JAN], [old, new], policy).changes == 0


def test_an_update_replaces_one_entry_and_deletes_the_others_with_that_number() -> None:
    first, second = entry(7, "Kowalski", "600100200"), entry(8, "J. K.", "600 100 200")
    plan = plan_import([JAN], [first, second], "update")
    assert plan.to_update == [(first, JAN)] and plan.leftovers == [second]


def test_a_number_in_the_book_under_a_name_a_later_line_gives_it_is_there_already() -> None:
    book = [entry(7, "Kowalski", "600100200"), entry(8, "Biuro", "600100200")]
    rows = [JAN, ContactRow(3, "Biuro", "600100200")]
    skip = plan_import(rows, book, "skip")
    assert skip.skipped[0] == (JAN, "In the book as Biuro") and skip.changes == 0
    update = plan_import(rows, book, "update")
    assert update.to_update == [] and update.leftovers == [book[0]]
    exported = [ContactRow(2, "Kowalski", "600100200"), ContactRow(3, "Biuro", "600100200")]
    for policy in ("skip", "update", "add"):
        assert plan_import(exported, book, policy).changes == 0


def test_entries_without_an_id_are_never_replaced_or_deleted() -> None:
    no_id = entry(None, "Kowalski", "600100200")
    plan = plan_import([JAN], [no_id], "update")
    assert plan.changes == 0
    assert "cannot be changed" in plan.skipped[0][1]
    left = plan_import([JAN], [no_id, entry(8, "Jan Kowalski", "600100200")], "update")
    assert left.leftovers == []


def test_book_numbers_that_are_not_phone_numbers_compare_as_text() -> None:
    assert number_key(" *100# ") == "*100#"
    book = [entry(1, "Poczta głosowa", "*100#")]
    assert plan_import([JAN], book, "skip").to_add == [JAN]


def test_an_unknown_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="on_duplicate"):
        plan_import([JAN], [], "merge")


# --- carried out, then planned again -------------------------------------------------------


def carry_out(book: list[PhoneBookElement], plan: ImportPlan, steps: int) -> None:
    """Do the first `steps` requests of `plan` to `book` as run_import does; an update
    counts two requests (add, delete), so a stop may fall between them."""
    ids = itertools.count(max((e.id or 0 for e in book), default=0) + 1)
    actions = [("add", row, None) for row in plan.to_add]
    for old, row in plan.to_update:
        actions += [("add", row, None), ("delete", None, old)]
    actions += [("delete", None, old) for old in plan.leftovers]
    for kind, row, old in actions[:steps]:
        if kind == "add":
            assert row is not None
            book.append(entry(next(ids), row.name, row.number))
        else:
            book[:] = [e for e in book if e.id != old.id]  # type: ignore[union-attr]


numbers = st.sampled_from(
    ["600100200", "+48 600 100 200", "601100200", "0048601100200", "602100200", "+49301234567"]
)
names = st.sampled_from(["Jan", "Jan Kowalski", "Anna", "Anna  Nowak"])


@settings(max_examples=500, deadline=None)
@given(
    rows=st.lists(st.tuples(names, numbers), max_size=6),
    book=st.lists(st.tuples(names, numbers, st.booleans()), max_size=5),
    policy=st.sampled_from(["skip", "update", "add"]),
    data=st.data(),
)
def test_a_plan_interrupted_anywhere_then_run_again_leaves_nothing_to_do(
    rows: list[tuple[str, str]],
    book: list[tuple[str, str, bool]],
    policy: str,
    data: st.DataObject,
) -> None:
    contact_rows = [
        ContactRow(line, " ".join(name.split()), number)
        for line, (name, number) in enumerate(rows, start=2)
    ]
    entries = [
        entry(index if has_id else None, name, number)
        for index, (name, number, has_id) in enumerate(book, start=1)
    ]
    had = Counter(number_key(e.number) for e in entries)
    fixed = {number_key(e.number) for e in entries if e.id is None}
    first = plan_import(contact_rows, entries, policy)
    requests = first.changes + len(first.to_update)  # an update is an add and a delete
    carry_out(entries, first, data.draw(st.integers(0, requests), label="stop_after"))
    again = plan_import(contact_rows, entries, policy)
    carry_out(entries, again, 10_000)
    assert plan_import(contact_rows, entries, policy).changes == 0
    keys = [number_key(e.number) for e in entries]
    for row in contact_rows:
        key = number_key(row.number)
        assert key in keys
        if not had[key] or (policy == "update" and had[key] == 1 and key not in fixed):
            assert keys.count(key) == 1, (row, entries)


@settings(max_examples=300, deadline=None)
@given(
    book=st.lists(st.tuples(names, numbers, st.booleans()), max_size=6),
    policy=st.sampled_from(["skip", "update", "add"]),
)
def test_a_book_planned_against_itself_changes_nothing(
    book: list[tuple[str, str, bool]], policy: str
) -> None:
    entries = [
        entry(index if has_id else None, name, number)
        for index, (name, number, has_id) in enumerate(book, start=1)
    ]
    exported = [
        ContactRow(line, " ".join(e.name.split()), e.number)
        for line, e in enumerate(entries, start=2)
    ]
    assert plan_import(exported, entries, policy).changes == 0
