"""PollScheduler on its own: one poll at a time, due by the clock, paused while hidden.

A fake host stands in for the widget: its `set_timer` only records the timer, and
the test fires it, so every step is explicit and nothing waits real time.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App
from textual.screen import ModalScreen, Screen

from spikon_tui.ui.poll_scheduler import PollScheduler, only_dialogs_above
from tests.sandbox.helpers import FakeClock


class FakeTimer:
    def __init__(self, delay: float, callback: Callable[[], None]) -> None:
        self.delay = delay
        self.callback = callback
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class FakeHost:
    def __init__(self) -> None:
        self.timers: list[FakeTimer] = []

    def set_timer(self, delay: float, callback: Callable[[], None]) -> FakeTimer:
        timer = FakeTimer(delay, callback)
        self.timers.append(timer)
        return timer

    @property
    def armed(self) -> FakeTimer | None:
        live = [timer for timer in self.timers if not timer.stopped]
        assert len(live) <= 1, "at most one timer at a time"
        return live[0] if live else None

    def fire(self) -> None:
        timer = self.armed
        assert timer is not None, "no timer is armed"
        timer.stopped = True
        timer.callback()


@pytest.fixture
def host() -> FakeHost:
    return FakeHost()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def polls() -> list[float]:
    return []


@pytest.fixture
def scheduler(host: FakeHost, clock: FakeClock, polls: list[float]) -> PollScheduler:
    return PollScheduler(host, clock, lambda: polls.append(clock()))  # type: ignore[arg-type]


def test_poll_now_polls_at_once_and_the_next_is_due_a_delay_after_it_ended(
    scheduler: PollScheduler, host: FakeHost, clock: FakeClock, polls: list[float]
) -> None:
    scheduler.poll_now()
    assert polls == [1000.0] and scheduler.in_flight and host.armed is None
    clock.advance(3)  # a slow answer
    scheduler.finished(5)
    assert scheduler.due_at == 1008.0 and scheduler.seconds_to_next() == 5.0
    clock.advance(4)
    host.fire()  # early: waits for the rest
    assert polls == [1000.0]
    assert host.armed is not None and host.armed.delay == pytest.approx(1.0)
    clock.advance(1)
    host.fire()
    assert polls == [1000.0, 1008.0]
    assert scheduler.polls_started == 2


def test_check_due_polls_exactly_when_the_clock_says_so(
    scheduler: PollScheduler, clock: FakeClock, polls: list[float]
) -> None:
    scheduler.poll_in(5)
    clock.advance(4.9)
    assert not scheduler.check_due() and polls == []
    clock.advance(0.1)
    assert scheduler.check_due() and polls == [1005.0]
    assert not scheduler.check_due(), "one poll in flight at a time"
    scheduler.finished(5)
    scheduler.pause()
    clock.advance(60)
    assert not scheduler.check_due(), "paused: nothing is polled, however late"


def test_never_two_polls_at_once_and_poll_now_in_flight_polls_right_after(
    scheduler: PollScheduler, host: FakeHost, clock: FakeClock, polls: list[float]
) -> None:
    scheduler.poll_now()
    scheduler.poll_now()
    scheduler.poll_in(0)
    assert polls == [1000.0], "one poll at a time"
    scheduler.finished(60)
    assert scheduler.due_at == 1000.0, "the poll asked for meanwhile is due at once"
    host.fire()
    assert polls == [1000.0, 1000.0]


def test_finished_without_a_delay_leaves_nothing_due_until_asked(
    scheduler: PollScheduler, host: FakeHost, clock: FakeClock, polls: list[float]
) -> None:
    scheduler.poll_now()
    scheduler.finished(None)
    assert scheduler.due_at is None and host.armed is None
    assert scheduler.seconds_to_next() is None
    scheduler.poll_in(2)
    clock.advance(2)
    host.fire()
    assert polls == [1000.0, 1002.0]


def test_cancel_next_drops_the_due_poll_but_a_running_one_still_ends(
    scheduler: PollScheduler, host: FakeHost, clock: FakeClock, polls: list[float]
) -> None:
    scheduler.poll_in(1)
    scheduler.cancel_next()
    assert scheduler.due_at is None and host.armed is None
    scheduler.poll_now()
    scheduler.poll_now()  # asked again while it runs...
    scheduler.cancel_next()  # ...then nothing is wanted any more
    scheduler.finished(None)
    assert scheduler.due_at is None and host.armed is None
    assert polls == [1000.0]


def test_paused_nothing_runs_and_resume_polls_at_once_when_it_fell_due(
    scheduler: PollScheduler, host: FakeHost, clock: FakeClock, polls: list[float]
) -> None:
    scheduler.poll_in(5)
    scheduler.pause()
    assert host.armed is None
    scheduler.poll_now()
    assert polls == [], "hidden: no poll, even when asked"
    clock.advance(60)
    scheduler.resume()
    assert host.armed is not None and host.armed.delay == PollScheduler.MIN_WAIT
    host.fire()
    assert polls == [1060.0]


def test_a_poll_ending_while_paused_arms_nothing(
    scheduler: PollScheduler, host: FakeHost, clock: FakeClock
) -> None:
    scheduler.poll_now()
    scheduler.pause()
    scheduler.finished(1)
    assert host.armed is None and scheduler.due_at == 1001.0


def test_reschedule_counts_from_the_end_of_the_last_poll(
    scheduler: PollScheduler, host: FakeHost, clock: FakeClock
) -> None:
    scheduler.poll_now()
    scheduler.finished(10)
    clock.advance(4)
    scheduler.reschedule(5)
    assert scheduler.due_at == 1005.0
    assert host.armed is not None and host.armed.delay == pytest.approx(1.0)


def test_the_real_wait_is_the_clock_wait_times_the_timer_scale(
    scheduler: PollScheduler, host: FakeHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PollScheduler, "TIMER_SCALE", 0.01)
    scheduler.poll_in(30)
    assert host.armed is not None and host.armed.delay == pytest.approx(0.3)


class Dialog(ModalScreen[None]):
    pass


async def test_only_dialogs_above_tells_whether_a_screen_is_still_in_sight() -> None:
    app = App()
    async with app.run_test() as pilot:
        below = Screen()
        await app.push_screen(below)
        assert only_dialogs_above(below), "on top"
        await app.push_screen(Dialog())
        await pilot.pause()
        assert only_dialogs_above(below), "a dialog leaves it in sight"
        await app.push_screen(Screen())
        await pilot.pause()
        assert not only_dialogs_above(below), "another screen hides it"
        assert not only_dialogs_above(Screen()), "not shown at all"
