"""Pause the cyclic garbage collector while the app starts, then freeze what start-up built.

Start-up creates a few hundred thousand objects that live as long as the
process: modules, classes, parsed styles, the first screen. With the collector
on, it walks all of them several times before the first screen is painted
(about a tenth of start-up). `pause()` is called first thing by `spikon-tui`;
`resume()` once the first screen shows its data, or after `LONGEST_PAUSE`
seconds at most: one collection frees start-up's garbage (a few thousand
objects in cycles), then `gc.freeze()` moves everything still alive into the
permanent generation, so later collections (all day long, in the monitor)
skip it too. Textual pauses the collector the same way while scrolling.

No Textual import here.
"""

from __future__ import annotations

import gc

LONGEST_PAUSE = 3.0
"""Seconds after the app mounts when the collector runs again, data shown or not."""

_paused = False


def pause() -> None:
    """Stop automatic collection until `resume()` (only if it was on)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect start-up's garbage, freeze what lives on, collect automatically again.
    Idempotent."""
    global _paused
    if not _paused:
        return
    _paused = False
    gc.collect()
    gc.freeze()
    gc.enable()


def is_paused() -> bool:
    return _paused
