"""`NameDirectory`: names found by number however written, one deterministic name per number."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from spikon_tui.contacts.directory import ContactEntry, NameDirectory

MAIN, VIP, SUPPLIERS = (0, "Książka główna"), (1, "Klienci VIP"), (2, "Dostawcy")


def entry(book: tuple[int, str], name: str, number: str) -> ContactEntry:
    return ContactEntry(book[0], book[1], name, number)


def test_a_name_is_found_for_the_number_written_another_way() -> None:
    names = NameDirectory.build([entry(VIP, "Anna Nowak", "+48 600-100-200")])
    assert names.name_for("600100200") == "Anna Nowak"
    assert names.name_for("0048600100200") == "Anna Nowak"
    assert names.name_for("600100201") is None
    assert names.name_for(None) is None
    assert names.name_for("Anonymous") is None


def test_an_empty_directory_knows_no_one() -> None:
    names = NameDirectory()
    assert len(names) == 0
    assert names.name_for("600100200") is None


def test_the_lowest_book_id_wins_then_the_first_name_alphabetically() -> None:
    entries = [
        entry(SUPPLIERS, "Hurtownia Kowalski", "600100200"),
        entry(VIP, "zenon Kowalski", "+48600100200"),
        entry(VIP, "Adam Kowalski", "600 100 200"),
        entry(MAIN, "Jan Kowalski", "+49 30 1234567"),
        entry(SUPPLIERS, "Hurtownia Berlin", "0049 30 1234567"),
    ]
    names = NameDirectory.build(entries)
    assert names.name_for("600100200") == "Adam Kowalski"
    assert names.name_for("+49301234567") == "Jan Kowalski"
    chosen = names.entry_for("600100200")
    assert chosen is not None and chosen.book_name == "Klienci VIP"


@given(st.randoms(use_true_random=False))
def test_the_choice_does_not_depend_on_the_order_the_api_lists_entries_in(
    rng: random.Random,
) -> None:
    entries = [
        entry(VIP, "Ewa", "600100200"),
        entry(VIP, "ewa", "600100200"),
        entry(VIP, "Ewa ", "600100200"),
        entry(SUPPLIERS, "Ala", "600100200"),
        entry(MAIN, "Zofia", "+48 600 100 300"),
        entry(VIP, "Basia", "600100300"),
    ]
    shuffled = entries[:]
    rng.shuffle(shuffled)
    first, second = NameDirectory.build(entries), NameDirectory.build(shuffled)
    assert first.name_for("600100200") == second.name_for("600100200") == "Ewa"
    assert first.name_for("600100300") == second.name_for("600100300") == "Zofia"


def test_blank_names_and_numbers_that_are_not_numbers_are_left_out() -> None:
    names = NameDirectory.build(
        [
            entry(MAIN, "   ", "600100200"),
            entry(MAIN, "Biuro", "brak"),
            entry(VIP, "  Anna   Nowak ", "600100200"),
        ]
    )
    assert len(names) == 1
    assert names.name_for("600100200") == "Anna Nowak"
