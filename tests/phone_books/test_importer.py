"""Importing into a phone book against the real sandbox: the 300-row office file, a
network drop, a kill with a request in flight, an interrupted update, cancelling, refused
rows, a dry run; each run again until nothing is left to do, no number ever twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.contacts.contact_file import ContactRow, read_contact_file
from spikon_tui.contacts.import_plan import number_key
from spikon_tui.phone_books.importer import ImportProgress, ImportReport, run_import
from spikon_tui.sandbox import Sandbox
from tests.contacts.office_csv import office_csv, office_keys
from tests.sandbox.helpers import FakeClock

ADD = "phone_book_element/add"
DELETE = "phone_book_element/delete"
UNIQUE_NUMBERS = 278
"""The office file's 300 rows less 3 refused and 19 repeating an earlier number."""


def office_rows() -> list[ContactRow]:
    return read_contact_file(office_csv(), file_name="biuro.csv").rows


async def new_book(spikon: SpikonClient, name: str = "Biuro") -> int:
    return (await spikon.phone_book_add(phone_book_name=name)).id


async def numbers_in(spikon: SpikonClient, book_id: int) -> Counter[str]:
    return Counter(number_key(e.number) for e in await spikon.phone_book_show(book_id))


async def assert_each_number_once(spikon: SpikonClient, book_id: int) -> None:
    assert await numbers_in(spikon, book_id) == Counter(office_keys())


async def test_the_office_file_adds_each_number_once_and_reports_progress(
    spikon: SpikonClient,
) -> None:
    book = await new_book(spikon)
    seen: list[ImportProgress] = []
    clock = FakeClock(0.0)

    def each_request_takes_half_a_second(progress: ImportProgress) -> None:
        seen.append(progress)
        clock.advance(0.5)

    report = await run_import(
        spikon, book, office_rows(), "skip", progress=each_request_takes_half_a_second, clock=clock
    )
    assert (report.added, report.updated, report.deleted) == (UNIQUE_NUMBERS, 0, 0)
    assert report.failed == [] and report.stopped is None
    assert len(report.plan.skipped) == 19
    assert "Same number as line" in report.plan.skipped[0][1]
    await assert_each_number_once(spikon, book)
    assert [p.done for p in seen] == list(range(UNIQUE_NUMBERS + 1))
    assert {p.total for p in seen} == {UNIQUE_NUMBERS}
    assert seen[0].time_left is None
    middle = seen[139]
    assert middle.elapsed == 139 * 0.5
    assert middle.time_left == pytest.approx(0.5 * (UNIQUE_NUMBERS - 139))
    assert seen[-1].time_left == 0


@pytest.mark.parametrize("policy", ["skip", "update", "add"])
async def test_a_drop_half_way_then_a_second_run_leaves_each_number_once_and_a_third_nothing(
    spikon: SpikonClient, sandbox: Sandbox, policy: str
) -> None:
    book = await new_book(spikon)

    def drop_the_next_add(progress: ImportProgress) -> None:
        if progress.done == 140:
            sandbox.faults.drop_next(ADD)  # applied by the server, its answer never sent

    first = await run_import(spikon, book, office_rows(), policy, progress=drop_the_next_add)
    assert first.stopped is not None and first.added == 140
    assert sandbox.request_counts[ADD] == 141
    second = await run_import(spikon, book, office_rows(), policy)
    assert second.stopped is None and second.added == UNIQUE_NUMBERS - 141
    await assert_each_number_once(spikon, book)
    third = await run_import(spikon, book, office_rows(), policy)
    assert third.plan.changes == 0 and third.done == 0
    assert sandbox.request_counts[ADD] == UNIQUE_NUMBERS
    await assert_each_number_once(spikon, book)


