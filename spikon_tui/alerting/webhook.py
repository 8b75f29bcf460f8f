"""``webhook``: POST each alert's JSON to a URL, retried with backoff, in the background.

The request: ``POST <url>`` with ``Content-Type: application/json`` and the
alert's JSON (``payload.py``) as the body; no API key, no cookies, redirects
not followed (a redirect could lead to plain http on another machine; it is
reported instead). The URL was checked when the option was read: https, or
http on loopback only.

A 2xx answer is success. A connection error, a timeout (`WEBHOOK_TIMEOUT`
seconds for each stage: connect, send, each read) or a 5xx answer is tried
again after `RETRY_DELAYS` (3 tries in all: now, 1 s later, 2 s after that);
any other answer (4xx, 3xx) is final. A final failure is reported in words
that show the URL only up to its host (its path often holds a token).

One thread delivers in order, so a receiver sees "raised" before "cleared".
At most `MAX_WAITING` alerts wait behind a slow receiver; then the oldest is
dropped, and that is reported. httpx is imported only when a webhook is set.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from spikon_tui import __version__
from spikon_tui.alerting.options import safe_url
from spikon_tui.alerting.problems import Problems
from spikon_tui.alerting.workers import BoundedWorkers
from spikon_tui.i18n import _

WEBHOOK_TIMEOUT = 5.0
RETRY_DELAYS = (1.0, 2.0)
MAX_WAITING = 32
HEADERS = {
    "Content-Type": "application/json; charset=utf-8",
    "User-Agent": f"spikon-tui/{__version__}",
}


@dataclass(frozen=True, slots=True)
class WebhookJob:
    data: bytes
    label: str


class WebhookChannel:
    """Posts alerts to ``url`` from a background thread; failures go to ``problems``."""

    def __init__(
        self,
        url: str,
        *,
        problems: Problems,
        timeout: float = WEBHOOK_TIMEOUT,
        retry_delays: Sequence[float] = RETRY_DELAYS,
        max_waiting: int = MAX_WAITING,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        self.where = safe_url(url)
        self.timeout = timeout
        self.retry_delays = tuple(retry_delays)
        self._problems = problems
        self._transport = transport
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()
        self._workers: BoundedWorkers[WebhookJob] = BoundedWorkers(
            "spikon-webhook",
            self._deliver,
            threads=1,
            capacity=max_waiting,
            on_drop=self._dropped,
            on_crash=self._crashed,
        )

    def send(self, data: bytes, label: str = "") -> None:
        self._workers.submit(WebhookJob(data, label))

    def _http(self) -> httpx.Client:
        with self._client_lock:
            if self._client is None:
                self._client = httpx.Client(
                    timeout=self.timeout,
                    follow_redirects=False,
                    transport=self._transport,
                    headers=HEADERS,
                )
            return self._client

    def _deliver(self, job: WebhookJob) -> None:
        client = self._http()
        stopping = self._workers.stopping
        last = ""
        tries = 1 + len(self.retry_delays)
        for delay in (0.0, *self.retry_delays):
            if delay and stopping.wait(delay):
                return
            try:
                response = client.post(self.url, content=job.data)
            except httpx.TimeoutException:
                last = _("no answer within {seconds} s").format(seconds=f"{self.timeout:g}")
                continue
            except httpx.TransportError as error:
                last = _("cannot connect: {reason}").format(reason=self._hide_url(str(error)))
                continue
            status = response.status_code
            if 200 <= status < 300:
                return
            last = _("the receiver answered {status}").format(status=status)
            if 300 <= status < 400:
                last = _("the receiver answered {status}; redirects are not followed").format(
                    status=status
                )
            if status < 500:
                tries = 1
                break
        if not stopping.is_set():
            self._report(
                job,
                _("{where}: {reason} (tried {tries} times)").format(
                    where=self.where, reason=last, tries=tries
                )
                if tries > 1
                else f"{self.where}: {last}",
            )

    def _hide_url(self, text: str) -> str:
        return text.replace(self.url, self.where)

    def _report(self, job: WebhookJob, text: str) -> None:
        about = f" ({job.label})" if job.label else ""
        self._problems.report(_("webhook failed{about}: {text}").format(about=about, text=text))

    def _dropped(self, job: WebhookJob) -> None:
        self._report(
            job,
            _("too many alerts waiting for {where}; the oldest was not sent").format(
                where=self.where
            ),
        )

    def _crashed(self, job: WebhookJob, error: BaseException) -> None:
        self._report(job, self._hide_url(f"{type(error).__name__}: {error}"))

    def wait_idle(self, timeout: float) -> bool:
        return self._workers.wait_idle(timeout)

    def close(self, timeout: float = 2.0) -> None:
        """Forget waiting alerts, stop retrying, give a request in flight ``timeout`` s."""
        if self._workers.close(timeout):
            with self._client_lock:
                if self._client is not None:
                    self._client.close()
                    self._client = None
