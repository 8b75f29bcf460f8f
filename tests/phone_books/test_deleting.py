"""Deleting several entries at once against the real sandbox: gone ones count, a refusal
is kept with its entry, a dropped connection stops the run and a second run finishes it."""

from __future__ import annotations

from spikon_tui.api import SpikonClient
from spikon_tui.api.errors import TransportError
from spikon_tui.api.models import PhoneBookElement
from spikon_tui.phone_books.deleting import delete_entries
from spikon_tui.sandbox import Sandbox

DELETE = "phone_book_element/delete"


async def main_book(spikon: SpikonClient) -> list[PhoneBookElement]:
    return await spikon.phone_book_show(phone_book_id=0)


async def test_every_chosen_entry_goes_and_progress_counts_each(spikon: SpikonClient) -> None:
    before = await main_book(spikon)
    chosen = before[:5]
    seen: list[tuple[int, int]] = []
    report = await delete_entries(
        spikon, chosen, progress=lambda done, total: seen.append((done, total))
    )
    assert [entry.id for entry in report.deleted] == [entry.id for entry in chosen]
    assert report.failed == [] and report.stopped_by is None and report.untried == 0
    assert seen == [(n, 5) for n in range(1, 6)]
    after = {entry.id for entry in await main_book(spikon)}
    assert after == {entry.id for entry in before[5:]}


async def test_an_entry_already_gone_counts_as_deleted(spikon: SpikonClient) -> None:
    chosen = (await main_book(spikon))[:2]
    assert chosen[0].id is not None
    await spikon.phone_book_element_delete(phone_book_element_id=chosen[0].id)
    report = await delete_entries(spikon, chosen)
    assert len(report.deleted) == 2 and report.failed == []


async def test_a_refusal_is_kept_and_the_others_are_still_deleted(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    chosen = (await main_book(spikon))[:3]
    sandbox.faults.error_next(DELETE, code=-1, desc="Internal error")
    report = await delete_entries(spikon, chosen)
    assert [entry.id for entry, _error in report.failed] == [chosen[0].id]
    assert [entry.id for entry in report.deleted] == [entry.id for entry in chosen[1:]]
    assert report.stopped_by is None


async def test_a_dropped_connection_stops_the_run_and_a_second_run_finishes_it(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    chosen = (await main_book(spikon))[:4]
    await delete_entries(spikon, chosen[:1])
    sandbox.faults.drop_next(DELETE)
    report = await delete_entries(spikon, chosen[1:])
    assert isinstance(report.stopped_by, TransportError)
    assert report.deleted == [] and report.untried == 3
    again = await delete_entries(spikon, chosen)
    assert again.stopped_by is None and len(again.deleted) == 4
    left = {entry.id for entry in await main_book(spikon)}
    assert left.isdisjoint(entry.id for entry in chosen)


async def test_entries_without_an_id_are_never_sent(spikon: SpikonClient) -> None:
    report = await delete_entries(spikon, [PhoneBookElement(id=None, name="X", number="1")])
    assert report.total == 0 and report.deleted == []
