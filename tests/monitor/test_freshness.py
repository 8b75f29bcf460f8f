"""PollHealth and Backoff: staleness after two missed polls, fatal errors, reconnect delays."""

from __future__ import annotations

import pytest

from spikon_tui.api.errors import (
    ERROR_NAMES,
    ApiTurnedOffError,
    ConnectionFailedError,
    IpNotWhitelistedError,
    UnknownApiKeyError,
    error_from_payload,
)
from spikon_tui.monitor.freshness import (
    FATAL_CODES,
    Backoff,
    PollHealth,
    describe_error,
    fatal_reason_for,
)
from spikon_tui.ui.errors import describe_error as ui_describe_error

T0 = 1_000_000.0


def test_before_any_poll_nothing_is_loaded_or_stale() -> None:
    health = PollHealth(5)
    status = health.status(T0)
    assert not status.loaded and status.age is None and not status.stale


def test_stale_after_two_missed_polls_plus_grace() -> None:
    health = PollHealth(5, grace=2)
    health.record_success(T0, latency=0.3)
    assert health.stale_after == 12
    assert not health.is_stale(T0 + 12)
    assert health.is_stale(T0 + 12.1)
    status = health.status(T0 + 42)
    assert status.loaded and status.stale
    assert status.age == 42 and status.latency == 0.3


def test_failures_in_a_row_and_the_last_error() -> None:
    health = PollHealth(5)
    health.record_success(T0, 0.1)
    health.record_failure(T0 + 5, ConnectionFailedError("Could not connect to the server."))
    health.record_failure(T0 + 10, TimeoutError("timed out\n  after 10 s"))
    status = health.status(T0 + 11)
    assert status.failures_in_row == 2
    assert status.last_error == "timed out after 10 s"
    assert status.age == 11  # the last good poll is still the reference
    assert status.fatal_reason is None
    health.record_success(T0 + 15, 0.2)
    status = health.status(T0 + 15)
    assert (status.failures_in_row, status.last_error, status.age) == (0, None, 0)
    assert (health.good_polls, health.failed_polls) == (2, 2)


@pytest.mark.parametrize(
    "error, words",
    [
        (UnknownApiKeyError(code=-3), "does not recognise this API key"),
        (ApiTurnedOffError(code=-4), "switched off"),
        (IpNotWhitelistedError(code=-5), "whitelist"),
    ],
)
def test_fatal_errors_are_said_plainly(error: Exception, words: str) -> None:
    health = PollHealth(5)
    health.record_failure(T0, error)
    assert health.fatal_reason is not None and words in health.fatal_reason
    assert health.status(T0).fatal_reason == health.fatal_reason
    health.record_success(T0 + 60, 0.1)
    assert health.fatal_reason is None


def test_other_errors_are_not_fatal() -> None:
    assert fatal_reason_for(ConnectionFailedError("refused")) is None
    assert fatal_reason_for("text") is None
    assert describe_error(ValueError()) == "ValueError"
    assert describe_error("") == "unknown error"


@pytest.mark.parametrize("code", sorted(ERROR_NAMES))
def test_one_wording_per_error_code_in_the_monitor_and_on_the_account_screen(code: int) -> None:
    """The monitor (freshness line, toasts, fatal reason) and every other screen
    (`ui.errors.describe_error`, e.g. the account screen) say the same words."""
    error = error_from_payload({"error": {"id": str(code), "name": ERROR_NAMES[code]}})
    assert error is not None and error.code == code
    words = ui_describe_error(error)
    assert describe_error(error) == words
    health = PollHealth(5)
    health.record_failure(T0, error)
    assert health.status(T0).last_error == words
    if code in FATAL_CODES:
        assert fatal_reason_for(error) == words
        assert health.status(T0).fatal_reason == words
    else:
        assert fatal_reason_for(error) is None


def test_a_key_that_was_never_valid_is_not_called_revoked() -> None:
    error = error_from_payload({"error": {"id": "-3", "name": "Unknown API key"}})
    reason = fatal_reason_for(error)
    assert reason is not None
    assert "revoked" not in reason and "no longer accepts" not in reason
    assert "does not recognise this API key" in reason and "[SPIKON error -3" in reason


def test_a_code_without_its_exception_is_worded_as_the_client_words_it() -> None:
    class Coded(Exception):
        code = -4

    assert fatal_reason_for(Coded()) == ui_describe_error(
        ApiTurnedOffError(code=-4, name=ERROR_NAMES[-4])
    )
    assert frozenset({-2, -3, -4, -5}) == FATAL_CODES


def test_backoff_is_the_interval_then_doubles_up_to_the_maximum() -> None:
    backoff = Backoff(5, maximum=60, jitter=0.0)
    delays = [backoff.delay(failures) for failures in range(7)]
    assert delays == [5, 5, 10, 20, 40, 60, 60]
    assert backoff.delay(10_000) == 60


def test_jitter_shortens_backed_off_delays_but_never_below_the_interval() -> None:
    draws = iter([0.0, 1.0, 0.5])
    backoff = Backoff(5, maximum=60, jitter=0.2, random_source=lambda: next(draws))
    assert backoff.delay(5) == 60  # random 0.0: no shortening
    assert backoff.delay(5) == pytest.approx(48)  # random 1.0: 20 % shorter
    assert backoff.delay(2) == pytest.approx(9)  # 10 s, 10 % shorter
    low = Backoff(5, maximum=60, jitter=0.9, random_source=lambda: 1.0)
    assert low.delay(2) == 5


def test_fatal_errors_poll_slowly() -> None:
    backoff = Backoff(2, maximum=60, jitter=0.0)
    assert backoff.delay(1, fatal=True) == 60


def test_maximum_is_at_least_the_interval() -> None:
    assert Backoff(90, maximum=60, jitter=0.0).delay(3) == 90
