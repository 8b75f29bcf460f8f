"""The API key never shows up in a repr, an error message, a URL or a log line."""

from __future__ import annotations

import logging

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.api.errors import SpikonError
from spikon_tui.sandbox import Sandbox

KEY = "LEAKCHECK-9f8e7d6c5b4a39281706"


async def test_key_is_absent_from_logs_reprs_errors_and_urls(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture, api_format: int
) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    async with SpikonClient(
        api_key=KEY, base_url=sandbox.base_url, api_format=api_format
    ) as spikon:
        seen.append(repr(spikon))
        seen.append(str(spikon))
        for attempt in (
            spikon.balance_show(),
            spikon.phone_book_list(),
            spikon.tts_download(tts_id=1),
            spikon.sms_send(from_="SMS", to="5012345678", message="x"),
        ):
            with pytest.raises(SpikonError) as caught:
                await attempt
            seen += [str(caught.value), repr(caught.value), repr(caught.value.args)]
        sandbox.stop()
        with pytest.raises(SpikonError) as caught:
            await spikon.balance_show()
        seen += [str(caught.value), repr(caught.value), str(caught.value.__cause__)]
    seen += [record.getMessage() for record in caplog.records]
    seen += [str(record.args) for record in caplog.records]
    assert any("balance/show" in line for line in seen), "the log and errors were captured"
    for line in seen:
        assert KEY not in line
        assert KEY[:12] not in line


async def test_the_download_sends_the_key_in_a_header_not_the_url(sandbox: Sandbox) -> None:
    sent_urls: list[str] = []

    async def remember(request):
        sent_urls.append(str(request.url))

    async with SpikonClient(api_key=sandbox.api_key, base_url=sandbox.base_url) as spikon:
        spikon._session.load_http().event_hooks["request"].append(remember)
        await spikon.tts_download(tts_id=1)
        await spikon.balance_show()
    assert sent_urls and all(sandbox.api_key not in url for url in sent_urls)
