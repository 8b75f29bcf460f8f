"""The staffing screen against a real sandbox: the grid, confirmed changes, audit, read-only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.ui.screens.staffing import StaffingScreen
from spikon_tui.ui.staffing_audit import current_user
from spikon_tui.ui.widgets.confirm import ConfirmDialog
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import SIZE, assert_no_traceback, settle, text_of, toasts, wait_until
from tests.ui.monitor_support import CallCenterScript


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(seed=5, clock=clock, contacts=5, calls=0, agents=6, campaigns=2)
    with Sandbox(config) as sb:
        yield sb


async def open_staffing(pilot, **options) -> StaffingScreen:
    await settle(pilot)
    screen = StaffingScreen(**options)
    await pilot.app.push_screen(screen)
    await wait_until(pilot, lambda: screen.loads >= 1, "the staffing grid")
    await settle(pilot)
    return screen


def put_cursor(screen: StaffingScreen, agent_id: int, campaign_id: int) -> None:
    table = screen.query_one("#staffing-table", DataTable)
    row = table.get_row_index(str(agent_id))
    column = table.get_column_index(f"c{campaign_id}")
    table.move_cursor(row=row, column=column)


def cell(screen: StaffingScreen, agent_id: int, campaign_id: int) -> str:
    table = screen.query_one("#staffing-table", DataTable)
    return str(table.get_cell(str(agent_id), f"c{campaign_id}"))


def audit_lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def test_the_grid_shows_inbound_outbound_and_default(make_app, sandbox: Sandbox) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, audit_path="unused.jsonl")
        table = screen.query_one("#staffing-table", DataTable)
        agents = sandbox.state.call_center.agents.values()
        assert table.row_count == len(agents)
        for agent in agents:
            assert table.get_cell(str(agent.id), "agent") == agent.name
            for campaign_id in (1, 2):
                text = cell(screen, agent.id, campaign_id)
                assert ("in" in text.split()) == (campaign_id in agent.in_campaigns)
                assert ("out" in text.split()) == (campaign_id in agent.out_campaigns)
                assert text.endswith("★") == (agent.default_out_campaign == campaign_id)


async def test_removing_an_agent_asks_with_the_effect_then_does_it_and_logs_it(
    make_app, sandbox: Sandbox, tmp_path: Path
) -> None:
    script = CallCenterScript(sandbox)
    members = script.members(1)
    script.queue(1, 40, 30, 20, 10)
    leaving = members[0]
    script.agent(leaving.id, free=True)
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, audit_path=audit)
        put_cursor(screen, leaving.id, 1)
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        question = " ".join(text_of(w) for w in app.screen.query(Static))
        assert f"Remove {leaving.name} from the inbound campaign Infolinia?" in question
        assert "Infolinia would have 0 free agents with 4 calls waiting" in question

        await pilot.press("y")
        await wait_until(pilot, lambda: screen.loads >= 2, "the grid reloaded")
        await settle(pilot)
        assert 1 not in sandbox.state.call_center.agent(leaving.id).in_campaigns
        assert "in" not in cell(screen, leaving.id, 1).split()
        [entry] = audit_lines(audit)
        assert entry["who"] == current_user() and entry["profile"] == "test"
        assert entry["what"] == (
            f"remove agent {leaving.id} ({leaving.name}) from inbound campaign 1 (Infolinia)"
        )
        assert entry["result"] == "OK" and entry["when"].endswith("Z")
        assert_no_traceback(app)


async def test_no_changes_nothing_and_logs_nothing(
    make_app, sandbox: Sandbox, tmp_path: Path
) -> None:
    agent = sandbox.state.call_center.agent(1)
    before = list(agent.out_campaigns)
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, audit_path=audit)
        put_cursor(screen, 1, 2)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("n")
        await settle(pilot)
        assert agent.out_campaigns == before and not audit_lines(audit)


async def test_setting_the_default_and_a_refused_change_are_logged(
    make_app, sandbox: Sandbox, tmp_path: Path
) -> None:
    audit = tmp_path / "audit.jsonl"
    agent = sandbox.state.call_center.agent(1)
    other = 2 if agent.default_out_campaign == 1 else 1
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, audit_path=audit)
        put_cursor(screen, 1, other)
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.loads >= 2, "the grid reloaded")
        assert sandbox.state.call_center.agent(1).default_out_campaign == other
        assert cell(screen, 1, other).endswith("★")

        sandbox.faults.error_next("cc_out_campaign/add_agent", code=-7, desc="agent_id")
        outsider, target = next(
            (a.id, c)
            for a in sandbox.state.call_center.agents.values()
            for c in (1, 2)
            if c not in a.out_campaigns
        )
        put_cursor(screen, outsider, target)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: len(audit_lines(audit)) == 2, "the second entry")
        await settle(pilot)
        first, second = audit_lines(audit)
        assert first["result"] == "OK" and "default outbound campaign" in first["what"]
        assert second["result"] != "OK" and "-7" in second["result"]
        assert any(severity == "error" for severity, _t, _m in toasts(app))
        assert_no_traceback(app)


async def test_read_only_offers_no_changes(make_app, sandbox: Sandbox, tmp_path: Path) -> None:
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, audit_path=audit, read_only=True)
        for action in ("toggle_in", "toggle_out", "set_default"):
            assert screen.check_action(action, ()) is False, f"{action} is offered"
        put_cursor(screen, 1, 1)
        for key in ("i", "o", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, f"{key} asked something in read-only mode"
        assert "read-only" in text_of(screen.query_one("#staffing-note"))
        assert not audit_lines(audit)
