"""The report ledger: what SPIKON lists, what this app ordered, ages and the "gone" rule."""

from __future__ import annotations

import json
from pathlib import Path

from spikon_tui.api.models import CallListStatus
from spikon_tui.calls.ledger import (
    FORGET_AFTER_SECONDS,
    KEEP_SECONDS,
    ReportLedger,
    ReportState,
)
from spikon_tui.calls.order import check_order

NOW = 1_750_000_000.0
DAY = 86400.0
REQUEST = check_order(0, "2025-06-09", "2025-06-15", False, "501234567")


def test_an_order_of_this_app_has_an_exact_age_and_waits_until_listed_as_generated() -> None:
    ledger = ReportLedger()
    entry = ledger.note_ordered(7, REQUEST, NOW)
    assert entry.age_is_exact and entry.age(NOW + 90) == 90
    assert entry.state(NOW + 90) is ReportState.GENERATING
    ledger.note_listed([CallListStatus(7, False)], NOW + 30)
    assert ledger.get(7).state(NOW + 30) is ReportState.GENERATING
    ledger.note_listed([CallListStatus(7, True)], NOW + 60)
    ready = ledger.get(7)
    assert ready.generated_at == NOW + 60
    assert ready.state(NOW + 60) is ReportState.READY
    ledger.note_listed([CallListStatus(7, True)], NOW + 600)
    assert ledger.get(7).generated_at == NOW + 60, "the first sighting stays the generation time"
    assert ledger.get(7).request == REQUEST


def test_a_report_ordered_elsewhere_is_at_least_as_old_as_its_first_sighting() -> None:
    ledger = ReportLedger()
    ledger.note_listed([CallListStatus(3, True)], NOW)
    entry = ledger.get(3)
    assert entry is not None and entry.request is None
    assert not entry.age_is_exact
    assert entry.age(NOW + 120) == 120
    assert entry.state(NOW) is ReportState.READY


def test_a_month_after_generation_a_report_is_gone() -> None:
    ledger = ReportLedger()
    ledger.note_ordered(1, REQUEST, NOW)
    ledger.note_listed([CallListStatus(1, True)], NOW + DAY)
    entry = ledger.get(1)
    assert entry.state(NOW + DAY + KEEP_SECONDS) is ReportState.READY
    assert entry.state(NOW + DAY + KEEP_SECONDS + 1) is ReportState.GONE


def test_without_a_generation_time_the_order_time_counts() -> None:
    ledger = ReportLedger()
    entry = ledger.note_ordered(1, REQUEST, NOW)
    assert entry.state(NOW + KEEP_SECONDS + 1) is ReportState.GONE


def test_a_report_missing_from_the_list_is_gone_and_later_forgotten() -> None:
    ledger = ReportLedger()
    ledger.note_ordered(1, REQUEST, NOW)
    ledger.note_ordered(2, REQUEST, NOW)
    ledger.note_listed([CallListStatus(2, False)], NOW + 10)
    assert not ledger.get(1).listed
    assert ledger.get(1).state(NOW + 10) is ReportState.GONE
    assert ledger.get(2).state(NOW + 10) is ReportState.GENERATING
    ledger.note_listed([], NOW + FORGET_AFTER_SECONDS + 1)
    assert len(ledger) == 0


def test_entries_are_newest_first_and_loading_counts_the_calls() -> None:
    ledger = ReportLedger()
    ledger.note_listed([CallListStatus(1, True), CallListStatus(5, False)], NOW)
    ledger.note_ordered(3, REQUEST, NOW)
    assert [entry.id for entry in ledger.entries()] == [5, 3, 1]
    ledger.note_loaded(5, 1234, NOW + 5)
    loaded = ledger.get(5)
    assert loaded.call_count == 1234 and loaded.generated_at == NOW + 5


def test_the_ledger_is_saved_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "profile" / "call_reports.json"
    ledger = ReportLedger.load(path)
    ledger.note_ordered(4, REQUEST, NOW)
    ledger.note_listed([CallListStatus(4, True), CallListStatus(2, True)], NOW + 60)
    ledger.note_loaded(4, 12, NOW + 61)
    assert ledger.save_error is None
    again = ReportLedger.load(path)
    assert again.entries() == ledger.entries()
    assert again.get(4).request == REQUEST and again.get(4).call_count == 12
    left = sorted(p.name for p in path.parent.iterdir())
    assert left == [path.name, f"{path.name}.lock"], "no temporary file left behind"


def test_a_damaged_or_foreign_file_starts_an_empty_ledger(tmp_path: Path) -> None:
    path = tmp_path / "call_reports.json"
    path.write_text("{not json", encoding="utf-8")
    assert len(ReportLedger.load(path)) == 0
    path.write_text(json.dumps({"version": 99, "reports": [{"id": 1}]}), encoding="utf-8")
    assert len(ReportLedger.load(path)) == 0
    good = {"id": 2, "first_seen_at": NOW}
    path.write_text(json.dumps({"version": 1, "reports": [{"id": "x"}, good]}), encoding="utf-8")
    assert [entry.id for entry in ReportLedger.load(path).entries()] == [2]


def test_a_failed_save_is_kept_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    ledger = ReportLedger(blocker / "call_reports.json")  # its folder is a file
    ledger.note_ordered(1, REQUEST, NOW)
    assert isinstance(ledger.save_error, OSError)
    assert ledger.get(1) is not None
