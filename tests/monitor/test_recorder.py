"""--record FILE (one JSON line per poll, flushed) and the CSV export of interval figures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from spikon_tui.api.errors import UnknownApiKeyError
from spikon_tui.monitor.counters import IntervalFigures
from spikon_tui.monitor.recorder import (
    CSV_FIELDS,
    IntervalRow,
    PollRecorder,
    export_interval_csv,
    iter_records,
    monitor_from_record,
    to_jsonable,
    write_interval_csv,
)
from tests.monitor.builders import call, member, monitor

T0 = 1_750_000_000.0


def sample_monitor():
    return monitor(
        [member("101", "Wolny", name="Łucja Żak"), member("102", "Rozmawia", pause=True)],
        [call(75, 1, "600700800")],
        answered=12,
        unanswered=3,
        sla=83,
    )


def test_each_poll_is_one_flushed_json_line(tmp_path: Path) -> None:
    path = tmp_path / "polls.jsonl"
    recorder = PollRecorder(path)
    recorder.record_poll(1, sample_monitor(), T0, 0.042)
    lines = path.read_text(encoding="utf-8").splitlines()  # read before closing: flushed
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["at"] == T0 and record["time"] == "2025-06-15T15:06:40.000Z"
    assert (record["campaign_id"], record["ok"], record["latency"]) == (1, True, 0.042)
    assert record["basic_data"]["answered"] == 12
    assert record["basic_data"]["measured_sla"] == 30.0
    assert record["members"][0]["description"] == "Łucja Żak"
    assert record["members"][1]["pause"] is True
    assert record["waiting_calls"] == [
        {"position": 1, "number": "600700800", "waiting_time": 75.0, "extra": {}}
    ]
    assert "Łucja" in lines[0]  # UTF-8, not \\u escapes
    recorder.close()
    assert recorder.closed


def test_appends_to_an_existing_recording_and_records_failures(tmp_path: Path) -> None:
    path = tmp_path / "polls.jsonl"
    with PollRecorder(path) as recorder:
        recorder.record_poll(1, sample_monitor(), T0, 0.1)
    with PollRecorder(path) as recorder:
        recorder.record_failure(1, UnknownApiKeyError(code=-3), T0 + 5)
        assert recorder.lines_written == 1
    records = list(iter_records(path))
    assert [r["ok"] for r in records] == [True, False]
    assert records[1]["error_code"] == -3
    assert "SPIKON does not recognise this API key" in records[1]["error"]
    with pytest.raises(ValueError, match="closed"):
        recorder.record_poll(1, sample_monitor(), T0, 0.1)


def test_a_recorded_poll_reads_back_into_the_same_monitor(tmp_path: Path) -> None:
    path = tmp_path / "polls.jsonl"
    original = sample_monitor()
    with PollRecorder(path) as recorder:
        recorder.record_poll(3, original, T0, 0.1)
    (record,) = iter_records(path)
    assert monitor_from_record(record) == original


def test_a_last_line_cut_short_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "polls.jsonl"
    with PollRecorder(path) as recorder:
        recorder.record_poll(1, sample_monitor(), T0, 0.1)
    with path.open("a", encoding="utf-8") as file:
        file.write('{"at": 17500')
    assert len(list(iter_records(path))) == 1


def test_to_jsonable_handles_the_model_types() -> None:
    from datetime import date, datetime, timedelta
    from decimal import Decimal

    value = {
        1: (timedelta(minutes=1), Decimal("1.50"), date(2025, 1, 2)),
        "d": datetime(2025, 1, 2, 3, 4, 5),
        "o": object,
    }
    assert to_jsonable(value) == {
        "1": [60.0, "1.50", "2025-01-02"],
        "d": "2025-01-02T03:04:05",
        "o": str(object),
    }


def figures(window: float, covered: float, answered: int, abandoned: int) -> IntervalFigures:
    return IntervalFigures(
        window=window,
        covered=covered,
        offered=answered + abandoned,
        answered=answered,
        abandoned=abandoned,
        since=T0,
    )


def test_csv_export_of_interval_figures(tmp_path: Path) -> None:
    rows = [
        IntervalRow(1, "Infolinia", figures(900, 360, 9, 3), sla=83, sla_target=80),
        IntervalRow(1, "Infolinia", figures(3600, 360, 9, 3), sla=83, sla_target=80),
        IntervalRow(2, "=HYPERLINK(1)", figures(900, 900, 0, 0), sla=None, sla_target=None),
    ]
    path = tmp_path / "figures.csv"
    assert export_interval_csv(path, rows) == 3
    with path.open(encoding="utf-8", newline="") as file:
        table = list(csv.DictReader(file))
    assert list(table[0]) == list(CSV_FIELDS)
    assert table[0] == {
        "campaign_id": "1",
        "campaign_name": "Infolinia",
        "window_minutes": "15",
        "covered_seconds": "360",
        "complete": "no",
        "offered": "12",
        "answered": "9",
        "abandoned": "3",
        "abandon_rate_percent": "25",
        "sla_percent": "83",
        "sla_target_percent": "80",
        "counter_resets": "0",
    }
    assert table[1]["window_minutes"] == "60"
    assert table[2]["campaign_name"] == "'=HYPERLINK(1)"  # not run as a formula
    assert (table[2]["abandon_rate_percent"], table[2]["sla_percent"]) == ("", "")
    assert table[2]["complete"] == "yes"


def test_csv_to_a_stream_uses_standard_line_ends() -> None:
    stream = io.StringIO(newline="")
    write_interval_csv(stream, [IntervalRow(1, "A", figures(900, 900, 1, 2), 50, 80)])
    text = stream.getvalue()
    assert text.count("\r\n") == 2
    assert text.splitlines()[1].split(",")[8] == "66.7"
