"""The one place that turns a failure into words a person can act on."""

from __future__ import annotations

from spikon_tui.api.errors import SpikonError
from spikon_tui.credentials import CredentialError
from spikon_tui.i18n import _


def describe_error(error: BaseException) -> str:
    """A sentence for the screen: the client's own message for API and network failures."""
    if isinstance(error, SpikonError):
        return str(error)
    if isinstance(error, CredentialError):
        text = str(error).rstrip(".")
        return _("The API key could not be stored: {reason}.").format(reason=text)
    return _("Something went wrong inside spikon-tui ({kind}). Please report it.").format(
        kind=type(error).__name__
    )
