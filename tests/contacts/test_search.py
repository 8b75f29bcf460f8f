"""Contact search: words in any order with accents folded, numbers however they are typed,
and the best matches ranked first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spikon_tui.contacts.search import (
    ContactQuery,
    contact_search_text,
    contact_search_texts,
    number_forms,
)

BARTOSZ = contact_search_text("Bartosz Chmielewski (Łódź)", "528160736")
PHONE_BOOK = {
    "Bartosz Chmielewski (Łódź)": "528160736",
    "Łukasz Żółkiewski": "+48 600 100 200",
    "Anna Nowak-Kowalska": "(0-22) 123 45 67",
    "Hans Müller": "+49 30 1234567",
    "Recepcja": "101",
}


def found(query: str) -> list[str]:
    parsed = ContactQuery.parse(query)
    return [
        name
        for name, number in PHONE_BOOK.items()
        if parsed.matches(contact_search_text(name, number))
    ]


@pytest.mark.parametrize(
    "query",
    ["chmielewski łódź", "łódź chmielewski", "LODZ bartosz", "Chmiel łó", "bartosz (łódź)"],
)
def test_every_word_in_any_order_with_accents_folded(query: str) -> None:
    assert found(query) == ["Bartosz Chmielewski (Łódź)"]


def test_a_word_that_is_missing_finds_nothing() -> None:
    assert found("chmielewski kraków") == []


def test_the_stroked_l_folds_both_ways() -> None:
    assert found("łukasz") == found("lukasz") == found("ŁUKASZ") == ["Łukasz Żółkiewski"]
    assert found("zolkiewski") == ["Łukasz Żółkiewski"]


def test_a_hyphenated_name_is_found_by_either_part_or_both() -> None:
    assert found("kowalska") == found("nowak-kowalska") == ["Anna Nowak-Kowalska"]


@pytest.mark.parametrize(
    "query", ["5281", "528 160", "528-160", "+48 528 160", "0048528160", "48528160736", "528160736"]
)
def test_a_polish_number_however_typed(query: str) -> None:
    assert found(query) == ["Bartosz Chmielewski (Łódź)"]


@pytest.mark.parametrize("query", ["600 100", "+48 600-100-200", "0048 600", "600100200"])
def test_a_number_stored_with_its_country_code(query: str) -> None:
    assert found(query) == ["Łukasz Żółkiewski"]


@pytest.mark.parametrize("query", ["22 123", "022 123 45", "(22) 123-45", "+48 22 123 45 67"])
def test_a_number_stored_with_the_old_trunk_prefix(query: str) -> None:
    assert found(query) == ["Anna Nowak-Kowalska"]


@pytest.mark.parametrize("query", ["+49 30", "0049 30 123", "30 1234567"])
def test_a_foreign_number_keeps_its_country_code(query: str) -> None:
    assert found(query) == ["Hans Müller"]


def test_a_name_and_a_number_together() -> None:
    assert found("bartosz 528 160") == ["Bartosz Chmielewski (Łódź)"]
    assert found("600 łukasz") == ["Łukasz Żółkiewski"]
    assert found("bartosz 600 100") == []


def test_digits_do_not_match_across_the_name_and_the_number() -> None:
    text = contact_search_text("Biuro 2", "528160736")
    assert ContactQuery.parse("2").matches(text)
    assert not ContactQuery.parse("25").matches(text)


def test_a_short_number_is_its_digits() -> None:
    assert found("101") == ["Recepcja"]


def test_number_forms() -> None:
    assert number_forms("+48 528 160") == ("48528160", "528160")
    assert number_forms("0048528160") == ("0048528160", "48528160", "528160")
    assert number_forms("528-160") == ("528160",)
    assert number_forms("022 123") == ("022123", "22123")
    assert number_forms("48528160736") == ("48528160736", "528160736")
    assert number_forms("4852") == ("4852",)  # too short to be a country code and 9 digits
    assert number_forms("+") == ()


@pytest.mark.parametrize("query", ["", "   ", "+", "—", "()"])
def test_a_query_without_terms_matches_everything(query: str) -> None:
    parsed = ContactQuery.parse(query)
    assert parsed.is_empty
    assert parsed.matches(BARTOSZ)
    assert parsed.rank(BARTOSZ) == 0


def test_rank_prefers_names_starting_with_the_words() -> None:
    def rank(query: str, name: str) -> int:
        return ContactQuery.parse(query).rank(contact_search_text(name, "600100200"))

    assert rank("jan kow", "Jan Kowalski") == 0
    assert rank("jan kow", "Jan Nowak-Kowalski") == 1
    assert rank("jan kow", "Kowalski Jan") == 2
    assert rank("jan kow", "Janina Kowalska") == 1  # starts with "jan", "kow" starts a word
    assert rank("an kow", "Janina Kowalska") == 3
    assert rank("łódź", "Łódź Ośrodek") == 0
    assert rank("łódź", "Ośrodek (Łódź)") == 2
    assert rank("600", "Kowalski") == 2  # a number starting its digits
    assert rank("100", "Kowalski") == 3


def test_ranks_sort_the_matches() -> None:
    names = ["Ośrodek Nowak", "Jan Nowak", "Nowakowski Adam", "Nowak Jan"]
    query = ContactQuery.parse("nowak")
    texts = contact_search_texts(names, ["101"] * len(names))
    ranked = sorted(names, key=lambda name: query.rank(texts[names.index(name)]))
    assert ranked == ["Nowakowski Adam", "Nowak Jan", "Ośrodek Nowak", "Jan Nowak"]


@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=20)), max_size=20))
def test_the_batch_equals_one_by_one(entries: list[tuple[str, str]]) -> None:
    names = [name for name, _ in entries]
    numbers = [number for _, number in entries]
    assert contact_search_texts(names, numbers) == [
        contact_search_text(name, number) for name, number in entries
    ]


@given(st.text(max_size=40), st.text(max_size=30), st.text(max_size=20))
def test_a_match_has_a_rank_and_the_rank_tiers_imply_a_match(
    query: str, name: str, number: str
) -> None:
    parsed = ContactQuery.parse(query)
    text = contact_search_text(name, number)
    if parsed.rank(text) < len(parsed.tiers):
        assert parsed.matches(text)


@given(st.text(alphabet="abcłódźŁÓ -", max_size=20))
def test_a_name_is_found_by_each_of_its_words(name: str) -> None:
    text = contact_search_text(name, "")
    for word in name.split():
        assert ContactQuery.parse(word).matches(text)
