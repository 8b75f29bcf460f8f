"""Where the UI found text folding before it moved to `spikon_tui.text_fold` (UI-free, so
the pure packages can fold too); kept so that imports of the old path keep working."""

from spikon_tui.text_fold import find_folded_spans, fold_many, fold_text

__all__ = ["find_folded_spans", "fold_many", "fold_text"]
