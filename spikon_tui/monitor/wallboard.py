"""What a wallboard tile says, and how many tiles a screen holds: no Textual here.

A tile is one campaign: its name, four figures in large digits (calls waiting,
longest wait, free agents, SLA against its target), its level (ok, warn,
alert) and, under the figures, the reason in words: the rules broken now, or
"STALE" with the age of the figures, or that none are in yet.

Layout rule: tiles have a fixed size (`TILE_WIDTH` x `TILE_HEIGHT` cells), so
the digits stay readable across a room at any terminal size; as many columns
and rows of them as fit make a page, and when the campaigns do not fit, the
board turns to the next page every few seconds, worst campaigns on page one
(the tracker's order: level, longest wait, waiting calls, SLA shortfall). At
80x24 that is 3 tiles a page, at 120x40 10, at 200x60 32.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spikon_tui.formatting import format_age, format_duration
from spikon_tui.i18n import _
from spikon_tui.monitor.alert_reasons import metric_value
from spikon_tui.monitor.alert_rules import Level
from spikon_tui.monitor.alerts import AlertStatus
from spikon_tui.monitor.overview import CampaignSummary

TILE_WIDTH = 48
TILE_HEIGHT = 7
DASH = "-"


@dataclass(frozen=True)
class TileText:
    """Everything one tile shows, as text."""

    campaign_id: int
    name: str
    level: Level
    stale: bool
    waiting: str
    longest: str
    free: str
    sla: str
    target: str
    reason: str


def tile_text(summary: CampaignSummary, statuses: list[AlertStatus], age: float | None) -> TileText:
    """The tile of one campaign; `age` is how old its figures are (None: none yet)."""
    if not summary.loaded:
        return TileText(
            summary.campaign_id, summary.name, Level.OK, summary.stale,
            DASH, DASH, DASH, DASH, "", _("waiting for the first figures"),
        )  # fmt: skip
    wait = summary.longest_wait
    target = (
        _("target {percent} %").format(percent=f"{summary.sla_target:g}")
        if summary.sla_target is not None
        else ""
    )
    return TileText(
        campaign_id=summary.campaign_id,
        name=summary.name,
        level=summary.level,
        stale=summary.stale,
        waiting=str(summary.calls_waiting),
        longest=DASH if wait is None else format_duration(int(wait)),
        free=str(summary.free_agents),
        sla=DASH if summary.sla is None else f"{summary.sla}%",
        target=target,
        reason=_reason(summary, statuses, age),
    )


def _reason(summary: CampaignSummary, statuses: list[AlertStatus], age: float | None) -> str:
    if summary.stale:
        shown = format_age(age) if age is not None else "?"
        return _("STALE: figures from {age} ago").format(age=shown)
    broken = [status for status in statuses if status.level is not Level.OK]
    if not broken:
        return _("all within the rules")
    broken.sort(key=lambda status: status.level, reverse=True)
    return " · ".join(
        f"{status.level.label}: {status.metric.label} {metric_value(status.metric, status.value)}"
        for status in broken
    )


@dataclass(frozen=True)
class Grid:
    columns: int
    rows: int

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


def grid_for(width: int, height: int) -> Grid:
    """How many tiles fit in `width` x `height` cells (at least one)."""
    return Grid(max(1, width // TILE_WIDTH), max(1, height // TILE_HEIGHT))


def page_count(tiles: int, per_page: int) -> int:
    return max(1, math.ceil(tiles / max(1, per_page)))


def page_of(items: list[TileText], page: int, per_page: int) -> list[TileText]:
    """The tiles of `page` (0-based, taken modulo the page count)."""
    page %= page_count(len(items), per_page)
    return items[page * per_page : (page + 1) * per_page]
