"""Call history logic with no UI (no Textual import, ever): what the Call history screen shows.

One job per module:

- ``order.py``: a call_list/order request checked with the client's limits; the
  default date range (the last 7 days, Polish calendar); describing a request
- ``ledger.py``: what this app knows about ordered reports (when, with which
  filters), kept in a small JSON file; report age and the "gone" rule
- ``calls.py``: one call in words: English state, humanized duration, the
  recording, the number to call back
- ``totals.py``: calls, answered share, total and average duration of the calls shown
- ``csv_export.py``: the calls shown, written to a CSV file

Nothing here reads the system clock: every "now" is passed in (the session clock).
"""
