"""Simulated `cc_monitor/show` answers of a large campaign, cheap enough for 10,000 polls.

Each agent has one prebuilt member object per state, and the member lists of
`CYCLE` consecutive polls (a few agents change state each time) are drawn up
front, then replayed round and round; each poll still gets its own answer with
its own counters. Building an answer therefore costs two small objects, so a
memory test measures the tracker, not the simulation.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta

from spikon_tui.api.models import CcBasicData, CcCampaignMember, CcMonitor, CcWaitingCall
from tests.monitor.builders import member

POLL_INTERVAL = 2.0
CYCLE = 500


def simulated_polls(
    agents: int = 200, polls: int = 10_000, *, seed: int = 1, reset_every: int = 2_500
) -> Iterator[CcMonitor]:
    rng = random.Random(seed)
    variants = [
        (
            member(f"{100 + n}", "Wolny", name=f"Agent {n}"),
            member(f"{100 + n}", "Rozmawia", name=f"Agent {n}"),
            member(f"{100 + n}", "Wolny", pause=True, name=f"Agent {n}"),
            member(f"{100 + n}", "Niedostępny", name=f"Agent {n}"),
        )
        for n in range(agents)
    ]
    calls = [
        CcWaitingCall(position=n + 1, number=f"500600{n:03d}", waiting_time=timedelta(seconds=s))
        for n, s in enumerate(range(90, 0, -6))
    ]
    choice = [rng.randrange(4) for _ in range(agents)]
    cycle: list[tuple[list[CcCampaignMember], list[CcWaitingCall], int]] = []
    for _ in range(CYCLE):
        for _ in range(agents // 20):
            choice[rng.randrange(agents)] = rng.choice((0, 1, 1, 1, 2, 3))
        free = sum(1 for c in choice if c in (0, 2))
        members = [variants[n][choice[n]] for n in range(agents)]
        cycle.append((members, calls[: rng.randrange(len(calls) + 1)], free))
    steps = [(rng.randrange(4), rng.random() < 0.1) for _ in range(CYCLE)]
    measured_sla = timedelta(seconds=30)
    average_wait = timedelta(seconds=20)
    average_call = timedelta(seconds=180)
    answered = unanswered = 0
    for poll in range(polls):
        if reset_every and poll and poll % reset_every == 0:
            answered = unanswered = 0
        members, waiting, free = cycle[poll % CYCLE]
        more_answered, abandoned = steps[poll % CYCLE]
        answered += more_answered
        unanswered += abandoned
        yield CcMonitor(
            basic_data=CcBasicData(
                free_members=free,
                busy_members=agents - free,
                calls_waiting=len(waiting),
                answered=answered,
                unanswered=unanswered,
                in_queue=len(waiting),
                average_waiting_time=average_wait,
                max_waiting=30,
                average_call_time=average_call,
                measured_sla=measured_sla,
                sla=80 + poll % 20,
            ),
            campaign_members=members,
            waiting_calls=waiting,
        )
