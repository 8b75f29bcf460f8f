"""typed_json: the documented call report decoded straight into records, and nothing else.

Its promise is that it only ever accepts what the general path (`decode_body`
then `answers.call_records`) would have read to the very same records; any
other body gives None so the general path reads it.
"""

from __future__ import annotations

import gc
import json
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spikon_tui.api import answers
from spikon_tui.api.decode import decode_body
from spikon_tui.api.errors import MalformedResponseError
from spikon_tui.api.limits import MAX_DEPTH
from spikon_tui.api.models import CallRecord
from spikon_tui.api.typed_json import call_records

ROW = {
    "date": "2014-08-20 10:46:54",
    "src": "123",
    "dst": "456",
    "duration": "7",
    "state": "Odebrane",
    "file": "",
}


def _report(*rows: dict[str, object], count: object = None) -> bytes:
    body: dict[str, object] = {} if count is None else {"count": count}
    body.update({f"call-list-{n}": row for n, row in enumerate(rows, start=1)})
    return json.dumps({"call-lists": body}).encode()


def _general(body: bytes) -> list[CallRecord]:
    return answers.call_records(decode_body(body))


def test_the_documented_report_becomes_frozen_untracked_records() -> None:
    (record,) = call_records(_report(ROW, count="1")) or []
    assert record == CallRecord(datetime(2014, 8, 20, 10, 46, 54), "123", "456", 7, "Odebrane", "")
    assert hash(record) == hash(_general(_report(ROW))[0])
    with pytest.raises(AttributeError):
        record.duration = 8  # type: ignore[misc]
    assert not hasattr(record, "__dict__")
    assert not gc.is_tracked(record), "50,000 records need not be walked by the collector"


def test_rows_come_in_the_order_of_their_numbers_past_nine() -> None:
    rows = [{**ROW, "duration": str(n)} for n in range(1, 13)]
    assert [r.duration for r in call_records(_report(*rows)) or []] == list(range(1, 13))


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"error": {"id": "-5", "name": "x", "desc": "y"}}', id="api-error"),
        pytest.param(b"<call-lists><count>0</count></call-lists>", id="xml"),
        pytest.param(_report(count="0"), id="empty-report"),
        pytest.param(_report({**ROW, "duration": "61"}).replace(b"date", b"Date"), id="key-case"),
        pytest.param(_report({**ROW, "src": 123}), id="number-as-number"),
        pytest.param(_report({**ROW, "duration": "01:05"}), id="duration-as-clock"),
        pytest.param(_report({**ROW, "duration": "-1"}), id="negative-duration"),
        pytest.param(_report({**ROW, "duration": str(2**31)}), id="duration-past-2-31"),
        pytest.param(_report({**ROW, "duration": "9" * 5000}), id="duration-of-5000-digits"),
        pytest.param(_report({**ROW, "date": "20.08.2014 10:46"}), id="other-date-spelling"),
        pytest.param(_report({**ROW, "state": "Odebrane\u0085"}), id="text-with-whitespace"),
        pytest.param(
            b'{"call-lists": {"call-list-2": %s, "call-list-1": %s}}'
            % (json.dumps(ROW).encode(), json.dumps(ROW).encode()),
            id="keys-out-of-order",
        ),
        pytest.param(_report(ROW) + b"\n{", id="trailing-garbage"),
        pytest.param(
            _report({**ROW, "extra": json.loads("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5))}),
            id="unknown-key-nested-too-deep",
        ),
    ],
)
def test_anything_but_the_documented_shape_is_left_to_the_general_path(body: bytes) -> None:
    assert call_records(body) is None


def test_a_value_nested_too_deep_is_still_refused_by_the_general_path() -> None:
    deep = json.loads("[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5))
    with pytest.raises(MalformedResponseError):
        _general(_report({**ROW, "extra": deep}))


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_DURATION = st.one_of(
    st.integers(-5, 2**31 + 5),
    st.integers(-5, 2**31 + 5).map(str),
    st.sampled_from(["", " 7", "7.0", "1e3", "0x10", "01:05", "abc", "²"]),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
_DATE = st.one_of(
    st.datetimes(min_value=datetime(1970, 1, 1)).map(lambda d: d.isoformat(sep=" ")),
    st.sampled_from(["2014-08-20", "2014-08-20T10:46:54Z", "2014-08-20 10:46", "yesterday"]),
)
_ROWS = st.lists(
    st.fixed_dictionaries(
        {"date": _DATE, "src": _TEXT, "dst": _TEXT, "duration": _DURATION, "state": _TEXT},
        optional={"file": _TEXT, "extra": st.integers()},
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=400)
@given(rows=_ROWS)
def test_whatever_it_accepts_the_general_path_reads_to_the_same_records(
    rows: list[dict[str, object]],
) -> None:
    body = _report(*rows, count=str(len(rows)))
    typed = call_records(body)
    if typed is not None:
        assert typed == _general(body)
