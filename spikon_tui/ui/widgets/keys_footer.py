"""The footer of every screen: the keys of what has focus, drawn as one line by one widget.

The keys of what has focus and of the screen come first, then the app-wide
keys (help, the screens' F-keys, quit: bound on the app or to an `app.` action).
When they do not all fit, the line ends in "… f1": F1 lists every key.

Textual's `Footer` is a widget per key, restyled and remounted whenever the bindings
may have changed; building it was a sixth of the app's start-up time. This footer
draws the same line ("f1 Help  r Refresh … ▏^p palette") itself, redraws only when
the keys it would show change, and turns a click on a key into that key press.
Disabled keys are dimmed; the command palette key stays at the right edge.
Binding descriptions are English msgids (marked with `N_()` where the bindings are
declared) and are translated here, when drawn.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from spikon_tui.i18n import N_, _

TEXTUAL_DESCRIPTIONS = (N_("palette"),)
"""Descriptions of Textual's own keys the footer shows, for the catalogs."""

CUT_MARK = " … f1"
"""Drawn where keys are cut for want of room: F1 lists them all (a click on it opens it)."""


class ShownKey(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


class KeysFooter(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keys-footer--key",
        "keys-footer--description",
        "keys-footer--disabled",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .keys-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keys-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keys-footer--disabled {
            color: $text-disabled;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: tuple[ShownKey, ...] = ()
        self._palette: ShownKey | None = None
        self._spans: list[tuple[int, int, str]] = []  # x from, x to, key: for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        # Not now: asking the screen which keys are enabled runs its check_action, which
        # may look for widgets the screen has not mounted yet.
        self.call_after_refresh(self._read_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self._read_keys()

    def _read_keys(self) -> None:
        if not self.is_attached:
            return
        app = self.app
        own: list[ShownKey] = []
        navigation: list[ShownKey] = []
        palette: ShownKey | None = None
        seen_actions: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            description = _(binding.description) if binding.description else ""
            shown = ShownKey(key, app.get_key_display(binding), description, active.enabled)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = shown
            elif binding.show and binding.action not in seen_actions:
                seen_actions.add(binding.action)  # one key per action, as Footer does
                app_wide = active.node is app or binding.action.startswith("app.")
                (navigation if app_wide else own).append(shown)
        keys = (*own, *navigation)
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    @property
    def text(self) -> str:
        """The keys as shown, on one line (for tests and the help)."""
        shown = [f"{k.display} {k.description}" for k in self._keys]
        if self._palette is not None:
            shown.append(f"{self._palette.display} {self._palette.description}")
        return "  ".join(shown)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        key_style = base + self.get_component_rich_style("keys-footer--key", partial=True)
        text_style = base + self.get_component_rich_style("keys-footer--description", partial=True)
        disabled = self.get_component_rich_style("keys-footer--disabled", partial=True)
        palette_cells = self._palette_cells(key_style, text_style)
        room = width - sum(cell_len(segment.text) for segment in palette_cells)
        segments: list[Segment] = []
        spans: list[tuple[int, int, str]] = []
        parts = [(f" {shown.display} ", f"{shown.description} ", shown) for shown in self._keys]
        sizes = [cell_len(key_part) + cell_len(text_part) for key_part, text_part, _s in parts]
        if sum(sizes) > room:  # cut: keep room to say where the rest is
            room -= cell_len(CUT_MARK)
        x = 0
        for (key_part, text_part, shown), size in zip(parts, sizes, strict=True):
            if x + size > room:
                segments.append(Segment(CUT_MARK, text_style))
                spans.append((x, x + cell_len(CUT_MARK), "f1"))
                x += cell_len(CUT_MARK)
                break
            dim = Style() if shown.enabled else disabled
            segments += [Segment(key_part, key_style + dim), Segment(text_part, text_style + dim)]
            spans.append((x, x + size, shown.key))
            x += size
        if palette_cells:
            segments.append(Segment(" " * max(0, room - x), base))
            spans.append((max(x, room), width, self._palette.key if self._palette else ""))
            segments += palette_cells
        self._spans = spans
        return Strip(segments).adjust_cell_length(width, base)

    def _palette_cells(self, key_style: Style, text_style: Style) -> list[Segment]:
        palette = self._palette
        if palette is None:
            return []
        return [
            Segment("▏", text_style),
            Segment(palette.display, key_style),
            Segment(f" {palette.description} ", text_style),
        ]

    async def _on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end and key:
                event.stop()
                self.app.simulate_key(key)
                return
