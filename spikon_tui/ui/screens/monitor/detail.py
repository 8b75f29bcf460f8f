"""One Call Center campaign in detail: tiles, waiting calls, agents, trends, interval figures.

After each poll the screen draws the tracker's `CampaignView`; between polls
a one-second tick redraws only what counts on: the waiting times (from the
view's `WaitingCalls`, yellow from half the campaign's measured-SLA time, red
past it), the longest wait, the agents' time in state and on pause (a long
pause is flagged as soon as it passes the limit) and the freshness line.
Freezing (`p`) keeps the view and stops every redraw.

Everything the API gives is on screen somewhere: the campaign's `in-queue`
beside its level in the title line; each waiting call's place in the queue
(`position`) and any field the documentation does not name (`extra`, after
the caller's number); each agent's calls answered, `last-call` and `skill`.
The agents table keeps the agent's name and state at any width; the other
columns give way, when the table is too narrow, in this order
(`Column.drop_order`, repeated in the F1 help): skill, last call, flags,
calls answered, pause, time in state. The line under the table tells the
agent under the cursor in words, all their figures included ("talking since
10:42, when monitoring began"), so nothing is lost on a narrow terminal. An
agent free but on pause is shown as "paused" (the API keeps saying free).

Below 70 columns or 22 lines the screen is `-small`: the trends and interval
figures give way to the lists, and four tiles (the alerting ones) stay.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from spikon_tui.api.models import CcWaitingCall
from spikon_tui.formatting import format_duration
from spikon_tui.i18n import N_, _, ngettext, pgettext
from spikon_tui.monitor import AgentStatus, CampaignView, IntervalFigures, MonitorTracker
from spikon_tui.monitor.agent_states import AgentState
from spikon_tui.monitor.alert_rules import AlertMetric, Level
from spikon_tui.monitor.freshness import FreshnessStatus
from spikon_tui.monitor.waiting import WaitLevel, extra_text, wait_level
from spikon_tui.ui.contact_names import contact_names
from spikon_tui.ui.screens.monitor.base import (
    NO_FRESHNESS,
    MonitorScreen,
    busy_agents_label,
    hold_note,
    reset_note,
    translated_columns,
)
from spikon_tui.ui.screens.monitor.poller import DEFAULT_INTERVAL, PollRound, poll_campaigns
from spikon_tui.ui.typed_app import spikon_app, spikon_client
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.monitor_status import MonitorStatus, clock_time, freshness_at
from spikon_tui.ui.widgets.stat_tile import StatTile
from spikon_tui.ui.widgets.steady_static import SteadyStatic
from spikon_tui.ui.widgets.title_bar import TitleBar
from spikon_tui.ui.widgets.trend import TrendLine
from spikon_tui.ui.widgets.virtual_table import Cell, Column, Row, VirtualTable

DASH = "—"
LEVEL_STYLE = {Level.ALERT: "alert", Level.WARN: "warn"}

TILES: tuple[tuple[str, str], ...] = (
    ("waiting", N_("Waiting")),
    ("longest", N_("Longest")),
    ("free", N_("Free")),
    ("busy", "Busy"),  # busy agents: `busy_agents_label`
    ("answered", N_("Answered")),
    ("unanswered", N_("Unanswered")),
    ("sla", N_("SLA")),
    ("avg-wait", N_("Avg wait")),
    ("avg-call", N_("Avg call")),
)
"""(key, English label) of each tile; the label is translated when the tile is made."""
NARROW_HIDDEN_TILES = frozenset({"busy", "avg-wait", "avg-call"})
"""Below 100 columns six tiles fit with their labels; these three give way."""
SMALL_HIDDEN_TILES = frozenset({"answered", "unanswered"})
"""On a small screen (`SMALL_WIDTH`, `SMALL_HEIGHT`) only the four alerting tiles stay."""
SMALL_WIDTH = 70
SMALL_HEIGHT = 22
"""Below this many columns or lines the screen is `-small` (see the module docstring)."""
TILE_METRIC = {
    "waiting": AlertMetric.WAITING_CALLS,
    "longest": AlertMetric.LONGEST_WAIT,
    "free": AlertMetric.FREE_AGENTS,
    "sla": AlertMetric.SLA,
}
_LEVEL_CLASS = {Level.OK: None, Level.WARN: "warn", Level.ALERT: "alert"}

AGENT_COLUMNS = (  # name and state always; the rest give way by `drop_order`, lowest first
    Column("name", N_("Agent"), width=22, min_width=12, flex=True),
    Column("state", N_("State"), min_width=5),
    Column("in-state", N_("For"), width=7, align="right", drop_order=6),
    Column("flags", N_("Flags"), width=19, drop_order=3),
    Column("pause", N_("Pause"), width=7, align="right", drop_order=5),
    Column("answered", N_("Answ."), width=5, align="right", drop_order=4),
    Column("last-call", N_("Last call"), width=8, drop_order=2),
    Column("skill", N_("Skill"), width=5, align="right", drop_order=1),
)
WAITING_COLUMNS = (  # fits the 22 columns the list gets on a small screen
    Column("rank", "#", width=2, align="right"),
    Column("caller", N_("Caller"), width=11, flex=True, min_width=9),
    Column("wait", N_("Wait"), width=5, align="right"),
)
UNKNOWN_START = "?"
"""The time-in-state cell of an agent already in that state when monitoring began, for
its first minute ("≥1 min" after that); the line under the table says it in words."""


INTERVAL_LABEL_WIDTH = 12
INTERVAL_COLUMN_WIDTH = 13  # room for "12 of 60 min" and a gap


def duration(seconds: float | None, *, at_least: bool = False) -> str:
    if seconds is None:
        return DASH
    text = format_duration(int(seconds))
    return f"≥{text}" if at_least else text


def agent_time(seconds: float, *, at_least: bool = False) -> str:
    """How long an agent has been in a state or on pause, in whole minutes: "<1 min",
    "12 min", "1 h 05". Minutes are what a supervisor acts on, and a column of ticking
    seconds for every agent on screen would cost more CPU than the rest of the monitor.

    `at_least`: the start is unknown (the agent was in that state when monitoring
    began): "≥12 min" once a minute has passed, `UNKNOWN_START` before (never "≥0").
    """
    minutes = int(seconds // 60)
    if at_least and minutes < 1:
        return UNKNOWN_START
    if minutes < 60:
        text = _("{minutes} min").format(minutes=minutes) if minutes else _("<1 min")
    else:
        text = _("{hours} h {minutes}").format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")
    return f"≥{text}" if at_least else text


def since_words(what: str, seconds: float, since: float, *, unknown_start: bool) -> str:
    """ "talking for 3 min, since 10:45", or "talking since 10:42, when monitoring began"."""
    time = clock_time(since)[:5]
    if unknown_start:
        return _("{what} since {time}, when monitoring began").format(what=what, time=time)
    return _("{what} for {duration}, since {time}").format(
        what=what, duration=agent_time(seconds), time=time
    )


def last_call_text(raw: str | None, now: float) -> str:
    """The API's `last-call` ("2026-06-13 10:40:12"): only the time when it is today."""
    if raw is None:
        return DASH
    today = datetime.fromtimestamp(now).strftime("%Y-%m-%d ")
    return raw[len(today) :] if raw.startswith(today) else raw


