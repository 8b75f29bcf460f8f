"""`SpikonClient`: one coroutine per SPIKON API method, typed answers in, errors out.

Method names are the API path with `/` turned into `_`
(`phone_book_element/add` -> `phone_book_element_add`); keyword arguments
carry the API's parameter names (`from` becomes `from_`). Every argument is
checked against the documented limits before anything is sent
(`ValidationError`). List methods return `[]` when the API answers
"No elements found" (-8).

    async with SpikonClient(api_key) as client:
        books = await client.phone_book_list()

Sending, retrying and error mapping live in `session.py`; reading answers
into models in `answers.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from spikon_tui.api import answers
from spikon_tui.api.apikey import ApiKey
from spikon_tui.api.decode import normalise_keys
from spikon_tui.api.endpoint import DEFAULT_BASE_URL, check_base_url
from spikon_tui.api.errors import MalformedResponseError, NotFoundError, ValidationError
from spikon_tui.api.limits import DEFAULT_MAX_ANSWER_BYTES
from spikon_tui.api.methods import ALL_METHODS, is_read_method, outcome_hint
from spikon_tui.api.session import ApiSession, Typed
from spikon_tui.api.validation import (
    check_date_range,
    check_direction,
    check_flag,
    check_id,
    check_language,
    check_phone_book_element_name,
    check_phone_book_name,
    check_phone_number,
    check_sms_message,
    check_sms_recipients,
    check_sms_sender,
    check_text,
    check_tts_text,
)
from spikon_tui.i18n import _

if TYPE_CHECKING:
    import httpx

    from spikon_tui.api.models import (
        ActionStatus,
        Balance,
        CallInitiated,
        CallListOrder,
        CallListStatus,
        CallRecord,
        CcAgent,
        CcCampaign,
        CcMonitor,
        DeletedItem,
        PhoneAccount,
        PhoneBook,
        PhoneBookElement,
        SmsSent,
        SmsState,
        TtsAnnouncement,
        TtsCreated,
        TtsLanguage,
        TtsPrice,
        TtsStatus,
        TtsVoice,
    )

T = TypeVar("T")

_PATH_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz_/")


class SpikonClient:
    """An async client of the SPIKON API v1.3 holding one `httpx.AsyncClient`.

    Args:
        api_key: the account's key (panel: "Ustawienia i dodatki" -> "API - ustawienia").
        base_url: https only, except http to this computer (the sandbox).
        api_format: 0 asks for JSON answers, 1 for XML; both are decoded the same.
        timeout: seconds one attempt may take, from connecting to the answer's
            last byte (a cut attempt is a `RequestTimeoutError`; for a
            state-changing call its outcome is unknown).
        max_retries: extra attempts for read methods (and for state-changing
            methods whose request never left this machine).
        backoff: first wait between attempts, doubled each time.
        transport: an httpx transport (tests; the sandbox needs none).
        max_answer_bytes: the largest answer read, after decompression (64 MiB by
            default, `limits.DEFAULT_MAX_ANSWER_BYTES`); a larger one is a
            `MalformedResponseError` as soon as it passes the limit.

    Nothing but a `SpikonError` leaves a method (or `RuntimeError` once the
    client is closed): whatever a server sends is read within the limits of
    `limits.py` or refused as a `MalformedResponseError`.
    """

    METHODS: ClassVar[tuple[str, ...]] = ALL_METHODS
    """The 30 API paths, in the documentation's order."""

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        api_format: int = 0,
        *,
        timeout: float = 15.0,
        max_retries: int = 2,
        backoff: float = 0.25,
        transport: httpx.AsyncBaseTransport | None = None,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        read_only: bool = False,
    ) -> None:
        key = ApiKey(api_key)
        del api_key  # so a traceback showing this frame's locals shows only the mask
        key.check()
        url = check_base_url(base_url, api_key=key)
        if api_format not in (0, 1) or isinstance(api_format, bool):
            raise ValidationError("api_format", "api_format must be 0 (JSON) or 1 (XML).")
        if not isinstance(max_retries, int) or max_retries < 0:
            raise ValidationError("max_retries", "max_retries must be a whole number >= 0.")
        if not timeout > 0:
            raise ValidationError("timeout", "timeout must be a positive number of seconds.")
        if not backoff >= 0:
            raise ValidationError("backoff", "backoff must be zero or a positive number.")
        if (
            not isinstance(max_answer_bytes, int)
            or isinstance(max_answer_bytes, bool)
            or max_answer_bytes < 1
        ):
            raise ValidationError(
                "max_answer_bytes", "max_answer_bytes must be a whole number of bytes >= 1."
            )
        self._session = ApiSession(
            key,
            url,
            int(api_format),
            timeout=float(timeout),
            max_retries=max_retries,
            backoff=float(backoff),
            transport=transport,
            max_answer_bytes=max_answer_bytes,
            read_only=read_only,
        )

    @property
    def read_only(self) -> bool:
        """True when every method that changes data or costs money is refused unsent."""
        return self._session.read_only

    # -- lifetime --

    async def __aenter__(self) -> SpikonClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP connection pool; the client cannot be used afterwards."""
        await self._session.aclose()

    @property
    def base_url(self) -> str:
        return self._session.base_url

    @property
    def api_format(self) -> int:
        return self._session.api_format

    @property
    def max_answer_bytes(self) -> int:
        return self._session.max_answer_bytes

    @property
    def key_hint(self) -> str:
        """The key as it may be shown: `BXlm…test`, or `****` for a short key."""
        return self._session.key.mask()

    def __repr__(self) -> str:
        if getattr(self, "_session", None) is None:  # __init__ refused its arguments
            return "SpikonClient(<not constructed>)"
        return (
            f"SpikonClient(base_url={self.base_url!r}, api_format={self.api_format}, "
            f"api_key={self.key_hint!r})"
        )

    # -- generic --

    async def call(self, path: str, **params: object) -> dict[str, Any]:
        """Call any POST method and return its decoded answer, keys normalised.

        Parameters are sent as given (a trailing `_` is dropped: `from_` ->
        `from`; None values are left out) without checking their limits.
        Paths not in `METHODS` are treated as state-changing (never resent
        after an uncertain failure).
        """
        if not isinstance(path, str) or not path or not set(path) <= _PATH_CHARS:
            raise ValidationError("path", "path must look like 'group/action'.")
        form = {name.removesuffix("_"): value for name, value in params.items()}
        path = path.strip("/")
        # normalise_keys recurses, as deep as the decoders allow (limits.MAX_DEPTH)
        result = self._read(path, await self._session.post(path, form), normalise_keys)
        return result if isinstance(result, dict) else {"items": result}

    # The payload is passed straight on, never held in a local of these frames: an
    # error's traceback would show it, and it may echo the key.

    async def _one(self, path: str, params: Mapping[str, object], read: Callable[[Any], T]) -> T:
        return self._read(path, await self._session.post(path, params), read)

    async def _list(
        self,
        path: str,
        params: Mapping[str, object],
        read: Callable[[Any], list[T]],
        typed: Callable[[bytes], list[T] | None] | None = None,
    ) -> list[T]:
        """`read` the answer's payload; `typed` (see `typed_json.py`) may read the body first."""
        try:
            return self._read(path, await self._session.post(path, params, typed), read)
        except NotFoundError:  # only `post` raises it: `_read` raises MalformedResponseError
            return []

    def _read(self, path: str, payload: Any, read: Callable[[Any], T]) -> T:
        """`read(payload)`; any failure is a `MalformedResponseError`, scrubbed of the key.

        The last resort too: whatever `read` raises becomes one that holds nothing
        of it, raised outside the `except` so that nothing is chained.
        """
        if isinstance(payload, Typed):  # already read by `post`'s typed reader
            return payload.value  # type: ignore[no-any-return]
        failure: MalformedResponseError | None = None
        try:
            return read(payload)
        except MalformedResponseError as exc:
            failure = exc
        except Exception:
            failure = MalformedResponseError(
                _("The server's answer to {path} has an unexpected shape.").format(path=path)
            )
        del payload  # may echo the key; keep it out of tracebacks
        failure.method = path
        failure.message = self._session.key.scrub(failure.message)
        if not is_read_method(path) and not failure.outcome_unknown:
            failure.outcome_unknown = True
            failure.message = f"{failure.message} {outcome_hint(path)}"
        failure.args = (failure.message,)
        failure.__cause__ = failure.__context__ = None
        raise failure.with_traceback(None)  # no frame of `read`, which held the payload

    # -- account --

    async def balance_show(self, sign: int | bool = 0) -> Balance:
        """The account's balance. `sign` 0 asks for a decimal comma, 1 for a dot."""
        params = {"sign": check_flag(sign, "sign")}
        return await self._one("balance/show", params, answers.balance)

    async def phone_account_list(self) -> list[PhoneAccount]:
        return await self._list("phone_account/list", {}, answers.phone_accounts)

    async def call_initiate(self, phone_account_id: int, destination_number: str) -> CallInitiated:
        """Ring the phone account first, then connect it to `destination_number`."""
        params = {
            "phone_account_id": check_id(phone_account_id, "phone_account_id"),
            "destination_number": check_phone_number(destination_number, "destination_number"),
        }
        return await self._one("call/initiate", params, answers.call_initiated)

    # -- phone books --

    async def phone_book_list(self) -> list[PhoneBook]:
        return await self._list("phone_book/list", {}, answers.phone_books)

    async def phone_book_show(self, phone_book_id: int) -> list[PhoneBookElement]:
        params = {"phone_book_id": check_id(phone_book_id, "phone_book_id")}
        return await self._list("phone_book/show", params, answers.phone_book_elements)

    async def phone_book_add(self, phone_book_name: str) -> PhoneBook:
        """Create a phone book; a duplicate name raises `AlreadyExistsError`."""
        params = {"phone_book_name": check_phone_book_name(phone_book_name)}
        return await self._one("phone_book/add", params, answers.phone_book)

    async def phone_book_delete(self, phone_book_id: int) -> DeletedItem:
        """Delete a phone book: unknown id -> `NotFoundError`, id 0 -> `ForbiddenError`."""
        params = {"phone_book_id": check_id(phone_book_id, "phone_book_id")}
        return await self._one("phone_book/delete", params, answers.deleted_item)

    async def phone_book_element_add(
        self, phone_book_id: int, phone_book_element_name: str, phone_book_element_number: str
    ) -> PhoneBookElement:
        params = {
            "phone_book_id": check_id(phone_book_id, "phone_book_id"),
            "phone_book_element_name": check_phone_book_element_name(phone_book_element_name),
            "phone_book_element_number": check_phone_number(
                phone_book_element_number, "phone_book_element_number"
            ),
        }
        return await self._one("phone_book_element/add", params, answers.phone_book_element)

    async def phone_book_element_delete(self, phone_book_element_id: int) -> DeletedItem:
        """Delete an entry; an unknown id raises `NotFoundError`."""
        params = {"phone_book_element_id": check_id(phone_book_element_id, "phone_book_element_id")}
        return await self._one("phone_book_element/delete", params, answers.deleted_item)

    # -- call history --

    async def call_list_order(
        self,
        dir: int,
        date_start: date | str,
        date_end: date | str,
        with_records_only: int | bool = 1,
        number: str | None = None,
    ) -> CallListOrder:
        """Queue a call history report (dir 0 in, 1 out, 2 both; at most 100 days)."""
        start, end = check_date_range(date_start, date_end)
        params: dict[str, object] = {
            "dir": check_direction(dir),
            "date_start": start,
            "date_end": end,
            "with_records_only": check_flag(with_records_only, "with_records_only"),
        }
        if number is not None and (not isinstance(number, str) or number.strip()):
            params["number"] = check_phone_number(number, "number")
        return await self._one("call_list/order", params, answers.call_list_order)

    async def call_list_list(self) -> list[CallListStatus]:
        return await self._list("call_list/list", {}, answers.call_list_statuses)

    async def call_list_show(self, call_list_id: int) -> list[CallRecord]:
        """The calls of a generated report; not generated yet raises `NotReadyError`."""
        # Imported here: msgspec is needed by this answer only, not at start-up.
        from spikon_tui.api import typed_json

        params = {"call_list_id": check_id(call_list_id, "call_list_id")}
        return await self._list(
            "call_list/show", params, answers.call_records, typed_json.call_records
        )

    # -- call center --

    async def cc_campaigns_list(self) -> list[CcCampaign]:
        return await self._list("cc_campaigns/list", {}, answers.cc_campaigns)

    async def cc_agent_list(self) -> list[CcAgent]:
        return await self._list("cc_agent/list", {}, answers.cc_agents)

    async def _agent_action(self, path: str, agent_id: int, campaign_id: int) -> ActionStatus:
        params = {
            "agent_id": check_id(agent_id, "agent_id"),
            "campaign_id": check_id(campaign_id, "campaign_id"),
        }
        return await self._one(path, params, answers.action_status)

    async def cc_in_campaign_add_agent(self, agent_id: int, campaign_id: int) -> ActionStatus:
        return await self._agent_action("cc_in_campaign/add_agent", agent_id, campaign_id)

    async def cc_in_campaign_remove_agent(self, agent_id: int, campaign_id: int) -> ActionStatus:
        return await self._agent_action("cc_in_campaign/remove_agent", agent_id, campaign_id)

    async def cc_out_campaign_add_agent(self, agent_id: int, campaign_id: int) -> ActionStatus:
        return await self._agent_action("cc_out_campaign/add_agent", agent_id, campaign_id)

    async def cc_out_campaign_remove_agent(self, agent_id: int, campaign_id: int) -> ActionStatus:
        return await self._agent_action("cc_out_campaign/remove_agent", agent_id, campaign_id)

    async def cc_out_campaign_set_default(self, agent_id: int, campaign_id: int) -> ActionStatus:
        return await self._agent_action("cc_out_campaign/set_default", agent_id, campaign_id)

    async def cc_monitor_show(self, cc_campaign_id: int) -> CcMonitor:
        params = {"cc_campaign_id": check_id(cc_campaign_id, "cc_campaign_id")}
        return await self._one("cc_monitor/show", params, answers.cc_monitor)

    # -- SMS --

    async def sms_send(self, from_: str, to: str | list[str], message: str) -> SmsSent:
        """Send an SMS to one or more Polish numbers; one id per recipient comes back."""
        params = {
            "from": check_sms_sender(from_),
            "to": check_sms_recipients(to),
            "message": check_sms_message(message),
        }
        return await self._one("sms/send", params, answers.sms_sent)

    async def sms_state(self, id: int) -> SmsState:
        params = {"id": check_id(id, "id")}
        return await self._one("sms/state", params, answers.sms_state)

    # -- text to speech --

    async def tts_language_list(self) -> list[TtsLanguage]:
        return await self._list("tts/language_list", {}, answers.tts_languages)

    async def tts_voice_list(self, language: str) -> list[TtsVoice]:
        params = {"language": check_language(language)}
        return await self._list("tts/voice_list", params, answers.tts_voices)

    async def tts_generate(self, voice: str, name: str, text: str) -> TtsCreated:
        """Order an announcement (charged; see `tts_price`); poll `tts_status`."""
        params = {
            "voice": check_text(voice, "voice"),
            "name": check_text(name, "name"),
            "text": check_tts_text(text),
        }
        return await self._one("tts/generate", params, answers.tts_created)

    async def tts_list(self) -> list[TtsAnnouncement]:
        return await self._list("tts/list", {}, answers.tts_announcements)

    async def tts_download(self, tts_id: int, pcm_8k16bm: int | bool = 0) -> bytes:
        """The announcement's audio: MP3, or with `pcm_8k16bm=1` WAVE PCM 8 kHz 16 bit mono.

        Sent as GET with the key only in the `Spikon-API-Key` header. Not
        generated yet raises `NotReadyError`.
        """
        params = {
            "tts_id": check_id(tts_id, "tts_id"),
            "pcm_8k16bm": check_flag(pcm_8k16bm, "pcm_8k16bm"),
        }
        return await self._session.get_file("tts/download", params)

    async def tts_delete(self, tts_id: int) -> DeletedItem:
        params = {"tts_id": check_id(tts_id, "tts_id")}
        return await self._one("tts/delete", params, answers.deleted_item)

    async def tts_price(self, voice: str, text: str) -> TtsPrice:
        params = {"voice": check_text(voice, "voice"), "text": check_tts_text(text)}
        return await self._one("tts/price", params, answers.tts_price)

    async def tts_status(self, tts_id: int) -> TtsStatus:
        params = {"tts_id": check_id(tts_id, "tts_id")}
        return await self._one("tts/status", params, answers.tts_status)
