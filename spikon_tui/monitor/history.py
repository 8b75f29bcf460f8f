"""A bounded history of one campaign's figures: the data behind the trend sparklines.

`SampleHistory` is a ring buffer (`deque(maxlen=...)`) of timestamped
`Sample`s. It keeps every sample of the last `keep_seconds` (an hour by
default) and drops older ones; its length can never exceed
`keep_seconds / min_interval + 1`, so polling for days uses no more memory than
polling for an hour. Polls closer together than `min_interval` (the shortest
refresh interval the app allows) can push the oldest samples out early.

Queries: `values(metric, seconds, now)` for the raw points of the last N
seconds, and `buckets(...)` to squeeze a span into K buckets for a sparkline
(e.g. the maximum of waiting calls, or the last SLA, in each minute of the last
hour); a bucket with no data is None, never 0.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from spikon_tui.monitor.figures import SnapshotFigures

HOUR = 3600.0
DEFAULT_MIN_INTERVAL = 1.0

Metric = Literal["calls_waiting", "longest_wait", "sla", "free_agents", "busy_members"]
METRICS: tuple[str, ...] = ("calls_waiting", "longest_wait", "sla", "free_agents", "busy_members")

Aggregate = Literal["max", "min", "last", "mean"]
AGGREGATES: tuple[str, ...] = ("max", "min", "last", "mean")


@dataclass(frozen=True, slots=True)
class Sample:
    """One poll's figures. `longest_wait` and `sla` may be None (see `figures.py`)."""

    at: float
    calls_waiting: int
    longest_wait: float | None
    sla: int | None
    free_agents: int
    busy_members: int

    @classmethod
    def from_figures(cls, at: float, figures: SnapshotFigures) -> Sample:
        return cls(
            at=at,
            calls_waiting=figures.calls_waiting,
            longest_wait=figures.longest_wait,
            sla=figures.sla,
            free_agents=figures.free_agents,
            busy_members=figures.busy_members,
        )


def _check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; known: {', '.join(METRICS)}")


class SampleHistory:
    """The samples of one campaign over the last `keep_seconds`, oldest first."""

    def __init__(
        self, keep_seconds: float = HOUR, *, min_interval: float = DEFAULT_MIN_INTERVAL
    ) -> None:
        if keep_seconds <= 0 or min_interval <= 0:
            raise ValueError("keep_seconds and min_interval must be positive")
        self.keep_seconds = float(keep_seconds)
        self.capacity = math.ceil(keep_seconds / min_interval) + 1
        self._samples: deque[Sample] = deque(maxlen=self.capacity)

    def __len__(self) -> int:
        return len(self._samples)

    def __iter__(self) -> Iterator[Sample]:
        return iter(self._samples)

    @property
    def latest(self) -> Sample | None:
        return self._samples[-1] if self._samples else None

    def append(self, sample: Sample) -> None:
        """Add the newest sample and drop those older than `keep_seconds` before it.

        A sample stamped earlier than the newest one (the wall clock was set
        back) is stamped with the newest one's time, so the history stays in
        order.
        """
        samples = self._samples
        if samples and sample.at < samples[-1].at:
            sample = replace(sample, at=samples[-1].at)
        samples.append(sample)
        horizon = sample.at - self.keep_seconds
        while samples[0].at < horizon:
            samples.popleft()

    def clear(self) -> None:
        self._samples.clear()

    def values(self, metric: str, seconds: float, now: float) -> list[tuple[float, float | None]]:
        """`(at, value)` of every sample in the last `seconds` up to `now`, oldest first."""
        _check_metric(metric)
        start = now - seconds
        points: list[tuple[float, float | None]] = []
        for sample in reversed(self._samples):
            if sample.at <= start:
                break
            if sample.at <= now:
                points.append((sample.at, getattr(sample, metric)))
        points.reverse()
        return points

    def buckets(
        self, metric: str, *, span: float, count: int, now: float, how: str = "max"
    ) -> list[float | None]:
        """The last `span` seconds before `now` in `count` equal buckets, oldest first.

        Bucket i covers `(now - span + i*w, now - span + (i+1)*w]` with
        `w = span / count`. Each holds the `how` ("max", "min", "last" or
        "mean") of the samples' values in it; samples whose value is None are
        skipped, and a bucket with no value is None.
        """
        _check_metric(metric)
        if how not in AGGREGATES:
            raise ValueError(f"unknown aggregate {how!r}; known: {', '.join(AGGREGATES)}")
        if count < 1 or span <= 0:
            raise ValueError("count must be at least 1 and span positive")
        width = span / count
        start = now - span
        last = count - 1
        result: list[float | None] = [None] * count
        seen = [0] * count
        # Newest first, stopping at the span's start: this runs once a second per campaign.
        for sample in reversed(self._samples):
            at = sample.at
            if at <= start:
                break
            if at > now:
                continue
            value = getattr(sample, metric)
            if value is None:
                continue
            index = math.ceil((at - start) / width) - 1
            if index > last:
                index = last
            elif index < 0:
                index = 0
            current = result[index]
            seen[index] += 1
            if current is None:
                result[index] = value
            elif how == "max":
                if value > current:
                    result[index] = value
            elif how == "min":
                if value < current:
                    result[index] = value
            elif how == "mean":
                result[index] = current + value
            # "last": the first value met going backwards is the latest one: keep it
        if how == "mean":
            return [
                None if total is None else total / n for total, n in zip(result, seen, strict=True)
            ]
        return result
