"""SteadyStatic: redraws only changed content, and lays out again only when the size may change."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from spikon_tui.ui.widgets.steady_static import SteadyStatic, line_lengths


class LabelApp(App[None]):
    CSS = """
    #auto { width: auto; height: 1; }
    #fill { width: 1fr; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield SteadyStatic("updated 8 s ago", id="auto")
        yield SteadyStatic("fits", id="fill")


def counted(widget: SteadyStatic) -> list[bool]:
    """The `layout` of every refresh the widget asks for from now on."""
    layouts: list[bool] = []
    refresh = widget.refresh

    def spy(*regions, layout: bool = False, **options):
        layouts.append(layout)
        return refresh(*regions, layout=layout, **options)

    widget.refresh = spy  # type: ignore[method-assign]
    return layouts


async def test_same_size_text_is_redrawn_without_a_layout_and_a_longer_one_with() -> None:
    app = LabelApp()
    async with app.run_test(size=(60, 10)) as pilot:
        label = app.query_one("#auto", SteadyStatic)
        label.update("updated 8 s ago")
        await pilot.pause()
        layouts = counted(label)
        label.update("updated 9 s ago")
        await pilot.pause()
        assert layouts == [False]
        label.update("updated 10 s ago")
        assert layouts == [False, True]
        await pilot.pause()
        assert label.size.width == len("updated 10 s ago")


async def test_unchanged_content_is_not_redrawn_but_a_new_style_is() -> None:
    app = LabelApp()
    async with app.run_test(size=(60, 10)) as pilot:
        label = app.query_one("#fill", SteadyStatic)
        label.update(Text("0:21"))
        await pilot.pause()
        layouts = counted(label)
        label.update(Text("0:21"))
        assert layouts == []
        label.update(Text("0:21", style="red"))
        assert layouts == [False], "same size, new colour: a repaint only"


async def test_a_fill_width_label_needs_a_layout_only_when_its_line_count_changes() -> None:
    app = LabelApp()
    async with app.run_test(size=(60, 10)) as pilot:
        label = app.query_one("#fill", SteadyStatic)
        label.update("one line")
        await pilot.pause()
        layouts = counted(label)
        label.update("one longer line")
        label.update("two\nlines")
        assert layouts == [False, True]


def test_markup_and_renderables_have_no_known_size() -> None:
    assert line_lengths("a\nbcd") == (1, 3)
    assert line_lengths(Text("łódź")) == (4,)
    assert line_lengths("[b]bold[/b]") is None
    assert line_lengths(object()) is None
