"""`--record FILE`: every poll appended as one JSON line; and interval figures as CSV.

Each line of a recording is one JSON object, written and flushed as soon as the
poll is taken, so a recording survives the program being killed:

    {"at": 1718000000.0, "time": "2024-06-10T06:13:20Z", "campaign_id": 1,
     "ok": true, "latency": 0.042, "basic_data": {...}, "members": [...],
     "waiting_calls": [...]}

Durations (`average_waiting_time`, `waiting_time`...) are seconds, field names
are the models' (snake_case). A failed poll is a line with `"ok": false`,
`"error"` (its text) and `"error_code"` (the SPIKON error id or null).
`monitor_from_record` reads a good line back into a `CcMonitor`.

`write_interval_csv` writes the 15- and 60-minute figures with the stdlib csv
module, one row per campaign and window. Text cells that a spreadsheet would
run as a formula (starting with = + - @) are prefixed with an apostrophe.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import IO, Any

from spikon_tui.api.models import CcBasicData, CcCampaignMember, CcMonitor, CcWaitingCall
from spikon_tui.files.atomic import open_atomically
from spikon_tui.files.csv_flavour import PLAIN, CsvFlavour, guarded
from spikon_tui.monitor.counters import IntervalFigures
from spikon_tui.monitor.freshness import describe_error, error_code


def to_jsonable(value: Any) -> Any:
    """Plain JSON values for models: timedeltas as seconds, dates as ISO text, Decimals as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(item) for item in value]
    return str(value)


def _iso(epoch: float) -> str:
    return (
        datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def poll_record(
    campaign_id: int, monitor: CcMonitor, polled_at: float, latency: float
) -> dict[str, Any]:
    return {
        "at": polled_at,
        "time": _iso(polled_at),
        "campaign_id": campaign_id,
        "ok": True,
        "latency": latency,
        "basic_data": to_jsonable(monitor.basic_data),
        "members": to_jsonable(monitor.campaign_members),
        "waiting_calls": to_jsonable(monitor.waiting_calls),
    }


def failure_record(campaign_id: int, error: object, at: float) -> dict[str, Any]:
    return {
        "at": at,
        "time": _iso(at),
        "campaign_id": campaign_id,
        "ok": False,
        "error": describe_error(error),
        "error_code": error_code(error),
    }


def _seconds(value: Any) -> timedelta | None:
    return None if value is None else timedelta(seconds=value)


def monitor_from_record(record: dict[str, Any]) -> CcMonitor:
    """The `CcMonitor` a good poll's line was written from."""
    basic = dict(record["basic_data"])
    for key in ("average_waiting_time", "average_call_time", "measured_sla"):
        basic[key] = timedelta(seconds=basic[key])
    calls = []
    for call in record["waiting_calls"]:
        calls.append(
            CcWaitingCall(
                position=call.get("position"),
                number=call.get("number"),
                waiting_time=_seconds(call.get("waiting_time")),
                extra=call.get("extra") or {},
            )
        )
    return CcMonitor(
        basic_data=CcBasicData(**basic),
        campaign_members=[CcCampaignMember(**member) for member in record["members"]],
        waiting_calls=calls,
    )


class PollRecorder:
    """Appends one JSON line per poll to a file, flushing each line."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._file: IO[str] | None = self.path.open("a", encoding="utf-8", newline="\n")
        self.lines_written = 0

    def __enter__(self) -> PollRecorder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._file is None

    def write(self, record: dict[str, Any]) -> None:
        if self._file is None:
            raise ValueError(f"the recording {self.path} is closed")
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        self._file.write(line + "\n")
        self._file.flush()
        self.lines_written += 1

    def record_poll(
        self, campaign_id: int, monitor: CcMonitor, polled_at: float, latency: float
    ) -> None:
        self.write(poll_record(campaign_id, monitor, polled_at, latency))

    def record_failure(self, campaign_id: int, error: object, at: float) -> None:
        self.write(failure_record(campaign_id, error, at))

    def record_alert(self, alert: dict[str, Any], at: float) -> None:
        """An alert change (``alert_log.payload``): a line with "alert" instead of figures."""
        self.write(
            {"at": at, "time": _iso(at), "campaign_id": alert["campaign_id"], "alert": alert}
        )

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def iter_records(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The lines of a recording as dicts; a last line cut short by a crash is skipped."""
    with Path(path).open(encoding="utf-8") as file:
        for line in file:
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                if line.endswith("\n"):
                    raise
                return


# --- CSV export of interval figures ------------------------------------------------------

CSV_FIELDS = (
    "campaign_id",
    "campaign_name",
    "window_minutes",
    "covered_seconds",
    "complete",
    "offered",
    "answered",
    "abandoned",
    "abandon_rate_percent",
    "sla_percent",
    "sla_target_percent",
    "counter_resets",
)


@dataclass(frozen=True, slots=True)
class IntervalRow:
    """One CSV row: a campaign's figures over one window, and its SLA at the time."""

    campaign_id: int
    campaign_name: str
    figures: IntervalFigures
    sla: int | None
    """The API's SLA percent at export time (since its counters' last reset)."""
    sla_target: float | None


def _number_cell(value: float | None, digits: int = 1) -> str:
    if value is None:
        return ""
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else str(round(value))


def write_interval_csv(
    stream: IO[str], rows: Iterable[IntervalRow], flavour: CsvFlavour = PLAIN
) -> int:
    """Write a header and the rows to a stream opened with `newline=""`; return the rows."""
    writer = flavour.writer(stream)
    writer.writerow(CSV_FIELDS)

    def number(value: float | None, digits: int = 1) -> str:
        return flavour.number(_number_cell(value, digits))

    count = 0
    for row in rows:
        figures = row.figures
        rate = figures.abandon_rate
        writer.writerow(
            (
                row.campaign_id,
                guarded(row.campaign_name),
                number(figures.window / 60),
                number(figures.covered, 0),
                "yes" if figures.complete else "no",
                figures.offered,
                figures.answered,
                figures.abandoned,
                number(rate * 100 if rate is not None else None),
                "" if row.sla is None else row.sla,
                number(row.sla_target),
                len(figures.resets),
            )
        )
        count += 1
    return count


def export_interval_csv(path: str | os.PathLike[str], rows: Iterable[IntervalRow]) -> int:
    """Write the CSV file at `path` (UTF-8), replacing it; return the rows written."""
    with open_atomically(Path(path), newline="") as file:
        return write_interval_csv(file, rows)
