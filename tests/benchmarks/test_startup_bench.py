"""Start-up: process start to the balance painted, headless, against the sandbox.

Each probe notes the moment it painted; the time to exit the interpreter
afterwards is not part of start-up.

Compared, in the same run, with a minimal Textual app that does the same job
the plain way (`startup_probes/baseline_app.py`: imports httpx, POSTs
`balance/show` to the same sandbox with `httpx.AsyncClient` and paints the
answer in one `Static`), started the same way; the goal is at most 1.2x.

Both start with compiled bytecode, as after any normal install or first run:
Textual's is in site-packages, ours is compiled first, and
PYTHONDONTWRITEBYTECODE (set on some CI machines) is dropped for the probes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROBES = Path(__file__).parent / "startup_probes"
RUNS = 5


def _timed(command: list[str], env: dict[str, str], note: Path) -> tuple[float, float]:
    """Seconds from just before the process starts to the moment it painted, and the
    process's own CPU seconds by then (both written by the probe into `note`)."""
    note.unlink(missing_ok=True)
    started = time.time()
    result = subprocess.run(
        command, env={**env, "STARTUP_PROBE_OUT": str(note)}, capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    painted_at, cpu = (float(part) for part in note.read_text().split())
    return painted_at - started, cpu


def test_start_up_to_balance_painted_against_textual_and_httpx_baseline(
    tmp_path: Path, report_figure
) -> None:
    key = "startup-bench-key-0123456789"
    server = subprocess.Popen(
        [sys.executable, "-m", "spikon_tui", "sandbox", "--port", "0", "--api-key", key],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().split()[-1]
        package = Path(__file__).parents[2] / "spikon_tui"
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "SPIKON_API_KEY": key,
            "SPIKON_TUI_CONFIG_DIR": str(tmp_path),
            "TERM": "xterm-256color",
        }
        baseline = [sys.executable, str(PROBES / "baseline_app.py"), base_url]
        spikon = [sys.executable, str(PROBES / "spikon_app.py"), "--base-url", base_url]
        note = tmp_path / "painted"
        _timed(baseline, env, note), _timed(spikon, env, note)  # warm the file cache for both
        baseline_times, spikon_times = [], []
        for _ in range(RUNS):
            baseline_times.append(_timed(baseline, env, note))
            spikon_times.append(_timed(spikon, env, note))
    finally:
        server.terminate()
        server.communicate(timeout=30)
    for label, index in (("wall-clock", 0), ("CPU", 1)):
        baseline_median = statistics.median(run[index] for run in baseline_times)
        spikon_median = statistics.median(run[index] for run in spikon_times)
        report_figure(
            f"start-up to balance painted, {label} (median of {RUNS}): "
            f"spikon-tui {spikon_median * 1000:.0f} ms, "
            f"Textual + httpx baseline {baseline_median * 1000:.0f} ms, "
            f"ratio {spikon_median / baseline_median:.2f}x (goal <= 1.2x)"
        )
