"""When a message is checked again: at once, then every 2 s, then half its age, at most 5 min."""

from __future__ import annotations

from spikon_tui.sms.follow import FOLLOW_FOR, MAX_DELAY, due, followed, next_check_at, next_due_at
from spikon_tui.sms.sent import SentMessage

T0 = 1_750_000_000.0


def message(key: str = "sms-1", **changes: object) -> SentMessage:
    fields = dict(key=key, number="501234567", sender="SMS", message="x", sent_at=T0, sms_id=1)
    fields.update(changes)
    return SentMessage(**fields)  # type: ignore[arg-type]


def test_a_new_message_is_due_at_once() -> None:
    assert next_check_at(message()) == T0
    assert due([message()], T0) == [message()]


def test_young_messages_every_two_seconds_then_half_their_age_capped() -> None:
    assert next_check_at(message(checked_at=T0 + 1)) == T0 + 3
    assert next_check_at(message(checked_at=T0 + 60)) == T0 + 90
    assert next_check_at(message(checked_at=T0 + 3600)) == T0 + 3600 + MAX_DELAY


def test_a_failed_attempt_pushes_the_next_check_like_a_check() -> None:
    record = message(checked_at=T0 + 2)
    assert next_check_at(record, attempted_at=T0 + 40) == T0 + 60
    assert due([record], T0 + 41, {"sms-1": T0 + 40}) == []
    assert due([record], T0 + 60, {"sms-1": T0 + 40}) == [record]


def test_final_unknown_and_old_messages_are_not_followed() -> None:
    assert not followed(message(state=5), T0)
    assert not followed(message(sms_id=None, outcome_unknown=True), T0)
    assert followed(message(state=4), T0 + FOLLOW_FOR)
    assert not followed(message(state=4), T0 + FOLLOW_FOR + 1)


def test_the_next_due_time_is_the_earliest_followed_one() -> None:
    records = [
        message("a", checked_at=T0 + 100),  # due at T0 + 150
        message("b", checked_at=T0 + 10),  # due at T0 + 15
        message("c", state=5),
    ]
    assert next_due_at(records, T0 + 11) == T0 + 15
    assert [r.key for r in due(records, T0 + 200)] == ["b", "a"]
    assert next_due_at([message(state=3)], T0) is None
