"""Memory stays bounded: 10,000 polls of a 200-agent campaign every 2 s (about 5.5 hours).

tracemalloc starts after a warm-up longer than the history (an hour of polls),
so it counts what the tracker allocated since and still holds: at most one
history's worth of samples and intervals, which replaced the untraced ones it
dropped. That amount must level off (about 260 KB here) and stay there however
many polls follow.
"""

from __future__ import annotations

import gc
import tracemalloc

from spikon_tui.monitor.tracker import MonitorTracker
from tests.monitor.builders import FakeClock
from tests.monitor.simulated_polls import POLL_INTERVAL, simulated_polls

POLLS = 10_000
WARM_UP = 2_000
"""More than an hour of polls at 2 s: every ring buffer is full by then."""
SETTLED = WARM_UP + 2_000
"""By then every sample the buffers hold was taken (and allocated) after the warm-up."""
HELD_LIMIT = 1024 * 1024
"""Bytes the tracker may hold of what it allocated after the warm-up."""
GROWTH_LIMIT = 32 * 1024
"""Bytes it may still grow by once settled (allocator noise, not data)."""


def test_ten_thousand_polls_stay_within_bounded_memory() -> None:
    clock = FakeClock()
    tracker = MonitorTracker(clock=clock, interval=POLL_INTERVAL, random_source=lambda: 0.5)
    sizes: dict[int, int] = {}
    try:
        for number, answer in enumerate(simulated_polls(polls=POLLS), 1):
            clock.advance(POLL_INTERVAL)
            tracker.ingest(1, answer, latency=0.05)
            if number == WARM_UP:
                gc.collect()
                tracemalloc.start()
            elif number >= SETTLED and number % 2_000 == 0:
                gc.collect()
                sizes[number] = tracemalloc.get_traced_memory()[0]
            if number in (WARM_UP, POLLS):
                lengths = tracker.buffer_lengths(1)
                assert lengths["history"] == 3600 / POLL_INTERVAL + 1 <= lengths["history_capacity"]
                assert lengths["intervals"] == 3600 / POLL_INTERVAL
                assert lengths["agents"] == 200
                assert lengths["resets"] <= 20 and lengths["alert_events"] <= 200
    finally:
        tracemalloc.stop()
    assert sorted(sizes) == [4_000, 6_000, 8_000, 10_000]
    assert max(sizes.values()) < HELD_LIMIT, sizes
    assert max(sizes.values()) - sizes[SETTLED] < GROWTH_LIMIT, sizes
    view = tracker.view(1)  # the views still work on full buffers
    assert len(view.agents) == 200 and view.intervals[1].complete
