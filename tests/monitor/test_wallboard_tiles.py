"""The wallboard's tiles and pages, without a screen."""

from __future__ import annotations

import dataclasses

from spikon_tui.monitor.alert_rules import AlertMetric, Level
from spikon_tui.monitor.alerts import AlertStatus
from spikon_tui.monitor.overview import CampaignSummary
from spikon_tui.monitor.wallboard import grid_for, page_count, page_of, tile_text

SUMMARY = CampaignSummary(
    campaign_id=3, name="Infolinia", level=Level.ALERT, stale=False, calls_waiting=4,
    longest_wait=62.0, free_agents=0, busy_members=5, answered=10, unanswered=2,
    sla=71, sla_target=80.0,
)  # fmt: skip


def _status(metric: AlertMetric, level: Level, value: float) -> AlertStatus:
    return AlertStatus(3, metric, level, 0.0, value, False, None, None)


def test_a_tile_says_its_figures_and_why_it_is_red() -> None:
    statuses = [
        _status(AlertMetric.WAITING_CALLS, Level.WARN, 4),
        _status(AlertMetric.FREE_AGENTS, Level.ALERT, 0),
        _status(AlertMetric.SLA, Level.OK, 71),
    ]
    tile = tile_text(SUMMARY, statuses, age=2.0)
    assert (tile.waiting, tile.longest, tile.free, tile.sla) == ("4", "1:02", "0", "71%")
    assert tile.target == "target 80 %" and tile.level is Level.ALERT
    assert tile.reason.startswith("alert: free agents 0 · warn: waiting calls 4")


def test_stale_figures_stay_and_say_their_age() -> None:
    stale = dataclasses.replace(SUMMARY, stale=True)
    tile = tile_text(stale, [], age=13.0)
    assert tile.stale and tile.waiting == "4", "figures stay, never zeroed"
    assert tile.reason == "STALE: figures from 13 s ago"


def test_pages_at_the_three_sizes_and_turning_past_the_last() -> None:
    assert grid_for(80, 21).per_page == 3
    assert grid_for(120, 37).per_page == 10
    assert grid_for(200, 57).per_page == 32
    tiles = [tile_text(CampaignSummary(i, f"c{i}", Level.OK, False), [], None) for i in range(7)]
    assert page_count(7, 3) == 3
    assert [t.campaign_id for t in page_of(tiles, 2, 3)] == [6]
    assert [t.campaign_id for t in page_of(tiles, 3, 3)] == [0, 1, 2], "round again"