async def test_killed_with_an_add_in_flight_then_run_again_adds_nothing_twice(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    book = await new_book(spikon)

    def slow_down_the_next_add(progress: ImportProgress) -> None:
        if progress.done == 100:
            sandbox.faults.delay_next(ADD, seconds=0.3)

    task = asyncio.create_task(
        run_import(spikon, book, office_rows(), "skip", progress=slow_down_the_next_add)
    )
    await wait_for(lambda: sandbox.request_counts[ADD] == 101)
    task.cancel()  # the app killed while the server still works on the 101st add
    with pytest.raises(asyncio.CancelledError):
        await task
    await wait_for_async(lambda: entries_count(spikon, book), 101)
    again = await run_import(spikon, book, office_rows(), "skip")
    assert again.added == UNIQUE_NUMBERS - 101 and again.stopped is None
    await assert_each_number_once(spikon, book)


async def entries_count(spikon: SpikonClient, book: int) -> int:
    return len(await spikon.phone_book_show(book))


async def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.005)


async def wait_for_async(
    read: Callable[[], Awaitable[int]], wanted: int, timeout: float = 10.0
) -> None:
    async with asyncio.timeout(timeout):
        while await read() != wanted:
            await asyncio.sleep(0.01)


async def test_an_update_stopped_between_add_and_delete_is_finished_by_the_next_run(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    book = await new_book(spikon)
    rows = office_rows()
    firsts = {}
    for row in rows:
        firsts.setdefault(number_key(row.number), row)
    old_rows = list(firsts.values())[:50]
    for row in old_rows:
        await spikon.phone_book_element_add(book, f"Stara nazwa {row.line}", row.number)

    def refuse_a_delete(progress: ImportProgress) -> None:
        if progress.done == UNIQUE_NUMBERS - 50 + 20:  # the adds, then 20 updates
            sandbox.faults.error_next(DELETE, code=-1000)

    first = await run_import(spikon, book, rows, "update", progress=refuse_a_delete)
    assert first.updated == 20 and first.stopped is not None
    assert "Stara nazwa" in first.stopped
    both = await numbers_in(spikon, book)
    assert both[number_key(old_rows[20].number)] == 2  # the new entry and the old one
    second = await run_import(spikon, book, rows, "update")
    assert (second.updated, second.deleted, second.stopped) == (29, 1, None)
    await assert_each_number_once(spikon, book)
    names = {e.name for e in await spikon.phone_book_show(book)}
    assert not any(name.startswith("Stara nazwa") for name in names)
    third = await run_import(spikon, book, rows, "update")
    assert third.plan.changes == 0


async def test_cancelling_stops_before_the_next_request(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    book = await new_book(spikon)
    cancel = asyncio.Event()

    def cancel_at_ten(progress: ImportProgress) -> None:
        if progress.done == 10:
            cancel.set()

    report = await run_import(
        spikon, book, office_rows(), "skip", progress=cancel_at_ten, cancel=cancel
    )
    assert report.stopped == "Cancelled." and report.added == 10
    assert sandbox.request_counts[ADD] == 10
    again = await run_import(spikon, book, office_rows(), "skip")
    assert again.added == UNIQUE_NUMBERS - 10
    await assert_each_number_once(spikon, book)


async def test_a_row_spikon_refuses_is_reported_and_the_next_rows_still_go(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    book = await new_book(spikon)
    rows = office_rows()[:5]
    sandbox.faults.error_next(ADD, code=-6, desc="Wrong value")
    report = await run_import(spikon, book, rows, "skip")
    assert [(row.line, bool(reason)) for row, reason in report.failed] == [(2, True)]
    assert report.added == 4 and report.stopped is None


async def test_an_account_refusal_stops_the_run(spikon: SpikonClient, sandbox: Sandbox) -> None:
    book = await new_book(spikon)
    sandbox.faults.error_next(ADD, code=-3)
    report = await run_import(spikon, book, office_rows()[:5], "skip")
    assert report.stopped is not None and report.added == 0 and report.failed == []
    assert sandbox.request_counts[ADD] == 1


async def test_a_dry_run_plans_from_the_book_and_sends_nothing(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    book = await new_book(spikon)
    report = await run_import(spikon, book, office_rows(), "skip", dry_run=True)
    assert len(report.plan.to_add) == UNIQUE_NUMBERS
    assert report == ImportReport(report.plan)
    assert sandbox.request_counts[ADD] == 0
    assert await numbers_in(spikon, book) == Counter()
