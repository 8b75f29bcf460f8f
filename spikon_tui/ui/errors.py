"""The one place that turns a failure into words a person can act on.

A SPIKON error is worded by `spikon_tui.monitor.freshness.spikon_error_words`, a
module with no UI, so the monitor says the very same words in its freshness line
and toasts as every other screen. It is imported when first needed: the monitor
package is not loaded at start-up.
"""

from __future__ import annotations

from spikon_tui.api.errors import SpikonError
from spikon_tui.credentials import CredentialError
from spikon_tui.i18n import _


def describe_error(error: BaseException) -> str:
    """A sentence for the screen: the client's own message for API and network failures."""
    if isinstance(error, SpikonError):
        from spikon_tui.monitor.freshness import spikon_error_words

        return spikon_error_words(error) or str(error)
    if isinstance(error, CredentialError):
        text = str(error).rstrip(".")
        return _("The API key could not be stored: {reason}.").format(reason=text)
    return _("Something went wrong inside spikon-tui ({kind}). Please report it.").format(
        kind=type(error).__name__
    )
