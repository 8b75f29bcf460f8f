"""An alert's reason in words: the rule that was broken and the figures around it.

"free agents 0 (alert at ≤ 0) · waiting calls 4 · longest wait 1:02 (SLA 20 s)":
first the metric that broke its rule, with the threshold of the level it
reached, then the other headline figures a supervisor needs to judge it, so
the alert log can be read back hours later without the screen that raised it.
"""

from __future__ import annotations

from spikon_tui.formatting import format_duration
from spikon_tui.i18n import _
from spikon_tui.monitor.alert_rules import AlertMetric, Level
from spikon_tui.monitor.figures import SnapshotFigures

_CONTEXT_ORDER = (
    AlertMetric.FREE_AGENTS,
    AlertMetric.WAITING_CALLS,
    AlertMetric.LONGEST_WAIT,
    AlertMetric.SLA,
)


def metric_value(metric: AlertMetric, value: float | None) -> str:
    """A metric's value as the log shows it: "57 %", "1:02", "4"."""
    if value is None:
        return _("unknown")
    if metric is AlertMetric.SLA:
        return f"{value:g} %"
    if metric is AlertMetric.LONGEST_WAIT:
        return format_duration(int(value))
    return f"{value:g}"


def rule_words(metric: AlertMetric, level: Level, threshold: float | None) -> str:
    """ "alert at ≤ 0", "warn at ≥ 3": the level and the threshold that gave it."""
    if threshold is None:
        return level.label
    sign = "≤" if metric.lower_is_worse else "≥"
    return _("{level} at {sign} {threshold}").format(
        level=level.label, sign=sign, threshold=metric_value(metric, threshold)
    )


def metric_values(figures: SnapshotFigures) -> dict[AlertMetric, float | None]:
    """The values the alert rules judge, from one snapshot's figures."""
    return {
        AlertMetric.WAITING_CALLS: figures.calls_waiting,
        AlertMetric.LONGEST_WAIT: figures.longest_wait,
        AlertMetric.SLA: figures.sla,
        AlertMetric.FREE_AGENTS: figures.free_agents,
    }


def alert_reason(
    metric: AlertMetric,
    level: Level,
    threshold: float | None,
    figures: SnapshotFigures | None,
) -> str:
    """The rule in words with the figures that broke it (the figures of one poll)."""
    if figures is None:
        return f"{metric.label} ({rule_words(metric, level, threshold)})"
    values = metric_values(figures)
    parts = [
        f"{metric.label} {metric_value(metric, values[metric])} "
        f"({rule_words(metric, level, threshold)})"
    ]
    for other in _CONTEXT_ORDER:
        if other is metric:
            continue
        text = f"{other.label} {metric_value(other, values[other])}"
        if other is AlertMetric.LONGEST_WAIT and figures.measured_sla:
            text += " " + _("(SLA {seconds} s)").format(seconds=f"{figures.measured_sla:g}")
        parts.append(text)
    return " · ".join(parts)
