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
from spikon_tui.i18n import _, ngettext
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
        return _("2way: the recipients can reply to this SMS.")
    return _(
        "Recipients see “{sender}” as the sender and cannot reply; 2way lets them reply."
    ).format(sender=sender)


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
    size = _("{count}/{limit} characters").format(count=length.characters, limit=SMS_MESSAGE_MAX)
    if over > 0:
        limit = _("SPIKON takes at most {limit} characters.").format(limit=SMS_MESSAGE_MAX)
        return _("{size}: {over} too many").format(size=size, over=over), limit
    parts = _parts_text(length.parts)
    summary = f"{size} · {parts}"
    if recipients > 1 and length.parts:
        summary += " " + _("× {recipients} recipients = {total} SMS").format(
            recipients=recipients, total=length.parts * recipients
        )
    if length.parts == 0:
        detail = _("Up to 160 characters fit in one SMS (70 with Polish letters).")
    elif length.is_unicode:
        shown = " ".join(_character_name(ch) for ch in length.unicode_characters[:5])
        more = " …" if len(length.unicode_characters) > 5 else ""
        detail = _(
            "Unicode because of {characters}: {part_size} per part, {left} left in this one."
        ).format(characters=shown + more, part_size=length.part_size, left=length.left_in_part)
    else:
        detail = _("GSM-7: {part_size} per part, {left} left in this one.").format(
            part_size=length.part_size, left=length.left_in_part
        )
    return summary, detail


def _parts_text(parts: int) -> str:
    """'1 SMS', '3 SMS parts' (English says parts only when there are several)."""
    return ngettext("{count} SMS", "{count} SMS parts", parts).format(count=parts)


def confirm_question(draft: Draft, *, maybe_sent_before: bool = False) -> str:
    """What the user confirms: who gets it, from which sender, and how many SMS that is."""
    numbers = draft.recipients.numbers
    listed = ", ".join(recipient_label(n, draft.names) for n in numbers[:LISTED_RECIPIENTS])
    if len(numbers) > LISTED_RECIPIENTS:
        listed += " " + _("and {count} more").format(count=len(numbers) - LISTED_RECIPIENTS)
    length = draft.length
    encoding = " (Unicode)" if length.is_unicode else ""
    parts = _parts_text(length.parts) + encoding
    if len(numbers) == 1:
        lines = [
            _("Send this SMS from “{sender}” to {listed}?").format(
                sender=draft.sender, listed=listed
            ),
            _("It takes {parts}.").format(parts=parts),
        ]
    else:
        lines = [
            _("Send this SMS from “{sender}” to {count} recipients: {listed}?").format(
                sender=draft.sender, count=len(numbers), listed=listed
            ),
            _("It takes {parts} each: {total} SMS in total.").format(
                parts=parts, total=length.parts * len(numbers)
            ),
        ]
    if draft.recipients.repeats:
        lines.append(_("Numbers typed more than once get it once."))
    if maybe_sent_before:
        lines.append(
            _(
                "Careful: the last attempt to send this SMS may have gone out (its answer was "
                "lost), so the recipients may get it twice."
            )
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


def _record(
    draft: Draft,
    number: str,
    key: str,
    now: float,
    *,
    sms_id: int | None = None,
    outcome_unknown: bool = False,
) -> SentMessage:
    return SentMessage(
        key=key,
        number=number,
        sender=draft.sender,
        message=draft.message,
        sent_at=now,
        sms_id=sms_id,
        name=draft.names.get(number),
        outcome_unknown=outcome_unknown,
    )
