"""The calls on screen, written to a CSV file a spreadsheet opens as it is.

Columns: date (as SPIKON sent it, Polish time), from, to, duration in seconds
(for sums), duration in words, state and the recording (a URL, an FTP file
name, or empty). UTF-8, one header line, in the flavour asked for (`,` or, for
a spreadsheet, `;` and a byte-order mark: `files.csv_flavour`); every text cell
is guarded against running as a formula. A CSV is data for other programs: its
header, states and durations are English whatever the interface language, so a
spreadsheet or script reading it never changes. The
file is written next to its final name and moved into place, so a failed export
never leaves half a file; missing folders are created.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spikon_tui.api.models import CallRecord
from spikon_tui.api_words import call_state_meaning
from spikon_tui.calls.calls import humanize_duration
from spikon_tui.files.atomic import open_atomically
from spikon_tui.files.csv_flavour import PLAIN, CsvFlavour, guarded
from spikon_tui.i18n import _

HEADER = ("date", "from", "to", "duration_seconds", "duration", "state", "recording")


def csv_row(call: CallRecord) -> tuple[str, ...]:
    return (
        call.date.isoformat(" ", "seconds"),
        guarded(call.src),
        guarded(call.dst),
        str(call.duration),
        humanize_duration(call.duration, str),
        guarded(call_state_meaning(call.state) or call.state.strip()),
        guarded(call.file),
    )


def write_calls_csv(
    path: str | Path, calls: Iterable[CallRecord], flavour: CsvFlavour = PLAIN
) -> int:
    """Write `calls` to `path` (replacing it); returns how many calls were written.

    Raises `OSError` when the folder cannot be created or the file cannot be written.
    """
    count = 0
    with open_atomically(Path(path), newline="") as file:
        writer = flavour.writer(file)
        writer.writerow(HEADER)
        for call in calls:
            writer.writerow(csv_row(call))
            count += 1
    return count


def describe_os_error(error: OSError, path: str | Path) -> str:
    """'Could not write /x/calls.csv: permission denied.' — the reason in words, no traceback."""
    reason = (error.strerror or type(error).__name__).rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    return _("Could not write {path}: {reason}.").format(path=path, reason=reason)
