"""TrendLine: a sparkline that shows gaps, one cell per bucket, oldest on the left.

Textual's own `Sparkline` resamples its data to the widget's width and has no
notion of a missing value; a monitor's history has holes (an outage, a campaign
that had no answered call for its SLA), and a hole must not look like a zero.
Here each bucket is one cell: a block from ▁ to █ scaled between `low` and
`high` (by default the data's own range, from 0), and `·` where there is no data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.text import Text

from spikon_tui.ui.widgets.steady_static import SteadyStatic

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = "·"


def trend_text(
    values: Sequence[float | None], *, low: float | None = None, high: float | None = None
) -> str:
    """The sparkline as characters: one per value, `GAP` for None."""
    known = [value for value in values if value is not None]
    if not known:
        return GAP * len(values)
    bottom = 0.0 if low is None else low
    top = max(known) if high is None else high
    span = top - bottom
    chars = []
    for value in values:
        if value is None:
            chars.append(GAP)
            continue
        if span <= 0:
            index = 0 if value <= bottom else len(BLOCKS) - 1
        else:
            share = (min(max(value, bottom), top) - bottom) / span
            index = min(len(BLOCKS) - 1, max(0, math.ceil(share * len(BLOCKS)) - 1))
        chars.append(BLOCKS[index])
    return "".join(chars)


class TrendLine(SteadyStatic):
    DEFAULT_CSS = """
    TrendLine { height: 1; width: auto; color: $accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.chars = ""

    def show(
        self,
        values: Sequence[float | None],
        *,
        low: float | None = None,
        high: float | None = None,
    ) -> None:
        chars = trend_text(values, low=low, high=high)
        if chars != self.chars:
            self.chars = chars
            self.update(Text(chars, no_wrap=True))
