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
