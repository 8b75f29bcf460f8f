"""The shift's alerts, one entry per episode, to read back after the toast has gone.

An episode of a campaign's metric begins when its held level (after the hold
time, see ``alerts.py``) leaves OK and ends when it is back at OK. Its entry
keeps the campaign, the rule in words with the figures that broke it (updated
when it gets worse), since when the figures broke it, whether and when it was
acknowledged or muted (and until when), and when it cleared.

`AlertLog.take` turns an `AlertEvent` into an entry change and says what kind
of change it was ("raised", "escalated", "eased", "cleared"); `payload` gives
the JSON that ``--record``, ``on_alert`` commands and webhooks receive, and
`write_alert_csv` the CSV export. The log keeps the last `ENTRIES_KEPT`
entries, so a monitor left open for weeks stays the same size.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from spikon_tui.files.csv_flavour import PLAIN, CsvFlavour, guarded
from spikon_tui.monitor.alert_rules import AlertMetric, Level
from spikon_tui.monitor.alerts import AlertEvent

ENTRIES_KEPT = 1000
"""About a week of a busy call center's alerts; the oldest go first."""

RAISED, ESCALATED, EASED, CLEARED = "raised", "escalated", "eased", "cleared"
ACKNOWLEDGED, MUTED, UNMUTED = "acknowledged", "muted", "unmuted"


@dataclass(frozen=True, slots=True)
class AlertChange:
    """What one event did to the log: the kind of change, the entry, the event."""

    kind: str
    entry: AlertEntry
    event: AlertEvent

    @property
    def notify(self) -> bool:
        """Whether to make a noise (toast, bell, terminal, command, webhook)."""
        return self.event.notify


@dataclass(slots=True)
class AlertEntry:
    """One episode of one campaign's metric. Times are epoch seconds."""

    number: int
    """1, 2, 3...: in the order raised, unique for the log's life."""
    campaign_id: int
    campaign: str
    metric: AlertMetric
    level: Level
    """The level now (the worst it reached once it has cleared)."""
    worst: Level
    reason: str
    """The rule in words with the figures that broke it, at the last time it got worse."""
    since: float
    """When the figures first broke the rule."""
    raised_at: float
    """When the hold had passed and the alert was raised."""
    notified: bool
    """Whether raising it made a noise (not when muted, acknowledged or cooling down)."""
    acknowledged_at: float | None = None
    muted: bool = False
    muted_until: float | None = None
    """With `muted`: None means until unmuted."""
    cleared_at: float | None = None

    @property
    def active(self) -> bool:
        return self.cleared_at is None

    def muted_at(self, now: float) -> bool:
        return self.muted and (self.muted_until is None or now < self.muted_until)


