"""Benchmark of the monitor's analytics: memory over 10,000 polls and CPU per poll, 200 agents.

Figures printed in the run's summary:
- RSS after the warm-up (an hour of polls at 2 s) and after 10,000 polls, and the growth
  between them (the history is a ring buffer, so it should be about nothing);
- CPU time per `MonitorTracker.ingest` of a 200-agent answer, against a baseline measured
  in the same run: decoding that answer (`json.loads` + `answers.cc_monitor`), which every
  poll costs anyway; CPU per `view()` (built once per poll) and per tick (the waiting
  calls recounted each second between polls);
- the resulting share of one core when polling every 2 s and ticking once a second.

Nothing here asserts on time; the memory bound is asserted in tests/monitor/test_memory.py.
"""

from __future__ import annotations

import gc
import json
import os
import time
from pathlib import Path

from spikon_tui.api import answers
from spikon_tui.monitor.tracker import MonitorTracker
from tests.monitor.builders import FakeClock
from tests.monitor.simulated_polls import POLL_INTERVAL, simulated_polls

POLLS = 10_000
WARM_UP = 2_000
AGENTS = 200
DECODE_RUNS = 200
VIEW_RUNS = 50


def _rss_bytes() -> int | None:
    """The process's resident set size now (Linux), None where /proc is not available."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _mib(size: int | None) -> str:
    return "n/a" if size is None else f"{size / 2**20:.1f} MiB"


def _answer_body(agents: int) -> str:
    """A `cc_monitor/show` JSON body as the documentation prints it, with `agents` members."""
    states = ("Wolny", "Rozmawia", "Wolny", "Niedostępny")
    members = {
        f"cc-campaign-member-{n + 1}": {
            "login": str(1000100 + n),
            "description": f"Agent Numer {n}",
            "state": states[n % 4],
            "answered": str(n % 37),
            "last-call": "2025-06-15 14:02:11" if n % 3 else "Brak danych",
            "pause": "Tak" if n % 4 == 2 else "Nie",
            "skill": "1",
        }
        for n in range(agents)
    }
    waiting = {
        f"waiting-call-{n + 1}": {
            "position": n + 1,
            "number": f"50060070{n}",
            "waiting-time": "00:42",
        }
        for n in range(6)
    }
    basic = {
        "free-members": agents // 2,
        "busy-members": agents - agents // 2,
        "calls-waiting": 6,
        "answered": 1234,
        "unanswered": 56,
        "in-queue": 6,
        "average-waiting-time": "00:18",
        "max-waiting": 30,
        "average-call-time": "03:05",
        "measured-sla": "00:30",
        "sla": 84,
    }
    body = {"basic-data": basic, "campaign-members": members, "waiting-calls": waiting}
    return json.dumps({"cc-monitor": body}, ensure_ascii=False)


def test_monitor_memory_and_cpu_per_poll(report_figure) -> None:
    body = _answer_body(AGENTS)
    decoded = answers.cc_monitor(json.loads(body))
    assert len(decoded.campaign_members) == AGENTS
    started = time.process_time()
    for _ in range(DECODE_RUNS):
        answers.cc_monitor(json.loads(body))
    decode_cpu = (time.process_time() - started) / DECODE_RUNS

    clock = FakeClock()
    tracker = MonitorTracker(clock=clock, interval=POLL_INTERVAL, random_source=lambda: 0.5)
    polls = simulated_polls(agents=AGENTS, polls=POLLS)
    gc.collect()
    rss_start = _rss_bytes()
    rss_warm = None
    ingest_cpu = 0.0
    for number, answer in enumerate(polls, 1):
        clock.advance(POLL_INTERVAL)
        started = time.process_time()
        tracker.ingest(1, answer, latency=0.05)
        ingest_cpu += time.process_time() - started
        if number == WARM_UP:
            gc.collect()
            rss_warm = _rss_bytes()
    gc.collect()
    rss_end = _rss_bytes()
    per_ingest = ingest_cpu / POLLS

    started = time.process_time()
    for _ in range(VIEW_RUNS):
        view = tracker.view(1)
    per_view = (time.process_time() - started) / VIEW_RUNS
    assert len(view.agents) == AGENTS
    started = time.process_time()
    for tick in range(VIEW_RUNS):
        rows = view.waiting_calls.rows(clock.now + tick) if view.waiting_calls else []
        ages = [agent.time_in_state(clock.now + tick) for agent in view.agents]
    per_tick = (time.process_time() - started) / VIEW_RUNS
    assert len(ages) == AGENTS and len(rows) == len(view.waiting)
    assert tracker.buffer_lengths(1)["history"] == 3600 / POLL_INTERVAL + 1

    growth = None if rss_end is None or rss_warm is None else rss_end - rss_warm
    report_figure(
        f"monitor, {POLLS:,} polls of {AGENTS} agents every {POLL_INTERVAL:g} s: RSS "
        f"{_mib(rss_start)} at start, {_mib(rss_warm)} after {WARM_UP:,} polls, "
        f"{_mib(rss_end)} at the end (growth after warm-up {_mib(growth)})"
    )
    report_figure(
        f"monitor ingest, {AGENTS} agents: {per_ingest * 1e6:.0f} us CPU per poll; "
        f"baseline decode of the same answer {decode_cpu * 1e6:.0f} us "
        f"(ratio {per_ingest / decode_cpu:.2f}x); view() {per_view * 1e3:.2f} ms, "
        f"tick {per_tick * 1e6:.0f} us"
    )
    share = (per_ingest + per_view + POLL_INTERVAL * per_tick) / POLL_INTERVAL
    report_figure(
        f"monitor analytics at one poll and view per {POLL_INTERVAL:g} s, a tick per second: "
        f"{share * 100:.3f} % of one core (the whole app's budget: 2 %)"
    )