def agent_words(agent: AgentStatus, now: float) -> str:
    """The agent under the cursor, every figure in words, for the line under the table."""
    parts = [
        since_words(
            agent.state,
            agent.time_in_state(now),
            agent.state_since,
            unknown_start=agent.state_since_first_seen,
        )
    ]
    paused_for = agent.pause_duration(now)
    if paused_for is not None and agent.paused_since is not None:
        parts.append(
            since_words(
                _("on pause"),
                paused_for,
                agent.paused_since,
                unknown_start=agent.pause_since_first_seen,
            )
        )
    parts.append(
        ngettext("{count} answered", "{count} answered", agent.answered).format(
            count=agent.answered
        )
    )
    if agent.last_call is None:
        parts.append(_("no last call"))
    else:
        parts.append(_("last call {time}").format(time=last_call_text(agent.last_call, now)))
    parts.append(_("skill {skill}").format(skill=agent.skill))
    return f"{agent.name}: " + " · ".join(parts)


def interval_table(intervals: tuple[IntervalFigures, ...]) -> Text:
    """The 15/60-minute figures side by side, with how much of each window they cover.

    Plain text in fixed-width columns, so a figure that changes keeps the table's size.
    """
    rows: list[tuple[str, list[str]]] = [
        (_("offered"), [str(f.offered) for f in intervals]),
        (_("answered"), [str(f.answered) for f in intervals]),
        (_("abandoned"), [str(f.abandoned) for f in intervals]),
        (
            _("abandon rate"),
            [
                DASH if f.abandon_rate is None else f"{f.abandon_rate * 100:.0f} %"
                for f in intervals
            ],
        ),
        (_("covers"), [coverage(f) for f in intervals]),
    ]
    text = Text(no_wrap=True)
    text.append(" " * INTERVAL_LABEL_WIDTH)
    for figures in intervals:
        window = _("last {minutes} min").format(minutes=f"{figures.window / 60:g}")
        text.append(f"{window:>{INTERVAL_COLUMN_WIDTH}}", "bold")
    for label, values in rows:
        text.append("\n")
        text.append(f"{label:<{INTERVAL_LABEL_WIDTH}}", "dim")
        text.append("".join(f"{value:>{INTERVAL_COLUMN_WIDTH}}" for value in values))
    return text


