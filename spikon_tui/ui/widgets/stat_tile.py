"""StatTile: one headline figure with its label, e.g. "Waiting" over a big "4".

`show(value, note=..., level=...)` changes what it says; the level ("warn",
"alert" or None) and `stale` colour it. Stale figures stay, dimmed, never zeroed.
"""

from __future__ import annotations

from rich.text import Text

from spikon_tui.ui.widgets.steady_static import SteadyStatic

LEVELS = ("warn", "alert")


class StatTile(SteadyStatic):
    DEFAULT_CSS = """
    StatTile {
        width: 1fr;
        height: 3;
        padding: 0 1;
        margin-right: 1;
        background: $boost;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    StatTile.-warn { background: $warning 25%; }
    StatTile.-alert { background: $error 30%; }
    StatTile.-stale { color: $text-muted; }
    """

    def __init__(self, label: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.value = "…"
        self.note = ""
        self.level: str | None = None
        self._stale = False
        self._draw()

    def show(
        self, value: str, *, note: str = "", level: str | None = None, stale: bool = False
    ) -> None:
        if (value, note, level, stale) == (self.value, self.note, self.level, self._stale):
            return
        self.value, self.note, self.level, self._stale = value, note, level, stale
        for name in LEVELS:
            self.set_class(level == name, f"-{name}")
        self.set_class(stale, "-stale")
        self._draw()

    @property
    def text(self) -> str:
        """What the tile says, on one line (for tests and the help)."""
        return " ".join(part for part in (self.label, self.value, self.note) if part)

    def _draw(self) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(self.label, style="dim")
        text.append("\n")
        text.append(self.value, style="bold")
        if self.note:
            text.append("\n")
            text.append(self.note, style="dim")
        self.update(text)
