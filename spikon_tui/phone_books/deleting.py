"""Deleting several phone-book entries at once, one request at a time, and saying how it went.

An entry SPIKON no longer knows (-8, `NotFoundError`) counts as deleted: someone else
removed it first, and the user's wish is met. Any other refusal is kept with the entry
and the next one is tried. A network failure or an answer that never came stops the
run: the rest would most likely fail the same way, and the user can run it again (a
delete done twice only finds the entry gone).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spikon_tui.api.client import SpikonClient
from spikon_tui.api.errors import NotFoundError, SpikonError, TransportError
from spikon_tui.api.models import PhoneBookElement


@dataclass
class DeleteReport:
    """What a bulk delete did: the entries gone, those refused (with the error), and
    the error that stopped the run early (None when every entry was tried)."""

    total: int = 0
    deleted: list[PhoneBookElement] = field(default_factory=list)
    failed: list[tuple[PhoneBookElement, SpikonError]] = field(default_factory=list)
    stopped_by: SpikonError | None = None

    @property
    def untried(self) -> int:
        """Entries not attempted because the run stopped."""
        return self.total - len(self.deleted) - len(self.failed)


async def delete_entries(
    client: SpikonClient,
    entries: Sequence[PhoneBookElement],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> DeleteReport:
    """Delete `entries` (those with an id) in order; `progress(done, total)` after each."""
    deletable = [entry for entry in entries if entry.id is not None]
    report = DeleteReport(total=len(deletable))
    for done, entry in enumerate(deletable, start=1):
        assert entry.id is not None
        try:
            await client.phone_book_element_delete(phone_book_element_id=entry.id)
        except NotFoundError:
            report.deleted.append(entry)
        except SpikonError as error:
            if isinstance(error, TransportError) or error.outcome_unknown:
                report.stopped_by = error
                break
            report.failed.append((entry, error))
        else:
            report.deleted.append(entry)
        if progress is not None:
            progress(done, report.total)
    return report
