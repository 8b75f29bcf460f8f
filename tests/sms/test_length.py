"""SMS part counting: GSM-7 (160/153, extension characters count 2 and never split) vs UCS-2."""

from __future__ import annotations

import pytest

from spikon_tui.sms.length import GSM7_BASIC, GSM7_EXTENSION, is_gsm7, measure


def test_the_gsm7_tables_have_their_documented_sizes() -> None:
    assert len(GSM7_BASIC) == 127  # 128 codes, one of them the escape
    assert len(GSM7_EXTENSION) == 10
    assert not GSM7_BASIC & GSM7_EXTENSION


def test_an_empty_message_takes_no_part() -> None:
    length = measure("")
    assert (length.parts, length.units, length.left_in_part, length.encoding) == (
        0,
        0,
        160,
        "GSM-7",
    )


@pytest.mark.parametrize(
    ("characters", "parts", "left"),
    [(1, 1, 159), (160, 1, 0), (161, 2, 145), (306, 2, 0), (307, 3, 152), (918, 6, 0)],
)
def test_gsm7_160_alone_153_per_part(characters: int, parts: int, left: int) -> None:
    length = measure("a" * characters)
    assert (length.parts, length.units, length.left_in_part) == (parts, characters, left)
    assert length.part_size == (160 if parts == 1 else 153)
    assert length.characters == characters


def test_extension_characters_count_two_septets() -> None:
    length = measure("€" * 80)
    assert (length.encoding, length.units, length.parts, length.left_in_part) == (
        "GSM-7",
        160,
        1,
        0,
    )
    assert measure("[" * 81).parts == 2


def test_an_escape_pair_is_never_split_across_parts() -> None:
    # 152 septets, then a 2-septet "{": it cannot start in part 1 (1 septet left), so part 2.
    message = "a" * 152 + "{" + "a" * 7
    length = measure(message)
    assert length.units == 161
    assert length.parts == 2
    assert length.left_in_part == 153 - 9  # "{" and 7 letters moved to part two
    # 306 septets would fit two parts exactly, but one pair straddles the boundary: three.
    assert measure("a" * 152 + "{" + "a" * 152).parts == 3
    assert measure("a" * 151 + "{" + "a" * 153).parts == 2


@pytest.mark.parametrize("letter", list("ąęłóśżźćńĄĘŁÓŚŻŹĆŃ"))
def test_each_polish_letter_switches_the_whole_message_to_ucs2(letter: str) -> None:
    length = measure("Dzien dobry " + letter)
    assert length.encoding == "UCS-2"
    assert length.unicode_characters == (letter,)
    assert length.part_size == 70


@pytest.mark.parametrize(
    ("characters", "parts", "left"),
    [(70, 1, 0), (71, 2, 63), (134, 2, 0), (135, 3, 66), (918, 14, 67 * 14 - 918)],
)
def test_ucs2_70_alone_67_per_part(characters: int, parts: int, left: int) -> None:
    length = measure("ż" * characters)
    assert (length.parts, length.left_in_part) == (parts, left)


def test_emoji_count_two_utf16_units_and_are_not_split() -> None:
    assert measure("😀" * 35).units == 70
    assert measure("😀" * 35).parts == 1
    assert measure("😀" * 36).parts == 2
    # 66 units then an emoji: 1 unit left in part one, so the emoji opens part two.
    length = measure("ą" * 66 + "😀" + "ą" * 2)
    assert (length.units, length.parts, length.left_in_part) == (70, 1, 0)
    length = measure("ą" * 66 + "😀" + "ą" * 3)
    assert (length.units, length.parts, length.left_in_part) == (71, 2, 67 - 5)
    assert length.characters == 70  # the API's 918 counts characters, not units


def test_ucs2_names_each_offending_character_once_in_order() -> None:
    length = measure("Zażółć gęślą jaźń")
    assert length.unicode_characters == tuple("żółćęśąźń")


def test_gsm7_specials_stay_gsm7() -> None:
    text = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ ¡ÄÖÑÜ§¿äöñüà"
    assert all(is_gsm7(ch) for ch in text)
    assert measure(text).encoding == "GSM-7"
    assert not is_gsm7("ó")  # ò is GSM-7, ó is not
    assert not is_gsm7("ç")  # only the capital Ç is in the table
