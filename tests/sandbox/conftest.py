"""Fixtures for the sandbox tests: a fake clock, a running sandbox, a raw HTTP client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from spikon_tui.sandbox import Sandbox, SandboxConfig
from tests.sandbox.helpers import Api, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(seed=7, clock=clock, contacts=150, calls=400)) as sb:
        yield sb


@pytest.fixture
def api(sandbox: Sandbox) -> Iterator[Api]:
    client = Api(sandbox)
    yield client
    client.close()


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[Sandbox]:
    """One sandbox for a whole module, for tests that change nothing it has."""
    with Sandbox(SandboxConfig(seed=7, clock=FakeClock(), contacts=150, calls=400)) as sb:
        yield sb


@pytest.fixture(scope="module")
def shared_api(shared_sandbox: Sandbox) -> Iterator[Api]:
    client = Api(shared_sandbox)
    yield client
    client.close()