def coverage(figures: IntervalFigures) -> str:
    if figures.complete:
        return _("all")
    return _("{covered} of {window} min").format(
        covered=f"{figures.covered / 60:.0f}", window=f"{figures.window / 60:g}"
    )


def waiting_row(
    key: str, rank: int, call: CcWaitingCall, wait: Text, name: str | None = None
) -> Row:
    """A waiting call's row. #: the caller's place in the queue as SPIKON gives it (else
    the rank by wait); the caller's name when a phone book has the number, the number,
    then any field the API sends beyond the documented ones."""
    place = str(call.position) if call.position is not None else str(rank)
    number = call.number or pgettext("caller number", "unknown")
    caller = Text(number) if name is None else Text.assemble(name, (f" {number}", "dim"))
    extra = extra_text(call)
    if extra:
        caller.append(" · " + extra, style="dim")
    return Row(key, (place, caller, wait), (rank,))


class MonitorDetailScreen(MonitorScreen):
    TITLE = N_("Campaign")
    HELP = N_("""
One campaign in detail. The line under the title gives the alert level and
the API's "in queue" figure; the tiles show the queue now, and a tile turns
yellow or red when its alert rule warns or alerts. Waiting calls are listed
longest first with their place in the queue (#) and any other field SPIKON
sends after the number; their times count on every second between polls:
yellow from half the campaign's SLA time, red past it.

The agents list shows each agent's state and for how long in whole minutes.
The time starts again with every new state and every new call (the answered
count or the last call changes). ≥ means the agent was already in that state
when monitoring began, so it is at least that long; ? is such an agent in the
first minute. An agent free but on pause shows as paused; free while calls
wait is red. Then flags, pause, calls answered, the last call and the skill.
On a narrow terminal the agent's name and state always stay; the other columns
give way in this order: skill, last call, flags, calls answered, pause, time.
The line under the list says everything about the agent under the cursor in
words ("talking since 10:42, when monitoring began"). [b]s[/b] sorts the agents
by the next column.

The sparklines show waiting calls (the most per minute) and the SLA over the
last hour; · is a minute without figures. The 15- and 60-minute figures come
from the counters' rises between polls; when the counters are reset the screen
says so and counts from then.

[b]p[/b] freezes the screen, [b]a[/b] acknowledges this campaign's alerts,
[b]m[/b] mutes them, [b]+[/b] / [b]-[/b] change the refresh interval, [b]e[/b]
exports the interval figures to CSV, [b]escape[/b] goes back.
""")

    def __init__(
        self,
        campaign_id: int,
        *,
        tracker: MonitorTracker | None = None,
        interval: float = DEFAULT_INTERVAL,
    ) -> None:
        super().__init__(tracker=tracker, interval=interval)
        self.campaign_id = campaign_id
        self.view: CampaignView | None = None
        self._names_known = tracker is not None and campaign_id in tracker.campaign_ids
        self._waiting_keys: list[tuple[str, int, CcWaitingCall]] = []
        self._agents_title = ""
        self._intervals_shown: tuple[IntervalFigures, ...] | None = None
        self._agent_rows: dict[str, tuple[tuple[object, ...], Row]] = {}

    def on_mount(self) -> None:  # after MonitorScreen's (Textual calls both)
        # Names for the waiting callers arrive when the phone books have loaded (in the
        # background; no poll waits for them).
        contact_names(self.app).subscribe(self, self._names_loaded)

    def _names_loaded(self, _directory: object) -> None:
        if self.frozen_at is None and self._waiting_keys:
            self._tick_waiting(self.tracker.view(self.campaign_id, self.clock()), self.clock())

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SteadyStatic(
            _("Campaign {id}").format(id=self.campaign_id),
            id="detail-title",
            classes="monitor-title",
        )
        yield MonitorStatus(id="monitor-status")
        with Horizontal(id="tiles"):
            for key, label in TILES:
                classes = "wide-only" if key in NARROW_HIDDEN_TILES else None
                if key in SMALL_HIDDEN_TILES:
                    classes = "large-only"
                shown = busy_agents_label() if key == "busy" else _(label)
                yield StatTile(shown, id=f"tile-{key}", classes=classes)
        with Horizontal(id="trends"):
            with Vertical(id="trend-lines"):
                yield SteadyStatic(
                    _("Waiting calls, last hour"), id="waiting-trend-label", classes="trend-label"
                )
                yield TrendLine(id="waiting-trend")
                yield SteadyStatic(_("SLA, last hour"), id="sla-trend-label", classes="trend-label")
                yield TrendLine(id="sla-trend")
                yield SteadyStatic("", id="reset-note", classes="trend-label")
            yield SteadyStatic("", id="intervals")
        with Horizontal(id="lists"):
            with Vertical(id="waiting-box"):
                yield SteadyStatic(_("Waiting calls"), id="waiting-title", classes="list-title")
                waiting = VirtualTable(
                    translated_columns(WAITING_COLUMNS), id="waiting-table", cursor=False
                )
                waiting.can_focus = False
                waiting.sort_by("rank")
                waiting.empty_text = _("No calls waiting")
                yield waiting
            with Vertical(id="agents-box"):
                yield SteadyStatic(_("Agents"), id="agents-title", classes="list-title")
                agents = VirtualTable(translated_columns(AGENT_COLUMNS), id="agents-table")
                agents.empty_text = _("No agents in this campaign")
                yield agents
                yield SteadyStatic("", id="agent-note")
        yield KeysFooter()

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        self.set_class(width < SMALL_WIDTH or height < SMALL_HEIGHT, "-small")

    # -- polling -----------------------------------------------------------------------

    async def fetch_round(self) -> PollRound:
        return await poll_campaigns(
            spikon_client(self),
            spikon_app(self).session.clock,
            campaign_ids=[self.campaign_id],
            fetch_list=not self._names_known,
            only=[self.campaign_id],
        )

    def campaigns_listed(self, campaigns: tuple) -> None:
        self._names_known = True

    def next_delay(self) -> float:
        return self.tracker.next_delay(self.campaign_id)

    def current_campaign_id(self) -> int | None:
        return self.campaign_id

    def freshness(self, now: float) -> FreshnessStatus:
        if self.view is None:
            return NO_FRESHNESS
        stale_after = 2 * self.tracker.interval + self.tracker.grace
        return freshness_at(self.view.freshness, self.view.now, now, stale_after)

    # -- drawing -----------------------------------------------------------------------

    def _styles(self) -> dict[str, str]:
        theme = self.app.current_theme
        return {
            "alert": f"bold {theme.error}",
            "warn": f"bold {theme.warning}",
            "free": f"{theme.success}",
            "talking": f"{theme.accent}",
            "paused": f"{theme.warning}",
        }

    def draw(self, now: float) -> None:
        view = self.tracker.view(self.campaign_id, now)
        self.view = view
        with self.app.batch_update():
            self._draw_title(view, now)
            self._draw_tiles(view, now)
            self._draw_trends(view)
            self._draw_waiting(view, now)
            self._draw_agents(view, now)

    def tick(self, now: float) -> None:
        view = self.view
        if view is None:
            return
        with self.app.batch_update():
            self._tick_waiting(view, now)
            self._tick_longest(view, now)
            self._tick_agents(view, now)
            if view.holding_until is not None:  # "level ALERT · 12 s" counts down
                self._draw_title(view, now)

    def _draw_title(self, view: CampaignView, now: float) -> None:
        """ "level ALERT · 12 s · Infolinia · campaign 1 · 4 in queue": the level first
        (and, until its hold has passed, when it will notify), so a long campaign name
        on a narrow terminal cannot push it out of sight."""
        self.sub_title = view.name
        title = Text()
        figures = view.figures
        if figures is not None:
            style = self._styles().get(LEVEL_STYLE.get(view.level, ""), "")
            title.append(_("level {level}").format(level=view.level.label.upper()), style)
            title.append(hold_note(view.holding_until, now), "dim")
            title.append(" · ")
        title.append(_("{name} · campaign {id}").format(name=view.name, id=view.campaign_id))
        if figures is not None:
            title.append(" · " + _("{count} in queue").format(count=figures.in_queue))
        if view.muted:
            title.append(" · " + _("alerts muted"))
        self.query_one("#detail-title", Static).update(title)

    def _draw_tiles(self, view: CampaignView, now: float) -> None:
        figures = view.figures
        levels = {status.metric: status.level for status in view.alerts}
        stale = view.stale

        def show(key: str, value: str, note: str = "") -> None:
            metric = TILE_METRIC.get(key)
            level = _LEVEL_CLASS[levels.get(metric, Level.OK)] if metric else None
            tile = self.query_one(f"#tile-{key}", StatTile)
            tile.show(value, note=note, level=level if figures else None, stale=stale)

        if figures is None or view.snapshot is None:
            for key, _label in TILES:
                show(key, DASH)
            return
        basic = view.snapshot.monitor.basic_data
        since = (
            _("since {time}").format(time=clock_time(view.last_reset.at)[:5])
            if view.last_reset
            else ""
        )
        target = self.tracker.alerts.config.sla_target(self.campaign_id)
        show(
            "waiting", str(figures.calls_waiting), _("max {count}").format(count=basic.max_waiting)
        )
        self._tick_longest(view, now)
        show(
            "free",
            str(figures.free_agents),
            _("{count} on pause").format(count=figures.paused_agents),
        )
        show("busy", str(figures.busy_members))
        show("answered", str(figures.answered), since)
        show("unanswered", str(figures.unanswered), since)
        show(
            "sla",
            DASH if figures.sla is None else f"{figures.sla} %",
            _("goal {percent} %").format(percent=f"{target:g}") if target is not None else "",
        )
        show("avg-wait", duration(basic.average_waiting_time.total_seconds()))
        show("avg-call", duration(basic.average_call_time.total_seconds()))

    def _tick_longest(self, view: CampaignView, now: float) -> None:
        figures = view.figures
        if figures is None:
            return
        waiting = view.waiting_calls
        longest = waiting.longest(now) if waiting is not None else None
        if longest is None and figures.calls_waiting == 0:
            longest = 0.0
        levels = {status.metric: status.level for status in view.alerts}
        self.query_one("#tile-longest", StatTile).show(
            duration(longest),
            note=_("SLA {seconds} s").format(seconds=f"{figures.measured_sla:g}"),
            level=_LEVEL_CLASS[levels.get(AlertMetric.LONGEST_WAIT, Level.OK)],
            stale=view.stale,
        )

    def _draw_trends(self, view: CampaignView) -> None:
        waiting = view.waiting_trend.values
        known = [value for value in waiting if value is not None]
        now_text = (
            _("now {count}").format(count=view.figures.calls_waiting)
            if view.figures
            else _("no figures yet")
        )
        label = _("Waiting calls, last hour: {now}").format(now=now_text)
        if known:
            label += " · " + _("peak {count}").format(count=f"{max(known):g}")
        self.query_one("#waiting-trend-label", Static).update(label)
        self.query_one("#waiting-trend", TrendLine).show(waiting)
        sla_values = view.sla_trend.values
        sla_known = [value for value in sla_values if value is not None]
        sla_now = (
            _("now {percent} %").format(percent=view.figures.sla)
            if view.figures is not None and view.figures.sla is not None
            else _("no calls answered yet")
        )
        label = _("SLA, last hour: {now}").format(now=sla_now)
        if sla_known:
            label += " · " + _("lowest {percent} %").format(percent=f"{min(sla_known):g}")
        self.query_one("#sla-trend-label", Static).update(label)
        self.query_one("#sla-trend", TrendLine).show(sla_values, low=0, high=100)
        note = reset_note(view.last_reset) if view.last_reset else ""
        reset = self.query_one("#reset-note", Static)
        reset.update(Text(note, style="bold"))
        if view.intervals != self._intervals_shown:
            self._intervals_shown = view.intervals
            self.query_one("#intervals", Static).update(interval_table(view.intervals))

    def _wait_text(self, wait: float | None, level: WaitLevel, styles: dict[str, str]) -> Text:
        style = ""
        if level is WaitLevel.ALERT:
            style = styles["alert"]
        elif level is WaitLevel.WARN:
            style = styles["warn"]
        return Text(duration(wait), style=style, justify="right")

    def _waiting_row(self, key: str, rank: int, call: CcWaitingCall, wait: Text) -> Row:
        return waiting_row(key, rank, call, wait, contact_names(self.app).name_for(call.number))

    def _draw_waiting(self, view: CampaignView, now: float) -> None:
        styles = self._styles()
        rows: list[Row] = []
        keys: list[tuple[str, int, CcWaitingCall]] = []
        seen: dict[str, int] = {}
        for rank, row in enumerate(view.waiting, start=1):
            number = row.call.number or pgettext("caller number", "unknown")
            count = seen[number] = seen.get(number, 0) + 1
            key = number if count == 1 else f"{number}#{count}"
            keys.append((key, rank, row.call))
            wait = self._wait_text(row.wait, row.level, styles)
            rows.append(self._waiting_row(key, rank, row.call, wait))
        self._waiting_keys = keys
        box = self.query_one("#waiting-box")
        box.set_class(any(row.call.extra for row in view.waiting), "-extras")
        self.query_one("#waiting-table", VirtualTable).update_rows(rows)
        count = len(view.waiting)
        self.query_one("#waiting-title", Static).update(
            _("Waiting calls ({count})").format(count=count) if count else _("Waiting calls: none")
        )

    def _tick_waiting(self, view: CampaignView, now: float) -> None:
        waiting = view.waiting_calls
        if waiting is None or not self._waiting_keys:
            return
        styles = self._styles()
        rows = []
        for key, rank, call in self._waiting_keys:
            wait = waiting.current_wait(call, now)
            text = self._wait_text(wait, wait_level(wait, waiting.measured_sla), styles)
            rows.append(self._waiting_row(key, rank, call, text))
        self.query_one("#waiting-table", VirtualTable).update_rows(rows, remove_missing=False)

    def _agent_row(self, agent: AgentStatus, now: float, styles: dict[str, str]) -> Row:
        """The agent's row; the very same `Row` as last time when nothing shown changed,
        so the table can skip it without comparing cells."""
        paused_for = agent.pause_duration(now)
        shown = (
            agent,  # a frozen dataclass: compared field by field
            int(agent.time_in_state(now) // 60),
            None if paused_for is None else int(paused_for // 60),
            paused_for is not None and paused_for > self.tracker.long_pause,
            styles,
        )
        cached = self._agent_rows.get(agent.login)
        if cached is not None and cached[0] == shown:
            return cached[1]
        row = self._build_agent_row(agent, now, styles)
        self._agent_rows[agent.login] = (shown, row)
        return row

    def _build_agent_row(self, agent: AgentStatus, now: float, styles: dict[str, str]) -> Row:
        state_styles: dict[AgentState | None, str] = {
            AgentState.FREE: styles["free"],
            AgentState.TALKING: styles["talking"],
        }
        state_style = state_styles.get(agent.kind, "dim")
        state = agent.state
        if agent.paused and agent.kind is AgentState.FREE:
            state, state_style = _("paused"), styles["paused"]  # on a break, not free
        elif agent.free_while_calls_wait:
            state_style = styles["alert"]
        in_state = agent.time_in_state(now)
        paused_for = agent.pause_duration(now)
        long_pause = paused_for is not None and paused_for > self.tracker.long_pause
        flags = Text()
        if agent.free_while_calls_wait:
            flags.append(_("FREE, calls waiting"), style=styles["alert"])
        if long_pause:
            if flags:
                flags.append(" · ")
            flags.append(_("LONG PAUSE"), style=styles["warn"])
        pause: Cell = DASH
        if paused_for is not None:
            pause = Text(
                agent_time(paused_for, at_least=agent.pause_since_first_seen),
                style=styles["warn"] if long_pause else styles["paused"],
            )
        in_state_text = agent_time(in_state, at_least=agent.state_since_first_seen)
        cells = (
            agent.name,
            Text(state, style=state_style),
            Text(in_state_text, style="dim") if in_state_text == UNKNOWN_START else in_state_text,
            flags,
            pause,
            str(agent.answered),
            last_call_text(agent.last_call, now),
            str(agent.skill),
        )
        paused_since = None if agent.paused_since is None else -agent.paused_since
        # Sorted by when the state began, not by its age: the age changes every second.
        sort_values = (
            agent.name.casefold(),
            state,
            -agent.state_since,
            None,
            paused_since,
            agent.answered,
            agent.last_call,
            agent.skill,
        )
        return Row(agent.login, cells, sort_values)

    def _draw_agents(self, view: CampaignView, now: float) -> None:
        styles = self._styles()
        rows = [self._agent_row(agent, now, styles) for agent in view.agents]
        if len(self._agent_rows) > len(rows):  # agents gone from the campaign
            current = {row.key for row in rows}
            self._agent_rows = {k: v for k, v in self._agent_rows.items() if k in current}
        self.query_one("#agents-table", VirtualTable).update_rows(rows)
        self._draw_agents_title(view, now)
        self._draw_agent_note(view, now)

    def _draw_agent_note(self, view: CampaignView, now: float) -> None:
        """The agent under the cursor, in words (empty when there is none)."""
        key = self.query_one("#agents-table", VirtualTable).cursor_row_key
        agent = next((agent for agent in view.agents if agent.login == key), None)
        text = agent_words(agent, now) if agent is not None else ""
        self.query_one("#agent-note", Static).update(text)

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        if event.control.id == "agents-table" and self.view is not None:
            self._draw_agent_note(self.view, self.frozen_at or self.clock())

    def _draw_agents_title(self, view: CampaignView, now: float) -> None:
        agents = view.agents
        if not agents:
            if self._agents_title != "none":
                self._agents_title = "none"
                self.query_one("#agents-title", Static).update(_("Agents: none in this campaign"))
            return
        counts: dict[str, int] = {}
        for agent in agents:
            counts[agent.state] = counts.get(agent.state, 0) + 1
        paused = sum(1 for agent in agents if agent.paused)
        waiting_free = sum(1 for agent in agents if agent.free_while_calls_wait)
        long_pauses = sum(
            1 for agent in agents if (agent.pause_duration(now) or 0.0) > self.tracker.long_pause
        )
        # "talking: 10", not "10 talking": the state word stays as the table shows it,
        # which in Polish is the API's own word ("Rozmawia: 10", never "10 Rozmawia").
        shown = [*counts.items(), *([(_("paused"), paused)] if paused else [])]
        summary = ", ".join(
            _("{state}: {count}").format(state=state, count=count) for state, count in shown
        )
        flags = []
        if waiting_free:
            flags.append(
                ngettext(
                    "{count} free while calls wait", "{count} free while calls wait", waiting_free
                ).format(count=waiting_free)
            )
        if long_pauses:
            flags.append(
                ngettext("{count} long pause", "{count} long pauses", long_pauses).format(
                    count=long_pauses
                )
            )
        title = Text(_("Agents ({count}): {summary}").format(count=len(agents), summary=summary))
        if flags:
            title.append(" ⚑ " + ", ".join(flags), style=self._styles()["warn"])
        if title.plain != self._agents_title:
            self._agents_title = title.plain
            self.query_one("#agents-title", Static).update(title)

    def _tick_agents(self, view: CampaignView, now: float) -> None:
        """Every second, only the agents on screen: the rest catch up at the next poll."""
        styles = self._styles()
        table = self.query_one("#agents-table", VirtualTable)
        agents: dict[Hashable, AgentStatus] = {agent.login: agent for agent in view.agents}
        in_view = (agents.get(login) for login in table.keys_in_view())
        rows = [self._agent_row(agent, now, styles) for agent in in_view if agent is not None]
        table.update_rows(rows, remove_missing=False)
        self._draw_agents_title(view, now)
        self._draw_agent_note(view, now)
