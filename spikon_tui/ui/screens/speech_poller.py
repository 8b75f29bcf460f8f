"""When the speech screen checks announcements still being generated.

One round of checks at a time; the next is due a `Backoff` delay (on the
session's clock) after the last round ended, and only while announcements are
waiting. Hidden screens do not poll: `hide()` stops the timer, `show()` picks
up where it left off (at once when the check fell due meanwhile).

The timer waits real time scaled by `TIMER_SCALE` (tests shrink it); whether a
check is due is decided by the clock alone, so with a fake clock a check
happens exactly when the test moves the clock past the due time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from spikon_tui.speech.polling import Backoff

if TYPE_CHECKING:
    from textual.message_pump import MessagePump
    from textual.timer import Timer


class StatusPoller:
    TIMER_SCALE: ClassVar[float] = 1.0
    MIN_WAIT: ClassVar[float] = 0.01

    def __init__(
        self, host: MessagePump, clock: Callable[[], float], start_round: Callable[[], None]
    ) -> None:
        self._host = host
        self._clock = clock
        self._start_round = start_round
        self._timer: Timer | None = None
        self.backoff = Backoff()
        self.due_at: float | None = None
        self.in_flight = False
        self.hidden = False
        self.rounds_started = 0

    def waiting_appeared(self, *, fresh: bool) -> None:
        """Announcements are waiting: check them after the next backoff delay.

        `fresh` (a new order) starts the backoff again from its shortest wait.
        Nothing changes while a round runs or one is already due.
        """
        if fresh:
            self.backoff.reset()
        if self.in_flight:
            return
        if self.due_at is None or fresh:
            self.due_at = self._clock() + self.backoff.next_delay()
            self._arm()

    def round_finished(self, *, still_waiting: bool) -> None:
        self.in_flight = False
        if still_waiting:
            self.due_at = self._clock() + self.backoff.next_delay()
            self._arm()
        else:
            self.due_at = None
            self.backoff.reset()

    def hide(self) -> None:
        self.hidden = True
        self._cancel()

    def show(self) -> None:
        self.hidden = False
        self._arm()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _arm(self) -> None:
        self._cancel()
        if self.hidden or self.in_flight or self.due_at is None:
            return
        wait = max(0.0, self.due_at - self._clock()) * self.TIMER_SCALE
        self._timer = self._host.set_timer(max(wait, self.MIN_WAIT), self._fire)

    def _fire(self) -> None:
        self._timer = None
        if self.hidden or self.in_flight or self.due_at is None:
            return
        if self._clock() < self.due_at:
            self._arm()
            return
        self.in_flight = True
        self.rounds_started += 1
        self._start_round()
