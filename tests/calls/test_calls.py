"""One call in words: state, duration, recording, and who to call back."""

from __future__ import annotations

from datetime import datetime

import pytest

from spikon_tui.api.models import CallRecord
from spikon_tui.api.validation import CallDirection
from spikon_tui.calls.calls import (
    Recording,
    call_back_number,
    humanize_duration,
    is_answered,
    recording_kind,
    state_label,
)

OWN = "587201213"
OTHER = "501234567"


def call(src: str, dst: str, state: str = "Odebrane", file: str = "") -> CallRecord:
    return CallRecord(datetime(2025, 6, 15, 10, 46, 54), src, dst, 83, state, file)


@pytest.mark.parametrize(
    ("state", "label"),
    [
        ("Odebrane", "Answered"),
        ("Nieodebrane", "No answer"),
        ("Zajęte", "Busy"),
        (" ZAJETE ", "Busy"),
        ("Nieudane", "Failed"),
        ("Przekierowane", "Przekierowane"),
    ],
)
def test_states_are_shown_in_english_and_unknown_ones_as_sent(state: str, label: str) -> None:
    assert state_label(state) == label


def test_only_answered_calls_count_as_answered() -> None:
    assert is_answered("Odebrane") and is_answered("ANSWERED")
    assert not is_answered("Nieodebrane") and not is_answered("")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 s"), (45, "45 s"), (60, "1 min 00 s"), (125, "2 min 05 s"), (3725, "1 h 02 min")],
)
def test_durations_read_like_people_say_them(seconds: int, text: str) -> None:
    assert humanize_duration(seconds) == text


def test_recordings_are_links_ftp_file_names_or_nothing() -> None:
    assert recording_kind("https://panel.spikon.pl/x?id=1") is Recording.LINK
    assert recording_kind("20250615-104654-501234567-587201213.wav") is Recording.FTP_FILE
    assert recording_kind("") is Recording.NONE


def test_call_back_dials_the_caller_of_incoming_and_the_callee_of_outgoing_calls() -> None:
    incoming = call(OTHER, OWN)
    outgoing = call(OWN, OTHER)
    assert call_back_number(incoming, CallDirection.INCOMING) == OTHER
    assert call_back_number(outgoing, CallDirection.OUTGOING) == OTHER


def test_in_a_report_of_both_directions_the_own_numbers_decide() -> None:
    assert call_back_number(call(OWN, OTHER), CallDirection.BOTH, {OWN}) == OTHER
    assert call_back_number(call(OTHER, OWN), CallDirection.BOTH, {OWN}) == OTHER
    assert call_back_number(call(OWN, OTHER), None, ()) == OWN, "unknown: the caller"
