"""The API's error list -> exception classes, wherever the error arrives."""

from __future__ import annotations

import pytest

from spikon_tui.api import (
    AlreadyExistsError,
    ApiKeyMissingError,
    ApiTurnedOffError,
    AuthError,
    BadRequestError,
    ForbiddenError,
    HttpStatusError,
    IpNotWhitelistedError,
    NotFoundError,
    NotReadyError,
    ServiceFailureError,
    SpikonError,
    UnknownApiKeyError,
    UnknownErrorCodeError,
    UnknownMethodError,
    error_from_payload,
)
from spikon_tui.api.errors import ERROR_NAMES
from tests.api.helpers import answering, answering_bytes, make_client

CODES: list[tuple[int, type[SpikonError]]] = [
    (-1, UnknownMethodError),
    (-2, ApiKeyMissingError),
    (-3, UnknownApiKeyError),
    (-4, ApiTurnedOffError),
    (-5, IpNotWhitelistedError),
    (-6, BadRequestError),
    (-7, BadRequestError),
    (-8, NotFoundError),
    (-9, NotReadyError),
    (-10, AlreadyExistsError),
    (-11, ForbiddenError),
    (-12, BadRequestError),
    (-1000, ServiceFailureError),
]


def envelope(code: int | str, desc: str | None = None) -> dict[str, object]:
    error: dict[str, object] = {"id": str(code), "name": ERROR_NAMES.get(int(code), "Mystery")}
    if desc is not None:
        error["desc"] = desc
    return {"error": error}


@pytest.mark.parametrize(("code", "cls"), CODES)
def test_every_documented_code_maps_to_its_class(code: int, cls: type[SpikonError]) -> None:
    error = error_from_payload(envelope(code, "detail here"), method="phone_book/list")
    assert type(error) is cls
    assert isinstance(error, SpikonError)
    assert error.code == code
    assert error.name == ERROR_NAMES[code]
    assert error.desc == "detail here"
    assert error.method == "phone_book/list"
    assert error.outcome_unknown is False
    message = str(error)
    assert "detail here" in message
    assert f"SPIKON error {code}" in message


@pytest.mark.parametrize("code", [-2, -3, -4, -5])
def test_auth_errors_share_a_family(code: int) -> None:
    assert isinstance(error_from_payload(envelope(code)), AuthError)


def test_auth_messages_say_what_to_do() -> None:
    turned_off = str(error_from_payload(envelope(-4)))
    assert "Switch it on" in turned_off
    assert '"Ustawienia i dodatki" -> "API - ustawienia"' in turned_off
    assert "whitelist" in str(error_from_payload(envelope(-5)))
    assert "Copy the current key" in str(error_from_payload(envelope(-3)))
    assert "serwis@spikon.pl" in str(error_from_payload(envelope(-1000)))


def test_bad_request_messages_differ_by_code() -> None:
    wrong = str(error_from_payload(envelope(-6, "phone_book_id")))
    missing = str(error_from_payload(envelope(-7, "phone_book_name")))
    assert "rejected a parameter value: phone_book_id" in wrong
    assert "required parameter was missing: phone_book_name" in missing


def test_integer_ids_and_xml_shaped_envelopes() -> None:
    assert type(error_from_payload({"error": {"id": -9, "name": "Not ready"}})) is NotReadyError
    xml_like = {"error": {"id": " -10 ", "name": "Already exist", "desc": ""}}
    error = error_from_payload(xml_like)
    assert type(error) is AlreadyExistsError and error.desc is None


def test_unknown_code_keeps_its_number() -> None:
    error = error_from_payload({"error": {"id": "-77", "name": "Brand new", "desc": "?"}})
    assert type(error) is UnknownErrorCodeError
    assert (error.code, error.name) == (-77, "Brand new")


def test_missing_id_is_recovered_from_the_documented_name() -> None:
    error = error_from_payload({"error": {"name": "Unknown API key"}})
    assert type(error) is UnknownApiKeyError and error.code == -3


def test_empty_error_alone_is_still_an_error() -> None:
    error = error_from_payload({"error": ""})
    assert type(error) is UnknownErrorCodeError
    assert "no details" in str(error)


