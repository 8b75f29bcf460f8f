"""Polling for the monitor screens: the refresh interval, the tracker, one round of polls.

When to poll is `spikon_tui.ui.poll_scheduler.PollScheduler`:
the screen calls `finished(delay)` with the tracker's `next_delay`, so backoff
needs nothing extra.

`poll_campaigns` is the network part of one round: it runs in a worker and
returns plain results (answers or the exceptions raised), which the worker
posts to the screen. It never touches a widget or the tracker.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spikon_tui.api.models import CcCampaign, CcMonitor
from spikon_tui.i18n import _
from spikon_tui.monitor import MonitorTracker
from spikon_tui.monitor.alert_rules import AlertConfig
from spikon_tui.monitor.clock import Clock
from spikon_tui.monitor.recorder import PollRecorder

if TYPE_CHECKING:
    from spikon_tui.api.client import SpikonClient

DEFAULT_INTERVAL = 5.0
MIN_INTERVAL = 1.0
INTERVAL_STEPS: tuple[float, ...] = (1, 2, 3, 5, 10, 15, 30, 60)
"""The intervals + and - step through, in seconds."""


def checked_interval(seconds: float) -> float:
    """The refresh interval as a float of at least `MIN_INTERVAL` seconds, or ValueError."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ValueError(
            _("the refresh interval must be a number of seconds, not {value}").format(
                value=repr(seconds)
            )
        )
    if not seconds >= MIN_INTERVAL:
        raise ValueError(
            _("the refresh interval must be at least {minimum} s").format(
                minimum=f"{MIN_INTERVAL:g}"
            )
        )
    return float(seconds)


def step_interval(current: float, direction: int) -> float:
    """The next longer (direction > 0) or shorter interval of `INTERVAL_STEPS`."""
    if direction > 0:
        return next((step for step in INTERVAL_STEPS if step > current), current)
    return next((step for step in reversed(INTERVAL_STEPS) if step < current), current)


def make_tracker(
    *,
    interval: float = DEFAULT_INTERVAL,
    clock: Clock,
    alert_config: AlertConfig | None = None,
    record_path: str | None = None,
    **options: object,
) -> MonitorTracker:
    """A tracker for the monitor screens; `record_path` appends every poll to a JSONL file."""
    recorder = PollRecorder(record_path) if record_path else None
    return MonitorTracker(
        interval=checked_interval(interval),
        clock=clock,
        alert_config=alert_config,
        recorder=recorder,
        **options,  # type: ignore[arg-type]
    )


# -- one round of polls -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CampaignPoll:
    """One `cc_monitor/show`: the answer or the error, when it arrived and how long it took."""

    campaign_id: int
    monitor: CcMonitor | None
    error: Exception | None
    polled_at: float
    latency: float


@dataclass(frozen=True, slots=True)
class PollRound:
    """Everything one round fetched. `campaigns` is None when the list was not asked for."""

    polls: tuple[CampaignPoll, ...] = ()
    campaigns: tuple[CcCampaign, ...] | None = None
    list_error: Exception | None = None
    started_at: float = 0.0
    finished_at: float = 0.0
    notes: tuple[str, ...] = field(default=())


latency_timer: Clock = time.perf_counter
"""Measures latency in real seconds (a fake clock would make it 0 or the test's jump);
snapshot tests replace it with a constant one."""


async def poll_one(
    client: SpikonClient, campaign_id: int, clock: Clock, timer: Clock | None = None
) -> CampaignPoll:
    """One campaign's monitor; `polled_at` by `clock`, the latency by `latency_timer`."""
    timer = timer or latency_timer
    started = timer()
    try:
        monitor = await client.cc_monitor_show(campaign_id)
    except Exception as error:  # noqa: BLE001 - every failure is data for the tracker
        return CampaignPoll(campaign_id, None, error, clock(), 0.0)
    latency = max(0.0, timer() - started)
    return CampaignPoll(campaign_id, monitor, None, clock(), latency)


async def poll_campaigns(
    client: SpikonClient,
    clock: Clock,
    *,
    campaign_ids: Iterable[int] | None,
    fetch_list: bool,
    only: Sequence[int] | None = None,
) -> PollRound:
    """Fetch the campaign list (if asked), then every campaign's monitor concurrently.

    `campaign_ids` are the campaigns known so far; with a fresh list, its ids
    (limited to `only`, when given) are polled instead.
    """
    started = clock()
    campaigns: tuple[CcCampaign, ...] | None = None
    list_error: Exception | None = None
    if fetch_list:
        try:
            campaigns = tuple(await client.cc_campaigns_list())
        except Exception as error:  # noqa: BLE001 - shown by the screen
            list_error = error
    if campaigns is not None:
        ids = [campaign.id for campaign in campaigns]
        if only is not None:
            ids = list(only)
    else:
        ids = list(campaign_ids or ())
    polls = await asyncio.gather(*(poll_one(client, cid, clock) for cid in ids))
    return PollRound(tuple(polls), campaigns, list_error, started, clock())
