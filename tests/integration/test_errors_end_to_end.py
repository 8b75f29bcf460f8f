"""Every documented error, produced by the sandbox and mapped by the client to its family."""

from __future__ import annotations

import pytest

from spikon_tui.api import SpikonClient
from spikon_tui.api import errors as e
from spikon_tui.sandbox import Sandbox


async def test_unknown_method_is_minus_1(spikon: SpikonClient) -> None:
    with pytest.raises(e.UnknownMethodError) as caught:
        await spikon.call("balance/shoe")
    assert caught.value.code == -1


async def test_unknown_key_is_minus_3(sandbox: Sandbox, api_format: int) -> None:
    async with SpikonClient(
        api_key="not-the-sandbox-key-123", base_url=sandbox.base_url, api_format=api_format
    ) as wrong:
        with pytest.raises(e.UnknownApiKeyError) as caught:
            await wrong.balance_show()
    assert caught.value.code == -3
    assert isinstance(caught.value, e.AuthError)


async def test_revoked_key_mid_session_is_minus_3(spikon: SpikonClient, sandbox: Sandbox) -> None:
    await spikon.balance_show()
    sandbox.revoke_key()
    with pytest.raises(e.UnknownApiKeyError):
        await spikon.balance_show()


async def test_api_turned_off_is_minus_4(spikon: SpikonClient, sandbox: Sandbox) -> None:
    sandbox.set_api_enabled(False)
    with pytest.raises(e.ApiTurnedOffError) as caught:
        await spikon.phone_book_list()
    assert caught.value.code == -4
    assert "API - ustawienia" in str(caught.value)


async def test_ip_not_whitelisted_is_minus_5(spikon: SpikonClient, sandbox: Sandbox) -> None:
    sandbox.set_whitelist(["93.184.216.119"])
    with pytest.raises(e.IpNotWhitelistedError) as caught:
        await spikon.balance_show()
    assert caught.value.code == -5
    sandbox.set_whitelist(["127.0.0.1"])
    assert (await spikon.balance_show()).balance == sandbox.state.balance


async def test_wrong_value_is_minus_6_with_desc(spikon: SpikonClient) -> None:
    with pytest.raises(e.BadRequestError) as caught:
        await spikon.call(
            "call_list/order", dir="7", date_start="2026-01-01", date_end="2026-01-02"
        )
    assert caught.value.code == -6
    assert "dir" in (caught.value.desc or "")


async def test_missing_parameter_is_minus_7_naming_it(spikon: SpikonClient) -> None:
    with pytest.raises(e.BadRequestError) as caught:
        await spikon.call("phone_book/add")
    assert caught.value.code == -7
    assert "phone_book_name" in (caught.value.desc or "")


async def test_not_found_is_minus_8_with_the_documented_message(spikon: SpikonClient) -> None:
    with pytest.raises(e.NotFoundError) as caught:
        await spikon.phone_book_delete(phone_book_id=123)
    assert caught.value.code == -8
    assert caught.value.desc == "Could not find phonebook with id = '123'"
    with pytest.raises(e.NotFoundError) as caught:
        await spikon.phone_book_element_delete(phone_book_element_id=987654)
    assert caught.value.desc == "Could not find phonebook element with id = '987654'"


async def test_duplicate_book_is_minus_10(spikon: SpikonClient) -> None:
    await spikon.phone_book_add(phone_book_name="Dostawcy Pomorze")
    with pytest.raises(e.AlreadyExistsError) as caught:
        await spikon.phone_book_add(phone_book_name="Dostawcy Pomorze")
    assert caught.value.code == -10


async def test_deleting_the_main_book_is_minus_11(spikon: SpikonClient) -> None:
    with pytest.raises(e.ForbiddenError) as caught:
        await spikon.phone_book_delete(phone_book_id=0)
    assert caught.value.code == -11
    assert caught.value.desc == "Cannot delete phonebook with id = 0"


async def test_service_failure_is_minus_1000_after_the_read_retries(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    sandbox.faults.fail_next("balance/show", status=500, times=3)
    with pytest.raises(e.SpikonError) as caught:
        await spikon.balance_show()
    assert caught.value.code == -1000 or isinstance(caught.value, e.HttpStatusError)
    assert sandbox.request_counts["balance/show"] == 3


async def test_a_malformed_body_is_a_clear_error(spikon: SpikonClient, sandbox: Sandbox) -> None:
    sandbox.faults.malformed_next("phone_book/add", times=1)
    with pytest.raises(e.MalformedResponseError) as caught:
        await spikon.phone_book_add(phone_book_name="Kurierzy")
    assert caught.value.outcome_unknown
    assert sandbox.request_counts["phone_book/add"] == 1


async def test_a_stopped_sandbox_is_a_connection_error_then_recovers(
    spikon: SpikonClient, sandbox: Sandbox
) -> None:
    sandbox.stop()
    with pytest.raises(e.ConnectionFailedError) as caught:
        await spikon.balance_show()
    assert "127.0.0.1" in str(caught.value)
    sandbox.start()
    assert (await spikon.balance_show()).balance == sandbox.state.balance
