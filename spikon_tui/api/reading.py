"""Reading an answer's body as it streams in, never past a size limit.

`read_limited(response, limit)` reads an httpx response opened with
`stream=True` chunk by chunk (`aiter_raw`, the bytes as they travel) and
decompresses them itself, so that both the bytes received and the bytes they
inflate to are counted as they arrive: past `limit` it raises `AnswerTooLarge`
at once, and a gzip bomb stops at the limit instead of filling the memory.
Each decompression step is asked for at most what is still allowed
(`zlib`'s `max_length`), so no single chunk can inflate far past the limit.

The client asks for `gzip` and `deflate` only (`ACCEPT_ENCODING`); any other
`Content-Encoding` raises `UndecodableAnswer`.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import httpx

ACCEPT_ENCODING = "gzip, deflate"
"""The encodings the client can decompress within its limit."""

_STEP = 1 << 20
"""Most bytes one decompression step may produce (bounds the memory a step takes)."""


class AnswerTooLarge(Exception):
    """The answer grew past the limit; reading it stopped there."""


class UndecodableAnswer(Exception):
    """The answer's compression is unknown or broken; `reason` says which (no body text)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Decoder(Protocol):
    def feed(self, data: bytes, out: bytearray, limit: int) -> None: ...

    def finish(self, out: bytearray) -> None: ...


class _Identity:
    def feed(self, data: bytes, out: bytearray, limit: int) -> None:
        if len(out) + len(data) > limit:
            raise AnswerTooLarge
        out += data

    def finish(self, out: bytearray) -> None:
        pass


class _Inflate:
    """gzip (`wbits` 16 + 15) or deflate: zlib-wrapped, or raw as some servers send it."""

    def __init__(self, wbits: int) -> None:
        self._wbits = wbits
        self._inflater = zlib.decompressobj(wbits)
        self._started = False

    def feed(self, data: bytes, out: bytearray, limit: int) -> None:
        while not self._inflater.eof:  # bytes after the end are ignored, as httpx does
            # At most one step at a time, and never more than one byte past the limit.
            most = min(_STEP, limit - len(out) + 1)
            try:
                inflated = self._inflater.decompress(data, most)
            except zlib.error as exc:
                if self._wbits == zlib.MAX_WBITS and not self._started:
                    # "deflate" sent without its zlib wrapper: read it raw
                    self._wbits = -zlib.MAX_WBITS
                    self._inflater = zlib.decompressobj(self._wbits)
                    continue
                raise UndecodableAnswer(str(exc)[:80]) from None
            self._started = True
            out += inflated
            if len(out) > limit:
                raise AnswerTooLarge
            data = self._inflater.unconsumed_tail
            if not data and len(inflated) < most:
                return  # all input used and no output pending

    def finish(self, out: bytearray) -> None:
        if self._started and not self._inflater.eof:
            raise UndecodableAnswer("the compressed answer ends early")


def _decoder_for(content_encoding: str) -> _Decoder:
    names = [name.strip().lower() for name in content_encoding.split(",") if name.strip()]
    names = [name for name in names if name != "identity"]
    if not names:
        return _Identity()
    if len(names) == 1 and names[0] in ("gzip", "x-gzip"):
        return _Inflate(16 + zlib.MAX_WBITS)
    if len(names) == 1 and names[0] == "deflate":
        return _Inflate(zlib.MAX_WBITS)
    shown = ", ".join(names)[:40]
    raise UndecodableAnswer(f"unsupported content encoding {shown!r}")


async def read_limited(response: httpx.Response, limit: int) -> bytes:
    """The whole (decompressed) body, or `AnswerTooLarge` as soon as it passes `limit`."""
    if response.is_stream_consumed:
        # Read already by its transport (an httpx.MockTransport in tests): only measured.
        content = response.content
        if len(content) > limit:
            raise AnswerTooLarge
        return content
    declared = str(response.headers.get("content-length", "")).strip()
    if declared.isascii() and declared.isdigit() and (len(declared) > 18 or int(declared) > limit):
        raise AnswerTooLarge  # even compressed it would be larger
    decoder = _decoder_for(str(response.headers.get("content-encoding", "")))
    out = bytearray()
    received = 0
    async for chunk in response.aiter_raw():
        received += len(chunk)
        if received > limit:
            raise AnswerTooLarge
        decoder.feed(chunk, out, limit)
    decoder.finish(out)
    return bytes(out)
