"""Whether two cell or label contents would look the same on screen.

Rich's `Text.__eq__` compares the text and its spans but not the base style, so a
wait that turns red (`Text("0:21", style="red")`) would count as unchanged. Every
widget that skips redrawing unchanged content asks this instead.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text


def same_shown(a: Any, b: Any) -> bool:
    if isinstance(a, Text) and isinstance(b, Text):
        return a.plain == b.plain and a.style == b.style and a.spans == b.spans
    if isinstance(a, Text) or isinstance(b, Text):
        return False
    return type(a) is type(b) and a == b
