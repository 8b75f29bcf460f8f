"""Fixtures for end-to-end tests: the real client talking to the real sandbox over loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(seed=11, clock=clock, contacts=120, calls=300)) as sb:
        yield sb


@pytest.fixture(params=[0, 1], ids=["json", "xml"])
def api_format(request: pytest.FixtureRequest) -> int:
    return request.param


@pytest.fixture
async def spikon(sandbox: Sandbox, api_format: int) -> AsyncIterator[SpikonClient]:
    async with SpikonClient(
        api_key=sandbox.api_key, base_url=sandbox.base_url, api_format=api_format, backoff=0.01
    ) as client:
        yield client
