"""The Call Center monitor: the overview, a campaign in detail, staffing, the alerts
panel, and their polling."""
