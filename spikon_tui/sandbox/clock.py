"""The sandbox's wall clock: Polish local time and the text formats the API prints."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    POLAND: tzinfo = ZoneInfo("Europe/Warsaw")
except ZoneInfoNotFoundError:  # no time zone database (e.g. Windows without tzdata)
    POLAND = UTC


def local_time(epoch: float) -> datetime:
    """The Polish wall-clock time of an epoch second."""
    return datetime.fromtimestamp(epoch, POLAND)


def local_date(epoch: float) -> date:
    return local_time(epoch).date()


def format_datetime(epoch: float) -> str:
    """Polish local time as call lists and the monitor print it: "YYYY-MM-DD HH:MM:SS"."""
    return local_time(epoch).strftime("%Y-%m-%d %H:%M:%S")


def format_minutes_seconds(seconds: float) -> str:
    """Waiting and call times as "MM:SS" (the minutes keep growing past 99)."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"
