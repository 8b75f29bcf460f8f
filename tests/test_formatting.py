"""Dates and times on screen follow the language; dates typed by the user are read either way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest

from spikon_tui.formatting import (
    format_ago,
    format_count,
    format_datetime,
    format_recent,
    format_size,
    read_date,
)
from spikon_tui.i18n import set_language

NOW = datetime(2025, 6, 15, 17, 6)


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


def test_a_moment_is_iso_in_english() -> None:
    moment = datetime(2025, 3, 4, 9, 5, 7)
    assert format_datetime(moment) == "2025-03-04 09:05"
    assert format_datetime(moment, seconds=True) == "2025-03-04 09:05:07"


def test_a_moment_is_day_first_in_polish(polish: None) -> None:
    moment = datetime(2025, 3, 4, 9, 5, 7)
    assert format_datetime(moment) == "04.03.2025 09:05"
    assert format_datetime(moment, seconds=True) == "04.03.2025 09:05:07"


@pytest.mark.parametrize(
    ("moment", "english", "polish"),
    [
        (datetime(2025, 6, 15, 0, 1), "00:01", "00:01"),
        (datetime(2025, 6, 14, 23, 59), "06-14 23:59", "14.06 23:59"),
        (datetime(2025, 1, 1, 8, 0), "01-01 08:00", "01.01 08:00"),
        (datetime(2024, 12, 31, 23, 59), "2024-12-31", "31.12.2024"),
    ],
)
def test_a_recent_moment_is_short_and_follows_the_language(
    moment: datetime, english: str, polish: str
) -> None:
    assert format_recent(moment, NOW) == english
    set_language("pl")
    try:
        assert format_recent(moment, NOW) == polish
    finally:
        set_language("en")


@pytest.mark.parametrize(
    "typed", ["2025-06-09", "09.06.2025", "9.6.2025", " 2025-6-9 ", "09.06.2025\n"]
)
def test_a_typed_date_is_read_either_way_in_either_language(typed: str) -> None:
    assert read_date(typed) == date(2025, 6, 9)
    set_language("pl")
    try:
        assert read_date(typed) == date(2025, 6, 9)
    finally:
        set_language("en")


@pytest.mark.parametrize(
    "typed", ["", "2025/06/09", "09-06-2025", "9.6.25", "31.02.2025", "2025-13-01", "١٠.٠٦.٢٠٢٥"]
)
def test_anything_else_is_not_a_date(typed: str) -> None:
    assert read_date(typed) is None


def test_counts_are_grouped_in_the_language() -> None:
    assert format_count(12345) == "12,345"
    assert format_count(999) == "999"


def test_counts_are_grouped_with_a_space_in_polish(polish: None) -> None:
    assert format_count(3000) == "3\u00a0000"


def test_sizes_and_ages_come_from_humanize_in_the_language(polish: None) -> None:
    assert format_size(1_234_567) == "1,2 MB"
    assert format_ago(180) == "3 minuty temu"


def test_sizes_and_ages_in_english() -> None:
    assert format_size(1_234_567) == "1.2 MB"
    assert format_ago(180) == "3 minutes ago"
