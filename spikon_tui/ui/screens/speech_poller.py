"""Only an old name: the speech screen's status checks use `PollScheduler` now.

tests/snapshots/scenes.py still imports `StatusPoller` to shrink its timer; that
is the same class, so patching either name patches both. Delete this module once
nothing imports it.
"""

from spikon_tui.ui.poll_scheduler import PollScheduler as StatusPoller

__all__ = ["StatusPoller"]
