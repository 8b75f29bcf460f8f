"""`spikon-tui --demo`: an in-process sandbox with a realistic account, no key, no network."""

from __future__ import annotations

import dataclasses
from typing import Any

from spikon_tui.sandbox import Sandbox, SandboxConfig

DEMO_SEED = 2026


def demo_config(**overrides: Any) -> SandboxConfig:
    """A busy, believable account: a main book of a few thousand entries, campaigns in motion.
    `overrides` are `SandboxConfig` fields (a test's clock, say)."""
    demo = SandboxConfig(
        host="127.0.0.1",
        port=0,
        seed=DEMO_SEED,
        contacts=3000,
        calls=1500,
        agents=24,
        campaigns=4,
        generation_delay=3.0,
    )
    return dataclasses.replace(demo, **overrides)


def start_demo_sandbox(**overrides: Any) -> Sandbox:
    sandbox = Sandbox(demo_config(**overrides))
    sandbox.start()
    return sandbox
