"""The one place that turns a failure into words a person can act on."""

from __future__ import annotations

from spikon_tui.api.errors import SpikonError


def describe_error(error: BaseException) -> str:
    """A sentence for the screen: the client's own message for API and network failures."""
    if isinstance(error, SpikonError):
        return str(error)
    return f"Something went wrong inside spikon-tui ({type(error).__name__}). Please report it."
