"""A real HTTP server on 127.0.0.1 that answers whatever a test tells it to: the hostile server.

`HostileServer` runs on the test's own event loop (asyncio streams, port 0). A
test sets `server.respond`, a coroutine given the parsed request and the
writer, and uses the helpers to answer: `send` (a whole answer), `send_chunked`
(chunks with no Content-Length), `trickle` (one byte at a time). The server
counts what it wrote, so a test can tell that the client stopped reading.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    form: dict[str, str]

    @property
    def api_key(self) -> str:
        return self.form.get("api_key") or self.headers.get("spikon-api-key", "")

    @property
    def api_format(self) -> int:
        return int(self.form.get("api_format", "0"))


Responder = Callable[[Request, "Writer"], Awaitable[None]]


@dataclass
class Writer:
    """The connection's writer, counting the body bytes written."""

    stream: asyncio.StreamWriter
    server: HostileServer
    status_sent: bool = False

    async def write(self, data: bytes) -> None:
        self.stream.write(data)
        self.server.bytes_written += len(data)
        await self.stream.drain()


@dataclass
class HostileServer:
    respond: Responder | None = None
    bytes_written: int = 0
    requests: list[Request] = field(default_factory=list)
    _server: asyncio.Server | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/api/"

    async def __aenter__(self) -> HostileServer:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task
        await self._server.wait_closed()

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.ensure_future(self._serve(reader, writer))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _serve(self, reader: asyncio.StreamReader, stream: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            first, *lines = head.decode("latin-1").split("\r\n")
            method, target, _version = first.split(" ", 2)
            headers = {}
            for line in lines:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            path, _, query = target.partition("?")
            fields = parse_qs(body.decode() if method == "POST" else query)
            form = {name: values[0] for name, values in fields.items()}
            request = Request(method, path.split("/api/", 1)[-1], headers, form)
            self.requests.append(request)
            assert self.respond is not None, "the test set no answer"
            await self.respond(request, Writer(stream, self))
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client hung up: what these tests often want
        finally:
            stream.close()


def head(status: int = 200, headers: dict[str, str] | None = None, **more: str) -> bytes:
    reason = {200: "OK", 302: "Found", 500: "Internal Server Error"}.get(status, "Status")
    lines = [f"HTTP/1.1 {status} {reason}", "Connection: close"]
    for name, value in {**(headers or {}), **more}.items():
        lines.append(f"{name.replace('_', '-')}: {value}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def send(
    writer: Writer,
    body: bytes,
    content_type: str = "application/json",
    status: int = 200,
    **more: str,
) -> None:
    """A whole answer with its Content-Length."""
    await writer.write(
        head(status, {"Content-Type": content_type, "Content-Length": str(len(body))}, **more)
    )
    await writer.write(body)


async def send_chunked(
    writer: Writer, chunks: Iterable[bytes], content_type: str = "application/json", **more: str
) -> None:
    """An answer in chunks, with no Content-Length: only reading it tells its size."""
    await writer.write(
        head(200, {"Content-Type": content_type, "Transfer-Encoding": "chunked"}, **more)
    )
    for chunk in chunks:
        if chunk:
            await writer.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
    await writer.write(b"0\r\n\r\n")


async def trickle(writer: Writer, body: bytes, every: float) -> None:
    """The head at once, then the body one byte every `every` seconds."""
    await writer.write(
        head(200, {"Content-Type": "application/json", "Content-Length": str(len(body))})
    )
    for byte in body:
        await asyncio.sleep(every)
        await writer.write(bytes([byte]))


def answering(body: bytes | Callable[[Request], bytes], content_type: str = "") -> Responder:
    """A responder sending the same body (or one made from the request) in the format asked."""

    async def respond(request: Request, writer: Writer) -> None:
        data = body(request) if callable(body) else body
        kind = content_type or ("application/xml" if request.api_format else "application/json")
        await send(writer, data, kind)

    return respond


@contextlib.asynccontextmanager
async def hostile_server(respond: Responder | None = None) -> AsyncIterator[HostileServer]:
    async with HostileServer(respond) as server:
        yield server
