"""Textual's own words in the interface language: the command palette, the theme picker,
the system commands and the toasts Textual raises itself.

Textual writes these in English inside the library. `TranslatedApp` (the base of
the app) replaces each place they come from: the palette's placeholder and its
"No matches found", the theme picker's placeholder, the titles and help of the
system commands, the ctrl+c hint ("Press ctrl+q to quit the app") and the
screenshot toasts. Textual's "Keys" command is left out of the palette: the
panel it opens shows Textual's English descriptions of its own widgets' keys and
the screens' HELP as raw markup, while F1 already shows each screen's help and keys.

Written against Textual 8.2.8 (pinned: `_start_no_matches_countdown` repeats that
version's private method with the text translated; Textual has no way to translate
its own texts and no upstream issue asks for one yet).
tests/ui/test_textual_private.py fails when an upgrade changes that method.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.align import Align
from rich.text import Text
from textual import events, on
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from spikon_tui.i18n import N_, _

SYSTEM_COMMANDS = (
    *(N_("Bell"), N_("Ring the bell"), N_("Theme"), N_("Change the current theme")),
    *(N_("Quit"), N_("Quit the application as soon as possible")),
    *(N_("Minimize"), N_("Minimize the widget and restore to normal size")),
    *(N_("Maximize"), N_("Maximize the focused widget"), N_("Screenshot")),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""Titles and help of Textual's system commands, as Textual writes them (msgids)."""


class TranslatedCommandPalette(CommandPalette):
    """Textual's command palette with its placeholder and "No matches found" translated."""

    def __init__(
        self,
        providers: ProviderSource | None = None,
        *,
        placeholder: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(providers, placeholder=placeholder or _("Search for commands…"), id=id)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class TranslatedApp(App):
    """An `App` whose Textual-made texts follow the interface language."""

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(TranslatedCommandPalette(id="--command-palette"))

    def search_themes(self) -> None:
        self.push_screen(
            TranslatedCommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…"))
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        help_panel = (self.action_show_help_panel, self.action_hide_help_panel)
        for command in super().get_system_commands(screen):
            if command.callback not in help_panel:
                yield command._replace(title=_(command.title), help=_(command.help))

    def action_help_quit(self) -> None:
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    _("Press [b]{key}[/b] to quit.").format(key=key),
                    title=_("Do you want to quit?"),
                )
                return

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        if event.name != "screenshot":
            return
        event.prevent_default()  # Textual's own handler would say it again, in English
        if event.path is None:
            self.notify(_("Screenshot saved."), title=_("Screenshot"))
        else:
            self.notify(
                _("Screenshot saved to {path}.").format(path=event.path),
                title=_("Screenshot"),
                markup=False,
            )

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        if event.name != "screenshot":
            return
        event.prevent_default()
        self.notify(
            _("The screenshot could not be saved."), title=_("Screenshot"), severity="error"
        )
