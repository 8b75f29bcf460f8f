"""Every screen at 120x40 and 80x24 (the monitor's overview and detail at 60x20 too),
compared with its accepted SVG snapshot.

After a deliberate change, look at the new pictures first (`pytest
tests/snapshots --snapshot-report`), then accept them with
`pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.snapshots.scenes import SCENES, SIZES, SceneRunner


@pytest.fixture
def runner() -> Iterator[SceneRunner]:
    scenes = SceneRunner()
    yield scenes
    scenes.close()


SHOTS = [(name, size) for name, scene in SCENES.items() for size in scene.sizes]
"""Each scene at each of its sizes (the monitor's overview and detail at 60x20 too)."""


@pytest.mark.parametrize(("name", "size"), SHOTS, ids=[f"{name}-{size}" for name, size in SHOTS])
def test_screen_looks_as_accepted(snap_compare, runner: SceneRunner, name: str, size: str) -> None:
    scene = SCENES[name]
    assert snap_compare(runner.app(scene), terminal_size=SIZES[size], run_before=scene.prepare)
