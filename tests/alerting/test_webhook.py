"""The webhook end to end against a real local HTTP receiver: retries, timeouts, order."""

from __future__ import annotations

import json
import socket

from spikon_tui.alerting.channels import channels_from
from spikon_tui.alerting.options import AlertOptions
from spikon_tui.alerting.problems import Problems
from spikon_tui.alerting.webhook import WebhookChannel

from .conftest import API_KEY
from .receiver import receiver

WAIT = 20.0


def channel(url: str, problems: Problems, **options: object) -> WebhookChannel:
    defaults = {"timeout": 0.5, "retry_delays": (0.05, 0.1)}
    return WebhookChannel(url, problems=problems, **{**defaults, **options})


def test_the_alert_is_posted_as_json(alert: dict[str, object]) -> None:
    with receiver() as hook:
        channels = channels_from(AlertOptions(webhook=hook.url), secrets=[API_KEY])
        assert channels.send(alert, "t", "b")
        assert channels.wait_idle(WAIT)
        [request] = hook.requests
        assert json.loads(request.body) == alert
        assert request.path == "/hook/SECRET-TOKEN?x=1"
        assert request.headers["Content-Type"] == "application/json; charset=utf-8"
        assert API_KEY not in str(request.headers) and API_KEY.encode() not in request.body
        assert channels.take_problems() == []
        channels.close()


def test_two_failures_then_success_is_not_a_problem(alert: dict[str, object]) -> None:
    problems = Problems()
    with receiver(503, 500) as hook:
        webhook = channel(hook.url, problems)
        webhook.send(b'{"n": 1}\n')
        assert webhook.wait_idle(WAIT)
        assert [r.body for r in hook.requests] == [b'{"n": 1}\n'] * 3
        assert problems.take() == []
        webhook.close()


def test_three_failures_are_reported_without_the_token() -> None:
    problems = Problems()
    with receiver(502, 502, 502, 200) as hook:
        webhook = channel(hook.url, problems)
        webhook.send(b"{}\n", "Infolinia: raised")
        assert webhook.wait_idle(WAIT)
        assert len(hook.requests) == 3
        [text] = problems.take()
        assert "answered 502" in text and "tried 3 times" in text and "(Infolinia: raised)" in text
        assert "SECRET-TOKEN" not in text and "http://127.0.0.1:" in text
        webhook.close()


def test_a_client_error_is_not_retried() -> None:
    problems = Problems()
    with receiver(404) as hook:
        webhook = channel(hook.url, problems)
        webhook.send(b"{}\n")
        assert webhook.wait_idle(WAIT)
        assert len(hook.requests) == 1
        [text] = problems.take()
        assert "answered 404" in text and "tried" not in text
        webhook.close()


def test_a_redirect_is_not_followed() -> None:
    problems = Problems()
    with receiver(301) as hook:
        webhook = channel(hook.url, problems)
        webhook.send(b"{}\n")
        assert webhook.wait_idle(WAIT)
        assert len(hook.requests) == 1
        [text] = problems.take()
        assert "answered 301; redirects are not followed" in text
        webhook.close()


def test_a_hanging_receiver_times_out_and_is_retried() -> None:
    problems = Problems()
    with receiver("hang", "hang", "hang") as hook:
        webhook = channel(hook.url, problems, timeout=0.3)
        webhook.send(b"{}\n")
        assert webhook.wait_idle(WAIT)
        assert len(hook.requests) == 3
        [text] = problems.take()
        assert "no answer within 0.3 s" in text and "tried 3 times" in text
        webhook.close()


def test_a_hang_then_success_delivers(alert: dict[str, object]) -> None:
    problems = Problems()
    with receiver("hang") as hook:
        webhook = channel(hook.url, problems, timeout=0.3)
        webhook.send(b"{}\n")
        assert webhook.wait_idle(WAIT)
        assert len(hook.requests) == 2
        assert problems.take() == []
        webhook.close()


def test_nobody_listening_is_a_connection_error() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    problems = Problems()
    webhook = channel(f"http://127.0.0.1:{port}/hook/SECRET-TOKEN", problems)
    webhook.send(b"{}\n")
    assert webhook.wait_idle(WAIT)
    [text] = problems.take()
    assert "cannot connect" in text and "SECRET-TOKEN" not in text
    webhook.close()


def test_send_does_not_wait_and_order_is_kept() -> None:
    problems = Problems()
    with receiver("hang") as hook:
        webhook = channel(hook.url, problems, timeout=5.0, retry_delays=())
        for number in range(3):
            webhook.send(json.dumps({"n": number}).encode())
        assert hook.wait_for(1, WAIT)
        assert webhook._workers.pending == 3  # one hangs in flight, two wait: send returned
        hook.release.set()
        assert webhook.wait_idle(WAIT)
        assert [json.loads(r.body)["n"] for r in hook.requests] == [0, 1, 2]
        webhook.close()


def test_a_slow_receiver_makes_the_oldest_waiting_alerts_drop() -> None:
    problems = Problems()
    with receiver("hang") as hook:
        webhook = channel(hook.url, problems, timeout=5.0, retry_delays=(), max_waiting=2)
        webhook.send(b'{"n": 0}')
        assert hook.wait_for(1, WAIT)
        for number in range(1, 5):
            webhook.send(json.dumps({"n": number}).encode(), f"n{number}")
        texts = problems.take()
        assert len(texts) == 2 and "(n1)" in texts[0] and "(n2)" in texts[1]
        hook.release.set()
        assert webhook.wait_idle(WAIT)
        assert [json.loads(r.body)["n"] for r in hook.requests] == [0, 3, 4]
        webhook.close()


def test_closing_stops_retrying() -> None:
    problems = Problems()
    with receiver(500, 500, 500) as hook:
        webhook = channel(hook.url, problems, retry_delays=(30.0, 30.0))
        webhook.send(b"{}\n")
        assert hook.wait_for(1, WAIT)
        webhook.close(timeout=5.0)  # the 30 s backoff is cut short
        assert not webhook._workers._threads[0].is_alive()
        assert len(hook.requests) == 1 and problems.take() == []


def test_only_sent_events_go_out(alert: dict[str, object]) -> None:
    with receiver() as hook:
        channels = channels_from(AlertOptions(webhook=hook.url))
        for event in ("raised", "eased", "acknowledged", "escalated", "muted", "cleared"):
            channels.send({**alert, "event": event}, "t", "b")
        assert channels.wait_idle(WAIT)
        assert [json.loads(r.body)["event"] for r in hook.requests] == [
            "raised",
            "escalated",
            "cleared",
        ]
        channels.close()
