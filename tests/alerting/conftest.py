"""Shared pieces of the alerting tests: the example payload and a fake API key."""

from __future__ import annotations

import pytest

API_KEY = "sk_live_5ecret-KEY-0123456789"


@pytest.fixture
def alert() -> dict[str, object]:
    return {
        "event": "raised",
        "campaign_id": 1,
        "campaign": "Infolinia",
        "metric": "free_agents",
        "level": "alert",
        "reason": "0 free agents, 4 waiting, longest 1:02 > 20 s",
        "since": "2026-12-04T10:42:05+01:00",
        "acknowledged": False,
        "muted_until": None,
        "cleared_at": None,
        "profile": "default",
    }
