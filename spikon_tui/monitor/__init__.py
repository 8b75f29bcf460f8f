"""Queue analytics with no UI: history, deltas, thresholds, alerts (no Textual import, ever).

The UI's polling worker feeds `MonitorTracker` (``tracker.py``) and draws what
its views say. The parts, one job per module:

- ``figures.py``: the headline numbers of one `cc_monitor/show` snapshot
- ``agent_states.py``: SPIKON's Polish agent states in English
- ``history.py``: ring buffer of samples; sparkline buckets
- ``counters.py``: interval figures from counter deltas; counter resets
- ``agents.py``: time in state and on pause per agent; flags
- ``waiting.py``: waiting times that count on between polls; urgency levels
- ``freshness.py``: poll health, staleness, fatal errors, reconnect backoff
- ``alert_rules.py``: thresholds per campaign and metric, from the config file
- ``alerts.py``: alert state with hold times, cooldown, acknowledge, mute
- ``overview.py``: campaigns worst first; the staffing what-if
- ``outbound.py``: what an outbound staffing change would leave behind
- ``staffing_changes.py``: the staffing grid's cells and each change's words
- ``recorder.py``: ``--record FILE`` (JSONL) and the CSV export
- ``views.py``: the immutable views the UI reads
- ``clock.py``: the injected time source

Nothing here reads the system clock except through an injected `clock`
(default `clock.system_clock`), and nothing touches the network.
"""

from spikon_tui.monitor.agent_states import AgentState, classify_state, state_label
from spikon_tui.monitor.agents import AgentStatus, AgentTracker
from spikon_tui.monitor.alert_rules import (
    DEFAULT_RULES,
    AlertConfig,
    AlertConfigError,
    AlertMetric,
    AlertRule,
    Level,
    load_alert_config,
)
from spikon_tui.monitor.alerts import AlertBook, AlertEvent, AlertStatus
from spikon_tui.monitor.counters import CounterTracker, IntervalFigures, ResetEvent
from spikon_tui.monitor.figures import Snapshot, SnapshotFigures, figures_of
from spikon_tui.monitor.freshness import Backoff, FreshnessStatus, PollHealth
from spikon_tui.monitor.history import Sample, SampleHistory
from spikon_tui.monitor.overview import (
    CampaignSummary,
    StaffingEffect,
    effect_of_adding,
    effect_of_removing,
    rank_campaigns,
)
from spikon_tui.monitor.recorder import (
    IntervalRow,
    PollRecorder,
    export_interval_csv,
    iter_records,
    monitor_from_record,
    write_interval_csv,
)
from spikon_tui.monitor.tracker import MonitorTracker, PollOutcome
from spikon_tui.monitor.views import CampaignView, Sparkline
from spikon_tui.monitor.waiting import WaitingCallRow, WaitingCalls, WaitLevel, wait_level

__all__ = [
    "DEFAULT_RULES",
    "AgentState",
    "AgentStatus",
    "AgentTracker",
    "AlertBook",
    "AlertConfig",
    "AlertConfigError",
    "AlertEvent",
    "AlertMetric",
    "AlertRule",
    "AlertStatus",
    "Backoff",
    "CampaignSummary",
    "CampaignView",
    "CounterTracker",
    "FreshnessStatus",
    "IntervalFigures",
    "IntervalRow",
    "Level",
    "MonitorTracker",
    "PollHealth",
    "PollOutcome",
    "PollRecorder",
    "ResetEvent",
    "Sample",
    "SampleHistory",
    "Snapshot",
    "SnapshotFigures",
    "Sparkline",
    "StaffingEffect",
    "WaitLevel",
    "WaitingCallRow",
    "WaitingCalls",
    "classify_state",
    "effect_of_adding",
    "effect_of_removing",
    "export_interval_csv",
    "figures_of",
    "iter_records",
    "load_alert_config",
    "monitor_from_record",
    "rank_campaigns",
    "state_label",
    "wait_level",
    "write_interval_csv",
]
