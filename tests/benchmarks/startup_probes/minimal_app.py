"""Baseline for the start-up benchmark: the smallest Textual app that paints one line, headless."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App):
    def compose(self) -> ComposeResult:
        yield Static("123,45 zł")

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


Minimal().run(headless=True)
