"""The line under the order form: waits while SPIKON generates a report, and says how long.

`wait_for(report_id)` checks call_list/list with backoff (one check at a time,
`PollScheduler`, each due the next of `delays` clock seconds after the last
ended) until the report is generated, then posts `Generated`; every list it
reads goes to the screen as `Listed`, so the list of reports stays current too.
How long the user has waited and when the next check is due both come from the
session clock, so what the line says and when it checks depend only on that
clock. A failed check is said in words and tried again after the next delay;
nothing here ever orders anything. `pause()` / `resume()` follow the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from textual.message import Message
from textual.widgets import Static

from spikon_tui.api.models import CallListStatus
from spikon_tui.backoff import BackoffSchedule
from spikon_tui.formatting import format_age
from spikon_tui.i18n import _
from spikon_tui.ui.errors import describe_error
from spikon_tui.ui.poll_scheduler import PollScheduler
from spikon_tui.ui.requests import Failed, Outcome, Succeeded, run_request
from spikon_tui.ui.typed_app import spikon_client


class ReportProgress(Static):
    """Says what happens to the report being ordered or loaded; polls while one is generated."""

    TICK_SECONDS = 1.0
    """How often "waiting 12 s so far" is rewritten (the figure itself follows the clock)."""

    @dataclass
    class Listed(Message):
        """call_list/list answered while waiting."""

        statuses: list[CallListStatus]

    @dataclass
    class Generated(Message):
        report_id: int

    def __init__(
        self, clock: Callable[[], float], delays: Sequence[float], *, id: str | None = None
    ) -> None:
        super().__init__("", id=id)
        self._clock = clock
        self._backoff = BackoffSchedule(delays)
        self.scheduler = PollScheduler(self, clock, self._check)
        self.waiting_for: int | None = None
        """The report whose generation is awaited (None: not waiting)."""
        self._since = 0.0
        self._next_check_in = 0.0
        self._problem: str | None = None
        self._text = ""

    @property
    def text(self) -> str:
        """What the line says now ("" when it is hidden)."""
        return self._text

    def on_mount(self) -> None:
        self.display = False
        self.set_interval(self.TICK_SECONDS, self._tick)

    # -- saying things -------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        """Show `text` (no longer waiting for anything); "" hides the line."""
        self._stop()
        self._show(text, error=error)

    def _show(self, text: str, *, error: bool = False) -> None:
        self._text = text
        self.update(text)
        self.display = bool(text)
        self.set_class(error, "-error")

    def _show_wait(self) -> None:
        report_id = self.waiting_for
        if report_id is None:
            return
        waited = format_age(self._clock() - self._since)
        text = _(
            "SPIKON is generating report #{report_id} (waiting {waited} so far). "
            "It opens here when ready; escape stops waiting."
        ).format(report_id=report_id, waited=waited)
        if self._problem:
            text += " " + _("The last check failed: {problem} Trying again in {delay} s.").format(
                problem=self._problem, delay=f"{self._next_check_in:g}"
            )
        self._show(text)

    def _tick(self) -> None:
        if self.waiting_for is not None:
            self._show_wait()

    # -- waiting -------------------------------------------------------------------------

    def wait_for(self, report_id: int, since: float | None = None) -> None:
        """Check call_list/list until `report_id` is generated; `since`: when it was ordered."""
        self.waiting_for = report_id
        self._since = self._clock() if since is None else since
        self._backoff.reset()
        self._next_check_in = self._backoff.next_delay()
        self._problem = None
        self._show_wait()
        self.screen.refresh_bindings()
        self.scheduler.poll_in(self._next_check_in)

    def stop(self) -> int | None:
        """Stop waiting; returns the report that was awaited."""
        report_id = self._stop()
        if report_id is not None:
            self._show(
                _(
                    "Stopped waiting for report #{report_id}. It stays in the list below: "
                    "open it once it is ready."
                ).format(report_id=report_id)
            )
        return report_id

    def _stop(self) -> int | None:
        report_id, self.waiting_for = self.waiting_for, None
        self.scheduler.cancel_next()
        if report_id is not None:
            self.screen.refresh_bindings()
        return report_id

    def pause(self) -> None:
        """Out of sight: no checks until `resume` (the wait itself goes on)."""
        self.scheduler.pause()

    def resume(self) -> None:
        """In sight again: a check that fell due meanwhile runs at once."""
        self.scheduler.resume()

    def _check(self) -> None:
        if self.waiting_for is None:
            self.scheduler.finished(None)
        else:
            self._check_list(self.waiting_for)

    def _check_list(self, report_id: int) -> None:
        run_request(
            self,
            spikon_client(self).call_list_list,
            partial(self._checked, report_id),
            group="default",
            exit_on_error=False,
        )

    def _checked(self, report_id: int, outcome: Outcome[list[CallListStatus]]) -> None:
        """One check while waiting (the screen gets `Listed` and `Generated`)."""
        if report_id != self.waiting_for:
            # The user stopped waiting, or waits for another report now: this answer
            # may predate that report, so it only hands the turn to the next check.
            waiting = self.waiting_for is not None
            self.scheduler.finished(self._next_check_in if waiting else None)
            return
        if isinstance(outcome, Succeeded):
            self.post_message(self.Listed(outcome.result))
        self._next_check_in = self._backoff.next_delay()
        self.scheduler.finished(self._next_check_in)
        if isinstance(outcome, Failed):  # said on the line, tried again
            self._problem = describe_error(outcome.error)
            self._show_wait()
            return
        self._problem = None
        status = next((s for s in outcome.result if s.id == report_id), None)
        if status is None:
            self.say(
                _(
                    "Report #{report_id} is no longer on SPIKON's list of reports; order it again."
                ).format(report_id=report_id),
                error=True,
            )
        elif status.generated:
            self._stop()
            self.post_message(self.Generated(report_id))
        else:
            self._show_wait()