def test_bare_string_error() -> None:
    error = error_from_payload({"error": "Something went wrong"})
    assert type(error) is UnknownErrorCodeError
    assert error.desc == "Something went wrong"
    assert "Something went wrong" in str(error)
    named = error_from_payload({"error": "IP address not whitelisted"})
    assert type(named) is IpNotWhitelistedError and named.code == -5


def test_payloads_without_error() -> None:
    assert error_from_payload({"sms": {"state": 2, "error": "Invalid number"}}) is None
    assert error_from_payload({"error": "", "sms": {"state": 1}}) is None
    assert error_from_payload({"error": None}) is None
    assert error_from_payload([1, 2]) is None
    assert error_from_payload("text") is None


# --- through the client -----------------------------------------------------------


async def test_error_in_a_200_json_body() -> None:
    handler = answering(envelope(-10, "Testowa"))
    async with make_client(handler) as client:
        with pytest.raises(AlreadyExistsError) as caught:
            await client.phone_book_add("Testowa")
    assert caught.value.code == -10
    assert caught.value.desc == "Testowa"
    assert caught.value.method == "phone_book/add"


async def test_error_in_a_200_xml_body() -> None:
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b"<error><id>-11</id><name>Forbidden</name>"
        b"<desc>Cannot delete phonebook with id = 0</desc></error>"
    )
    handler = answering_bytes(body, 200)
    async with make_client(handler, api_format=1) as client:
        with pytest.raises(ForbiddenError) as caught:
            await client.phone_book_delete(0)
    assert caught.value.desc == "Cannot delete phonebook with id = 0"


@pytest.mark.parametrize("status", [400, 403, 404, 500, 503])
async def test_error_in_an_http_error_body(status: int) -> None:
    handler = answering(envelope(-3), status=status)
    async with make_client(handler) as client:
        with pytest.raises(UnknownApiKeyError):
            await client.balance_show()


async def test_bare_string_error_through_the_client() -> None:
    handler = answering({"error": "Maintenance"}, status=400)
    async with make_client(handler) as client:
        with pytest.raises(UnknownErrorCodeError) as caught:
            await client.balance_show()
    assert "Maintenance" in str(caught.value)


async def test_http_error_without_a_spikon_body() -> None:
    handler = answering_bytes(b"Not Found", 404)
    async with make_client(handler) as client:
        with pytest.raises(HttpStatusError) as caught:
            await client.balance_show()
    assert caught.value.status_code == 404
    assert "HTTP 404" in str(caught.value)
    assert "base URL" in str(caught.value)


LIST_METHODS = [
    ("phone_account_list", ()),
    ("phone_book_list", ()),
    ("phone_book_show", (3,)),
    ("call_list_list", ()),
    ("call_list_show", (1,)),
    ("cc_campaigns_list", ()),
    ("cc_agent_list", ()),
    ("tts_list", ()),
    ("tts_language_list", ()),
    ("tts_voice_list", ("pl-PL",)),
]


@pytest.mark.parametrize(("method", "args"), LIST_METHODS)
async def test_no_elements_found_means_an_empty_list(method: str, args: tuple) -> None:
    handler = answering(envelope(-8))
    async with make_client(handler) as client:
        assert await getattr(client, method)(*args) == []


@pytest.mark.parametrize(
    ("method", "args"),
    [("phone_book_delete", (123,)), ("phone_book_element_delete", (123,)), ("tts_delete", (5,))],
)
async def test_no_elements_found_on_delete_raises(method: str, args: tuple) -> None:
    desc = "Could not find phonebook with id = '123'"
    handler = answering(envelope(-8, desc))
    async with make_client(handler) as client:
        with pytest.raises(NotFoundError) as caught:
            await getattr(client, method)(*args)
    assert caught.value.desc == desc


async def test_not_ready_report_raises() -> None:
    handler = answering(envelope(-9))
    async with make_client(handler) as client:
        with pytest.raises(NotReadyError) as caught:
            await client.call_list_show(4)
    assert "not ready" in str(caught.value)
