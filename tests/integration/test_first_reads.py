"""With quick_start, reads before httpx is loaded go over the standard library, only reads.

Anything but a plain success is sent again with httpx, whose retries and error
messages then apply (see spikon_tui/api/stdlib_post.py).
"""

from __future__ import annotations

import http.client
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from spikon_tui.api import (
    RequestTimeoutError,
    ServiceFailureError,
    SpikonClient,
    UnknownApiKeyError,
    stdlib_post,
)
from spikon_tui.sandbox import Sandbox


@pytest.fixture
async def fresh(sandbox: Sandbox, api_format: int) -> AsyncIterator[SpikonClient]:
    """A client as the app makes one: httpx not loaded yet."""
    async with SpikonClient(
        api_key=sandbox.api_key,
        base_url=sandbox.base_url,
        api_format=api_format,
        backoff=0.01,
        quick_start=True,
    ) as client:
        yield client


@pytest.fixture
def sent_over_stdlib(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, bytes]]:
    """(verb, target, body) of each request http.client sends, sent all the same."""
    sent: list[tuple[str, str, bytes]] = []
    request = http.client.HTTPConnection.request

    def recording(self, method, url, body=None, headers={}, **options):  # noqa: B006
        sent.append((method, url, body))
        return request(self, method, url, body, headers, **options)

    monkeypatch.setattr(http.client.HTTPConnection, "request", recording)
    return sent


def http_loaded(client: SpikonClient) -> bool:
    return client._session._http is not None


async def test_first_reads_go_over_the_standard_library_with_the_key_in_the_body(
    fresh: SpikonClient, sandbox: Sandbox, sent_over_stdlib: list[tuple[str, str, bytes]]
) -> None:
    sandbox.state.set_balance("12.5")
    balance = await fresh.balance_show()
    accounts = await fresh.phone_account_list()

    assert balance.balance == Decimal("12.5")
    assert [a.number for a in accounts] == [a.number for a in sandbox.state.phone_accounts]
    assert not http_loaded(fresh)
    assert [(verb, target) for verb, target, _ in sent_over_stdlib] == [
        ("POST", "/api/balance/show"),
        ("POST", "/api/phone_account/list"),
    ]
    key = sandbox.api_key
    assert all(key not in target for _, target, _ in sent_over_stdlib)
    assert all(f"api_key={key}".encode() in body for _, _, body in sent_over_stdlib)
    assert sandbox.request_counts["balance/show"] == 1


async def test_without_quick_start_every_request_goes_over_httpx(
    sandbox: Sandbox, sent_over_stdlib: list[tuple[str, str, bytes]]
) -> None:
    async with SpikonClient(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
        await client.balance_show()
        assert http_loaded(client)
    assert sent_over_stdlib == []


async def test_once_httpx_is_loaded_reads_go_over_httpx(
    fresh: SpikonClient, sandbox: Sandbox, sent_over_stdlib: list[tuple[str, str, bytes]]
) -> None:
    fresh.load_http_client()
    assert http_loaded(fresh)
    await fresh.balance_show()
    assert sent_over_stdlib == []
    assert sandbox.request_counts["balance/show"] == 1


async def test_a_state_changing_method_never_goes_over_the_standard_library(
    fresh: SpikonClient, sandbox: Sandbox, sent_over_stdlib: list[tuple[str, str, bytes]]
) -> None:
    await fresh.phone_book_add(phone_book_name="Kurierzy")
    assert sent_over_stdlib == []
    assert http_loaded(fresh)
    assert sandbox.request_counts["phone_book/add"] == 1


async def test_an_api_error_in_the_answer_is_raised_from_the_first_answer(
    fresh: SpikonClient, sandbox: Sandbox
) -> None:
    key = sandbox.api_key
    sandbox.revoke_key()
    with pytest.raises(UnknownApiKeyError) as caught:
        await fresh.balance_show()
    assert key not in str(caught.value)
    assert sandbox.request_counts["balance/show"] == 1
    assert not http_loaded(fresh)


@pytest.mark.parametrize("fault", ["fail", "drop", "malformed_status"])
async def test_a_failed_first_read_is_sent_again_with_httpx(
    fresh: SpikonClient, sandbox: Sandbox, fault: str
) -> None:
    if fault == "fail":
        sandbox.faults.fail_next("balance/show", status=503)
    elif fault == "drop":
        sandbox.faults.drop_next("balance/show")
    else:
        sandbox.faults.fail_next("balance/show", status=404)
    sandbox.state.set_balance("7")
    assert (await fresh.balance_show()).balance == Decimal("7")
    assert http_loaded(fresh)
    assert sandbox.request_counts["balance/show"] == 2


async def test_the_first_read_counts_against_the_retries(
    fresh: SpikonClient, sandbox: Sandbox
) -> None:
    sandbox.faults.fail_next("balance/show", status=500, times=3)
    with pytest.raises(ServiceFailureError):
        await fresh.balance_show()
    assert sandbox.request_counts["balance/show"] == 3  # max_retries=2: three in all


async def test_a_hanging_first_read_ends_in_httpx_s_timeout_error(sandbox: Sandbox) -> None:
    sandbox.faults.delay_next("balance/show", seconds=1.0, times=2)
    async with SpikonClient(
        api_key=sandbox.api_key,
        base_url=sandbox.base_url,
        timeout=0.2,
        max_retries=0,
        quick_start=True,
    ) as client:
        with pytest.raises(RequestTimeoutError):
            await client.balance_show()
    assert sandbox.request_counts["balance/show"] == 2


@pytest.mark.parametrize(
    ("trust_env", "environ", "allowed"),
    [
        (True, {}, True),
        (True, {"HTTPS_PROXY": "http://proxy:3128"}, False),
        (True, {"https_proxy": "http://proxy:3128"}, False),
        (True, {"ALL_PROXY": "socks5://proxy"}, False),
        (True, {"SSL_CERT_FILE": "/etc/company-ca.pem"}, False),
        (True, {"ssl_cert_dir": "/etc/ssl/company"}, False),
        (True, {"HTTPS_PROXY": ""}, True),
        (False, {"HTTPS_PROXY": "http://proxy:3128"}, True),  # loopback: httpx ignores it too
    ],
)
def test_settings_httpx_would_honour_send_the_request_to_httpx(
    trust_env: bool, environ: dict[str, str], allowed: bool
) -> None:
    assert stdlib_post.environment_allows(trust_env, environ) is allowed


async def test_a_proxy_in_the_environment_sends_even_the_first_read_over_httpx(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("spikon_tui.api.session.is_loopback", lambda host: False)
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # httpx itself must still reach the sandbox
    async with SpikonClient(
        api_key=sandbox.api_key, base_url=sandbox.base_url, quick_start=True
    ) as client:
        await client.balance_show()
        assert http_loaded(client)
