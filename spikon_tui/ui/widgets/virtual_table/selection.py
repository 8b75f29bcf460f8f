"""Which rows of a `VirtualTable` are selected, by row key, and the range shift+moves extend.

Keys, not positions, so a selection survives sorting, filtering and live updates. A
range starts at the row the cursor was on at the first shift+move (the anchor); each
further shift+move selects the rows between the anchor and the cursor on top of what
was selected before the range began, so moving back shrinks the range again. Anything
else ends the range.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable


class RowSelection:
    """The selected row keys (see the module docstring)."""

    __slots__ = ("_anchor", "_before", "_keys")

    def __init__(self) -> None:
        self._keys: set[Hashable] = set()
        self._anchor: Hashable | None = None
        self._before: frozenset[Hashable] = frozenset()

    @property
    def keys(self) -> frozenset[Hashable]:
        return frozenset(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._keys

    @property
    def anchor(self) -> Hashable | None:
        """Key of the row the current range started from (None: no range)."""
        return self._anchor

    def toggle(self, key: Hashable) -> None:
        self.end_range()
        if key in self._keys:
            self._keys.discard(key)
        else:
            self._keys.add(key)

    def add(self, keys: Iterable[Hashable]) -> bool:
        """Select `keys`; True if that selected any row not selected before."""
        self.end_range()
        before = len(self._keys)
        self._keys.update(keys)
        return len(self._keys) != before

    def remove(self, keys: Iterable[Hashable]) -> bool:
        """Unselect `keys`; True if any of them was selected."""
        self.end_range()
        before = len(self._keys)
        self._keys.difference_update(keys)
        return len(self._keys) != before

    def clear(self) -> bool:
        """Unselect every row; True if any was selected."""
        self.end_range()
        changed = bool(self._keys)
        self._keys.clear()
        return changed

    def keep_only(self, existing: Collection[Hashable]) -> bool:
        """Drop the keys of rows gone from the data; True if any was dropped."""
        gone = [key for key in self._keys if key not in existing]
        if self._anchor is not None and self._anchor not in existing:
            self.end_range()
        self._keys.difference_update(gone)
        self._before = self._before.intersection(existing)
        return bool(gone)

    def start_range(self, anchor: Hashable) -> None:
        """Begin a range at the row with key `anchor`, unless one is under way."""
        if self._anchor is None:
            self._anchor = anchor
            self._before = frozenset(self._keys)

    def set_range(self, keys: Iterable[Hashable]) -> bool:
        """The range now covers `keys` (anchor to cursor); True if the selection changed."""
        new = set(self._before)
        new.update(keys)
        changed = new != self._keys
        self._keys = new
        return changed

    def end_range(self) -> None:
        self._anchor = None
        self._before = frozenset()
