"""Files the app writes: atomic replacement, advisory locks, damaged files set aside."""
