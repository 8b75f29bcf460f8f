"""Regenerate screenshots/: an SVG of each screen from the demo, and a PNG beside it.

    .venv/bin/python scripts/make_screenshots.py

The scenes are the snapshot tests' (tests/snapshots/scenes.py), at 120x40. PNGs
need `rsvg-convert` (Debian/Ubuntu: apt-get install librsvg2-bin).
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.snapshots.scenes import SCENES, SIZES, SceneRunner  # noqa: E402

OUT = ROOT / "screenshots"


async def _shoot(runner: SceneRunner, name: str) -> Path:
    scene = SCENES[name]
    app = runner.app(scene)
    async with app.run_test(size=SIZES["wide"]) as pilot:
        await scene.prepare(pilot)
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))


async def main() -> int:
    OUT.mkdir(exist_ok=True)
    runner = SceneRunner()
    try:
        svgs = [await _shoot(runner, name) for name in SCENES]
    finally:
        runner.close()
    converter = shutil.which("rsvg-convert")
    for svg in svgs:
        if converter:
            subprocess.run([converter, str(svg), "-o", str(svg.with_suffix(".png"))], check=True)
        print(svg.relative_to(ROOT))
    if not converter:
        print("rsvg-convert not found: PNGs not made (apt-get install librsvg2-bin)")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
