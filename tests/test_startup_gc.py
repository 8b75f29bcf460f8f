"""The garbage collector's start-up pause: off while starting, frozen and on afterwards."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from spikon_tui import startup_gc


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    startup_gc.resume()
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_pause_stops_collection_and_resume_freezes_what_lives_then_collects_again() -> None:
    gc.enable()
    startup_gc.pause()
    assert not gc.isenabled()
    assert startup_gc.is_paused()
    built_while_starting = [object() for _ in range(100)]
    frozen_before = gc.get_freeze_count()

    startup_gc.resume()

    assert gc.isenabled()
    assert not startup_gc.is_paused()
    assert gc.get_freeze_count() >= frozen_before + len(built_while_starting)


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_garbage_made_while_starting_is_freed_not_frozen() -> None:
    gc.enable()
    startup_gc.pause()
    garbage = weakref.ref(Node())
    assert garbage() is not None  # no collection while paused
    startup_gc.resume()
    assert garbage() is None


def test_resume_twice_does_nothing_more() -> None:
    gc.enable()
    startup_gc.pause()
    startup_gc.resume()
    frozen = gc.get_freeze_count()
    startup_gc.resume()
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    startup_gc.pause()
    assert not startup_gc.is_paused()
    startup_gc.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0
