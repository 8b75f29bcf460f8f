"""The ledger file: two copies saving at once keep every report; any file loads to words."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spikon_tui.calls.ledger import ReportLedger

SAVES = 150
NOW = 1_750_000_000.0

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from spikon_tui.calls.ledger import ReportLedger
    from spikon_tui.calls.order import check_order

    path, first, saves = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    request = check_order(0, "2025-06-09", "2025-06-15", False, "501234567")
    ledger = ReportLedger.load(path)
    failures = 0
    for n in range(saves):
        ledger.note_ordered(first + n, request, 1_750_000_000.0)
        failures += ledger.save_error is not None
    print(failures)
    """
)


def test_two_processes_saving_keep_every_report(tmp_path: Path) -> None:
    path = tmp_path / "call_reports.json"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(first), str(SAVES)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for first in (1, 100_001)
    ]
    try:
        failures = [int(writer.communicate(timeout=240)[0]) for writer in writers]
    finally:
        for writer in writers:
            writer.kill()
    assert failures == [0, 0]
    ledger = ReportLedger.load(path)
    assert ledger.problem is None
    assert len(ledger) == 2 * SAVES


FOLDER = tempfile.TemporaryDirectory()
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
entry_like = st.fixed_dictionaries(
    {},
    optional={
        name: json_values
        for name in (
            "id",
            "first_seen_at",
            "ordered_at",
            "generated_at",
            "request",
            "listed",
            "call_count",
        )
    },
)
documents = st.one_of(
    json_values.map(lambda value: json.dumps(value).encode()),
    st.builds(
        lambda version, reports: json.dumps({"version": version, "reports": reports}).encode(),
        st.integers(0, 2) | json_values,
        st.lists(entry_like | json_values, max_size=5) | json_values,
    ),
    st.binary(max_size=64),
    st.integers(1, 3000).map(lambda depth: b"[" * depth + b"]" * depth),
    st.integers(1, 6000).map(lambda n: b'{"version": 1, "reports": [{"id": ' + b"7" * n + b"}]}"),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=documents)
def test_any_file_loads_to_a_ledger_and_words(raw: bytes) -> None:
    folder = Path(FOLDER.name)
    for old in folder.iterdir():
        old.unlink()
    path = folder / "call_reports.json"
    path.write_bytes(raw)
    ledger = ReportLedger.load(path, NOW)
    assert ledger.problem is None or isinstance(ledger.problem, str)
    for entry in ledger.entries():
        entry.state(NOW)


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"version": 1, "reports": [{"id": ' + b"9" * 5000 + b', "first_seen_at": 1}]}',
    ],
    ids=["deep", "huge-number"],
)
def test_absurd_files_are_set_aside_in_words(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "call_reports.json"
    path.write_bytes(raw)
    ledger = ReportLedger.load(path, NOW)
    assert ledger.problem is not None and "damaged" in ledger.problem
    assert list(tmp_path.glob("call_reports.json.damaged-*"))
