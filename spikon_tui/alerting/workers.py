"""A bounded queue served by a few background threads: sending never waits for delivery.

`BoundedWorkers.submit` returns at once. At most ``threads`` items are handled
at a time; up to ``capacity`` more wait. When the queue is full the OLDEST
waiting item is dropped (``on_drop`` is told) to make room: the newest alert
describes the campaign as it is now, and a "cleared" must not be lost behind
a backlog of the "raised" it ends. Threads start on the first item, so a
channel that is never used costs nothing.

`close` stops taking items, forgets the waiting ones, sets `stopping` (long
waits inside a handler, such as a retry's backoff, should watch it) and waits a
bounded time for the items being handled.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class BoundedWorkers(Generic[T]):
    """``handle(item)`` on up to ``threads`` daemon threads; at most ``capacity`` waiting."""

    def __init__(
        self,
        name: str,
        handle: Callable[[T], None],
        *,
        threads: int = 1,
        capacity: int = 16,
        on_drop: Callable[[T], None] | None = None,
        on_crash: Callable[[T, BaseException], None] | None = None,
    ) -> None:
        if threads < 1 or capacity < 1:
            raise ValueError("workers need at least one thread and room for one item")
        self.name = name
        self._handle = handle
        self._thread_count = threads
        self._capacity = capacity
        self._on_drop = on_drop
        self._on_crash = on_crash
        self._waiting: deque[T] = deque()
        self._busy = 0
        self._closed = False
        self._threads: list[threading.Thread] = []
        self._changed = threading.Condition()
        self.stopping = threading.Event()
        """Set by `close`: handlers should cut long waits short."""

    def submit(self, item: T) -> bool:
        """Queue ``item``; False if closed. Never blocks for longer than a lock."""
        dropped: list[T] = []
        with self._changed:
            if self._closed:
                return False
            if len(self._waiting) >= self._capacity:
                dropped.append(self._waiting.popleft())
            self._waiting.append(item)
            if len(self._threads) < self._thread_count:
                thread = threading.Thread(
                    target=self._serve, name=f"{self.name}-{len(self._threads) + 1}", daemon=True
                )
                self._threads.append(thread)
                thread.start()
            self._changed.notify()
        for item_dropped in dropped:
            self._call(self._on_drop, item_dropped)
        return True

    def _serve(self) -> None:
        while True:
            with self._changed:
                while not self._waiting and not self._closed:
                    self._changed.wait()
                if self._closed:
                    return
                item = self._waiting.popleft()
                self._busy += 1
            try:
                self._handle(item)
            except BaseException as error:  # noqa: BLE001 - one bad item must not kill delivery
                self._call(self._on_crash, item, error)
            finally:
                with self._changed:
                    self._busy -= 1
                    self._changed.notify_all()

    @staticmethod
    def _call(callback: Callable[..., None] | None, *arguments: object) -> None:
        if callback is None:
            return
        with contextlib.suppress(Exception):  # a broken callback must not stop delivery
            callback(*arguments)

    @property
    def pending(self) -> int:
        """Items waiting or being handled."""
        with self._changed:
            return len(self._waiting) + self._busy

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing waits or runs, at most ``timeout`` seconds; True if idle."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self._waiting or self._busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._changed.wait(remaining)
            return True

    def close(self, timeout: float = 2.0) -> bool:
        """Stop: forget waiting items, wait up to ``timeout`` for running ones; True if done."""
        with self._changed:
            self._closed = True
            self._waiting.clear()
            self._changed.notify_all()
            threads = list(self._threads)
        self.stopping.set()
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in threads)
