"""Alerts beyond the screen, end to end: the app polls a real sandbox, an alert is raised,
and an `on_alert` command (a real child process) and a webhook (a real local HTTP
receiver) each receive it as JSON; a failing command is shown and polling goes on."""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from spikon_tui.alerting import AlertOptions
from spikon_tui.sandbox import Sandbox, SandboxConfig
from spikon_tui.ui.app import MonitorOptions
from spikon_tui.ui.screens.monitor.overview import MonitorOverviewScreen
from spikon_tui.ui.widgets.monitor_status import MonitorStatus
from tests.alerting.receiver import receiver
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import SIZE, assert_no_traceback, wait_until
from tests.ui.monitor_support import (  # noqa: F401 - quick_monitor is an autouse fixture
    CallCenterScript,
    open_screen,
    poll_again,
    quick_monitor,
    tracker,
    waiting_calls_rule,
)

COPY_STDIN = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_bytes(sys.stdin.buffer.read())"


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    config = SandboxConfig(seed=5, clock=clock, contacts=5, calls=0, agents=12, campaigns=4)
    with Sandbox(config) as sb:
        yield sb


async def test_a_command_and_a_webhook_receive_the_alert_as_json(
    make_app, sandbox: Sandbox, clock: FakeClock, tmp_path: Path
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(1, 70, 60, 50, 40, 30, 20, 10)
    received = tmp_path / "alert.json"
    command = shlex.join([sys.executable, "-c", COPY_STDIN, str(received)])
    with receiver() as hook:
        options = AlertOptions(on_alert=command, webhook=hook.url)
        app = make_app(monitor=MonitorOptions(alerting=options))
        async with app.run_test(size=SIZE) as pilot:
            rules = waiting_calls_rule(hold=20)
            screen = await open_screen(
                pilot, MonitorOverviewScreen(tracker=tracker(clock, rules=rules))
            )
            assert not received.exists(), "nothing is sent before the hold has passed"
            clock.advance(20)
            await poll_again(pilot, screen, clock)
            await wait_until(pilot, received.exists, "the command's stdin written", timeout=20)
            assert hook.wait_for(1, timeout=20), "the webhook got no POST"
            api_key = app.session.api_key
        by_command = json.loads(received.read_bytes())
        by_webhook = json.loads(hook.requests[0].body)
    assert by_command == by_webhook
    assert by_command["event"] == "raised" and by_command["level"] == "alert"
    assert by_command["campaign"] == "Infolinia" and by_command["metric"] == "waiting_calls"
    assert by_command["reason"].startswith("waiting calls 7 (alert at ≥ 6)")
    assert api_key not in received.read_text(encoding="utf-8")
    assert api_key not in hook.requests[0].body.decode("utf-8")
    assert_no_traceback(app)


async def test_a_failing_command_is_shown_and_polling_goes_on(
    make_app, sandbox: Sandbox, clock: FakeClock
) -> None:
    script = CallCenterScript(sandbox)
    script.queue(1, 70, 60, 50, 40, 30, 20, 10)
    failing = shlex.join([sys.executable, "-c", "import sys; sys.exit(3)"])
    app = make_app(monitor=MonitorOptions(alerting=AlertOptions(on_alert=failing)))
    async with app.run_test(size=SIZE) as pilot:
        rules = waiting_calls_rule(hold=0)
        screen = await open_screen(
            pilot, MonitorOverviewScreen(tracker=tracker(clock, rules=rules))
        )

        def shown() -> bool:
            return "3" in (screen.channel_problem or "")

        async def poll_until_shown() -> bool:
            for _ in range(40):
                await poll_again(pilot, screen, clock)
                if shown():
                    return True
                await pilot.pause(0.1)
            return False

        assert await poll_until_shown(), "the command's failure was never shown"
        assert screen.channel_problem in screen.query_one(MonitorStatus).text
        rounds = screen.rounds
        await poll_again(pilot, screen, clock)
        assert screen.rounds > rounds, "polling goes on"
    assert_no_traceback(app)
