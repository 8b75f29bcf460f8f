"""`AlertChannels`: the one object the monitor holds to send an alert everywhere it is wanted.

The UI builds it once from the monitor's options and keeps it while the
monitor runs::

    channels = channels_from(options.alerting, write=terminal_write,
                             secrets=[session.api_key])
    ...
    for change in changes:                     # the alert log's changes of one poll
        if change.notify:
            channels.send(payload(change.kind, change.entry, profile=...),
                          title=..., body=...)
    for text in channels.take_problems():      # failures in words, for a toast
        ...
    channels.close()                           # when the monitor goes away

`send` returns at once: the terminal sequence is written on the caller's
thread (Textual's driver only queues it), the command and the webhook run on
their own bounded background threads. Only `SENT_EVENTS` are sent.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from spikon_tui.alerting.options import AlertOptions
from spikon_tui.alerting.payload import SecretInPayload, encode, is_sent
from spikon_tui.alerting.problems import Problems, redact
from spikon_tui.i18n import _

if TYPE_CHECKING:  # imported when a channel is switched on (httpx only with a webhook)
    from spikon_tui.alerting.command import CommandChannel
    from spikon_tui.alerting.terminal import TerminalChannel
    from spikon_tui.alerting.webhook import WebhookChannel

TerminalWrite = Callable[[str], None]
"""Writes a string to the terminal as it is (escape sequences included)."""


class AlertChannels:
    """The channels switched on; `send` hands an alert to each of them without waiting."""

    def __init__(
        self,
        *,
        problems: Problems | None = None,
        terminal: TerminalChannel | None = None,
        command: CommandChannel | None = None,
        webhook: WebhookChannel | None = None,
    ) -> None:
        self.problems = problems or Problems()
        self.terminal = terminal
        self.command = command
        self.webhook = webhook
        self._closed = False

    @property
    def active(self) -> bool:
        """Whether any channel is on (if not, `send` does nothing)."""
        return any(c is not None for c in (self.terminal, self.command, self.webhook))

    def send(self, payload: Mapping[str, object], title: str, body: str) -> bool:
        """Hand one alert change to every channel; False if it is not one that is sent.

        ``payload`` is the JSON-ready alert (``payload.py``); ``title`` and ``body``
        are the words of a desktop notification (e.g. "SPIKON: Infolinia" and the
        reason). Never blocks on delivery; failures arrive in `take_problems`.
        """
        if self._closed or not self.active or not is_sent(payload):
            return False
        label = _alert_label(payload)
        secrets = self.problems.secrets
        title, body = redact(title, secrets), redact(body, secrets)
        if self.command is not None or self.webhook is not None:
            try:
                data = encode(payload, secrets)
            except SecretInPayload:
                self.problems.report(
                    _("alert {label} not sent: it contains the API key").format(label=label)
                )
                data = None
            if data is not None:
                if self.command is not None:
                    fields = {**payload, "title": title, "body": body}
                    self.command.send(data, fields, label)
                if self.webhook is not None:
                    self.webhook.send(data, label)
        if self.terminal is not None:
            self.terminal.send(title, body)
        return True

    def take_problems(self) -> list[str]:
        """Delivery failures since the last call, in words (no secrets), oldest first."""
        return self.problems.take()

    def wait_idle(self, timeout: float) -> bool:
        """Wait (bounded) until the command and webhook have nothing left; True if so."""
        idle = True
        for channel in (self.command, self.webhook):
            if channel is not None:
                idle = channel.wait_idle(timeout) and idle
        return idle

    def close(self, timeout: float = 2.0) -> None:
        """Stop: waiting alerts are dropped; running deliveries get ``timeout`` s each."""
        self._closed = True
        for channel in (self.command, self.webhook):
            if channel is not None:
                channel.close(timeout)


def _alert_label(payload: Mapping[str, object]) -> str:
    campaign = payload.get("campaign") or payload.get("campaign_id") or "?"
    return f"{campaign}: {payload.get('event', '?')}"


def channels_from(
    options: AlertOptions | None,
    *,
    write: TerminalWrite | None = None,
    on_problem: Callable[[str], None] | None = None,
    secrets: Iterable[str | None] = (),
    environ: Mapping[str, str] | None = None,
) -> AlertChannels:
    """The channels ``options`` switch on.

    ``write``: how to reach the terminal (without it, ``notify_terminal`` is
    ignored, e.g. in a headless test). ``on_problem``: called with each failure
    in words, ON A BACKGROUND THREAD (or use `AlertChannels.take_problems`).
    ``secrets``: the API key (None is skipped); it is kept out of payloads,
    the command's environment and every message. ``environ``: the environment
    for the command and for guessing the terminal (default: ``os.environ``).
    """
    problems = Problems(on_problem, [s for s in secrets if s])
    if options is None or not options.any:
        return AlertChannels(problems=problems)
    environ = os.environ if environ is None else environ
    terminal = command = webhook = None
    if options.notify_terminal and write is not None:
        from spikon_tui.alerting.terminal import TerminalChannel

        terminal = TerminalChannel(
            write, options.notify_terminal, report=problems.report, environ=environ
        )
    if options.on_alert:
        from spikon_tui.alerting.command import CommandChannel

        command = CommandChannel(
            options.on_alert_argv,
            timeout=options.on_alert_timeout,
            problems=problems,
            environ=environ,
        )
    if options.webhook:
        from spikon_tui.alerting.webhook import WebhookChannel

        webhook = WebhookChannel(options.webhook, problems=problems)
    return AlertChannels(problems=problems, terminal=terminal, command=command, webhook=webhook)
