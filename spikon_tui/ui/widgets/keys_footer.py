"""The footer of every screen: Textual's `Footer`, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its key widgets whenever the bindings *may* have
changed (every focus move, every action). Rebuilding means mounting a dozen widgets
and restyling them, which is most of the work of a keystroke on a busy screen. This
footer compares what it would show with what it shows and skips identical rebuilds.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    _shown: tuple[object, ...] | None = None

    def _keys_to_show(self) -> tuple[object, ...]:
        app = self.app
        return (
            app.ENABLE_COMMAND_PALETTE and self.show_command_palette,
            *(
                (key, active.binding.action, active.binding.description, active.enabled)
                + (active.tooltip, app.get_key_display(active.binding))
                for key, active in self.screen.active_bindings.items()
                if active.binding.show or key == app.COMMAND_PALETTE_BINDING
            ),
        )

    def compose(self):
        self._shown = self._keys_to_show() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._keys_to_show() != self._shown:
            await self.recompose()
