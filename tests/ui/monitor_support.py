"""Shared by the monitor screen tests: a scripted call center, quick timers, poll stepping.

The sandbox is real (loopback HTTP, the real client); `CallCenterScript` stops
its simulation so a test can put exactly the callers and agent states it needs
in the queue, and the screens' clock is the sandbox's fake clock. Poll timers
and the seconds tick are shortened in real time (`quick_monitor`), while every
due time and every age is decided by the fake clock.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from spikon_tui.monitor import AlertConfig, AlertMetric, AlertRule, MonitorTracker
from spikon_tui.sandbox import Sandbox
from spikon_tui.sandbox.callcenter import FREE, TALKING, WaitingCall
from spikon_tui.ui.poll_scheduler import PollScheduler
from spikon_tui.ui.screens.monitor.base import MonitorScreen
from spikon_tui.ui.screens.monitor.poller import make_tracker
from tests.sandbox.helpers import FakeClock
from tests.ui.conftest import settle, wait_until

NO_RULES = AlertConfig(default={}, campaigns={})


@pytest.fixture(autouse=True)
def quick_monitor(monkeypatch: pytest.MonkeyPatch) -> None:
    """5 s of the fake clock pass in 50 ms of real time; the tick runs every 50 ms."""
    monkeypatch.setattr(PollScheduler, "TIMER_SCALE", 0.01)
    monkeypatch.setattr(PollScheduler, "MIN_WAIT", 0.05)
    monkeypatch.setattr(MonitorScreen, "TICK_SECONDS", 0.05)


def tracker(
    clock: FakeClock, *, rules: AlertConfig | None = NO_RULES, interval: float = 5.0
) -> MonitorTracker:
    """A tracker whose backoff has no jitter, so delays are exact."""
    return make_tracker(
        interval=interval, clock=clock, alert_config=rules, random_source=lambda: 0.0
    )


def waiting_calls_rule(*, warn: float = 3, alert: float = 6, hold: float = 20) -> AlertConfig:
    rule = AlertRule(AlertMetric.WAITING_CALLS, warn=warn, alert=alert, hold=hold, cooldown=300)
    return AlertConfig(default={AlertMetric.WAITING_CALLS: rule}, campaigns={})


class CallCenterScript:
    """The sandbox's call center held still, with queues and agents set by the test."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.state = sandbox.state
        self.center = sandbox.state.call_center
        simulation = sandbox.state.simulation
        with self.state.lock:
            simulation.advance(self.state.clock())
            simulation.advance = lambda now: None  # held: nothing moves unless the test says
            for campaign in self.center.campaigns.values():
                campaign.queue.clear()
            for agent in self.center.agents.values():
                agent.state, agent.paused = TALKING, False

    @property
    def now(self) -> float:
        return self.state.simulation.time

    def queue(self, campaign_id: int, *waited: float) -> None:
        """Callers in the campaign's queue, having waited these many seconds each."""
        with self.state.lock:
            campaign = self.center.campaign(campaign_id)
            campaign.queue.clear()
            for index, seconds in enumerate(waited, 1):
                campaign.queue.append(
                    WaitingCall(f"50010{campaign_id:02d}{index:02d}", self.now - seconds, 1e12)
                )

    def agent(self, agent_id: int, *, free: bool = False, paused: bool = False) -> None:
        with self.state.lock:
            agent = self.center.agent(agent_id)
            agent.state = FREE if free else TALKING
            agent.paused = paused

    def members(self, campaign_id: int) -> list:
        return self.center.members(campaign_id)

    def staff(
        self,
        agent_id: int,
        *,
        inbound: list[int] | None = None,
        outbound: list[int] | None = None,
        default: int | None = None,
    ) -> None:
        """Set an agent's campaigns as if changed elsewhere (e.g. in SPIKON's web panel)."""
        with self.state.lock:
            agent = self.center.agent(agent_id)
            if inbound is not None:
                agent.in_campaigns = sorted(inbound)
            if outbound is not None:
                agent.out_campaigns = sorted(outbound)
            if default is not None:
                agent.default_out_campaign = default


async def open_screen(pilot: Pilot, screen: MonitorScreen) -> MonitorScreen:
    """Push a monitor screen once the app is logged in, and wait for its first poll."""
    await settle(pilot)
    await pilot.app.push_screen(screen)
    await wait_until(pilot, lambda: screen.rounds >= 1, "the first poll")
    await settle(pilot)
    return screen


async def poll_again(pilot: Pilot, screen: MonitorScreen, clock: FakeClock) -> None:
    """Move the clock to the next poll's due time and wait until that poll is shown."""
    before = screen.rounds
    wait = screen.scheduler.seconds_to_next()
    assert wait is not None, "a poll is already running"
    clock.advance(wait)
    await wait_until(pilot, lambda: screen.rounds > before, f"the poll due in {wait:g} s")
    await settle(pilot)


async def ticked(pilot: Pilot) -> None:
    """Let the seconds tick run a few times (real time)."""
    await pilot.pause(0.1)
