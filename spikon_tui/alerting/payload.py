"""The JSON an ``on_alert`` command reads on stdin and a webhook receives as its POST body.

One alert change is one JSON object (UTF-8, one line, then a newline). The
monitor builds it from its alert log (``monitor.alert_log.payload``); this
package passes it on unchanged. Field names and values are English whatever
the interface language, except ``reason``, which is words for people::

    {"event": "raised", "number": 3, "profile": "default",
     "campaign_id": 1, "campaign": "Infolinia",
     "metric": "free_agents", "level": "alert", "worst": "alert",
     "reason": "0 free agents, 4 waiting, longest 1:02 > 20 s",
     "since": "2026-12-04T10:42:05+01:00", "raised_at": "2026-12-04T10:42:25+01:00",
     "acknowledged_at": null, "muted": false, "muted_until": null, "cleared_at": null}

- ``event``: ``raised`` (an alert began), ``escalated`` (it got worse, warn →
  alert) or ``cleared`` (back to normal). Only these are sent (`SENT_EVENTS`),
  and only when the monitor says the change notifies (not while the alert is
  muted, acknowledged or cooling down). ``eased`` (better but not yet normal)
  and the operator's own actions (acknowledged, muted) stay on the screen.
- ``level`` / ``worst``: ``ok``, ``warn`` or ``alert``.
- times: ISO 8601 with the UTC offset, or null.

Delivery is at least once per channel: a webhook retried after a timeout may
receive the same change twice (``number`` with ``event`` identifies it).
The API key is never part of it: `encode` refuses a payload that contains it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

SENT_EVENTS = frozenset({"raised", "escalated", "cleared"})


class SecretInPayload(ValueError):
    """The payload contains a secret (the API key); it must not leave the app."""


def encode(payload: Mapping[str, object], secrets: Iterable[str] = ()) -> bytes:
    """The payload as one line of UTF-8 JSON ending in a newline.

    Values JSON cannot hold are written as their text. Raises `SecretInPayload`
    (whose message does not contain the secret) if any secret appears in it.
    """
    text = json.dumps(dict(payload), ensure_ascii=False, default=str, separators=(", ", ": "))
    for secret in secrets:
        # as written, and as JSON escapes it (a key with a quote or a backslash)
        escaped = json.dumps(secret, ensure_ascii=False)[1:-1]
        if secret and (secret in text or escaped in text):
            raise SecretInPayload("the alert contains a secret")
    return (text + "\n").encode("utf-8")


def is_sent(payload: Mapping[str, object]) -> bool:
    """Whether the payload's event is one the channels send (`SENT_EVENTS`)."""
    return payload.get("event") in SENT_EVENTS
