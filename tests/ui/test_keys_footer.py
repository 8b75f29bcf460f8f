"""KeysFooter: the keys of what has focus on one line, clickable, redrawn when they change."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from spikon_tui.ui.widgets.keys_footer import KeysFooter


class FooterApp(App[None]):
    BINDINGS = [
        Binding("r", "count('r')", "Refresh"),
        Binding("x", "count('x')", "Export"),
        Binding("h", "count('h')", "Hidden", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []
        self.export_enabled = True

    def compose(self) -> ComposeResult:
        yield Input(id="field")
        yield KeysFooter()

    def action_count(self, name: str) -> None:
        self.pressed.append(name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "count" and parameters == ("x",):
            return True if self.export_enabled else None  # None: shown, but disabled
        return True


def footer_line(app: App) -> str:
    return app.screen._compositor.render_strips()[-1].text


async def test_shows_the_shown_keys_with_the_palette_at_the_right_edge() -> None:
    app = FooterApp()
    async with app.run_test(size=(60, 5)) as pilot:
        app.set_focus(None)
        await pilot.pause()
        line = footer_line(app)
        assert "r Refresh" in line and "x Export" in line
        assert "Hidden" not in line
        assert line.rstrip().endswith("^p palette")
        assert len(line) == 60


async def test_a_click_on_a_key_presses_it() -> None:
    app = FooterApp()
    async with app.run_test(size=(60, 5)) as pilot:
        app.set_focus(None)
        await pilot.pause()
        x = footer_line(app).index("x Export")
        await pilot.click(KeysFooter, offset=(x, 0))
        await pilot.pause()
        assert app.pressed == ["x"]


async def test_keys_follow_focus_and_disabled_keys_are_dimmed() -> None:
    app = FooterApp()
    async with app.run_test(size=(60, 5)) as pilot:
        app.query_one(Input).focus()
        await pilot.pause()
        # While typing, letters are text: the input swallows r and x, so they leave.
        assert "r Refresh" not in footer_line(app)

        app.set_focus(None)
        app.export_enabled = False
        app.refresh_bindings()
        await pilot.pause()
        footer = app.query_one(KeysFooter)
        line = footer.render_line(0)
        x = line.text.index("x Export")
        export_style = [s.style for s in line.crop(x, x + 1)][0]
        r = line.text.index("r Refresh")
        refresh_style = [s.style for s in line.crop(r, r + 1)][0]
        assert export_style != refresh_style


class _OwnKeysScreen(Screen[None]):
    BINDINGS = [
        Binding("f1", "app.noop('f1')", "Help"),  # app-wide, though bound here
        Binding("a", "noop('a')", "Add"),
        Binding("d", "noop('d')", "Delete"),
    ]

    def compose(self) -> ComposeResult:
        yield KeysFooter()

    def action_noop(self, key: str) -> None:
        pass


class _NavigationApp(App[None]):
    BINDINGS = [
        Binding("ctrl+q", "noop('ctrl+q')", "Quit", priority=True),
        *(Binding(f"f{n}", f"noop('f{n}')", f"Screen {n}", priority=True) for n in range(2, 9)),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(_OwnKeysScreen())

    def action_noop(self, key: str) -> None:
        self.pressed.append(key)


async def test_the_screen_s_own_keys_come_before_the_app_s_navigation() -> None:
    app = _NavigationApp()
    async with app.run_test(size=(200, 5)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        assert line.index("a Add") < line.index("d Delete") < line.index("f1 Help")
        assert line.index("f1 Help") < line.index("^q Quit") < line.index("f2 Screen 2")
        assert line.index("f2 Screen 2") < line.index("f8 Screen 8")
        assert "…" not in line, "everything fits"


async def test_keys_cut_for_want_of_room_end_in_a_pointer_to_f1() -> None:
    app = _NavigationApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        assert line.startswith(" a Add  d Delete ")
        assert "f8 Screen 8" not in line
        assert "… f1" in line and line.rstrip().endswith("^p palette")
        assert len(line) == 60
        x = line.index("… f1")
        await pilot.click(KeysFooter, offset=(x + 1, 0))
        await pilot.pause()
        assert app.pressed == ["f1"], "a click on the mark opens the help"
