"""When to ask sms/state again about a message that can still change.

A fresh message is checked at once (a message the account could not pay for is
-1 straight away), then every `MIN_DELAY` seconds while it is young, then less and
less often: the wait is half the message's age at the last attempt, at most
`MAX_DELAY`. The schedule depends only on the times stored with the message and
the last attempt, so it is the same after a restart, and with a fake clock a
test decides exactly when a check is due. Messages older than `FOLLOW_FOR` are
no longer checked by themselves (a phone switched off for days); refreshing
by hand still checks them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spikon_tui.sms.sent import SentMessage

MIN_DELAY = 2.0
MAX_DELAY = 300.0
FOLLOW_FOR = 3 * 24 * 3600.0


def next_check_at(record: SentMessage, attempted_at: float | None = None) -> float:
    """When `record` is due for its next check (after a check, or a failed attempt, at
    `attempted_at`)."""
    last = max(
        (t for t in (record.checked_at, attempted_at) if t is not None),
        default=None,
    )
    if last is None:
        return record.sent_at
    wait = min(MAX_DELAY, max(MIN_DELAY, (last - record.sent_at) / 2))
    return last + wait


def followed(record: SentMessage, now: float) -> bool:
    """True when `record` is still checked by itself."""
    return record.followable and now - record.sent_at <= FOLLOW_FOR


def due(
    records: Iterable[SentMessage], now: float, attempts: Mapping[str, float] | None = None
) -> list[SentMessage]:
    """The followed messages whose next check is due at `now`, oldest check first."""
    attempts = attempts or {}
    ready = [
        record
        for record in records
        if followed(record, now) and next_check_at(record, attempts.get(record.key)) <= now
    ]
    return sorted(ready, key=lambda r: next_check_at(r, attempts.get(r.key)))


def next_due_at(
    records: Iterable[SentMessage], now: float, attempts: Mapping[str, float] | None = None
) -> float | None:
    """When the next check of any followed message is due; None when none is followed."""
    attempts = attempts or {}
    times = [
        next_check_at(record, attempts.get(record.key))
        for record in records
        if followed(record, now)
    ]
    return min(times, default=None)
