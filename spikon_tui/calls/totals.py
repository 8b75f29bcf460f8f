"""The figures under a report: how many calls, how many answered, how long they talked.

The average is taken over answered calls only: unanswered calls last 0 s and
would drag it towards nothing. `CallFigures` holds per-call numbers once, so the
totals of any subset (the calls a filter shows) are one pass over small ints.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spikon_tui.api.models import CallRecord
from spikon_tui.calls.calls import humanize_duration, is_answered
from spikon_tui.i18n import _, ngettext


@dataclass(frozen=True)
class CallTotals:
    calls: int
    answered: int
    talk_seconds: int

    @property
    def answered_share(self) -> float:
        """Answered calls as a fraction of all calls (0 when there are none)."""
        return self.answered / self.calls if self.calls else 0.0

    @property
    def average_seconds(self) -> float:
        """Average length of an answered call (0 when none was answered)."""
        return self.talk_seconds / self.answered if self.answered else 0.0


class CallFigures:
    """Each call's duration and whether it was answered, by its position in the report."""

    def __init__(self, calls: Sequence[CallRecord]) -> None:
        self.durations: list[int] = [call.duration for call in calls]
        self.answered: list[bool] = [is_answered(call.state) for call in calls]
        self.all = CallTotals(len(calls), sum(self.answered), sum(self.durations))

    def totals(self, positions: Iterable[int]) -> CallTotals:
        """The totals of the calls at `positions`."""
        durations = self.durations
        answered = self.answered
        count = answered_count = talk = 0
        for position in positions:
            count += 1
            if answered[position]:
                answered_count += 1
                talk += durations[position]
        return CallTotals(count, answered_count, talk)


def describe_totals(shown: CallTotals, total_calls: int) -> str:
    """'12 of 1 500 calls · 75% answered · 31 min 20 s talked · 3 min 29 s per answered call'."""
    count = _grouped(shown.calls)
    if shown.calls == total_calls:
        head = ngettext("{count} call", "{count} calls", total_calls).format(count=count)
    else:
        head = ngettext("{count} of {total} call", "{count} of {total} calls", total_calls).format(
            count=count, total=_grouped(total_calls)
        )
    if not shown.calls:
        return head
    parts = [
        head,
        _("{percent}% answered").format(percent=round(shown.answered_share * 100)),
        _("{duration} talked").format(duration=humanize_duration(shown.talk_seconds)),
    ]
    if shown.answered:
        average = humanize_duration(round(shown.average_seconds))
        parts.append(_("{duration} per answered call").format(duration=average))
    return " · ".join(parts)


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", " ")
