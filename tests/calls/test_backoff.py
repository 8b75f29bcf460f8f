"""The waits between checks while a report is generated."""

from __future__ import annotations

from itertools import islice

import pytest

from spikon_tui.calls.backoff import DEFAULT_DELAYS, poll_delays


def test_the_schedule_then_its_last_wait_forever() -> None:
    assert list(islice(poll_delays((1.0, 2.0, 5.0)), 6)) == [1.0, 2.0, 5.0, 5.0, 5.0, 5.0]


def test_the_default_schedule_starts_soon_and_backs_off_to_half_a_minute() -> None:
    first = list(islice(poll_delays(), len(DEFAULT_DELAYS) + 2))
    assert first[0] <= 1.0
    assert first == sorted(first)
    assert first[-1] == first[-2] == 30.0


@pytest.mark.parametrize("schedule", [(), (1.0, -1.0)])
def test_a_schedule_must_make_sense(schedule: tuple[float, ...]) -> None:
    with pytest.raises(ValueError):
        next(poll_delays(schedule))
