"""Answers several method groups share: a deleted item, an action's status.

See the package docstring for the conventions all models follow.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DeletedItem:
    """phone_book/delete, phone_book_element/delete, tts/delete."""

    id: int
    state: str

    @property
    def deleted(self) -> bool:
        return self.state.strip().lower() == "deleted"


@dataclass(frozen=True, slots=True)
class ActionStatus:
    """cc_in_campaign/*, cc_out_campaign/*: the action's status (`"OK"`)."""

    status: str

    @property
    def ok(self) -> bool:
        return self.status.strip().upper() == "OK"
