"""The staffing screen against a real sandbox: the grid kept live, confirmed changes with
their effect (inbound and outbound), the audit log, read-only, pausing and failures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.ui.dialogs.confirm import ConfirmDialog
from spikon_tui.ui.screens.monitor.staffing import FIGURES_ROW, StaffingRound, StaffingScreen
from spikon_tui.ui.screens.monitor.staffing_audit import current_user
from spikon_tui.ui.widgets.monitor_status import MonitorStatus
from spikon_tui.ui.widgets.virtual_table import VirtualTable
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import SIZE, assert_no_traceback, settle, text_of, toasts, wait_until
from tests.ui.monitor_support import (  # noqa: F401 - quick_monitor is an autouse fixture
    CallCenterScript,
    poll_again,
    quick_monitor,
    tracker,
)

INFOLINIA, WINDYKACJA = 1, 2
NOTHING_MORE = "SPIKON reports no figures on outgoing calls, so nothing more can be predicted."


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(seed=5, clock=clock, contacts=5, calls=0, agents=6, campaigns=2)
    with Sandbox(config) as sb:
        yield sb


async def open_staffing(pilot, clock: FakeClock, **options) -> StaffingScreen:
    await settle(pilot)
    screen = StaffingScreen(tracker=tracker(clock), **options)
    await pilot.app.push_screen(screen)
    await wait_until(pilot, lambda: screen.loads >= 1, "the staffing grid")
    await settle(pilot)
    return screen


def staffing_table(screen: StaffingScreen) -> VirtualTable:
    return screen.query_one("#staffing-table", VirtualTable)


def column_keys(table: VirtualTable) -> list[str]:
    return [column.key for column in table.columns]


def put_cursor(screen: StaffingScreen, agent_id: int, campaign_id: int) -> None:
    assert staffing_table(screen).move_cursor_to_key(str(agent_id), column=f"c{campaign_id}")


def table_cell(table: VirtualTable, row_key: str, column_key: str) -> str:
    return str(table.get_row(row_key).cells[column_keys(table).index(column_key)])


def cell(screen: StaffingScreen, row_key: int | str, campaign_id: int) -> str:
    return table_cell(staffing_table(screen), str(row_key), f"c{campaign_id}")


def grid(screen: StaffingScreen) -> dict[str, list[str]]:
    """Every row shown, top to bottom: its key and its cells as text."""
    table = staffing_table(screen)
    keys = [table.row_key_at(index) for index in range(table.visible_row_count)]
    return {str(key): [str(c) for c in table.get_row(key).cells] for key in keys}


def status(screen: StaffingScreen) -> str:
    return screen.query_one(MonitorStatus).text


def question(app) -> str:
    return " ".join(text_of(widget) for widget in app.screen.query(Static))


def audit_lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def ask(pilot, key: str) -> str:
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog), "the question")
    return question(pilot.app)


def outbound_scene(sandbox: Sandbox) -> tuple[CallCenterScript, object, object]:
    """Infolinia: 4 calls waiting, Anna its only free agent, and she takes no other
    incoming calls; everybody calls out for Infolinia, only Bob for Windykacja too."""
    script = CallCenterScript(sandbox)
    anna, bob = script.members(INFOLINIA)[:2]
    for agent in sandbox.state.call_center.agents.values():
        script.staff(agent.id, outbound=[INFOLINIA], default=INFOLINIA)
    script.staff(anna.id, inbound=[INFOLINIA])
    script.staff(bob.id, outbound=[INFOLINIA, WINDYKACJA])
    script.queue(INFOLINIA, 40, 30, 20, 10)
    script.agent(anna.id, free=True)
    return script, anna, bob


# -- the grid --------------------------------------------------------------------------


async def test_the_grid_shows_membership_and_each_queue_s_figures(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(INFOLINIA, 30, 20)
    free = script.members(WINDYKACJA)[0]
    script.agent(free.id, free=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path="unused.jsonl")
        table = staffing_table(screen)
        agents = sandbox.state.call_center.agents.values()
        assert table.row_count == len(agents) + 1  # the queue figures first
        assert table.row_key_at(0) == FIGURES_ROW
        infolinia_free = 1 if INFOLINIA in free.in_campaigns else 0
        assert cell(screen, FIGURES_ROW, INFOLINIA) == f"{infolinia_free} / 2"
        assert cell(screen, FIGURES_ROW, WINDYKACJA) == "1 / 0"
        for agent in agents:
            assert table_cell(table, str(agent.id), "agent") == agent.name
            for campaign_id in (INFOLINIA, WINDYKACJA):
                text = cell(screen, agent.id, campaign_id)
                assert ("in" in text.split()) == (campaign_id in agent.in_campaigns)
                assert ("out" in text.split()) == (campaign_id in agent.out_campaigns)
                assert text.endswith("★") == (agent.default_out_campaign == campaign_id)
        assert status(screen).startswith("updated 0 s ago")


async def test_each_agents_direct_number_is_shown_after_the_campaigns(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path="unused.jsonl")
        table = staffing_table(screen)
        keys = column_keys(table)
        assert keys[:2] == ["agent", "sip"] and keys[-1] == "ddi"
        assert all(key.startswith("c") for key in keys[2:-1])
        for agent in sandbox.state.call_center.agents.values():
            assert agent.ddi and table_cell(table, str(agent.id), "ddi") == agent.ddi
        assert table_cell(table, FIGURES_ROW, "ddi") == ""
        table.move_cursor(1, column="ddi")
        await pilot.press("i")
        assert not isinstance(app.screen, ConfirmDialog), "the DDI column is no campaign"
        assert_no_traceback(app)


async def test_the_grid_follows_changes_made_elsewhere_in_place_keeping_the_cursor(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    center = sandbox.state.call_center
    mover = next(a for a in center.agents.values() if WINDYKACJA not in a.in_campaigns)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path="unused.jsonl")
        table = staffing_table(screen)
        put_cursor(screen, mover.id, WINDYKACJA)
        cursor = (table.cursor_row, table.cursor_row_key, table.cursor_column)
        rebuilt: list[bool] = []
        table.set_rows = lambda *a, **k: rebuilt.append(True)  # type: ignore[method-assign]
        table.set_columns = lambda *a, **k: rebuilt.append(True)  # type: ignore[method-assign]
        assert "in" not in cell(screen, mover.id, WINDYKACJA).split()
        assert cell(screen, FIGURES_ROW, INFOLINIA) == "0 / 0"

        script.staff(mover.id, inbound=[*mover.in_campaigns, WINDYKACJA])
        script.queue(INFOLINIA, 50, 40, 5)
        await poll_again(pilot, screen, clock)
        assert "in" in cell(screen, mover.id, WINDYKACJA).split()
        assert cell(screen, FIGURES_ROW, INFOLINIA) == "0 / 3"
        assert (table.cursor_row, table.cursor_row_key, table.cursor_column) == cursor
        assert not rebuilt, "updated in place"
        assert sandbox.request_counts["cc_agent/list"] == 2
        assert sandbox.request_counts["cc_monitor/show"] == 4
        assert sandbox.request_counts["cc_campaigns/list"] == 1, "the list is not asked each time"
        assert_no_traceback(app)


async def test_polling_pauses_while_the_screen_is_hidden_and_resumes(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, StaffingScreen), "staffing")
        screen = app.screen
        await wait_until(pilot, lambda: screen.loads >= 1, "the first poll")
        await settle(pilot)
        await poll_again(pilot, screen, clock)
        listed = sandbox.request_counts["cc_agent/list"]
        assert listed == 2

        await pilot.press("f2")
        await wait_until(pilot, lambda: app.screen is not screen, "another screen")
        await settle(pilot)
        for _ in range(6):
            clock.advance(10)
            await pilot.pause(0.05)
        assert sandbox.request_counts["cc_agent/list"] == listed, "hidden: no polls"
        assert screen.polling_paused

        await pilot.press("f5")
        await wait_until(pilot, lambda: screen.rounds == 3, "a poll on coming back")
        await settle(pilot)
        assert sandbox.request_counts["cc_agent/list"] == listed + 1
        assert not screen.polling_paused


async def test_a_failed_poll_keeps_the_grid_and_says_so_then_recovers(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(INFOLINIA, 30, 20)
    member = script.members(INFOLINIA)[0]
    script.agent(member.id, free=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path="unused.jsonl")
        before = grid(screen)
        assert before[FIGURES_ROW][2] == "1 / 2"

        sandbox.stop()
        await poll_again(pilot, screen, clock)
        assert "1 failed poll in a row" in status(screen)
        assert grid(screen) == before, "figures and membership stay as they were"
        await poll_again(pilot, screen, clock)
        assert "2 failed polls in a row" in status(screen)
        clock.advance(3)
        await wait_until(pilot, lambda: "STALE" in status(screen), "STALE")
        assert status(screen).startswith("STALE · figures from 13 s ago")
        await wait_until(pilot, lambda: "STALE" in cell(screen, FIGURES_ROW, INFOLINIA), "mark")
        assert cell(screen, FIGURES_ROW, INFOLINIA) == "1 / 2 STALE", "never zeros"
        assert {k: v for k, v in grid(screen).items() if k != FIGURES_ROW} == {
            k: v for k, v in before.items() if k != FIGURES_ROW
        }

        put_cursor(screen, member.id, INFOLINIA)
        asked = await ask(pilot, "i")
        assert "Careful: these figures are from 13 s ago; the last 2 polls failed." in asked
        await pilot.press("n")

        sandbox.start()
        await poll_again(pilot, screen, clock)
        assert status(screen).startswith("updated 0 s ago"), status(screen)
        assert cell(screen, FIGURES_ROW, INFOLINIA) == "1 / 2"
        assert_no_traceback(app)


async def test_the_agent_list_failing_alone_keeps_membership_and_says_so(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    mover = script.members(INFOLINIA)[0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path="unused.jsonl")
        shown = cell(screen, mover.id, INFOLINIA)
        sandbox.faults.error_next("cc_agent/list", code=-1000, times=2)
        script.staff(mover.id, inbound=[])
        await poll_again(pilot, screen, clock)
        assert "1 failed poll in a row" in status(screen) and "-1000" in status(screen)
        assert cell(screen, mover.id, INFOLINIA) == shown, "the last membership known stays"
        assert screen.loads == 1
        await poll_again(pilot, screen, clock)
        await poll_again(pilot, screen, clock)
        assert "in" not in cell(screen, mover.id, INFOLINIA).split()
        assert "failed" not in status(screen)


# -- changes, with their effect ------------------------------------------------------


async def test_removing_an_agent_asks_with_the_effect_then_does_it_and_logs_it(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    script = CallCenterScript(sandbox)
    members = script.members(INFOLINIA)
    script.queue(INFOLINIA, 40, 30, 20, 10)
    leaving = members[0]
    script.agent(leaving.id, free=True)
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path=audit)
        put_cursor(screen, leaving.id, INFOLINIA)
        asked = await ask(pilot, "i")
        assert f"Remove {leaving.name} from the inbound campaign Infolinia?" in asked
        assert "Infolinia would have 0 free agents with 4 calls waiting" in asked
        assert "Careful" not in asked

        await pilot.press("y")
        await wait_until(pilot, lambda: screen.loads >= 2, "the grid reloaded")
        await settle(pilot)
        assert 1 not in sandbox.state.call_center.agent(leaving.id).in_campaigns
        assert "in" not in cell(screen, leaving.id, INFOLINIA).split()
        [entry] = audit_lines(audit)
        assert entry["who"] == current_user() and entry["profile"] == "test"
        assert entry["what"] == (
            f"remove agent {leaving.id} ({leaving.name}) from inbound campaign 1 (Infolinia)"
        )
        assert entry["result"] == "OK" and entry["when"].endswith("Z")
        assert_no_traceback(app)


async def test_adding_to_an_outbound_campaign_says_what_the_agent_leaves_behind(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    _script, anna, _bob = outbound_scene(sandbox)
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path=audit)
        put_cursor(screen, anna.id, WINDYKACJA)
        asked = await ask(pilot, "o")
        assert f"Add {anna.name} to the outbound campaign Windykacja?" in asked
        assert "Windykacja would have 2 outbound agents (1 now)." in asked
        assert (
            f"While {anna.name} is on an outgoing call, "
            "Infolinia would have 0 free agents with 4 calls waiting." in asked
        )
        assert NOTHING_MORE in asked

        await pilot.press("y")
        await wait_until(pilot, lambda: screen.loads >= 2, "the grid reloaded")
        await settle(pilot)
        assert WINDYKACJA in sandbox.state.call_center.agent(anna.id).out_campaigns
        assert "out" in cell(screen, anna.id, WINDYKACJA).split()
        [entry] = audit_lines(audit)
        assert entry["what"] == (
            f"add agent {anna.id} ({anna.name}) to outbound campaign 2 (Windykacja)"
        )
        assert entry["result"] == "OK"


async def test_removing_from_outbound_and_setting_the_default_say_their_effect(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    _script, anna, bob = outbound_scene(sandbox)
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path=audit)
        put_cursor(screen, bob.id, WINDYKACJA)
        asked = await ask(pilot, "o")
        assert f"Remove {bob.name} from the outbound campaign Windykacja?" in asked
        assert (
            "Windykacja would have no outbound agents left: nobody could make its "
            "outgoing calls (1 now)." in asked
        )
        assert NOTHING_MORE in asked
        await pilot.press("n")
        await settle(pilot)

        put_cursor(screen, anna.id, WINDYKACJA)
        asked = await ask(pilot, "d")
        assert f"Make Windykacja the default outbound campaign of {anna.name}?" in asked
        assert (
            f"{anna.name}'s default outbound campaign would be Windykacja instead of Infolinia."
            in asked
        )
        assert f"{anna.name} does not make Windykacja's outgoing calls yet." in asked
        assert "Windykacja would be the default of 1 agent (0 now)." in asked
        assert NOTHING_MORE in asked
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.loads >= 2, "the grid reloaded")
        await settle(pilot)
        assert sandbox.state.call_center.agent(anna.id).default_out_campaign == WINDYKACJA
        assert cell(screen, anna.id, WINDYKACJA).endswith("★")
        assert not cell(screen, anna.id, INFOLINIA).endswith("★")
        assert [entry["result"] for entry in audit_lines(audit)] == ["OK"], "no was not logged"


async def test_no_changes_nothing_and_logs_nothing(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    agent = sandbox.state.call_center.agent(1)
    before = list(agent.out_campaigns)
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path=audit)
        put_cursor(screen, 1, WINDYKACJA)
        await ask(pilot, "o")
        await pilot.press("n")
        await settle(pilot)
        assert agent.out_campaigns == before and not audit_lines(audit)


async def test_setting_the_default_and_a_refused_change_are_logged(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    audit = tmp_path / "audit.jsonl"
    agent = sandbox.state.call_center.agent(1)
    other = 2 if agent.default_out_campaign == 1 else 1
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path=audit)
        put_cursor(screen, 1, other)
        await ask(pilot, "d")
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
        await ask(pilot, "o")
        await pilot.press("y")
        await wait_until(pilot, lambda: len(audit_lines(audit)) == 2, "the second entry")
        await settle(pilot)
        first, second = audit_lines(audit)
        assert first["result"] == "OK" and "default outbound campaign" in first["what"]
        assert second["result"] != "OK" and "-7" in second["result"]
        assert any(severity == "error" for severity, _t, _m in toasts(app))
        assert_no_traceback(app)


async def test_a_lost_answer_is_logged_as_unknown_and_the_grid_shows_the_truth(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    _script, anna, _bob = outbound_scene(sandbox)
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path=audit)
        sandbox.faults.drop_next("cc_out_campaign/add_agent")
        put_cursor(screen, anna.id, WINDYKACJA)
        await ask(pilot, "o")
        await pilot.press("y")
        await wait_until(pilot, lambda: len(audit_lines(audit)) == 1, "the audit entry")
        await wait_until(pilot, lambda: screen.loads >= 2, "the grid reloaded")
        await settle(pilot)
        assert sandbox.request_counts["cc_out_campaign/add_agent"] == 1, "never sent twice"
        [entry] = audit_lines(audit)
        assert entry["result"].startswith("outcome unknown: ")
        warnings = [(t, m) for severity, t, m in toasts(app) if severity == "warning"]
        assert any(title.startswith("Not known whether SPIKON did it") for title, _m in warnings)
        assert "out" in cell(screen, anna.id, WINDYKACJA).split(), "the poll shows it took"
        assert_no_traceback(app)


async def test_an_agent_list_asked_before_the_change_was_answered_is_not_shown(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    _script, anna, _bob = outbound_scene(sandbox)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path=tmp_path / "audit.jsonl")
        old_anna = screen.agents[anna.id]
        put_cursor(screen, anna.id, WINDYKACJA)
        await ask(pilot, "o")
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.loads >= 2, "the grid reloaded")
        await settle(pilot)
        assert "out" in cell(screen, anna.id, WINDYKACJA).split()
        late = StaffingRound(agents=(old_anna,), agents_at=clock(), sequence=1)
        screen.post_message(StaffingScreen.Polled(late))
        await settle(pilot)
        assert "out" in cell(screen, anna.id, WINDYKACJA).split(), "the old answer was ignored"


async def test_read_only_offers_no_changes(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    audit = tmp_path / "audit.jsonl"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path=audit, read_only=True)
        for action in ("toggle_in", "toggle_out", "set_default"):
            assert screen.check_action(action, ()) is False, f"{action} is offered"
        put_cursor(screen, 1, 1)
        for key in ("i", "o", "d"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, f"{key} asked something in read-only mode"
        assert "read-only" in text_of(screen.query_one("#staffing-note"))
        assert not audit_lines(audit)


# -- keys --------------------------------------------------------------------------------


async def test_the_cursor_starts_on_the_first_agent_s_first_campaign(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_staffing(pilot, clock, audit_path="unused.jsonl")
        table = staffing_table(screen)
        first_agent = next(iter(sandbox.state.call_center.agents.values()))
        assert table.cursor_row_key == str(first_agent.id)
        assert table.cursor_column == f"c{screen.campaigns[0].id}"
        assert table.cursor_row in range(table.scroll_offset.y, table.scroll_offset.y + 10)
        await pilot.press("right", "down")
        assert table.cursor_column == f"c{screen.campaigns[1].id}"
        await poll_again(pilot, screen, clock)
        assert table.cursor_column == f"c{screen.campaigns[1].id}", "placed once, not each poll"
        assert table.cursor_row == 2


def help_keys(app) -> str:
    return text_of(list(app.screen.query(Static))[-1])


async def test_escape_goes_back_where_help_offers_it_and_help_offers_it_only_there(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f5")  # the mode: nothing to go back to
        await wait_until(pilot, lambda: isinstance(app.screen, StaffingScreen), "staffing")
        mode_screen = app.screen
        await pilot.press("f1")
        await wait_until(pilot, lambda: app.screen is not mode_screen, "the help")
        assert "Back" not in help_keys(app)
        await pilot.press("escape")  # closes the help
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is mode_screen

        screen = await open_staffing(pilot, clock, audit_path="unused.jsonl")
        await pilot.press("f1")
        await wait_until(pilot, lambda: app.screen is not screen, "the help")
        assert "Back" in help_keys(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "the help closed")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is mode_screen, "back")
        assert_no_traceback(app)


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_f5_starts_on_a_cell_i_acts_on_and_offers_no_escape_that_does_nothing(
    make_app, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, StaffingScreen), "F5")
        screen = app.screen
        table = staffing_table(screen)
        await wait_until(pilot, lambda: table.row_count > 1, "the agents")
        assert table.cursor_row_key != FIGURES_ROW and str(table.cursor_column).startswith("c")
        footer = text_of(screen.query_one("KeysFooter"))
        assert "esc" not in footer, "escape does nothing on F5: it is not offered"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert not any("Move the cursor" in text for _s, _t, text in toasts(app))
