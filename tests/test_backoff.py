"""BackoffSchedule: the waits of a table, then its last wait forever, from the start on reset."""

from __future__ import annotations

import pytest

from spikon_tui.backoff import BackoffSchedule
from spikon_tui.ui.screens.call_history.screen import CallHistoryScreen
from spikon_tui.ui.screens.speech.announcements import AnnouncementList


def take(backoff: BackoffSchedule, count: int) -> list[float]:
    return [backoff.next_delay() for _ in range(count)]


def test_the_table_in_order_then_its_last_wait_forever() -> None:
    assert take(BackoffSchedule((1, 2, 5)), 6) == [1.0, 2.0, 5.0, 5.0, 5.0, 5.0]


def test_reset_starts_again_from_the_first_wait() -> None:
    backoff = BackoffSchedule((1.0, 2.0, 4.0))
    take(backoff, 5)
    backoff.reset()
    assert take(backoff, 2) == [1.0, 2.0]


def test_one_wait_repeats() -> None:
    assert take(BackoffSchedule([0.5]), 3) == [0.5, 0.5, 0.5]


def test_the_table_is_copied() -> None:
    delays = [1.0, 2.0]
    backoff = BackoffSchedule(delays)
    delays[0] = 99.0
    assert backoff.next_delay() == 1.0


@pytest.mark.parametrize("delays", [(), [], (1.0, -1.0)])
def test_a_table_must_make_sense(delays) -> None:
    with pytest.raises(ValueError):
        BackoffSchedule(delays)


@pytest.mark.parametrize(
    "delays",
    [CallHistoryScreen.POLL_DELAYS, AnnouncementList.STATUS_CHECK_DELAYS],
    ids=["call history report", "speech status"],
)
def test_the_tables_in_use_start_soon_never_shrink_and_end_at_half_a_minute(delays) -> None:
    waits = take(BackoffSchedule(delays), len(delays) + 2)
    assert waits[0] <= 1.0
    assert waits == sorted(waits)
    assert waits[-1] == waits[-2] == 30.0
