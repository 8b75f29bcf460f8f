"""How a sandbox is set up: address, key, seed, account size, timing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SandboxConfig:
    """Settings of one sandbox; the same seed and clock readings give byte-identical answers.

    host, port: where to listen (port 0 picks a free port, kept across stop/start).
    api_key: the account's key; None generates "sandbox-" + 24 characters from the seed.
    seed: drives every generated name, number, call and simulated queue.
    contacts: entries in the main phone book (book 0).
    calls: calls in the history, spread over the 90 days before the start.
    agents, campaigns: the Call Center's size.
    generation_delay: seconds (by `clock`) before an ordered report or a TTS
        announcement is generated; until then they answer -9 "Not ready".
    latency_ms: real milliseconds slept before answering every request.
    whitelist: caller IP addresses or networks; empty lets everyone in (else -5).
    clock: epoch seconds (default `time.time`); pass a fake clock to make
        reports, SMS, TTS and the Call Center move exactly when a test says.
    idle_timeout: real seconds a connection has to send a whole request (after
        connecting or after the last answer) before it is closed.
    max_workers: threads answering requests; waiting connections hold none.

    Special SMS numbers (`to` of sms/send); a message moves one step a second:
        ends in "000": 0 -> 1 -> 3 (undelivered);
        ends in "999": 0 -> 1 -> 2 (error, with an `error` text);
        any other:     0 -> 1 -> 4 -> 5 (delivered);
        sent while the balance cannot pay 0.16 zł per part: -1 at once, not charged.
    Money: SMS 0.16 zł per part; call/initiate 0.10 zł; a TTS announcement costs the
    tts/price gross figure (0.30 zł net per started 100 characters, +23% VAT) and is
    refused with -11 when the balance cannot pay it. Only calls may make the balance
    negative.
    """

    host: str = "127.0.0.1"
    port: int = 0
    api_key: str | None = None
    seed: int = 1
    contacts: int = 2000
    calls: int = 500
    agents: int = 12
    campaigns: int = 3
    generation_delay: float = 2.0
    latency_ms: int = 0
    whitelist: tuple[str, ...] = ()
    clock: Callable[[], float] | None = None
    idle_timeout: float = 10.0
    max_workers: int = 64

    def __post_init__(self) -> None:
        if self.api_key is not None and not self.api_key.strip():
            raise ValueError("api_key must not be blank")
        for name in ("contacts", "calls", "agents", "latency_ms"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.campaigns < 1:
            raise ValueError("campaigns must be at least 1")
        if self.generation_delay < 0:
            raise ValueError("generation_delay must not be negative")
        if self.idle_timeout <= 0:
            raise ValueError("idle_timeout must be positive")
        if self.max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        if not 0 <= self.port <= 65535:
            raise ValueError("port must be 0-65535")
