"""The account's call history and the call-list reports ordered from it.

A report is a snapshot of the history matching its filters when it is
ordered; it becomes ready `generation_delay` seconds later and disappears 30
days after that (the documentation keeps reports "at most a month"). Its
encoded bodies are cached per API format, so a 50,000-row report is encoded
once.
"""

from __future__ import annotations

import bisect
import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from spikon_tui.sandbox import names
from spikon_tui.sandbox.accounts import PhoneAccount
from spikon_tui.sandbox.clock import local_time
from spikon_tui.sandbox.errors import ApiError, not_found

ANSWERED = "Odebrane"
NOT_ANSWERED = "Nieodebrane"
BUSY = "Zajęte"
FAILED = "Nieudane"
REPORT_LIFETIME = 30 * 86400.0
HISTORY_DAYS = 90
ROW_COLUMNS = ("date", "src", "dst", "duration", "state", "file")
RECORDING_URL = "https://panel.spikon.pl/channels/lists/call/get_playback_file?id={}"

DIRECTION_IN = 0
DIRECTION_OUT = 1
DIRECTION_BOTH = 2


@dataclass(frozen=True)
class CallRecord:
    epoch: float
    date: str  # "YYYY-MM-DD HH:MM:SS", Polish time
    day: datetime.date  # (the `date` field above would shadow a bare `date`)
    src: str
    dst: str
    duration: int  # seconds talked
    state: str
    file: str  # recording URL, bare file name, or ""
    incoming: bool

    def row(self) -> tuple[str, ...]:
        """The call_list/show fields, in the order of ROW_COLUMNS."""
        return (self.date, self.src, self.dst, str(self.duration), self.state, self.file)


@dataclass(frozen=True)
class ReportFilter:
    direction: int
    first_day: datetime.date
    last_day: datetime.date
    records_only: bool
    number: str  # "" matches every call

    def matches(self, call: CallRecord) -> bool:
        if self.direction == DIRECTION_IN and not call.incoming:
            return False
        if self.direction == DIRECTION_OUT and call.incoming:
            return False
        if not self.first_day <= call.day <= self.last_day:
            return False
        if self.records_only and not call.file:
            return False
        return not self.number or self.number in call.src or self.number in call.dst


@dataclass
class Report:
    id: int
    ready_at: float
    rows: tuple[CallRecord, ...]
    bodies: dict[int, bytes] = field(default_factory=dict)  # encoded answer per api_format

    def ready(self, now: float) -> bool:
        return now >= self.ready_at


class CallHistory:
    """Calls, oldest first, and the reports ordered from them."""

    def __init__(self, rng: random.Random, accounts: Sequence[PhoneAccount]) -> None:
        self._rng = rng
        self._accounts = tuple(accounts)
        self.calls: list[CallRecord] = []
        self.reports: dict[int, Report] = {}
        self._next_report_id = 1
        self._next_recording_id = 100_000 + rng.randrange(800_000)

    def add_random_calls(self, count: int, now: float, known_numbers: Sequence[str]) -> None:
        """`count` calls spread over the 90 days before `now`."""
        rng = self._rng
        start = now - HISTORY_DAYS * 86400
        batch = []
        for _ in range(count):
            epoch = float(int(start + rng.random() * (now - start)))
            # Office hours are busier: move most night calls by ten hours into 8:00-18:00.
            hour = local_time(epoch).hour
            if not 8 <= hour < 18 and rng.random() < 0.7:
                epoch += 36000 if hour < 8 else -36000
                if epoch >= now:
                    epoch -= 86400
            batch.append(self._random_call(epoch, known_numbers))
        self.calls.extend(batch)
        self.calls.sort(key=_by_time)

    def record_outgoing(self, epoch: float, account: PhoneAccount, destination: str) -> None:
        """A call started with call/initiate."""
        self.insert(self._make_call(epoch, account, destination, incoming=False))

    def insert(self, call: CallRecord) -> None:
        bisect.insort(self.calls, call, key=_by_time)

    def order(self, wanted: ReportFilter, now: float, generation_delay: float) -> Report:
        rows = tuple(call for call in reversed(self.calls) if wanted.matches(call))
        report = Report(self._next_report_id, now + generation_delay, rows)
        self._next_report_id += 1
        self.reports[report.id] = report
        return report

    def current_reports(self, now: float) -> list[Report]:
        """Reports not yet expired, in order of id (expired ones are dropped)."""
        for report in list(self.reports.values()):
            if now >= report.ready_at + REPORT_LIFETIME:
                del self.reports[report.id]
        return list(self.reports.values())

    def ready_report(self, report_id: int, now: float) -> Report:
        self.current_reports(now)
        report = self.reports.get(report_id)
        if report is None:
            raise not_found("call list", report_id)
        if not report.ready(now):
            raise ApiError(-9, f"Call list with id = '{report_id}' is not generated yet")
        return report

    def _random_call(self, epoch: float, known_numbers: Sequence[str]) -> CallRecord:
        rng = self._rng
        account = rng.choice(self._accounts)
        if known_numbers and rng.random() < 0.6:
            other = rng.choice(known_numbers)
        else:
            other = names.phone_number(rng)
        return self._make_call(epoch, account, other, incoming=rng.random() < 0.6)

    def _make_call(
        self, epoch: float, account: PhoneAccount, other: str, *, incoming: bool
    ) -> CallRecord:
        rng = self._rng
        roll = rng.random()
        if roll < 0.72:
            state = ANSWERED
        elif roll < 0.88:
            state = NOT_ANSWERED
        elif roll < 0.96:
            state = BUSY
        else:
            state = FAILED
        duration = int(rng.expovariate(1 / 150)) + 5 if state == ANSWERED else 0
        src, dst = (other, account.number) if incoming else (account.number, other)
        moment = local_time(epoch)
        text = moment.isoformat(" ", "seconds")[:19]  # "YYYY-MM-DD HH:MM:SS"
        file = ""
        if state == ANSWERED and account.recording:
            self._next_recording_id += 1
            if rng.random() < 0.15:  # the "recordings to FTP" package keeps only the name
                stamp = text.replace("-", "").replace(":", "").replace(" ", "-")
                file = f"{stamp}-{src}-{dst}.wav"
            else:
                file = RECORDING_URL.format(self._next_recording_id)
        return CallRecord(
            epoch=epoch,
            date=text,
            day=moment.date(),
            src=src,
            dst=dst,
            duration=duration,
            state=state,
            file=file,
            incoming=incoming,
        )


def _by_time(call: CallRecord) -> float:
    return call.epoch
