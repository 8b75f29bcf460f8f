"""Click-to-call and the call history reports.

See the package docstring for the conventions all models follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

import msgspec

from spikon_tui.api.coerce import MAX_SECONDS


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


class CallRecord(msgspec.Struct, frozen=True, gc=False):
    """call_list/show: one call.

    `duration` is in seconds. `file` is a URL of the recording, a bare file name
    (when recordings go to the account's FTP), or "" when nothing was recorded.

    The one model that is a `msgspec.Struct` rather than a dataclass: a report
    can hold 50,000 calls, and `api/typed_json.py` decodes the documented JSON
    straight into these (field names are the answer's keys). Built by hand it
    works as the dataclasses do: positional or keyword fields, frozen, equal by
    value. `gc=False`: a record holds only a datetime, texts and an int, so it
    can never be part of a cycle and the collector need not track 50,000 of them.
    """

    date: datetime
    src: str
    dst: str
    duration: Annotated[int, msgspec.Meta(ge=0, lt=MAX_SECONDS)]
    """Seconds; the bounds are checked when decoded, as `coerce.to_seconds` does."""
    state: str
    file: str

    @property
    def has_recording(self) -> bool:
        return bool(self.file)

    @property
    def recording_is_url(self) -> bool:
        return self.file.startswith(("https://", "http://"))
