"""Whatever is in sms-sent.json, loading it gives words, never a traceback."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spikon_tui.sms.store import STORE_FILE, SentStore

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
record_like = st.fixed_dictionaries(
    {},
    optional={
        "key": json_values | st.text(max_size=5),
        "number": json_values,
        "sender": json_values,
        "message": json_values,
        "sent_at": json_values | st.floats(allow_nan=True),
        "sms_id": json_values,
        "state": json_values,
        "checked_at": json_values,
    },
)
FOLDER = tempfile.TemporaryDirectory()

documents = st.one_of(
    json_values.map(lambda value: json.dumps(value).encode()),
    st.builds(
        lambda version, messages: json.dumps({"version": version, "messages": messages}).encode(),
        st.integers(-2, 3) | json_values,
        st.lists(record_like | json_values, max_size=5),
    ),
    st.binary(max_size=64),
    st.integers(1, 3000).map(lambda depth: b"[" * depth + b"]" * depth),
    st.integers(1, 6000).map(
        lambda digits: b'{"version": 1, "messages": [' + b"9" * digits + b"]}"
    ),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=documents)
def test_any_file_loads_to_words_or_nothing(raw: bytes) -> None:
    folder = Path(FOLDER.name)
    for old in folder.iterdir():
        old.unlink()
    (folder / STORE_FILE).write_bytes(raw)
    problem = SentStore(folder, lambda: 1_750_000_000.0).load()
    assert problem is None or isinstance(problem, str)


def test_a_damaged_file_set_aside_leaves_a_store_that_saves(tmp_path: Path) -> None:
    (tmp_path / STORE_FILE).write_bytes(b"[" * 50)
    store = SentStore(tmp_path, lambda: 1_750_000_000.0)
    assert store.load() is not None
    store.save()
    assert SentStore(tmp_path).load() is None


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"version": 1, "messages": [' + b"[" * 5000 + b"]" * 5000 + b"]}",
        b'{"version": 1, "messages": [{"key": "k", "sent_at": ' + b"9" * 5000 + b"}]}",
        b'{"version": ' + b"1" * 5000 + b', "messages": []}',
    ],
    ids=["deep", "deep-record", "huge-number", "huge-version"],
)
def test_absurd_files_are_set_aside_in_words(tmp_path: Path, raw: bytes) -> None:
    (tmp_path / STORE_FILE).write_bytes(raw)
    problem = SentStore(tmp_path, lambda: 1_750_000_000.0).load()
    assert problem is not None and "damaged" in problem
    assert [path.name for path in tmp_path.glob(f"{STORE_FILE}.damaged-*")]
