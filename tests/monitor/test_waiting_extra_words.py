"""extra_text: a waiting call's undocumented fields in one line for the screen."""

from __future__ import annotations

from dataclasses import replace

from spikon_tui.monitor.waiting import extra_text
from tests.monitor.builders import call


def test_extra_fields_read_as_key_and_value_in_arrival_order() -> None:
    waiting = replace(
        call(30),
        extra={"queue_name": "VIP", "priority": 2, "tags": ["a", "b"], "empty": "", "x": None},
    )
    assert extra_text(waiting) == "queue name VIP · priority 2 · tags a, b"


def test_no_extra_fields_say_nothing() -> None:
    assert extra_text(call(30)) == ""
