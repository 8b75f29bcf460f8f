"""A seeded sandbox with a fake clock and the real client talking to it over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import FakeClock


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(seed=5, clock=FakeClock(), contacts=30)) as sb:
        yield sb


@pytest.fixture
async def spikon(sandbox: Sandbox) -> AsyncIterator[SpikonClient]:
    async with SpikonClient(
        api_key=sandbox.api_key, base_url=sandbox.base_url, backoff=0.01
    ) as client:
        yield client
