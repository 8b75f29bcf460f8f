"""Regenerate screenshots/: an SVG of each screen from the demo, and a PNG beside it.

    .venv/bin/python scripts/make_screenshots.py              # every scene
    .venv/bin/python scripts/make_screenshots.py sms speech   # only these scenes

The scenes are the snapshot tests' (tests/snapshots/scenes.py), at 120x40, shot
after the same pauses as `snap_compare`'s, so each shows what its wide snapshot
checks. Scenes that must stay usable at 60x20 (the monitor's overview and detail,
the alerts panel) are also shot at 80x24 and 60x20, as NAME-narrow and NAME-small.
PNGs need `rsvg-convert` (Debian/Ubuntu: apt-get install librsvg2-bin).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.snapshots.scenes import SCENES, SIZES, SceneRunner  # noqa: E402

OUT = ROOT / "screenshots"


def _shots(name: str) -> list[tuple[str, str]]:
    """(file stem, size) of each picture of a scene."""
    sizes = SCENES[name].sizes
    if "small" not in sizes:
        return [(name, "wide")]
    return [(name if size == "wide" else f"{name}-{size}", size) for size in sizes]


async def _shoot(runner: SceneRunner, name: str, stem: str, size: str) -> Path:
    scene = SCENES[name]
    app = runner.app(scene)
    async with app.run_test(size=SIZES[size]) as pilot:
        await scene.prepare(pilot)
        # What textual's take_svg_screenshot (snap_compare) waits for before its picture.
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        return Path(app.save_screenshot(filename=f"{stem}.svg", path=str(OUT)))


def _make_png(converter: str, svg: Path) -> None:
    """rsvg-convert drops the spaces at either end of each run of text (a right-aligned
    column moves left, "06-13 17:45" loses its space) unless told to keep them."""
    text = svg.read_text(encoding="utf-8").replace("<svg ", '<svg xml:space="preserve" ', 1)
    png = svg.with_suffix(".png")
    subprocess.run([converter, "--output", str(png)], input=text.encode("utf-8"), check=True)


def _chosen_scenes(argv: Sequence[str] | None) -> list[str]:
    parser = argparse.ArgumentParser(description="Draw the README's screenshots from the demo.")
    parser.add_argument(
        "scenes",
        nargs="*",
        metavar="SCENE",
        help=f"scenes to draw (default: all): {', '.join(SCENES)}",
    )
    chosen = parser.parse_args(argv).scenes
    unknown = [name for name in chosen if name not in SCENES]
    if unknown:
        parser.error(f"no scene named {', '.join(unknown)}; the scenes: {', '.join(SCENES)}")
    return chosen or list(SCENES)


async def main(argv: Sequence[str] | None = None) -> int:
    names = _chosen_scenes(argv)
    OUT.mkdir(exist_ok=True)
    runner = SceneRunner()
    try:
        svgs = [
            await _shoot(runner, name, stem, size) for name in names for stem, size in _shots(name)
        ]
    finally:
        runner.close()
    converter = shutil.which("rsvg-convert")
    for svg in svgs:
        if converter:
            _make_png(converter, svg)
        print(svg.relative_to(ROOT))
    if not converter:
        print("rsvg-convert not found: PNGs not made (apt-get install librsvg2-bin)")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
