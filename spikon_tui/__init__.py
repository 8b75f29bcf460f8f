"""spikon-tui: a terminal dashboard for the SPIKON telecom platform."""

__version__ = "0.1.0"
