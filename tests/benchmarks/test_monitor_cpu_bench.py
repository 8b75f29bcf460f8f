"""CPU of the live monitor: a 200-agent campaign polled every 2 s, against the idle app.

The goal: the monitor costs at most 2% of one core over a minute. Measured
as two separate headless processes against one sandbox (`--agents 200
--campaigns 1`, so the one campaign has all 200 agents as members), one after
the other so they do not compete for the cores:

- the idle app: `spikon-tui --base-url URL`, sitting on the Account screen;
- the monitor: `spikon-tui monitor 1 --refresh 2 --base-url URL`, the campaign's
  detail view polling every 2 s.

Each runs tests/benchmarks/probes/cpu_probe.py, which warms up for WARMUP seconds,
then measures its own CPU time (`time.process_time`) over WINDOW seconds and counts
the `cc_monitor/show` calls it made. The monitor's cost is its CPU share minus the
idle app's. Printed in the run's summary; the only assertions are about what was
measured (right screen, enough polls, no failures), never about time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.benchmark

PROBE = Path(__file__).parent / "probes" / "cpu_probe.py"
AGENTS = 200
REFRESH = 2
WARMUP = 10.0
WINDOW = float(os.environ.get("SPIKON_CPU_BENCH_WINDOW", "60"))
"""Seconds measured; the goal is over a minute (set the variable to shorten it)."""
GOAL = 2.0  # % of one core


def _probe(arguments: list[str], env: dict[str, str], note: Path) -> dict:
    note.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, str(PROBE), *arguments],
        env={**env, "CPU_PROBE_OUT": str(note)},
        capture_output=True,
        timeout=WARMUP + WINDOW + 60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert note.exists(), f"the probe wrote no figures: {result.stderr[-2000:]!r}"
    return json.loads(note.read_text())


def _share(figures: dict) -> float:
    """CPU seconds per wall-clock second over the window, as % of one core."""
    return 100 * figures["cpu_seconds"] / figures["wall_seconds"]


def test_monitor_of_200_agents_polled_every_2_s_against_idle_app(
    tmp_path: Path, report_figure
) -> None:
    key = "cpu-bench-key-0123456789"
    sandbox = ["sandbox", "--port", "0", "--api-key", key, "--campaigns", "1"]
    server = subprocess.Popen(
        [sys.executable, "-m", "spikon_tui", *sandbox, "--agents", str(AGENTS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().split()[-1]
        env = {
            **os.environ,
            "SPIKON_API_KEY": key,
            "SPIKON_TUI_CONFIG_DIR": str(tmp_path),
            "TERM": "xterm-256color",
            "CPU_PROBE_WARMUP": str(WARMUP),
            "CPU_PROBE_WINDOW": str(WINDOW),
        }
        note = tmp_path / "cpu.json"
        idle = _probe(["--base-url", base_url], env, note)
        monitor = _probe(
            ["monitor", "1", "--refresh", str(REFRESH), "--base-url", base_url], env, note
        )
    finally:
        server.terminate()
        server.communicate(timeout=30)

    assert idle["screen"] == "AccountScreen"
    assert idle["polls_total"] == 0
    assert monitor["screen"] == "MonitorDetailScreen"
    assert monitor["poll_errors"] == 0
    assert monitor["members"] == AGENTS
    assert monitor["polls_in_window"] >= WINDOW / REFRESH / 2

    idle_share, monitor_share = _share(idle), _share(monitor)
    cost = monitor_share - idle_share
    extra_cpu = monitor["cpu_seconds"] - idle["cpu_seconds"]
    per_poll = 1000 * extra_cpu / max(1, monitor["polls_in_window"])
    window = f"{WINDOW:g} s window after {WARMUP:g} s warm-up"
    report_figure(
        f"monitor CPU, {monitor['members']} agents polled every {REFRESH} s ({window}, "
        f"{monitor['polls_in_window']} polls): idle app {idle_share:.2f}% of one core, "
        f"monitor {monitor_share:.2f}%, monitor's cost {cost:.2f}% (goal <= {GOAL:g}%), "
        f"about {per_poll:.0f} ms of extra CPU per poll"
    )
