"""Case- and diacritics-insensitive matching used by the table filter."""

from __future__ import annotations

from spikon_tui.text_fold import find_folded_spans, fold_many, fold_text


def test_polish_letters_fold_to_ascii() -> None:
    assert fold_text("Żółć") == "zolc"
    assert fold_text("ŁÓDŹ") == "lodz"
    assert fold_text("Ąę Ćń Śź łŁ") == "ae cn sz ll"
    assert fold_text("Straße") == "strasse"
    assert fold_text("Plain ASCII") == "plain ascii"


def test_fold_many_equals_folding_one_by_one() -> None:
    texts = ["Żółć", "", "Łódź\x1fnr", "ASCII", "Ćma", "Straße", "İstanbul", "ΟΔΟΣ", "Ⅻ", "\u212a"]
    assert fold_many(texts) == [fold_text(text) for text in texts]
    assert fold_many(["Żółć", "Łódź"]) == ["zolc", "lodz"]
    assert fold_many([]) == []


def test_fold_many_turns_newlines_into_spaces() -> None:
    assert fold_many(["Jan\nŁódź", "Ewa"]) == ["jan lodz", "ewa"]


def test_spans_point_at_the_original_characters() -> None:
    assert find_folded_spans("Jan Łódź-Łódź", "lodz") == [(4, 8), (9, 13)]
    assert find_folded_spans("Nowak", "xyz") == []
    assert find_folded_spans("Nowak", "") == []
    # A decomposed "ó" (o + combining acute) keeps its accent inside the span.
    assert find_folded_spans("Lo\u0301dz", "lodz") == [(0, 5)]
    assert find_folded_spans("Straße 1", "sse") == [(4, 6)]
