"""Click-to-call and the call history reports.

See the package docstring for the conventions all models follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class CallInitiated:
    """call/initiate: the state of the new call (`"initiated"`)."""

    state: str


@dataclass(frozen=True, slots=True)
class CallListOrder:
    """call_list/order: the id of the queued call history report."""

    call_list_id: int


@dataclass(frozen=True, slots=True)
class CallListStatus:
    """call_list/list: one ordered report; `generated` False means still waiting."""

    id: int
    generated: bool


@dataclass(frozen=True, slots=True)
class CallRecord:
    """call_list/show: one call.

    `duration` is in seconds. `file` is a URL of the recording, a bare file name
    (when recordings go to the account's FTP), or "" when nothing was recorded.
    """

    date: datetime
    src: str
    dst: str
    duration: int
    state: str
    file: str

    @property
    def has_recording(self) -> bool:
        return bool(self.file)

    @property
    def recording_is_url(self) -> bool:
        return self.file.startswith(("https://", "http://"))


@dataclass(slots=True)
class CallRecordDraft:
    """`CallRecord`'s mutable twin (same slots, same order), for building 50,000 rows fast
    (`answers.call_records`).

    A frozen dataclass's `__init__` sets each field through `object.__setattr__`,
    which costs about twice the whole rest of a row. A draft is built with the
    plain slots `__init__`, then becomes a `CallRecord` by a `__class__`
    assignment, which Python allows between classes of identical layout; from
    then on it is as frozen as any other `CallRecord`.
    """

    date: datetime
    src: str
    dst: str
    duration: int
    state: str
    file: str


assert CallRecordDraft.__slots__ == CallRecord.__slots__, "the twins must share their layout"
