"""The alert channels' settings: what config.toml and the monitor's flags may say, checked.

In a profile of config.toml (each key optional; absent means off)::

    [profiles.default]
    notify_terminal = true          # or "osc777", "osc9", "both"; false = off
    on_alert = "notify-send {title} {body}"   # a command line, split like a shell
    on_alert_timeout = 10           # seconds before the command is killed (0 < t <= 300)
    webhook = "https://hooks.example.com/spikon"   # https, or http on loopback only

and on the command line, which wins over the file: ``spikon-tui monitor
--notify-terminal[=STYLE] --on-alert COMMAND --on-alert-timeout SECONDS
--webhook URL``. An empty ``--on-alert ""`` / ``--webhook ""`` or
``--notify-terminal=off`` switches off what the file turned on.

The command is split with `shlex.split` (POSIX shell quoting) and run WITHOUT a
shell: no ``$VARIABLES``, pipes or ``~``. Each word may hold placeholders,
replaced inside that word only (so an alert's text can never become another
argument or a shell command): ``{title}``, ``{body}`` and the payload's fields
(``{campaign}``, ``{level}``, ``{event}``, ``{reason}``...). For pipes, run a
shell yourself: ``on_alert = "sh -c 'jq -r .reason | mail -s SPIKON me@example.com'"``.

This module is read at start-up by the config: standard library only.
"""

from __future__ import annotations

import math
import shlex
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from spikon_tui.api.endpoint import is_loopback
from spikon_tui.i18n import _

TERMINAL_STYLES = ("auto", "osc777", "osc9", "both")
"""``auto`` (what ``true`` means): OSC 9 in iTerm2, OSC 777 elsewhere."""
OFF_WORDS = ("off", "false", "no", "none")
DEFAULT_COMMAND_TIMEOUT = 10.0
MAX_COMMAND_TIMEOUT = 300.0


class AlertOptionError(ValueError):
    """A channel setting the app cannot use; the message says why, in words."""


@dataclass(frozen=True, slots=True)
class AlertOptions:
    """The channels to use, checked; None (or "off") means the channel is off."""

    notify_terminal: str | None = None
    """One of `TERMINAL_STYLES`, or None."""
    on_alert: str | None = None
    """The command line as written; `on_alert_argv` is its words."""
    on_alert_timeout: float = DEFAULT_COMMAND_TIMEOUT
    webhook: str | None = None

    @property
    def on_alert_argv(self) -> list[str]:
        return [] if self.on_alert is None else shlex.split(self.on_alert)

    @property
    def any(self) -> bool:
        """Whether any channel is on."""
        return bool(self.notify_terminal or self.on_alert or self.webhook)


def validate_notify_terminal(value: object) -> str | None:
    """``true`` → "auto", ``false``/"off" → None, a style name → itself; else raise."""
    if value is True:
        return "auto"
    if value is False or value is None:
        return None
    if isinstance(value, str):
        word = value.strip().lower()
        if word in OFF_WORDS:
            return None
        if word in ("on", "true", "yes"):
            return "auto"
        if word in TERMINAL_STYLES:
            return word
    raise AlertOptionError(
        _("notify_terminal must be true, false or one of {choices}, not {value}").format(
            choices=", ".join(TERMINAL_STYLES), value=repr(value)
        )
    )


def validate_on_alert(value: object) -> str | None:
    """The command line if it splits into at least one word ("" or None → off); else raise."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise AlertOptionError(
            _("on_alert must be a command line in a string, not {value}").format(value=repr(value))
        )
    if not value.strip():
        return None
    if "\x00" in value:
        raise AlertOptionError(_("on_alert contains a NUL character"))
    try:
        words = shlex.split(value)
    except ValueError as error:
        raise AlertOptionError(
            _("on_alert {value} cannot be split into words: {error}").format(
                value=repr(value), error=error
            )
        ) from None
    if not words:
        return None
    return value.strip()


def validate_on_alert_timeout(value: object) -> float:
    """Seconds, more than 0 and at most `MAX_COMMAND_TIMEOUT`; else raise."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise AlertOptionError(
            _("on_alert_timeout must be a number of seconds, not {value}").format(value=repr(value))
        )
    if not 0 < value <= MAX_COMMAND_TIMEOUT:
        raise AlertOptionError(
            _(
                "on_alert_timeout must be more than 0 and at most {maximum} seconds, not {value}"
            ).format(maximum=f"{MAX_COMMAND_TIMEOUT:g}", value=repr(value))
        )
    return float(value)


def validate_webhook(value: object) -> str | None:
    """The URL if it is https, or http on loopback ("" or None → off); else raise.

    Error messages show the address only up to the host: a webhook's path or
    query often holds its secret token.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise AlertOptionError(
            _("webhook must be a URL in a string, not {value}").format(value=repr(value))
        )
    url = value.strip()
    if not url:
        return None
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise AlertOptionError(
            _("the webhook address {where} has a malformed host or port").format(
                where=repr(safe_url(url))
            )
        ) from None
    if scheme not in ("https", "http") or not host or any(c.isspace() for c in url):
        raise AlertOptionError(
            _(
                "the webhook {where} is not a web address: it must start with https:// "
                "(or http:// to a receiver on this machine)"
            ).format(where=repr(safe_url(url)))
        )
    if scheme == "http" and not is_loopback(host):
        raise AlertOptionError(
            _(
                "the webhook {where} uses plain http:// to another machine: alerts would "
                "travel unencrypted. Use https://, or http:// only to 127.0.0.1, ::1 or "
                "localhost"
            ).format(where=repr(safe_url(url)))
        )
    return url


def safe_url(url: str) -> str:
    """The address up to the host and port (no user, path or query: they may hold a token)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "?"
    if ":" in host:
        host = f"[{host}]"
    scheme = parts.scheme or "?"
    return f"{scheme}://{host}" + (f":{port}" if port is not None else "") + "/…"


def alert_options(
    settings: Mapping[str, object], flags: Mapping[str, object] | None = None
) -> AlertOptions:
    """The options from a profile's settings and the flags given (a flag beats the file).

    ``settings`` and ``flags`` map the key names of this module's docstring to
    values; a flag that is absent or None leaves the file's value. Raises
    `AlertOptionError` for a value the app cannot use.
    """
    merged = dict(settings)
    for key, value in (flags or {}).items():
        if value is not None:
            merged[key] = value
    timeout = merged.get("on_alert_timeout")
    return AlertOptions(
        notify_terminal=validate_notify_terminal(merged.get("notify_terminal")),
        on_alert=validate_on_alert(merged.get("on_alert")),
        on_alert_timeout=(
            DEFAULT_COMMAND_TIMEOUT if timeout is None else validate_on_alert_timeout(timeout)
        ),
        webhook=validate_webhook(merged.get("webhook")),
    )
