""" "updated 12 s ago": how old the data on screen is, and whether the last refresh failed."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from spikon_tui.formatting import format_age


class FreshnessLabel(Static):
    """Counts up every second from the last good update; says when a refresh failed."""

    DEFAULT_CSS = """
    FreshnessLabel { width: auto; color: $text-muted; }
    FreshnessLabel.-failed { color: $warning; }
    """

    def __init__(self, clock: Callable[[], float], *, id: str | None = None) -> None:
        super().__init__("loading…", id=id)
        self._clock = clock
        self._updated_at: float | None = None
        self._failed_at: float | None = None
        self._loading = True

    def on_mount(self) -> None:
        self.set_interval(1.0, self._show)

    def mark_loading(self) -> None:
        self._loading = True
        self._show()

    def mark_updated(self) -> None:
        self._updated_at = self._clock()
        self._failed_at = None
        self._loading = False
        self._show()

    def mark_failed(self) -> None:
        self._failed_at = self._clock()
        self._loading = False
        self._show()

    def _show(self) -> None:
        now = self._clock()
        self.set_class(self._failed_at is not None, "-failed")
        if self._loading:
            text = "refreshing…" if self._updated_at is not None else "loading…"
        elif self._updated_at is None:
            text = "not loaded: the last refresh failed"
        elif self._failed_at is not None:
            text = f"refresh failed; showing data from {format_age(now - self._updated_at)} ago"
        else:
            text = f"updated {format_age(now - self._updated_at)} ago"
        self.update(text)
