"""Reusable widgets shared by the screens (virtual table, stat tile, sparkline, confirm modal)."""
