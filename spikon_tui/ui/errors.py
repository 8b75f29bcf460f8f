"""Where the UI turns any failure into words: `spikon_tui.error_words.describe_error`.

The wording itself lives in `spikon_tui/error_words.py` (no Textual there), so the
monitor's freshness line and record say the very same words as every screen. The
screens show a failure to a person (a toast, a dialog), so a bug in spikon-tui is
worded as one, with a request to report it (`report_bugs`), never as Python's message.
"""

from __future__ import annotations

from spikon_tui.error_words import describe_error as _describe_error


def describe_error(error: BaseException) -> str:
    """A sentence for the screen: the client's own message for API and network failures."""
    return _describe_error(error, report_bugs=True)
