"""The wallboard: each campaign a tile of large digits, readable across the room.

`spikon-tui monitor --wallboard [IDS]` opens it, and `spikon-tui serve` shows it
in a browser. It polls exactly as the overview does (it is the overview with
tiles instead of a table: `MonitorOverviewScreen`'s rounds, tracker and
ranking), and it is always read-only: its keys turn pages, nothing else.

The top line is the clock and the monitor's freshness line ("updated 3 s ago",
or STALE / offline in bold): a board whose figures are old says so in words.
A tile's colour is its level (green ok, yellow warn, red alert); a stale tile
is dimmed, never zeroed. Tiles and pages follow `monitor.wallboard`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid as GridContainer
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from spikon_tui.i18n import N_, _
from spikon_tui.monitor.alert_rules import Level
from spikon_tui.monitor.wallboard import (
    TileText,
    grid_for,
    page_count,
    page_of,
    tile_text,
)
from spikon_tui.ui.screens.monitor.overview import MonitorOverviewScreen
from spikon_tui.ui.screens.monitor.poller import DEFAULT_INTERVAL
from spikon_tui.ui.widgets.keys_footer import KeysFooter
from spikon_tui.ui.widgets.monitor_status import MonitorStatus
from spikon_tui.ui.widgets.title_bar import TitleBar

DEFAULT_PAGE_SECONDS = 10.0
LEVEL_CLASSES = {Level.OK: "-ok", Level.WARN: "-warn", Level.ALERT: "-alert"}


class Figure(Vertical):
    """One figure of a tile: its label over its value in large digits."""

    DEFAULT_CSS = """
    Figure { width: 1fr; height: 4; }
    Figure > .figure-label { height: 1; color: $text-muted; text-wrap: nowrap; }
    Figure > Digits { width: auto; }
    """

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def compose(self) -> ComposeResult:
        yield Static(self.label, classes="figure-label")
        yield Digits("-")

    def show(self, value: str) -> None:
        self.query_one(Digits).update(value)


class CampaignTile(Vertical):
    """A campaign's tile: name (border title), four figures, the reason in words."""

    DEFAULT_CSS = """
    CampaignTile {
        height: 7;
        border: round $success;
        border-title-style: bold;
        padding: 0 1;
    }
    CampaignTile.-warn { border: heavy $warning; background: $warning 15%; }
    CampaignTile.-alert { border: heavy $error; background: $error 20%; }
    CampaignTile.-stale { color: $text-muted; border: round $foreground 40%; }
    CampaignTile > Horizontal { height: 4; }
    CampaignTile > .tile-reason { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Figure(_("waiting"))
            yield Figure(_("longest"))
            yield Figure(_("free"))
            yield Figure(_("SLA"))
        yield Static("", classes="tile-reason")

    shown: TileText | None = None

    def show(self, text: TileText) -> None:
        if text == self.shown:
            return  # ticked every second; redrawn only when something changed
        self.shown = text
        self.border_title = text.name
        self.border_subtitle = text.target
        for figure, value in zip(
            self.query(Figure), (text.waiting, text.longest, text.free, text.sla), strict=True
        ):
            figure.show(value)
        self.query_one(".tile-reason", Static).update(text.reason)
        for level, name in LEVEL_CLASSES.items():
            self.set_class(text.level is level and not text.stale, name)
        self.set_class(text.stale, "-stale")


class WallboardScreen(MonitorOverviewScreen, inherit_bindings=False):
    DEFAULT_CSS = """
    WallboardScreen #wallboard-top { height: 1; }
    WallboardScreen #wallboard-clock { width: 10; padding: 0 1; text-style: bold; }
    WallboardScreen #monitor-status { width: 1fr; height: 1; }
    WallboardScreen #wallboard-page { width: auto; padding: 0 1; color: $text-muted; }
    WallboardScreen #wallboard-grid { height: 1fr; grid-gutter: 0 1; }
    """
    TITLE = N_("Wallboard")
    HELP = N_("""
