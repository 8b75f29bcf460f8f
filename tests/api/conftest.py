"""Fixtures for the client's unit tests (helpers live in helpers.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from spikon_tui.api import SpikonClient
from tests.api.helpers import doc_examples_handler, make_client


@pytest.fixture(params=[0, 1], ids=["json", "xml"])
def api_format(request: pytest.FixtureRequest) -> int:
    return request.param


@pytest.fixture
async def doc_client(api_format: int) -> AsyncIterator[SpikonClient]:
    """A client whose server answers exactly as the documentation prints."""
    async with make_client(doc_examples_handler, api_format) as client:
        yield client
