"""The one place that turns a failure into words a person can act on."""

from __future__ import annotations

from spikon_tui.api.errors import SpikonError
from spikon_tui.credentials import CredentialError


def describe_error(error: BaseException) -> str:
    """A sentence for the screen: the client's own message for API and network failures."""
    if isinstance(error, SpikonError):
        return str(error)
    if isinstance(error, CredentialError):
        text = str(error).rstrip(".")
        return f"The API key could not be stored: {text}."
    return f"Something went wrong inside spikon-tui ({type(error).__name__}). Please report it."
