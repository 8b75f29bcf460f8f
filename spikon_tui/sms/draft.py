"""A message ready to send: checked against the documented limits, described in words.

`read_draft` runs every check the API documents (sender from the list, Polish
numbers of 9 digits, 1..918 characters) through `api.validation`, so nothing that
breaks a limit is ever sent. The texts here are what the user reads before and
after sending: the live counter, the confirmation question, and the records that
go into the list of sent messages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spikon_tui.api.validation import SMS_MESSAGE_MAX, check_sms_message, check_sms_sender
from spikon_tui.sms.length import SmsLength, measure
from spikon_tui.sms.recipients import Recipients, format_number, parse_recipients
from spikon_tui.sms.sent import SentMessage

TWO_WAY = "2way"
LISTED_RECIPIENTS = 5
"""Recipients named one by one in the confirmation; the rest are counted."""


@dataclass(frozen=True)
class Draft:
    sender: str
    recipients: Recipients
    message: str
    names: Mapping[str, str] = field(default_factory=dict)
    """Phone-book names of the numbers that were picked from a book."""

    @property
    def length(self) -> SmsLength:
        return measure(self.message)

    @property
    def signature(self) -> tuple[str, tuple[str, ...], str]:
        """What makes two sends "the same SMS to the same people"."""
        return self.sender, self.recipients.numbers, self.message


def read_draft(
    sender: str, recipients_text: str, message: str, names: Mapping[str, str] | None = None
) -> Draft:
    """A sendable draft; raises `ValidationError` (parameter from/to/message) otherwise."""
    checked_sender = check_sms_sender(sender)
    recipients = parse_recipients(recipients_text)
    checked_message = check_sms_message(message)
    known = {n: names[n] for n in recipients.numbers if names and names.get(n)}
    return Draft(checked_sender, recipients, checked_message, known)


def sender_note(sender: str) -> str:
    if sender == TWO_WAY:
        return "2way: the recipients can reply to this SMS."
    return f"Recipients see “{sender}” as the sender and cannot reply; 2way lets them reply."


def recipient_label(number: str, names: Mapping[str, str]) -> str:
    name = names.get(number)
    return f"{name} ({format_number(number)})" if name else format_number(number)


def _character_name(character: str) -> str:
    if unicodedata.category(character)[0] in "ZC":
        return unicodedata.name(character, f"U+{ord(character):04X}").lower()
    return character


def counter_lines(length: SmsLength, recipients: int = 0) -> tuple[str, str]:
    """The live counter under the message: size and parts, then what the encoding means."""
    over = length.characters - SMS_MESSAGE_MAX
    size = f"{length.characters}/{SMS_MESSAGE_MAX} characters"
    if over > 0:
        return f"{size}: {over} too many", f"SPIKON takes at most {SMS_MESSAGE_MAX} characters."
    parts = f"{length.parts} SMS" if length.parts == 1 else f"{length.parts} SMS parts"
    summary = f"{size} · {parts}"
    if recipients > 1 and length.parts:
        summary += f" × {recipients} recipients = {length.parts * recipients} SMS"
    if length.parts == 0:
        detail = "Up to 160 characters fit in one SMS (70 with Polish letters)."
    elif length.is_unicode:
        shown = " ".join(_character_name(ch) for ch in length.unicode_characters[:5])
        more = " …" if len(length.unicode_characters) > 5 else ""
        detail = (
            f"Unicode because of {shown}{more}: {length.part_size} per part, "
            f"{length.left_in_part} left in this one."
        )
    else:
        detail = f"GSM-7: {length.part_size} per part, {length.left_in_part} left in this one."
    return summary, detail


def confirm_question(draft: Draft, *, maybe_sent_before: bool = False) -> str:
    """What the user confirms: who gets it, from which sender, and how many SMS that is."""
    numbers = draft.recipients.numbers
    listed = ", ".join(recipient_label(n, draft.names) for n in numbers[:LISTED_RECIPIENTS])
    if len(numbers) > LISTED_RECIPIENTS:
        listed += f" and {len(numbers) - LISTED_RECIPIENTS} more"
    length = draft.length
    encoding = " (Unicode)" if length.is_unicode else ""
    parts = "1 SMS" if length.parts == 1 else f"{length.parts} SMS parts"
    if len(numbers) == 1:
        lines = [
            f"Send this SMS from “{draft.sender}” to {listed}?",
            f"It takes {parts}{encoding}.",
        ]
    else:
        lines = [
            f"Send this SMS from “{draft.sender}” to {len(numbers)} recipients: {listed}?",
            f"It takes {parts}{encoding} each: {length.parts * len(numbers)} SMS in total.",
        ]
    if draft.recipients.repeats:
        lines.append("Numbers typed more than once get it once.")
    if maybe_sent_before:
        lines.append(
            "Careful: the last attempt to send this SMS may have gone out (its answer was "
            "lost), so the recipients may get it twice."
        )
    return "\n".join(lines)


def sent_records(draft: Draft, ids: Sequence[int], now: float) -> list[SentMessage]:
    """One record per recipient, paired with the ids SPIKON returned (in order)."""
    records = []
    for index, number in enumerate(draft.recipients.numbers):
        sms_id = ids[index] if index < len(ids) else None
        key = f"sms-{sms_id}" if sms_id is not None else f"noid-{now:.3f}-{index}"
        records.append(_record(draft, number, key, now, sms_id=sms_id))
    return records


def unknown_records(draft: Draft, now: float) -> list[SentMessage]:
    """Records of a send whose answer was lost: nobody knows whether they went out."""
    return [
        _record(draft, number, f"unknown-{now:.3f}-{index}", now, outcome_unknown=True)
        for index, number in enumerate(draft.recipients.numbers)
    ]


def _record(draft: Draft, number: str, key: str, now: float, **extra: object) -> SentMessage:
    return SentMessage(
        key=key,
        number=number,
        sender=draft.sender,
        message=draft.message,
        sent_at=now,
        name=draft.names.get(number),
        **extra,  # type: ignore[arg-type]
    )
