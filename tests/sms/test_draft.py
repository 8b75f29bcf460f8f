"""A draft is checked with the client's limits; the counter and confirmation say it in words."""

from __future__ import annotations

import pytest

from spikon_tui.api.errors import ValidationError
from spikon_tui.sms.draft import (
    confirm_question,
    counter_lines,
    read_draft,
    sender_note,
    sent_records,
    unknown_records,
)
from spikon_tui.sms.length import measure


def test_a_valid_draft_keeps_names_only_for_its_numbers() -> None:
    draft = read_draft(
        "info", "501 234 567, 601234567", "Hej", {"501234567": "Anna", "999": "Nobody"}
    )
    assert draft.sender == "INFO"
    assert draft.recipients.numbers == ("501234567", "601234567")
    assert dict(draft.names) == {"501234567": "Anna"}


@pytest.mark.parametrize(
    ("sender", "to", "message", "parameter"),
    [
        ("FIRMA", "501234567", "x", "from"),
        ("SMS", "5012", "x", "to"),
        ("SMS", "", "x", "to"),
        ("SMS", "501234567", "  ", "message"),
        ("SMS", "501234567", "x" * 919, "message"),
    ],
)
def test_every_documented_limit_is_checked(sender, to, message, parameter) -> None:
    with pytest.raises(ValidationError) as raised:
        read_draft(sender, to, message)
    assert raised.value.parameter == parameter


def test_918_characters_pass_even_in_unicode() -> None:
    assert read_draft("SMS", "501234567", "ż" * 918).length.parts == 14


def test_counter_lines() -> None:
    assert counter_lines(measure("")) == (
        "0/918 characters · 0 SMS parts",
        "Up to 160 characters fit in one SMS (70 with Polish letters).",
    )
    assert counter_lines(measure("a" * 161), 3) == (
        "161/918 characters · 2 SMS parts × 3 recipients = 6 SMS",
        "GSM-7: 153 per part, 145 left in this one.",
    )
    summary, detail = counter_lines(measure("Cześć\u00a0ą"))
    assert summary == "7/918 characters · 1 SMS"
    assert detail == "Unicode because of ś ć no-break space ą: 70 per part, 63 left in this one."
    assert counter_lines(measure("a" * 920))[0] == "920/918 characters: 2 too many"


def test_the_question_names_recipients_sender_and_total() -> None:
    draft = read_draft("2way", "501234567, 601234567", "ą" * 71, {"601234567": "Jan Nowak"})
    question = confirm_question(draft)
    assert question.splitlines() == [
        "Send this SMS from “2way” to 2 recipients: 501 234 567, Jan Nowak (601 234 567)?",
        "It takes 2 SMS parts (Unicode) each: 4 SMS in total.",
    ]
    one = confirm_question(read_draft("SMS", "501234567", "hi"), maybe_sent_before=True)
    assert one.startswith("Send this SMS from “SMS” to 501 234 567?\nIt takes 1 SMS.")
    assert "may get it twice" in one


def test_long_recipient_lists_are_counted_not_listed() -> None:
    numbers = ", ".join(f"50123450{i}" for i in range(8))
    question = confirm_question(read_draft("SMS", numbers + ", 501234500", "hi"))
    assert "8 recipients" in question
    assert "and 3 more?" in question
    assert "Numbers typed more than once get it once." in question


def test_sender_note_explains_2way() -> None:
    assert "can reply" in sender_note("2way")
    assert "cannot reply" in sender_note("INFO")


def test_records_pair_ids_with_recipients_in_order() -> None:
    draft = read_draft("SMS", "501234567, 601234567", "hi", {"601234567": "Jan"})
    records = sent_records(draft, [7, 8], 100.0)
    assert [(r.key, r.number, r.sms_id, r.name) for r in records] == [
        ("sms-7", "501234567", 7, None),
        ("sms-8", "601234567", 8, "Jan"),
    ]
    short = sent_records(draft, [7], 100.0)
    assert short[1].sms_id is None and short[1].label == "no id to follow"
    lost = unknown_records(draft, 100.0)
    assert all(r.outcome_unknown and r.sms_id is None for r in lost)
    assert len({r.key for r in lost}) == 2
