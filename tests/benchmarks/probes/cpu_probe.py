"""spikon-tui started as a user starts it (arguments as on the command line), headless,
measuring its own CPU time over a fixed window once it has warmed up.

Only three things are changed, for the measurement: the app runs headless, in a
terminal of CPU_PROBE_SIZE ("COLUMNSxLINES"; a roomy tmux pane by default); every
`cc_monitor/show` it makes is counted (with the number of members in the answer);
and a background thread, which only sleeps, notes this process's CPU seconds
(`time.process_time`, all threads) after CPU_PROBE_WARMUP seconds and again
CPU_PROBE_WINDOW seconds later, then writes one JSON object to the file named by
CPU_PROBE_OUT and asks the app to exit.
"""

import json
import os
import sys
import threading
import time

from spikon_tui.api.client import SpikonClient
from spikon_tui.cli.main import main
from spikon_tui.ui.app import SpikonApp

WARMUP = float(os.environ["CPU_PROBE_WARMUP"])
WINDOW = float(os.environ["CPU_PROBE_WINDOW"])
SIZE = tuple(int(part) for part in os.environ.get("CPU_PROBE_SIZE", "160x50").split("x"))

_run = SpikonApp.run
_cc_monitor_show = SpikonClient.cc_monitor_show
_polls = {"count": 0, "errors": 0, "members": None}


async def _counted_cc_monitor_show(self, cc_campaign_id):
    try:
        monitor = await _cc_monitor_show(self, cc_campaign_id)
    except Exception:
        _polls["errors"] += 1
        raise
    _polls["count"] += 1
    _polls["members"] = len(monitor.campaign_members)
    return monitor


def _measure(app) -> None:
    time.sleep(WARMUP)
    cpu_start, wall_start, polls_start = time.process_time(), time.monotonic(), _polls["count"]
    time.sleep(WINDOW)
    cpu_end, wall_end, polls_end = time.process_time(), time.monotonic(), _polls["count"]
    figures = {
        "cpu_seconds": cpu_end - cpu_start,
        "wall_seconds": wall_end - wall_start,
        "polls_in_window": polls_end - polls_start,
        "polls_total": polls_end,
        "poll_errors": _polls["errors"],
        "members": _polls["members"],
        "screen": type(app.screen).__name__,
    }
    with open(os.environ["CPU_PROBE_OUT"], "w") as out:
        json.dump(figures, out)
    app.call_from_thread(app.exit)


def _run_headless_and_measure(self, **options):
    threading.Thread(target=_measure, args=(self,), daemon=True).start()
    return _run(self, headless=True, size=SIZE)


SpikonClient.cc_monitor_show = _counted_cc_monitor_show
SpikonApp.run = _run_headless_and_measure
sys.exit(main(sys.argv[1:]))
