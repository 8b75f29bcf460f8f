"""run_request: one call in a worker, then the result or the error on the node's queue."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.widgets import Static

from spikon_tui.api.errors import ConnectionFailedError
from spikon_tui.ui.requests import Failed, Outcome, Succeeded, run_request


class Holder(Static):
    pass


class RequestApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Holder(id="holder")


async def test_the_result_is_delivered_once_on_the_node() -> None:
    calls: list[str] = []
    seen: list[Outcome[int]] = []

    async def request() -> int:
        calls.append("sent")
        return 42

    async with RequestApp().run_test() as pilot:
        holder = pilot.app.query_one(Holder)
        worker = run_request(holder, request, seen.append, group="test")
        await worker.wait()
        await pilot.pause()
    assert calls == ["sent"]
    assert len(seen) == 1 and isinstance(seen[0], Succeeded) and seen[0].result == 42
    assert worker.node is holder and worker.group == "test"


async def test_an_error_is_delivered_not_raised_and_never_retried() -> None:
    calls: list[str] = []
    seen: list[Outcome[int]] = []

    async def request() -> int:
        calls.append("sent")
        raise ConnectionFailedError("Could not connect to the server.")

    async with RequestApp().run_test() as pilot:
        worker = run_request(pilot.app.query_one(Holder), request, seen.append, group="test")
        await worker.wait()
        await pilot.pause()
        assert pilot.app.is_running  # nothing escaped the worker
    assert calls == ["sent"]
    assert len(seen) == 1 and isinstance(seen[0], Failed)
    assert isinstance(seen[0].error, ConnectionFailedError)


async def test_an_exclusive_newer_request_cancels_the_older_one_which_delivers_nothing() -> None:
    seen: list[Outcome[str]] = []
    release = asyncio.Event()

    async def slow() -> str:
        await release.wait()
        return "old"

    async def fast() -> str:
        return "new"

    async with RequestApp().run_test() as pilot:
        holder = pilot.app.query_one(Holder)
        run_request(holder, slow, seen.append, group="g", exclusive=True)
        await pilot.pause()
        newer = run_request(holder, fast, seen.append, group="g", exclusive=True)
        await newer.wait()
        release.set()
        await pilot.pause()
    assert [outcome.result for outcome in seen if isinstance(outcome, Succeeded)] == ["new"]
    assert len(seen) == 1


async def test_nothing_is_delivered_to_a_node_that_is_gone() -> None:
    seen: list[Outcome[str]] = []
    release = asyncio.Event()

    async def request() -> str:
        await release.wait()
        return "late"

    async with RequestApp().run_test() as pilot:
        holder = pilot.app.query_one(Holder)
        run_request(holder, request, seen.append, group="g")
        await pilot.pause()
        await holder.remove()
        release.set()
        await pilot.pause()
    assert seen == []
