"""What each documented SMS state means, and which ones are final."""

from __future__ import annotations

import pytest

from spikon_tui.sms.sent import SentMessage
from spikon_tui.sms.states import Tone, explanation, is_final, short_label, tone


@pytest.mark.parametrize(
    ("state", "label", "final", "expected_tone"),
    [
        (-1, "no funds", True, Tone.BAD),
        (0, "new", False, Tone.PENDING),
        (1, "being handled", False, Tone.PENDING),
        (2, "error", True, Tone.BAD),
        (3, "undelivered", True, Tone.BAD),
        (4, "sent", False, Tone.PENDING),
        (5, "delivered", True, Tone.GOOD),
        (9, "state 9", False, Tone.UNKNOWN),
        (None, "not checked yet", False, Tone.UNKNOWN),
    ],
)
def test_each_state(state: int | None, label: str, final: bool, expected_tone: Tone) -> None:
    assert short_label(state) == label
    assert is_final(state) is final
    assert tone(state) is expected_tone


def test_an_error_carries_its_text() -> None:
    assert short_label(2, error="Odrzucona") == "error: Odrzucona"
    assert explanation(2, error="Odrzucona").endswith("SPIKON says: Odrzucona")
    assert "Top up" in explanation(-1)
    assert "wrong or the phone could not be reached" in explanation(3)


def _record(**changes: object) -> SentMessage:
    base = SentMessage(key="k", number="501234567", sender="SMS", message="x", sent_at=0.0)
    return SentMessage(**{**base.to_json(), **changes})  # type: ignore[arg-type]


def test_a_record_is_followed_until_final_or_unknowable() -> None:
    assert _record(sms_id=1).followable
    assert _record(sms_id=1, state=4).followable
    assert not _record(sms_id=1, state=5).followable
    assert not _record(sms_id=1, gone=True).followable
    assert not _record(outcome_unknown=True).followable
    assert not _record().followable  # no id


def test_records_without_a_state_say_why() -> None:
    assert _record(outcome_unknown=True).label == "outcome unknown"
    assert "may or may not have been sent" in _record(outcome_unknown=True).explanation
    assert _record(sms_id=3, gone=True, state=4).label == "unknown to SPIKON"
    assert "last state seen: sent" in _record(sms_id=3, gone=True, state=4).explanation
    assert _record(sms_id=3, state=5).label == "delivered"
    assert _record(sms_id=3, state=2, error="Odrzucona").label == "error: Odrzucona"
    assert _record(sms_id=3, state=2, error="Odrzucona").state_name == "error"
    assert _record(sms_id=3, state=5).tone is Tone.GOOD
    assert _record(outcome_unknown=True).tone is Tone.UNKNOWN