class AlertLog:
    """Every alert episode of the shift, newest last."""

    def __init__(self, kept: int = ENTRIES_KEPT) -> None:
        self._entries: deque[AlertEntry] = deque(maxlen=kept)
        self._open: dict[tuple[int, AlertMetric], AlertEntry] = {}
        self._next_number = 1
        self.version = 0
        """Goes up with every change, so a screen redraws only when something changed."""

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[AlertEntry]:
        """Oldest first."""
        return list(self._entries)

    def active(self) -> list[AlertEntry]:
        return [entry for entry in self._entries if entry.active]

    def active_count(self, *, now: float | None = None, unattended_only: bool = False) -> int:
        """Active episodes; with `unattended_only`, only those neither acknowledged nor muted."""
        count = 0
        for entry in self._open.values():
            if unattended_only and (
                entry.acknowledged_at is not None or (now is not None and entry.muted_at(now))
            ):
                continue
            count += 1
        return count

    def worst_active(self) -> Level:
        return max((entry.level for entry in self._open.values()), default=Level.OK)

    def take(
        self,
        event: AlertEvent,
        *,
        campaign: str,
        reason: str,
        muted_until: tuple[bool, float | None] = (False, None),
    ) -> AlertChange | None:
        """Apply one change of held level; None when there was no episode to change
        (an easing of a campaign the log never saw rise)."""
        key = (event.campaign_id, event.metric)
        entry = self._open.get(key)
        if event.level > event.previous:
            if entry is None:
                entry = AlertEntry(
                    number=self._next_number,
                    campaign_id=event.campaign_id,
                    campaign=campaign,
                    metric=event.metric,
                    level=event.level,
                    worst=event.level,
                    reason=reason,
                    since=event.broken_since if event.broken_since is not None else event.at,
                    raised_at=event.at,
                    notified=event.notify,
                    muted=muted_until[0],
                    muted_until=muted_until[1],
                )
                self._next_number += 1
                self._open[key] = entry
                self._entries.append(entry)
                kind = RAISED
            else:
                entry.level = event.level
                entry.worst = max(entry.worst, event.level)
                entry.reason = reason
                entry.notified = entry.notified or event.notify
                kind = ESCALATED
        elif entry is None:
            return None
        elif event.level is Level.OK:
            entry.cleared_at = event.at
            del self._open[key]
            kind = CLEARED
        else:
            entry.level = event.level
            kind = EASED
        self.version += 1
        return AlertChange(kind, entry, event)

    def acknowledge(self, campaign_id: int, at: float) -> list[AlertEntry]:
        """Mark the campaign's active episodes acknowledged; return those newly marked."""
        marked = []
        for (cid, _metric), entry in self._open.items():
            if cid == campaign_id and entry.acknowledged_at is None:
                entry.acknowledged_at = at
                marked.append(entry)
        if marked:
            self.version += 1
        return marked

    def mute(self, campaign_id: int | None, until: float | None) -> None:
        """Mark the active episodes of a campaign (or all, for None) muted until `until`."""
        for (cid, _metric), entry in self._open.items():
            if campaign_id is None or cid == campaign_id:
                entry.muted, entry.muted_until = True, until
        self.version += 1

    def unmute(self, campaign_id: int | None) -> None:
        for (cid, _metric), entry in self._open.items():
            if campaign_id is None or cid == campaign_id:
                entry.muted, entry.muted_until = False, None
        self.version += 1

    def forget_open(self, campaign_id: int, at: float) -> None:
        """A campaign is no longer monitored: its open episodes end now."""
        for key in [key for key in self._open if key[0] == campaign_id]:
            self._open.pop(key).cleared_at = at
        self.version += 1


def iso_time(epoch: float | None) -> str | None:
    """Local time with its offset, "2026-12-04T10:42:05+01:00"; None stays None."""
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch).astimezone().isoformat(timespec="seconds")


def payload(kind: str, entry: AlertEntry, *, profile: str | None = None) -> dict[str, Any]:
    """The alert as JSON-ready values: for ``--record``, ``on_alert`` and webhooks.

    Field names and values are English whatever the interface language (data for
    other programs); `reason` is in the interface language (words for people).
    """
    return {
        "event": kind,
        "number": entry.number,
        "profile": profile,
        "campaign_id": entry.campaign_id,
        "campaign": entry.campaign,
        "metric": entry.metric.value,
        "level": entry.level.name.lower(),
        "worst": entry.worst.name.lower(),
        "reason": entry.reason,
        "since": iso_time(entry.since),
        "raised_at": iso_time(entry.raised_at),
        "acknowledged_at": iso_time(entry.acknowledged_at),
        "muted": entry.muted,
        "muted_until": iso_time(entry.muted_until),
        "cleared_at": iso_time(entry.cleared_at),
    }


CSV_FIELDS = (
    "number",
    "campaign_id",
    "campaign",
    "metric",
    "level",
    "worst",
    "reason",
    "since",
    "raised_at",
    "acknowledged_at",
    "muted",
    "muted_until",
    "cleared_at",
)


def write_alert_csv(
    stream: IO[str], entries: Iterable[AlertEntry], flavour: CsvFlavour = PLAIN
) -> int:
    """The entries as CSV (a header, then one row each, oldest first); return the rows."""
    writer = flavour.writer(stream)
    writer.writerow(CSV_FIELDS)
    count = 0
    for entry in entries:
        values = payload("", entry)
        row = []
        for field in CSV_FIELDS:
            value = values[field]
            if value is None:
                row.append("")
            elif isinstance(value, str):
                row.append(guarded(value))
            elif isinstance(value, bool):
                row.append(str(value).lower())
            else:
                row.append(flavour.number(str(value)))
        writer.writerow(row)
        count += 1
    return count
