"""When a screen polls: one poll at a time, the next one due a delay after the last ended.

`PollScheduler` keeps a due time on the session's clock and at most one Textual
timer. A poll starts when the timer fires and the clock says it is due; when
the poll has finished its owner calls `finished(delay)`, which sets the next
due time (None: nothing more to poll until `poll_now` or `poll_in`). So a slow
answer is never cut off by the next tick, two polls never overlap, and a
backoff is just the delay passed in. `pause()` / `resume()` follow the screen's
visibility (`only_dialogs_above` tells whether a suspended screen is still in
sight); a poll that fell due while paused starts at once on `resume()`.

The waits are real time, scaled by `TIMER_SCALE` (tests shrink it so a 5 s
interval passes in a few milliseconds); whether a poll is due is decided by the
clock alone, so with a fake clock a poll happens exactly when the test moves
the clock past the due time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.timer import Timer


def only_dialogs_above(screen: Screen) -> bool:
    """True when `screen` is in the stack with nothing but dialogs above it: still in sight."""
    stack = screen.app.screen_stack
    if screen not in stack:
        return False
    above = stack[stack.index(screen) + 1 :]
    return all(isinstance(other, ModalScreen) for other in above)


class PollScheduler:
    """One poll at a time; the next is due `delay` seconds (by the clock) after the last ended."""

    TIMER_SCALE: ClassVar[float] = 1.0
    """Real seconds waited per clock second (tests shrink it; due times stay on the clock)."""
    MIN_WAIT: ClassVar[float] = 0.01

    def __init__(
        self, host: MessagePump, clock: Callable[[], float], start_poll: Callable[[], None]
    ) -> None:
        self._host = host
        self._clock = clock
        self._start_poll = start_poll
        self._timer: Timer | None = None
        self.due_at: float | None = None
        self.in_flight = False
        self.paused = False
        self.last_finished_at: float | None = None
        self.polls_started = 0
        self._again = False

    def poll_now(self) -> None:
        """Poll at once unless a poll is running (then the next one is due right after it)."""
        self.due_at = self._clock()
        if self.in_flight:
            self._again = True
            return
        if not self.paused:
            self._begin()

    def poll_in(self, delay: float) -> None:
        """The next poll is due `delay` seconds from now; while one runs, its `finished` decides."""
        if self.in_flight:
            return
        self.due_at = self._clock() + delay
        self._arm()

    def finished(self, delay: float | None) -> None:
        """The running poll ended; the next is due `delay` seconds from now (None: none is)."""
        self.in_flight = False
        now = self._clock()
        self.last_finished_at = now
        if self._again:
            self.due_at = now
        else:
            self.due_at = None if delay is None else now + delay
        self._again = False
        self._arm()

    def reschedule(self, delay: float) -> None:
        """The interval changed: the next poll is due `delay` after the last one ended."""
        if self.in_flight:
            return
        base = self.last_finished_at if self.last_finished_at is not None else self._clock()
        self.due_at = base + delay
        self._arm()

    def cancel_next(self) -> None:
        """Nothing is due any more (a poll already running still ends with `finished`)."""
        self.due_at = None
        self._again = False
        self._cancel()

    def pause(self) -> None:
        self.paused = True
        self._cancel()

    def resume(self) -> None:
        if not self.paused:
            return
        self.paused = False
        self._arm()

    def stop(self) -> None:
        self.pause()
        self.due_at = None

    def check_due(self) -> bool:
        """Start the poll now if one is due by the clock, as the timer does when it fires;
        return whether one started. Tests call it after moving the clock, so that "no
        poll happened" is decided by the clock, not by how long a test waited."""
        before = self.polls_started
        self._fire()
        return self.polls_started > before

    def seconds_to_next(self) -> float | None:
        if self.in_flight or self.due_at is None:
            return None
        return max(0.0, self.due_at - self._clock())

    def _begin(self) -> None:
        self._cancel()
        self.in_flight = True
        self.polls_started += 1
        self._start_poll()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _arm(self) -> None:
        self._cancel()
        if self.paused or self.in_flight or self.due_at is None:
            return
        wait = max(0.0, self.due_at - self._clock()) * self.TIMER_SCALE
        self._timer = self._host.set_timer(max(wait, self.MIN_WAIT), self._fire)

    def _fire(self) -> None:
        self._timer = None
        if self.paused or self.in_flight or self.due_at is None:
            return
        if self._clock() >= self.due_at:
            self._begin()
        else:
            self._arm()
