"""Alerts that reach someone who is not looking: terminal notifications, a command, a webhook.

The monitor raises alerts on the screen; this package carries the ones that
notify further, each channel opt-in (per profile in config.toml, or flags of
``spikon-tui monitor``):

- ``options.py``: the settings, checked with worded errors (`AlertOptions`)
- ``terminal.py``: OSC 777 / OSC 9 desktop notifications, tmux passthrough
- ``command.py``: ``on_alert``: run a command with the alert as JSON on stdin
- ``webhook.py``: POST the same JSON to an https URL, with retries
- ``payload.py``: the JSON the command and the webhook receive
- ``workers.py``: bounded background queues (polling never waits for delivery)
- ``problems.py``: failures in words, for the screen, never with a secret
- ``channels.py``: `AlertChannels`, the one object the UI holds; `channels_from`

No Textual import here: the UI hands the terminal channel a function that
writes to the terminal. Names are imported from their module when first used
(``options`` is read at start-up by the config; httpx only with a webhook).
"""

from typing import TYPE_CHECKING

from spikon_tui.lazy_exports import lazy_exports

_MODULE_OF = {
    "AlertChannels": "channels",
    "AlertOptionError": "options",
    "AlertOptions": "options",
    "SENT_EVENTS": "payload",
    "channels_from": "channels",
}
__all__ = sorted(_MODULE_OF)
if TYPE_CHECKING:
    # What each name is, for type checkers; at run time `__getattr__` imports it when asked for.
    from spikon_tui.alerting.channels import AlertChannels as AlertChannels
    from spikon_tui.alerting.channels import channels_from as channels_from
    from spikon_tui.alerting.options import AlertOptionError as AlertOptionError
    from spikon_tui.alerting.options import AlertOptions as AlertOptions
    from spikon_tui.alerting.payload import SENT_EVENTS as SENT_EVENTS
else:
    __getattr__, __dir__ = lazy_exports(__name__, globals(), _MODULE_OF)
