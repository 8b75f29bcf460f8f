"""The monitor's freshness line, always visible: how old the figures are and why.

"updated 3 s ago · 42 ms · every 5 s", or, when polls fail, "STALE · figures
from 42 s ago · 3 failed polls in a row: <the error> · next try in 20 s", or,
when retrying cannot help, the reason in the app's one wording of that error
("The API is switched off for this SPIKON account (error -4)"). FROZEN and
muted alerts are said here too.

`status_text` builds the line from plain facts (no widget, easy to test);
`MonitorStatus` shows it, coloured by how bad things are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from rich.text import Text

from spikon_tui.formatting import format_age
from spikon_tui.i18n import _, ngettext
from spikon_tui.monitor.freshness import FreshnessStatus
from spikon_tui.ui.widgets.steady_static import SteadyStatic


def clock_time(epoch: float) -> str:
    """Local wall-clock time, "14:02:11"."""
    return datetime.fromtimestamp(epoch).strftime("%H:%M:%S")


def freshness_at(status: FreshnessStatus, taken_at: float, now: float, stale_after: float):
    """`status` (read at `taken_at`) as it stands at `now`: the age goes on counting."""
    if status.age is None:
        return status
    age = status.age + max(0.0, now - taken_at)
    return replace(status, age=age, stale=age > stale_after)


@dataclass(frozen=True, slots=True)
class StatusFacts:
    freshness: FreshnessStatus
    interval: float
    next_poll_in: float | None = None
    """Seconds until the next poll; None while one is running."""
    frozen_at: float | None = None
    muted: str | None = None
    """The name of the campaign in view whose alerts are muted, if they are."""
    problem: str | None = None
    """A failure that belongs to no campaign (the campaign list), in words."""
    fatal_problem: str | None = None
    note: str | None = None


def status_text(facts: StatusFacts) -> tuple[str, str]:
    """The line, and its severity: "ok", "warn" (failing or stale) or "error" (fatal)."""
    fresh = facts.freshness
    parts: list[str] = []
    severity = "ok"
    fatal = fresh.fatal_reason or facts.fatal_problem
    if facts.frozen_at is not None:
        parts.append(_("FROZEN at {time} (p: live)").format(time=clock_time(facts.frozen_at)))
    if fatal:
        severity = "error"
        parts.append(f"{fatal[:1].upper()}{fatal[1:]}")
    if not fresh.loaded:
        error = fresh.last_error or facts.problem
        if error and not fatal:
            severity = "warn"
            parts.append(_("no figures yet: {error}").format(error=error))
        elif not fatal:
            parts.append(_("connecting…"))
    else:
        age = format_age(fresh.age or 0.0)
        if fresh.stale:
            severity = "error" if fatal else "warn"
            parts.append(_("STALE · figures from {age} ago").format(age=age))
        else:
            parts.append(_("updated {age} ago").format(age=age))
        if fresh.failures_in_row:
            if severity == "ok":
                severity = "warn"
            count = fresh.failures_in_row
            failed = ngettext(
                "{count} failed poll in a row", "{count} failed polls in a row", count
            ).format(count=count)
            if not fatal and fresh.last_error:
                failed += f": {fresh.last_error}"
            parts.append(failed)
        elif fresh.latency is not None:
            parts.append(f"{fresh.latency * 1000:.0f} ms")
        if facts.problem and not fatal:
            parts.append(facts.problem)
    if facts.next_poll_in is None:
        parts.append(_("polling…"))
    elif severity != "ok" or facts.next_poll_in > facts.interval + 0.5:
        parts.append(_("next try in {age}").format(age=format_age(facts.next_poll_in)))
    parts.append(_("every {seconds} s").format(seconds=f"{facts.interval:g}"))
    if facts.muted:
        parts.append(_("{campaign} muted").format(campaign=facts.muted))
    if facts.note:
        parts.append(facts.note)
    return " · ".join(parts), severity


class MonitorStatus(SteadyStatic):
    DEFAULT_CSS = """
    MonitorStatus { width: 1fr; height: auto; padding: 0 1; color: $text-muted; }
    MonitorStatus.-warn { color: $text-warning; text-style: bold; }
    MonitorStatus.-error { color: $text-error; text-style: bold; }
    MonitorStatus.-frozen { background: $warning 20%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(_("connecting…"), id=id)
        self.text = _("connecting…")
        self.severity = "ok"

    def show(self, facts: StatusFacts) -> None:
        text, severity = status_text(facts)
        self.set_class(severity == "warn", "-warn")
        self.set_class(severity == "error", "-error")
        self.set_class(facts.frozen_at is not None, "-frozen")
        self.severity = severity
        if text != self.text:
            self.text = text
            self.update(Text(text))
