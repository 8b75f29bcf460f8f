"""What both monitor screens share: polling, the freshness line, alerts, freeze, export.

A subclass says what one round fetches (`fetch_round`, run in a worker that
only posts `Polled`), how to draw after a poll (`draw`) and what to redraw
every second between polls (`tick`). This class feeds every result and
failure to the `MonitorTracker`, schedules the next poll when the last has
finished (`PollScheduler`, with the tracker's backoff), pauses polling and the
seconds tick while the screen is hidden, and turns alert and reset events into
toasts (and the terminal bell).

The tracker may be shared: the overview hands its own to the detail screen it
opens, so history and alert state carry over.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.message import Message
from textual.timer import Timer

from spikon_tui.i18n import N_, _, ngettext, pgettext
from spikon_tui.monitor import MonitorTracker, PollOutcome
from spikon_tui.monitor.alert_log import payload
from spikon_tui.monitor.alert_rules import Level
from spikon_tui.monitor.counters import ResetEvent
from spikon_tui.monitor.freshness import FreshnessStatus, describe_error, fatal_reason_for
from spikon_tui.monitor.recorder import write_interval_csv
from spikon_tui.ui.csv_export import export_in_background
from spikon_tui.ui.dialogs.save import SaveDialog, default_download_path
from spikon_tui.ui.poll_scheduler import PollScheduler, only_dialogs_above
from spikon_tui.ui.screens.base import MainScreen
from spikon_tui.ui.screens.monitor.poller import (
    DEFAULT_INTERVAL,
    MIN_INTERVAL,
    PollRound,
    checked_interval,
    make_tracker,
    step_interval,
)
from spikon_tui.ui.typed_app import spikon_app
from spikon_tui.ui.widgets.monitor_status import MonitorStatus, StatusFacts, clock_time
from spikon_tui.ui.widgets.virtual_table import Column

NO_FRESHNESS = FreshnessStatus(
    loaded=False,
    age=None,
    latency=None,
    failures_in_row=0,
    last_error=None,
    fatal_reason=None,
    stale=False,
)

_SEVERITY = {Level.ALERT: "error", Level.WARN: "warning", Level.OK: "information"}
_TITLE = {Level.ALERT: N_("Alert"), Level.WARN: N_("Warning"), Level.OK: N_("Back to normal")}
_RANK = {Level.OK: 0, Level.WARN: 1, Level.ALERT: 2}


def translated_columns(columns: Iterable[Column], **labels: str) -> tuple[Column, ...]:
    """Columns whose labels are marked with `N_()`, in the interface language; `labels`
    gives some columns (by key) a label translated otherwise (e.g. with `pgettext`).

    A fixed width grows to fit a longer translated label (English labels fit already).
    """
    translated = []
    for column in columns:
        label = labels[column.key] if column.key in labels else _(column.label)
        width = column.width
        if width is not None:
            width = max(width, cell_len(label))
        translated.append(replace(column, label=label, width=width))
    return tuple(translated)


def hold_note(holding_until: float | None, now: float) -> str:
    """ " · 12 s": how long until a level the screen shows already will notify."""
    if holding_until is None:
        return ""
    return f" · {max(0, math.ceil(holding_until - now))} s"


def busy_agents_label() -> str:
    """ "Busy" as in busy agents (in Polish not the call state's "Zajęte")."""
    return pgettext("agents", "Busy")


def combine_freshness(statuses: Iterable[FreshnessStatus]) -> FreshnessStatus:
    """Many campaigns' freshness as one: the oldest figures, the longest failure run."""
    statuses = list(statuses)
    if not statuses:
        return NO_FRESHNESS
    loaded = [status for status in statuses if status.loaded]
    failing = [status for status in statuses if status.failures_in_row]
    return FreshnessStatus(
        loaded=bool(loaded),
        age=max((status.age or 0.0 for status in loaded), default=None),
        latency=max(
            (status.latency for status in loaded if status.latency is not None), default=None
        ),
        failures_in_row=max((status.failures_in_row for status in statuses), default=0),
        last_error=next((status.last_error for status in failing if status.last_error), None),
        fatal_reason=next(
            (status.fatal_reason for status in statuses if status.fatal_reason), None
        ),
        stale=any(status.stale for status in loaded),
    )


class MonitorScreen(MainScreen):
    """Base of the monitor screens (not shown on its own)."""

    TICK_SECONDS: ClassVar[float] = 1.0
    """How often waits and ages are redrawn between polls (tests shorten it)."""

    ALERT_TOASTS: ClassVar[bool] = True
    """Alert changes pop up as a toast while this screen is in front (not under a dialog).
    Elsewhere (and on screens that turn this off) the title bar counts them, F9 lists them."""

    BINDINGS = [
        Binding("r", "poll_now", N_("Refresh")),
        Binding("p", "freeze", N_("Freeze")),
        Binding("a", "acknowledge", N_("Acknowledge")),
        Binding("m", "mute", N_("Mute")),
        Binding("e", "export", N_("Export CSV")),
        Binding("plus,equals_sign", "interval(1)", N_("Slower"), key_display="+"),
        Binding("minus", "interval(-1)", N_("Faster"), key_display="-"),
    ]

    @dataclass
    class Polled(Message):
        round: PollRound

    def __init__(
        self,
        *,
        tracker: MonitorTracker | None = None,
        interval: float = DEFAULT_INTERVAL,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self._given_tracker = tracker
        self._interval = checked_interval(interval) if tracker is None else tracker.interval
        self.tracker: MonitorTracker  # set on mount (the session's clock is known there)
        self.scheduler: PollScheduler
        self.frozen_at: float | None = None
        self.list_problem: str | None = None
        self.list_fatal: str | None = None
        self.list_failures = 0
        self.rounds = 0
        self._announced_fatal: str | None = None
        self._announced_recorder = False
        self._tick_timer: Timer | None = None
        self.channel_problem: str | None = None
        """The last failure to deliver an alert (command, webhook), in words."""

    # -- the clock and the tracker ------------------------------------------------------

    def clock(self) -> float:
        return spikon_app(self).session.clock()

    def _ensure_tracker(self) -> None:
        if self._given_tracker is not None:
            self.tracker = self._given_tracker
        else:
            self.tracker = make_tracker(
                interval=self._interval, clock=spikon_app(self).session.clock
            )

    # -- what subclasses provide ---------------------------------------------------------

    async def fetch_round(self) -> PollRound:
        raise NotImplementedError

    def draw(self, now: float) -> None:
        """Redraw everything from the tracker (after a poll, or when unfrozen)."""

    def tick(self, now: float) -> None:
        """Redraw what counts on between polls (waits, ages)."""

    def freshness(self, now: float) -> FreshnessStatus:
        return NO_FRESHNESS

    def current_campaign_id(self) -> int | None:
        return None

    def next_delay(self) -> float:
        return self.tracker.next_delay()

    # -- lifecycle ----------------------------------------------------------------------

    def on_mount(self) -> None:
        self._ensure_tracker()
        self.scheduler = PollScheduler(self, spikon_app(self).session.clock, self._start_poll)
        self._tick_timer = self.set_interval(self.TICK_SECONDS, self._on_tick)
        self.draw(self.clock())
        self.draw_status(self.clock())
        self.scheduler.poll_now()

    def on_screen_suspend(self) -> None:
        if only_dialogs_above(self):
            return  # a dialog over this screen leaves it in sight: keep it live
        self.scheduler.pause()
        if self._tick_timer is not None:
            self._tick_timer.pause()

    def on_screen_resume(self) -> None:
        if not hasattr(self, "scheduler"):
            return
        if self._tick_timer is not None:
            self._tick_timer.resume()
        self.scheduler.resume()
        if self.frozen_at is None:
            self.draw(self.clock())
        self.draw_status(self.clock())

    @property
    def polling_paused(self) -> bool:
        return self.scheduler.paused

    # -- polling -----------------------------------------------------------------------

    def _start_poll(self) -> None:
        self.run_worker(self._poll(), group="monitor-poll", exit_on_error=False)
        self.draw_status(self.clock())

    async def _poll(self) -> None:
        try:
            result = await self.fetch_round()
        except Exception as error:  # noqa: BLE001 - a failure to show, never a traceback
            now = self.clock()
            result = PollRound(list_error=error, started_at=now, finished_at=now)
        self.post_message(self.Polled(result))

    def on_monitor_screen_polled(self, message: Polled) -> None:
        message.stop()
        tracker = self.tracker
        result = message.round
        self.rounds += 1
        if result.campaigns is not None:
            tracker.set_campaigns(result.campaigns)
            self.campaigns_listed(result.campaigns)
        self._take_list_outcome(result)
        events: list = []
        resets: list = []
        changes: list = []
        for poll in result.polls:
            if poll.monitor is not None:
                outcome = tracker.ingest(
                    poll.campaign_id, poll.monitor, poll.polled_at, poll.latency
                )
                events.extend(outcome.events)
                resets.extend(outcome.resets)
                changes.extend(outcome.changes)
            else:
                tracker.ingest_failure(poll.campaign_id, poll.error, poll.polled_at)
        outcome = PollOutcome(events=tuple(events), resets=tuple(resets), changes=tuple(changes))
        self.announce(outcome)
        self._announce_channel_problems()
        spikon_app(self).refresh_alert_badge(self.tracker)
        self._announce_health()
        self.scheduler.finished(self.next_delay())
        now = self.clock()
        if self.frozen_at is None:
            self.draw(now)
        self.draw_status(now)

    def campaigns_listed(self, campaigns: tuple) -> None:
        """A fresh campaign list arrived (the overview forgets campaigns gone from it)."""

    def _take_list_outcome(self, result: PollRound) -> None:
        if result.list_error is not None:
            self.list_failures += 1
            self.list_problem = _("the campaign list failed: {error}").format(
                error=describe_error(result.list_error)
            )
            self.list_fatal = fatal_reason_for(result.list_error)
        elif result.campaigns is not None:
            self.list_failures = 0
            self.list_problem = self.list_fatal = None

    # -- announcements -----------------------------------------------------------------

    @property
    def in_front(self) -> bool:
        """The app's current screen is this one (no dialog, no other screen over it)."""
        return self.app.screen is self

    def announce(self, outcome: PollOutcome) -> None:
        name_of = self.tracker.name_of
        events = outcome.notifications
        if any(event.ring_bell for event in events):
            self.app.bell()
        # One toast per poll, however many campaigns changed: a stack of toasts would
        # cover half the table at 80 columns. The table shows every level anyway. Over a
        # dialog or on another screen, the title bar's count says it instead.
        if events and self.ALERT_TOASTS and self.in_front:
            worst = max(events, key=lambda event: _RANK[event.level]).level
            lines = [event.describe(name_of(event.campaign_id)) for event in events]
            title = _TITLE[worst]
            title = (
                _(title)
                if len(events) == 1
                else ngettext("{count} alert changes", "{count} alert changes", len(events)).format(
                    count=len(events)
                )
            )
            self.notify(
                "\n".join(lines),
                title=title,
                severity=_SEVERITY[worst],  # type: ignore[arg-type]
                timeout=10 if worst is Level.OK else 20,
            )
        self._send_beyond_the_screen(outcome)
        by_campaign: dict[int, ResetEvent] = {}
        for reset in outcome.resets:
            by_campaign.setdefault(reset.campaign_id, reset)
        for campaign_id, reset in by_campaign.items():
            if not self.in_front:
                break
            self.notify(
                f"{name_of(campaign_id)}: {reset_note(reset)}",
                title=_("Counters reset"),
                severity="warning",
                timeout=15,
            )

    def _send_beyond_the_screen(self, outcome: PollOutcome) -> None:
        """The alert channels (terminal notification, command, webhook), for what notified."""
        channels = spikon_app(self).alert_channels
        if not channels.active:
            return
        profile = spikon_app(self).session.profile
        for change in outcome.changes:
            if not change.notify:
                continue
            entry = change.entry
            title = f"SPIKON · {entry.campaign}: {entry.level.label.upper()}"
            channels.send(payload(change.kind, entry, profile=profile), title, entry.reason)

    def _announce_channel_problems(self) -> None:
        problems = spikon_app(self).alert_channels.take_problems()
        if problems:
            self.channel_problem = problems[-1]
            if self.in_front:
                self.notify(
                    "\n".join(problems),
                    title=_("An alert could not be delivered"),
                    severity="error",
                    timeout=15,
                )

    def _announce_health(self) -> None:
        fatal = self.tracker.fatal_reason or self.list_fatal
        if fatal and fatal != self._announced_fatal:
            self.notify(
                _(
                    "{reason}. The figures on screen are the last good ones; "
                    "the monitor tries again every {seconds} s."
                ).format(
                    reason=f"{fatal[:1].upper()}{fatal[1:]}",
                    seconds=f"{self.tracker.backoff.maximum:g}",
                ),
                title=_("The monitor cannot get figures"),
                severity="error",
                timeout=30,
            )
        elif not fatal and self._announced_fatal:
            self.notify(_("Figures are arriving again."), title=_("The monitor is back"))
        self._announced_fatal = fatal
        error = self.tracker.recorder_error
        if error and not self._announced_recorder:
            self._announced_recorder = True
            self.notify(error, title=_("Recording stopped"), severity="error", timeout=30)

    # -- the freshness line and the seconds tick -------------------------------------------

    def draw_status(self, now: float) -> None:
        try:
            status = self.query_one("#monitor-status", MonitorStatus)  # id queries are cached
        except NoMatches:
            return
        shown_at = self.frozen_at if self.frozen_at is not None else now
        campaign = self.current_campaign_id()
        facts = StatusFacts(
            freshness=self.freshness(shown_at),
            interval=self.tracker.interval,
            next_poll_in=self.scheduler.seconds_to_next(),
            frozen_at=self.frozen_at,
            muted=(
                self.tracker.name_of(campaign)
                if campaign is not None and self.tracker.alerts.is_muted(campaign, now)
                else None
            ),
            problem=self.list_problem,
            fatal_problem=self.list_fatal,
            note=self.tracker.recorder_error or self.channel_problem,
        )
        status.show(facts)

    def _on_tick(self) -> None:
        if self.frozen_at is not None:
            return
        now = self.clock()
        self.tick(now)
        self.draw_status(now)

    # -- keys --------------------------------------------------------------------------

    def action_poll_now(self) -> None:
        self.scheduler.poll_now()
        self.draw_status(self.clock())

    def action_freeze(self) -> None:
        if self.frozen_at is None:
            self.frozen_at = self.clock()
            self.add_class("-frozen")
        else:
            self.frozen_at = None
            self.remove_class("-frozen")
            self.draw(self.clock())
        self.draw_status(self.clock())

    def action_interval(self, direction: int) -> None:
        current = self.tracker.interval
        new = max(MIN_INTERVAL, step_interval(current, direction))
        if new == current:
            if direction < 0:
                text = _("{seconds} s is the shortest refresh interval.")
            else:
                text = _("{seconds} s is the longest refresh interval.")
            self.notify(text.format(seconds=f"{current:g}"), timeout=4)
            return
        self.tracker.set_interval(new)
        self.scheduler.reschedule(self.next_delay())
        self.notify(
            _("Figures are refreshed every {seconds} s.").format(seconds=f"{new:g}"),
            title=_("Refresh interval"),
            timeout=4,
        )
        self.draw_status(self.clock())

    def action_acknowledge(self) -> None:
        campaign = self.current_campaign_id()
        if campaign is None:
            return
        name = self.tracker.name_of(campaign)
        count = self.tracker.acknowledge(campaign)
        if count:
            self.notify(
                ngettext(
                    "{campaign}: {count} active alert acknowledged; "
                    "you will hear again only if things get worse.",
                    "{campaign}: {count} active alerts acknowledged; "
                    "you will hear again only if things get worse.",
                    count,
                ).format(campaign=name, count=count),
                title=_("Acknowledged"),
            )
        else:
            self.notify(
                _("{campaign} has no active alert to acknowledge.").format(campaign=name),
                timeout=4,
            )
        spikon_app(self).refresh_alert_badge(self.tracker)
        self.draw(self.clock())

    def action_mute(self) -> None:
        campaign = self.current_campaign_id()
        if campaign is None:
            return
        alerts = self.tracker.alerts
        name = self.tracker.name_of(campaign)
        if alerts.is_muted(campaign, self.clock()):
            self.tracker.unmute(campaign)
            self.notify(
                _("Alerts of {campaign} sound again.").format(campaign=name), title=_("Unmuted")
            )
        else:
            self.tracker.mute(campaign)
            self.notify(
                _("Alerts of {campaign} are muted; m again unmutes.").format(campaign=name),
                title=_("Muted"),
            )
        spikon_app(self).refresh_alert_badge(self.tracker)
        self.draw(self.clock())
        self.draw_status(self.clock())

    def action_export(self) -> None:
        dialog = SaveDialog(
            _("Export interval figures (CSV)"),
            _(
                "The 15- and 60-minute figures of every campaign, one row per campaign "
                "and window. Write them to:"
            ),
            default_download_path("spikon-intervals", ".csv", self.clock()),
            action=_("Export"),
            csv=True,
        )
        self.app.push_screen(dialog, partial(self._export_to, dialog))

    def _export_to(self, dialog: SaveDialog, path: str | None) -> None:
        if not path:
            return
        flavour = dialog.flavour
        rows = self.tracker.interval_rows(self.frozen_at or self.clock())
        export_in_background(
            self,
            path,
            lambda file: write_interval_csv(file, rows, flavour),
            written=lambda count: ngettext(
                "{count} rows written to {path}.", "{count} rows written to {path}.", count
            ).format(count=count, path=path),
            title=_("Interval figures"),
            group="monitor-export",
        )


def reset_note(reset: ResetEvent) -> str:
    return _("counters reset at {time}; figures since then").format(time=clock_time(reset.at))
