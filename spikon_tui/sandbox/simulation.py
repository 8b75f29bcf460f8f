"""The call center in motion: calls arrive, wait, get answered or give up; agents pause.

Time advances lazily in fixed one-second steps on a grid anchored at the
sandbox's start: whenever a request needs the call center, `advance(now)`
simulates every step from the last simulated one up to `now`. The outcome
depends only on the seed, the number of steps and the membership changes made
between them, so the same seed and the same clock readings give the same
answers. A gap longer than MAX_CATCH_UP (the clock jumped, or nobody asked for
hours) is skipped rather than simulated.

Per step, in this order: talks and absences that are over end; free agents may
start a pause (shown as "pause: Tak", still "Wolny") or leave for a while
("Niedostępny"); each campaign may get a caller (a Poisson process whose rate
swings gently over half an hour; a full queue turns the caller away, counted
unanswered); callers whose patience ran out give up (unanswered); and waiting
callers go, longest waiting first, to the member agent free and not paused who
has been idle longest.
"""

from __future__ import annotations

import math
import random

from spikon_tui.sandbox import names
from spikon_tui.sandbox.callcenter import AWAY, FREE, TALKING, CallCenter, WaitingCall

STEP_SECONDS = 1.0
WARM_UP_SECONDS = 600.0
MAX_CATCH_UP = 3600.0
PAUSE_CHANCE = 1 / 2400  # per free agent per second
AWAY_CHANCE = 1 / 14400
RATE_SWING_PERIOD = 1800.0


class Simulation:
    def __init__(self, center: CallCenter, rng: random.Random, start: float) -> None:
        self.center = center
        self._rng = rng
        self.time = start - WARM_UP_SECONDS
        self._phases = {cid: rng.uniform(0, RATE_SWING_PERIOD) for cid in center.campaigns}
        self.advance(start)

    def advance(self, now: float) -> None:
        """Simulate every whole step up to `now`."""
        behind = now - self.time
        if behind > MAX_CATCH_UP:
            self.time += math.floor((behind - MAX_CATCH_UP) / STEP_SECONDS) * STEP_SECONDS
        while self.time + STEP_SECONDS <= now:
            self.time += STEP_SECONDS
            self._step(self.time)

    def _step(self, now: float) -> None:
        rng = self._rng
        center = self.center
        for agent in center.agents.values():
            if agent.state != FREE and agent.busy_until <= now:
                if agent.state == TALKING:
                    campaign = center.campaigns.get(agent.talk_campaign)
                    if campaign is not None:
                        campaign.stats.talks_finished += 1
                        campaign.stats.talked_total += agent.talk_length
                agent.state = FREE
                agent.idle_since = now
            if agent.paused and agent.pause_until <= now:
                agent.paused = False
                agent.idle_since = now
            if agent.state == FREE and not agent.paused:
                roll = rng.random()
                if roll < PAUSE_CHANCE:
                    agent.paused = True
                    agent.pause_until = now + rng.uniform(120, 600)
                elif roll < PAUSE_CHANCE + AWAY_CHANCE:
                    agent.state = AWAY
                    agent.busy_until = now + rng.uniform(300, 1500)
        for campaign in center.campaigns.values():
            phase = self._phases[campaign.id]
            swing = 1 + 0.35 * math.sin(2 * math.pi * (now - phase) / RATE_SWING_PERIOD)
            if rng.random() < campaign.arrival_rate * swing * STEP_SECONDS:
                number = names.phone_number(rng)
                patience = max(5.0, rng.expovariate(1 / campaign.mean_patience))
                if len(campaign.queue) >= campaign.max_waiting:
                    campaign.stats.unanswered += 1
                else:
                    campaign.queue.append(WaitingCall(number, now, now + patience))
            if campaign.queue:
                kept = [call for call in campaign.queue if call.gives_up_at > now]
                campaign.stats.unanswered += len(campaign.queue) - len(kept)
                campaign.queue.clear()
                campaign.queue.extend(kept)
        for campaign in center.campaigns.values():
            if not campaign.queue:
                continue
            ready = [
                agent
                for agent in center.members(campaign.id)
                if agent.state == FREE and not agent.paused
            ]
            ready.sort(key=lambda agent: (agent.idle_since, agent.id))
            for agent in ready:
                if not campaign.queue:
                    break
                call = campaign.queue.popleft()
                waited = now - call.arrived
                stats = campaign.stats
                stats.answered += 1
                stats.waited_total += waited
                stats.answered_within_sla += waited <= campaign.measured_sla
                stats.answered_by[agent.id] = stats.answered_by.get(agent.id, 0) + 1
                talk = float(max(15, round(rng.expovariate(1 / campaign.mean_talk))))
                agent.state = TALKING
                agent.busy_until = now + talk
                agent.talk_length = talk
                agent.talk_campaign = campaign.id
                agent.last_call = now
