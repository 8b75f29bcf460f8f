"""Faults a test can ask for on the next requests to a method ("group/action", or "*" for any).

- fail_next: answer with an HTTP error status and the -1000 envelope, without applying the request;
- error_next: answer 200 with a given API error (e.g. -11 where the account
  data alone would never produce it), without applying the request;
- malformed_next: apply the request, then answer 200 with a garbled body;
- delay_next: wait (real time) before handling the request;
- drop_next: apply the request, then close the connection without answering,
  so the client cannot know whether it took effect.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from spikon_tui.sandbox.errors import ERROR_NAMES

ANY = "*"


@dataclass
class _Planned:
    times: int
    status: int = 0
    seconds: float = 0.0
    code: int = 0
    desc: str = ""


@dataclass(frozen=True)
class RequestFaults:
    """What to do to one request."""

    delay: float = 0.0
    fail_status: int = 0  # 0: do not fail
    error_code: int = 0  # 0: no injected API error
    error_desc: str = ""
    malformed: bool = False
    drop: bool = False


class FaultPlan:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._plans: dict[str, dict[str, _Planned]] = {
            "fail": {},
            "error": {},
            "malformed": {},
            "delay": {},
            "drop": {},
        }

    def fail_next(self, method: str, *, status: int = 503, times: int = 1) -> None:
        if not 400 <= status <= 599:
            raise ValueError("status must be an HTTP error status (400-599)")
        self._plan("fail", method, _Planned(times, status=status))

    def error_next(self, method: str, *, code: int, desc: str = "", times: int = 1) -> None:
        if code not in ERROR_NAMES:
            raise ValueError(f"{code} is not a documented SPIKON error code")
        self._plan("error", method, _Planned(times, code=code, desc=desc))

    def malformed_next(self, method: str, *, times: int = 1) -> None:
        self._plan("malformed", method, _Planned(times))

    def delay_next(self, method: str, *, seconds: float, times: int = 1) -> None:
        self._plan("delay", method, _Planned(times, seconds=seconds))

    def drop_next(self, method: str, *, times: int = 1) -> None:
        self._plan("drop", method, _Planned(times))

    def clear(self) -> None:
        with self._lock:
            for plans in self._plans.values():
                plans.clear()

    def take(self, method: str) -> RequestFaults:
        """The faults planned for this request, each used up once."""
        with self._lock:
            if not any(self._plans.values()):
                return _NONE
            delay = self._use("delay", method)
            fail = self._use("fail", method)
            error = self._use("error", method) if fail is None else None
            if error is not None:
                waited = delay.seconds if delay else 0.0
                return RequestFaults(delay=waited, error_code=error.code, error_desc=error.desc)
            malformed = self._use("malformed", method) if fail is None else None
            drop = self._use("drop", method) if fail is None and malformed is None else None
        return RequestFaults(
            delay=delay.seconds if delay else 0.0,
            fail_status=fail.status if fail else 0,
            malformed=malformed is not None,
            drop=drop is not None,
        )

    def _plan(self, kind: str, method: str, planned: _Planned) -> None:
        if planned.times < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._plans[kind][method] = planned

    def _use(self, kind: str, method: str) -> _Planned | None:
        plans = self._plans[kind]
        for key in (method, ANY):
            planned = plans.get(key)
            if planned is not None:
                planned.times -= 1
                if planned.times == 0:
                    del plans[key]
                return planned
        return None


_NONE = RequestFaults()
