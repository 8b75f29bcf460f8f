"""Queue analytics with no UI: history, deltas, thresholds, alerts (no Textual import, ever)."""