Every campaign as a tile, worst first: calls waiting, the longest wait, free
agents and the SLA against its target, in digits large enough to read across the
room; the tile's colour is its level and the line under the figures says why.
The top line is the clock and how fresh the figures are; stale figures stay,
dimmed, and the line says STALE or offline.

When the campaigns do not fit, the board turns to the next page every few
seconds: [b]n[/b] and [b]b[/b] turn it by hand, [b]space[/b] stops and starts the
turning. The wallboard is read-only: nothing here changes anything.
""")
    BINDINGS = [
        Binding("f1", "app.help", N_("Help")),
        Binding("n", "turn(1)", N_("Next page")),
        Binding("b", "turn(-1)", N_("Previous page")),
        Binding("space", "pause_paging", N_("Pause paging")),
    ]

    def __init__(
        self,
        campaign_ids: Sequence[int] | None = None,
        *,
        page_seconds: float = DEFAULT_PAGE_SECONDS,
        interval: float = DEFAULT_INTERVAL,
        tracker=None,
    ) -> None:
        super().__init__(campaign_ids, tracker=tracker, interval=interval)
        self.page_seconds = max(2.0, page_seconds)
        self.page = 0
        self.paging = True
        self._tiles: list[TileText] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="wallboard-top"):
            yield Static("", id="wallboard-clock")
            yield MonitorStatus(id="monitor-status")
            yield Static("", id="wallboard-page")
        yield GridContainer(id="wallboard-grid")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_interval(self.page_seconds, self._turn_by_itself)

    # -- drawing ------------------------------------------------------------------------

    def tick(self, now: float) -> None:
        """The tiles and the clock (the overview's `draw` reads the freshness, then ticks)."""
        wanted = set(self.campaign_ids())
        alerts = self.tracker.alerts
        tiles = []
        for summary in self.tracker.overview(now):
            if summary.campaign_id not in wanted:
                continue
            fresh = self._freshness.get(summary.campaign_id)
            age = None
            if fresh is not None and fresh.age is not None:
                age = fresh.age + (now - self._freshness_at)
            tiles.append(tile_text(summary, alerts.statuses(summary.campaign_id), age))
        self._tiles = tiles
        self.query_one("#wallboard-clock", Static).update(
            time.strftime("%H:%M:%S", time.localtime(now))
        )
        self._show_page()

    def on_resize(self) -> None:
        self._show_page()

    def _grid(self):
        grid = self.query_one("#wallboard-grid", GridContainer)
        return grid, grid_for(grid.size.width or self.size.width, grid.size.height or 1)

    def _show_page(self) -> None:
        container, grid = self._grid()
        pages = page_count(len(self._tiles), grid.per_page)
        self.page %= pages
        shown = page_of(self._tiles, self.page, grid.per_page)
        container.styles.grid_size_columns = grid.columns
        container.styles.grid_size_rows = grid.rows
        tiles = list(container.query(CampaignTile))
        for _extra in range(len(shown) - len(tiles)):
            tile = CampaignTile()
            container.mount(tile)
            tiles.append(tile)
        for tile, text in zip(tiles, shown, strict=False):
            tile.display = True
            if tile.is_mounted:
                tile.show(text)
            else:
                tile.call_after_refresh(tile.show, text)
        for tile in tiles[len(shown) :]:
            tile.display = False
        page_note = ""
        if pages > 1:
            page_note = _("page {page}/{pages}").format(page=self.page + 1, pages=pages)
            if not self.paging:
                page_note += " " + _("(paused)")
        self.query_one("#wallboard-page", Static).update(page_note)

    def current_campaign_id(self) -> int | None:
        return None

    def action_open_detail(self) -> None:
        return None

    # -- pages --------------------------------------------------------------------------

    def _turn_by_itself(self) -> None:
        if self.paging:
            self.action_turn(1)

    def action_turn(self, step: int) -> None:
        self.page += step
        self._show_page()

    def action_pause_paging(self) -> None:
        self.paging = not self.paging
        self._show_page()
