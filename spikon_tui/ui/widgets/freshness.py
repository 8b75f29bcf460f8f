""" "updated 12 s ago": how old the data on screen is, and whether the last refresh failed."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from spikon_tui.formatting import format_age
from spikon_tui.i18n import _
from spikon_tui.ui.widgets.steady_static import SteadyStatic


class FreshnessLabel(SteadyStatic):
    """Counts up every second from the last good update; says when a refresh failed."""

    DEFAULT_CSS = """
    FreshnessLabel { width: auto; color: $text-muted; }
    FreshnessLabel.-failed { color: $warning; }
    """

    TICK_SECONDS: ClassVar[float] = 1.0
    """How often the age is rewritten (tests shorten it; the age itself comes from the clock)."""

    def __init__(
        self, clock: Callable[[], float], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(_("loading…"), id=id, classes=classes)
        self._clock = clock
        self._updated_at: float | None = None
        self._failed_at: float | None = None
        self._loading = True
        self._text = _("loading…")

    @property
    def text(self) -> str:
        """What the label says now."""
        return self._text

    def on_mount(self) -> None:
        self.set_interval(self.TICK_SECONDS, self._show)

    def mark_loading(self) -> None:
        self._loading = True
        self._show()

    def mark_updated(self, at: float | None = None) -> None:
        """The data on screen is fresh as of `at` (the clock's now by default)."""
        self._updated_at = self._clock() if at is None else at
        self._failed_at = None
        self._loading = False
        self._show()

    def mark_failed(self) -> None:
        self._failed_at = self._clock()
        self._loading = False
        self._show()

    def forget(self) -> None:
        """Nothing is on screen yet (e.g. another book was chosen): say it is loading."""
        self._updated_at = self._failed_at = None
        self.mark_loading()

    def _show(self) -> None:
        now = self._clock()
        self.set_class(self._failed_at is not None, "-failed")
        if self._loading:
            text = _("refreshing…") if self._updated_at is not None else _("loading…")
        elif self._updated_at is None:
            text = _("not loaded: the last refresh failed")
        elif self._failed_at is not None:
            age = format_age(now - self._updated_at)
            text = _("refresh failed; showing data from {age} ago").format(age=age)
        else:
            text = _("updated {age} ago").format(age=format_age(now - self._updated_at))
        if text != self._text:
            self._text = text
            self.update(text)
