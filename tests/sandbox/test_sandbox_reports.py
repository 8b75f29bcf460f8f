"""Call-list reports: queued, generated after the delay, filtered, kept for a month."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta

from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.sandbox.clock import local_date
from tests.sandbox.helpers import Api, FakeClock

DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
STATES = {"Odebrane", "Nieodebrane", "Zajęte", "Nieudane"}


def _order(api: Api, **params: object) -> str:
    return api.ok("call_list/order", params)["call_list"]["call_list_id"]


def _rows(api: Api, report_id: str) -> list[dict[str, str]]:
    body = api.ok("call_list/show", {"call_list_id": report_id})["call-lists"]
    rows = [body[f"call-list-{n}"] for n in range(1, int(body["count"]) + 1)]
    assert len(body) == len(rows) + 1
    return rows


def _generated(api: Api) -> dict[str, str]:
    body = api.ok("call_list/list")["call-lists"]
    return {item["id"]: item["generated"] for key, item in body.items() if key != "count"}


def _all_calls(sandbox: Sandbox) -> list[dict[str, str]]:
    """Every call of the history as a report row (the expectation, filtered by the tests)."""
    return [
        {
            "date": call.date,
            "src": call.src,
            "dst": call.dst,
            "duration": str(call.duration),
            "state": call.state,
            "file": call.file,
        }
        for call in sandbox.state.history.calls
    ]


def _own_numbers(api: Api) -> set[str]:
    body = api.ok("phone_account/list")["phone-accounts"]
    return {item["number"] for key, item in body.items() if key != "count"}


def _newest_first(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(rows, key=lambda row: row["date"], reverse=True)


def test_report_is_queued_then_generated_after_the_delay(api: Api, clock: FakeClock) -> None:
    today = local_date(clock.now)
    report = _order(api, dir=2, date_start=str(today - timedelta(days=30)), date_end=str(today))
    assert _generated(api)[report] == "0"
    error = api.error("call_list/show", {"call_list_id": report})
    assert error["id"] == "-9" and error["name"] == "Not ready"
    clock.advance(1.9)
    assert api.error("call_list/show", {"call_list_id": report})["id"] == "-9"
    clock.advance(0.1)
    assert _generated(api)[report] == "1"
    assert _rows(api, report)


def test_rows_filter_by_direction_dates_and_records(sandbox: Sandbox, api: Api) -> None:
    own = _own_numbers(api)
    calls = _all_calls(sandbox)
    first, last = "2025-05-01", "2025-06-10"
    in_range = [row for row in calls if first <= row["date"][:10] <= last]
    cases = {
        (0, 0): [row for row in in_range if row["dst"] in own],
        (1, 0): [row for row in in_range if row["src"] in own],
        (2, 0): in_range,
        (2, 1): [row for row in in_range if row["file"]],
        (0, 1): [row for row in in_range if row["dst"] in own and row["file"]],
    }
    reports = {
        case: _order(api, dir=case[0], date_start=first, date_end=last, with_records_only=case[1])
        for case in cases
    }
    sandbox.state.clock.advance(5)  # type: ignore[attr-defined]
    for case, expected in cases.items():
        rows = _rows(api, reports[case])
        assert rows == _newest_first(expected), case
        assert rows, case
    assert len(cases[(0, 0)]) + len(cases[(1, 0)]) == len(in_range)


def test_records_only_is_the_default(sandbox: Sandbox, api: Api) -> None:
    report = _order(api, dir=2, date_start="2025-03-10", date_end="2025-06-15")
    sandbox.state.clock.advance(2)  # type: ignore[attr-defined]
    rows = _rows(api, report)
    assert rows and all(row["file"] for row in rows)
    everything = _all_calls(sandbox)
    assert len(rows) == sum(1 for row in everything if row["file"] and row["date"] >= "2025-03-10")


def test_number_matches_source_or_destination(sandbox: Sandbox, api: Api) -> None:
    calls = _all_calls(sandbox)
    wanted = calls[len(calls) // 2]["src"][2:6]  # a fragment of some caller's number
    report = _order(
        api, dir=2, date_start="2025-03-10", date_end="2025-06-15", with_records_only=0,
        number=wanted,
    )  # fmt: skip
    sandbox.state.clock.advance(2)  # type: ignore[attr-defined]
    expected = [
        row for row in calls
        if (wanted in row["src"] or wanted in row["dst"]) and row["date"] >= "2025-03-10"
    ]  # fmt: skip
    assert _rows(api, report) == _newest_first(expected)
    assert expected


def test_rows_are_well_formed(sandbox: Sandbox, api: Api) -> None:
    report = _order(api, dir=2, date_start="2025-03-10", date_end="2025-06-15", with_records_only=0)
    sandbox.state.clock.advance(2)  # type: ignore[attr-defined]
    rows = _rows(api, report)
    assert len(rows) == 400  # every call of the fixture's history
    kinds = {"url": 0, "name": 0, "none": 0}
    for row in rows:
        assert DATE_TIME.fullmatch(row["date"])
        assert row["state"] in STATES
        assert row["duration"].isdigit()
        if row["state"] != "Odebrane":
            assert row["duration"] == "0" and row["file"] == ""
        if row["file"].startswith(
            "https://panel.spikon.pl/channels/lists/call/get_playback_file?id="
        ):
            kinds["url"] += 1
        elif row["file"]:
            assert re.fullmatch(r"\d{8}-\d{6}-\d+-\d+\.wav", row["file"])
            kinds["name"] += 1
        else:
            kinds["none"] += 1
    assert all(kinds.values()), kinds  # links, bare file names and no recording all occur
    assert len({row["state"] for row in rows}) == 4


def test_initiated_call_shows_up_in_a_new_report(sandbox: Sandbox, api: Api) -> None:
    clock: FakeClock = sandbox.state.clock  # type: ignore[assignment]
    accounts = api.ok("phone_account/list")["phone-accounts"]
    api.ok("call/initiate", {"phone_account_id": 2, "destination_number": "600100200"})
    today = local_date(clock.now)
    report = _order(api, dir=1, date_start=str(today), date_end=str(today), with_records_only=0,
                    number="600100200")  # fmt: skip
    clock.advance(2)
    rows = _rows(api, report)
    assert [(row["src"], row["dst"]) for row in rows] == [
        (accounts["phone-account-2"]["number"], "600100200")
    ]


def test_report_snapshot_and_cache(sandbox: Sandbox, api: Api) -> None:
    report = _order(api, dir=2, date_start="2025-06-01", date_end="2025-06-15", with_records_only=0)
    sandbox.state.clock.advance(2)  # type: ignore[attr-defined]
    first = api.post("call_list/show", {"call_list_id": report}).content
    first_xml = api.post("call_list/show", {"call_list_id": report}, fmt=1).content
    sandbox.state.add_call_history(50)  # later calls do not change an ordered report
    assert api.post("call_list/show", {"call_list_id": report}).content == first
    assert api.post("call_list/show", {"call_list_id": report}, fmt=1).content == first_xml


def test_reports_expire_a_month_after_generation(sandbox: Sandbox, api: Api) -> None:
    clock: FakeClock = sandbox.state.clock  # type: ignore[assignment]
    report = _order(api, dir=2, date_start="2025-06-01", date_end="2025-06-15")
    clock.advance(2)
    clock.advance(29 * 86400)
    assert report in _generated(api)
    assert _rows(api, report) is not None
    clock.advance(86400)
    assert report not in _generated(api)
    assert api.error("call_list/show", {"call_list_id": report})["id"] == "-8"


def test_the_account_starts_with_one_ready_report(api: Api) -> None:
    assert _generated(api) == {"1": "1"}


def test_fifty_thousand_rows(clock: FakeClock) -> None:
    with Sandbox(SandboxConfig(seed=3, clock=clock, contacts=10, calls=0)) as sandbox:
        sandbox.state.add_call_history(50_000)
        api = Api(sandbox)
        today = local_date(clock.now)
        report = _order(api, dir=2, date_start=str(today - timedelta(days=100)),
                        date_end=str(today), with_records_only=0)  # fmt: skip
        clock.advance(2)
        for fmt in (0, 1):
            started = time.perf_counter()
            body = api.post("call_list/show", {"call_list_id": report}, fmt=fmt).content
            first = time.perf_counter() - started
            started = time.perf_counter()
            again = api.post("call_list/show", {"call_list_id": report}, fmt=fmt).content
            cached = time.perf_counter() - started
            assert again == body
            print(f"\n50,000 rows, format {fmt}: {len(body):,} bytes, first {first:.3f} s, "
                  f"cached {cached:.3f} s")  # fmt: skip
        answer = api.ok("call_list/show", {"call_list_id": report})["call-lists"]
        assert answer["count"] == "50000"
        assert answer["call-list-50000"]["date"] <= answer["call-list-1"]["date"]
        api.close()


def test_date_range_of_exactly_100_days_is_allowed(api: Api) -> None:
    start = date(2025, 1, 1)
    assert _order(api, dir=0, date_start=str(start), date_end=str(start + timedelta(days=100)))
    error = api.error(
        "call_list/order",
        {"dir": 0, "date_start": str(start), "date_end": str(start + timedelta(days=101))},
    )
    assert error["id"] == "-6"
