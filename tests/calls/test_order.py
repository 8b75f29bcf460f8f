"""Ordering a report: the default range, the documented limits, how a request is described."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from spikon_tui.api.errors import ValidationError
from spikon_tui.api.validation import CallDirection
from spikon_tui.calls.order import (
    OrderRequest,
    check_end,
    check_order,
    check_start,
    default_date_range,
    today_in_poland,
)
from spikon_tui.i18n import set_language

SUNDAY_AFTERNOON = 1_750_000_000.0  # 2025-06-15 17:06:40 in Poland
# 2025-06-15 23:30 UTC is already Monday 01:30 in Poland (CEST, UTC+2).
LATE_SUNDAY_UTC = 1_750_030_200.0


def test_the_default_range_is_the_last_seven_days_today_included() -> None:
    assert default_date_range(SUNDAY_AFTERNOON) == (date(2025, 6, 9), date(2025, 6, 15))


def test_today_is_the_polish_date_whatever_the_time_zone_of_the_computer() -> None:
    assert today_in_poland(LATE_SUNDAY_UTC) == date(2025, 6, 16)
    assert default_date_range(LATE_SUNDAY_UTC) == (date(2025, 6, 10), date(2025, 6, 16))


def test_a_valid_order_comes_back_exactly_as_it_will_be_sent() -> None:
    request = check_order(0, "2025-06-09", " 2025-06-15 ", False, " 501 234-567 ")
    assert request == OrderRequest(
        CallDirection.INCOMING, date(2025, 6, 9), date(2025, 6, 15), False, "501234567"
    )
    assert check_order(2, "2025-06-09", "2025-06-15", True, "  ").number == ""


@pytest.mark.parametrize(
    ("start", "end", "parameter", "words"),
    [
        ("2025-06-16", "2025-06-15", "date_end", "must not be before the first day"),
        ("2025-01-01", "2025-04-12", "date_end", "at most 100 days (this one spans 101)"),
        ("15.06.2025", "2025-06-15", "date_start", "YYYY-MM-DD"),
        ("2025-06-01", "2025-02-30", "date_end", "YYYY-MM-DD"),
        ("", "2025-06-15", "date_start", "YYYY-MM-DD"),
    ],
)
def test_dates_outside_the_documented_limits_are_refused(
    start: str, end: str, parameter: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_order(2, start, end, False, "")
    assert caught.value.parameter == parameter
    assert words in str(caught.value)


def test_a_range_of_exactly_one_hundred_days_is_allowed() -> None:
    request = check_order(1, "2025-01-01", "2025-04-11", True, "")
    assert (request.date_end - request.date_start).days == 100


@pytest.mark.parametrize("number", ["50123456a", "1" * 26, "+48+501"])
def test_a_number_that_is_not_one_is_refused(number: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_order(2, "2025-06-09", "2025-06-15", False, number)
    assert caught.value.parameter == "number"


def test_a_direction_other_than_0_1_2_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        check_order(3, "2025-06-09", "2025-06-15", False, "")
    assert caught.value.parameter == "dir"


def test_a_request_says_what_it_holds() -> None:
    request = check_order(0, "2025-06-09", "2025-06-15", True, "501234567")
    assert request.describe() == (
        "incoming · 2025-06-09 – 2025-06-15 · number 501234567 · recorded only"
    )
    both = check_order(2, "2025-06-09", "2025-06-15", False, "")
    assert both.describe() == "in and out · 2025-06-09 – 2025-06-15 · all calls"


def test_a_request_survives_json_and_damaged_json_gives_none() -> None:
    request = check_order(1, "2025-06-09", "2025-06-15", True, "+48501234567")
    assert OrderRequest.from_json(request.to_json()) == request
    assert OrderRequest.from_json(None) is None
    assert OrderRequest.from_json({"dir": 1}) is None
    broken = {**request.to_json(), "date_end": "2025-13-01"}
    assert OrderRequest.from_json(broken) is None


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    yield
    set_language("en")


def test_a_request_says_its_dates_the_polish_way_in_polish_and_saves_them_iso(
    polish: None,
) -> None:
    request = check_order(0, "2025-06-09", "2025-06-15", True, "501234567")
    assert request.describe() == (
        "przychodzące · 09.06.2025 – 15.06.2025 · numer 501234567 · tylko nagrane"
    )
    assert (request.to_json()["date_start"], request.to_json()["date_end"]) == (
        "2025-06-09",
        "2025-06-15",
    )


@pytest.mark.parametrize("typed", ["2025-06-09", "09.06.2025", " 9.6.2025 "])
def test_a_day_may_be_typed_either_way_in_the_form(typed: str) -> None:
    assert check_start(typed) == date(2025, 6, 9)
    assert check_end(typed) == date(2025, 6, 9)


@pytest.mark.parametrize("typed", ["09/06/2025", "2025-02-30", "31.02.2025", "9.6.25", ""])
def test_a_typed_day_that_is_not_one_names_the_format_of_the_language(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_start(typed)
    assert caught.value.parameter == "date_start"
    assert str(caught.value) == "The first day must be a date written YYYY-MM-DD, like 2024-01-31."
    set_language("pl")
    try:
        with pytest.raises(ValidationError) as caught:
            check_end(typed)
    finally:
        set_language("en")
    assert str(caught.value) == "Pole „Do” wymaga daty w formacie DD.MM.RRRR, np. 31.01.2024."
