"""TitleBar: the line at the top of every screen, the palette icon and "Title — sub-title".

Textual's `Header` is four widgets (the header, its icon, its title and a clock
space), each styled, laid out and painted; at start-up they cost about a
twentieth of the time to the first balance on screen. TitleBar is one widget
that draws the same line: the icon on the left (a click opens the command
palette, as Header's does) and the app's `format_title` of the screen's (or
else the app's) title and sub-title, centred between the icon and a margin as
wide as Header's clock space. It redraws when one of those four changes, and
only itself.

In that right margin it counts the active alerts (the app's `alert_badge`,
when it has one): "⚠ 2" in the colour of the worst, dim when every one of
them is acknowledged or muted; F9 lists them. So a screen other than the
monitor shows alerts without a toast over the work.
"""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8
"""Cells the icon takes on the left, as Textual's HeaderIcon (its click target)."""
RIGHT_MARGIN = 10
"""Cells left empty on the right, as Textual's HeaderClockSpace."""


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for owner in (self.app, self.screen):
            for attribute in ("title", "sub_title"):
                self.watch(owner, attribute, self._title_changed, init=False)
        if hasattr(self.app, "alert_badge"):
            self.watch(self.app, "alert_badge", self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    @property
    def title_text(self) -> Content:
        """What the bar shows between the icon and the right margin (before fitting)."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    @property
    def alerts_text(self) -> Content:
        """ "⚠ 2" for the active alerts (empty when there are none), right-aligned."""
        badge = getattr(self.app, "alert_badge", None)
        if badge is None or not badge.active:
            return Content("")
        theme = self.app.current_theme
        if not badge.unattended:
            style = "dim"
        else:
            style = f"bold {theme.error if badge.worst >= 2 else theme.warning}"
        text = f"⚠ {badge.active}"
        return Content.styled(text.rjust(RIGHT_MARGIN - 1) + " ", style)

    def render(self) -> RenderResult:
        middle = max(0, self.size.width - ICON_WIDTH - RIGHT_MARGIN)
        title = self.title_text.rstrip().truncate(middle, ellipsis=True)
        centring = " " * ((middle - title.cell_length) // 2)
        alerts = self.alerts_text
        if not alerts.cell_length:
            return Content.assemble(f" {ICON}".ljust(ICON_WIDTH), centring, title)
        filler = " " * max(0, middle - title.cell_length - len(centring))
        return Content.assemble(f" {ICON}".ljust(ICON_WIDTH), centring, title, filler, alerts)

    async def _on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
