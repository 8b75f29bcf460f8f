"""The HTTP/1.1 transport: one selector loop for every connection, a bounded pool to answer.

One thread (`serve`) accepts connections and reads them without blocking: the
bytes of each connection are parsed as they come (`_RequestReader`: keep-alive,
Content-Length or chunked bodies, `Expect: 100-continue`). Only a complete request
goes to a worker of a bounded pool (`max_workers`, 64), which calls the `answer`
callback, sends the answer in one write (TCP_NODELAY) and hands the connection
back to the loop. So a slow or idle client holds a socket, never a thread, and
900 half-sent requests leave the other clients served.

Limits, each answered with a plain HTTP error and the connection closed: a request
line or header of 64 KiB (414/400), 100 headers, 256 KiB of head (431), a body
of 16 MiB however it is encoded (413; a chunk size must be 1-8 hex digits, a
Content-Length 1-12 ASCII digits, else 400), and `idle_timeout` seconds (10) to
send a whole request after connecting or after the last answer (408). It never
logs to stderr: the app may run it in demo mode under a full-screen UI.
"""

from __future__ import annotations

import contextlib
import re
import selectors
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from http.client import responses
from urllib.parse import unquote, urlsplit

MAX_LINE = 65536
MAX_HEADERS = 100
MAX_HEAD = 256 * 1024
MAX_BODY = 16 * 1024 * 1024
MAX_RAW_BODY = 2 * MAX_BODY
"""Bytes of a chunked body as sent (sizes and line ends included)."""
IDLE_TIMEOUT = 10.0
SEND_TIMEOUT = 10.0
MAX_WORKERS = 64
MAX_CONNECTIONS = 4096
"""Open connections beyond this are closed at once (the pool still serves the others)."""

_HEAD_END = re.compile(rb"\r?\n\r?\n")
_CONTENT_LENGTH = re.compile(r"[0-9]{1,12}")
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,8}")
_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


@dataclass(frozen=True)
class Request:
    verb: str
    path: str  # percent-decoded, without the query string
    query: str
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    peer: str  # the caller's IP address


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


# The response to a request; None closes the connection without answering.
Answer = Callable[[Request], Response | None]


class _BadRequest(Exception):
    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status.phrase)
        self.status = status


@dataclass
class _Head:
    verb: str
    target: str
    headers: dict[str, str]
    keep_alive: bool
    chunked: bool
    length: int


class _RequestReader:
    """Bytes in, whole requests out; `_BadRequest` for a request that breaks a limit."""

    def __init__(self, peer: str) -> None:
        self.peer = peer
        self.buffer = bytearray()
        self._scanned = 0
        self._head: _Head | None = None
        self._position = 0
        self._chunks: list[bytes] = []
        self._total = 0
        self.wants_continue = False

    def feed(self, data: bytes) -> None:
        self.buffer += data

    def next_request(self) -> tuple[Request, bool] | None:
        """The next whole request and whether to keep the connection; None: not all here yet."""
        if self._head is None:
            self._head = self._read_head()
            if self._head is None:
                return None
        head = self._head
        body = self._read_chunked() if head.chunked else self._read_sized(head.length)
        if body is None:
            return None
        del self.buffer[: self._position]
        self._head, self._position, self._scanned = None, 0, 0
        self._chunks, self._total, self.wants_continue = [], 0, False
        split = urlsplit(head.target)
        request = Request(
            head.verb, unquote(split.path), split.query, head.headers, body, self.peer
        )
        return request, head.keep_alive

    @property
    def started(self) -> bool:
        return bool(self.buffer)

    def _read_head(self) -> _Head | None:
        buffer = self.buffer
        blank = 0
        while blank < len(buffer) and buffer[blank] in b"\r\n":  # blank lines between requests
            blank += 1
        if blank:
            del buffer[:blank]
            self._scanned = 0
        found = _HEAD_END.search(buffer, max(0, self._scanned - 3))
        if found is None:
            self._scanned = len(buffer)
            first_end = buffer.find(b"\n", 0, MAX_LINE + 1)
            if first_end < 0 and len(buffer) > MAX_LINE:
                raise _BadRequest(HTTPStatus.REQUEST_URI_TOO_LONG)
            if len(buffer) > MAX_HEAD:
                raise _BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
            return None
        if found.start() > MAX_HEAD:
            raise _BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
        lines = bytes(buffer[: found.start()]).split(b"\n")
        self._position = found.end()
        first = lines[0].rstrip(b"\r")
        if len(first) > MAX_LINE:
            raise _BadRequest(HTTPStatus.REQUEST_URI_TOO_LONG)
        parts = first.decode("latin-1").split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise _BadRequest(HTTPStatus.BAD_REQUEST)
        verb, target, version = parts
        if len(lines) - 1 > MAX_HEADERS:
            raise _BadRequest(HTTPStatus.BAD_REQUEST)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            line = line.rstrip(b"\r")
            if len(line) > MAX_LINE or b":" not in line:
                raise _BadRequest(HTTPStatus.BAD_REQUEST)
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        connection = headers.get("connection", "").lower()
        keep_alive = (
            "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
        )
        chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        length = 0
        if not chunked:
            length_text = headers.get("content-length", "0")
            if not _CONTENT_LENGTH.fullmatch(length_text):  # ASCII digits only: not "²" or "-1"
                raise _BadRequest(HTTPStatus.BAD_REQUEST)
            length = int(length_text)
            if length > MAX_BODY:
                raise _BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        self.wants_continue = headers.get("expect", "").lower() == "100-continue"
        return _Head(verb, target, headers, keep_alive, chunked, length)

    def _read_sized(self, length: int) -> bytes | None:
        start = self._position
        if len(self.buffer) - start < length:
            return None
        self._position = start + length
        return bytes(self.buffer[start : self._position])

    def _read_chunked(self) -> bytes | None:
        buffer = self.buffer
        while True:
            if len(buffer) - self._position > MAX_RAW_BODY:
                raise _BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            line_end = buffer.find(b"\n", self._position)
            if line_end < 0:
                if len(buffer) - self._position > MAX_LINE:
                    raise _BadRequest(HTTPStatus.BAD_REQUEST)
                return None
            size_text = bytes(buffer[self._position : line_end]).split(b";", 1)[0].strip()
            if not _CHUNK_SIZE.fullmatch(size_text):  # no sign, no "0x", at most 8 digits
                raise _BadRequest(HTTPStatus.BAD_REQUEST)
            size = int(size_text, 16)
            if size == 0:
                end = self._trailers_end(line_end + 1)
                if end is None:
                    return None
                self._position = end
                return b"".join(self._chunks)
            if self._total + size > MAX_BODY:
                raise _BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            data_end = line_end + 1 + size
            after = buffer.find(b"\n", data_end, data_end + 2)
            if after < 0:
                if len(buffer) >= data_end + 2:
                    raise _BadRequest(HTTPStatus.BAD_REQUEST)
                return None
            if bytes(buffer[data_end:after]) not in (b"", b"\r"):
                raise _BadRequest(HTTPStatus.BAD_REQUEST)
            self._chunks.append(bytes(buffer[line_end + 1 : data_end]))
            self._total += size
            self._position = after + 1

    def _trailers_end(self, start: int) -> int | None:
        """Where the trailers after the last chunk end; None while they are still coming."""
        position = start
        while True:
            line_end = self.buffer.find(b"\n", position)
            if line_end < 0:
                if len(self.buffer) - start > MAX_HEAD:
                    raise _BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
                return None
            if bytes(self.buffer[position:line_end]) in (b"", b"\r"):
                return line_end + 1
            position = line_end + 1


class _Connection:
    def __init__(self, sock: socket.socket, peer: str, deadline: float) -> None:
        self.sock = sock
        self.reader = _RequestReader(peer)
        self.deadline = deadline
        self.continue_sent = False


class HttpServer:
    """Serves `answer` on `address` from `serve()` until `stop_serving()`."""

    def __init__(
        self,
        address: tuple[str, int],
        answer: Answer,
        *,
        max_workers: int = MAX_WORKERS,
        idle_timeout: float = IDLE_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.answer = answer
        self.idle_timeout = idle_timeout
        self.max_connections = max_connections
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.socket.bind(address)
            self.socket.listen(1024)
        except OSError:
            self.socket.close()
            raise
        self.socket.setblocking(False)
        self.server_address: tuple[str, int] = self.socket.getsockname()[:2]
        self._pool = ThreadPoolExecutor(max_workers, thread_name_prefix="spikon-sandbox")
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._idle: dict[socket.socket, _Connection] = {}
        self._returned: deque[_Connection] = deque()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._wake_reader.setblocking(False)
        self._wake_writer.setblocking(False)
        self._selector = selectors.DefaultSelector()
        self._stopping = False
        self._next_sweep = 0.0

    # -- the loop ----------------------------------------------------------------------

    def serve(self) -> None:
        """Accept and read connections until `stop_serving` (a socket pair wakes the loop)."""
        with self._selector as selector:
            selector.register(self.socket, selectors.EVENT_READ, "accept")
            selector.register(self._wake_reader, selectors.EVENT_READ, "wake")
            while not self._stopping:
                for key, _ in selector.select(timeout=self._sweep_in()):
                    if key.data == "accept":
                        self._accept()
                    elif key.data == "wake":
                        with contextlib.suppress(OSError):
                            self._wake_reader.recv(4096)
                    else:
                        self._read(key.data)
                while self._returned:
                    self._welcome_back(self._returned.popleft())
                self._sweep()
            for connection in [*self._idle.values(), *self._returned]:
                self._close(connection.sock)
            self._idle.clear()
            self._returned.clear()

    def _sweep_in(self) -> float:
        return max(0.0, min(1.0, self._next_sweep - time.monotonic()))

    def _accept(self) -> None:
        for _ in range(256):
            try:
                sock, address = self.socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            with self._connections_lock:
                full = len(self._connections) >= self.max_connections
                if not full:
                    self._connections.add(sock)
            if full:
                sock.close()
                continue
            sock.setblocking(False)
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            connection = _Connection(sock, address[0], time.monotonic() + self.idle_timeout)
            self._wait_for(connection)

    def _wait_for(self, connection: _Connection) -> None:
        self._idle[connection.sock] = connection
        self._selector.register(connection.sock, selectors.EVENT_READ, connection)

    def _stop_waiting(self, connection: _Connection) -> None:
        self._idle.pop(connection.sock, None)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self._selector.unregister(connection.sock)

    def _read(self, connection: _Connection) -> None:
        try:
            data = connection.sock.recv(262144)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._stop_waiting(connection)
            self._close(connection.sock)
            return
        connection.reader.feed(data)
        self._next_step(connection)

    def _next_step(self, connection: _Connection) -> None:
        """Hand a whole request to the pool, or keep waiting for the rest of it."""
        try:
            parsed = connection.reader.next_request()
        except _BadRequest as bad:
            self._stop_waiting(connection)
            self._pool.submit(self._refuse, connection.sock, bad.status)
            return
        if parsed is None:
            if connection.reader.wants_continue and not connection.continue_sent:
                connection.continue_sent = True
                with contextlib.suppress(OSError):
                    connection.sock.send(_CONTINUE)
            if connection.sock not in self._idle:
                self._wait_for(connection)
            return
        self._stop_waiting(connection)
        connection.continue_sent = False
        request, keep_alive = parsed
        self._pool.submit(self._serve_one, connection, request, keep_alive)

    def _welcome_back(self, connection: _Connection) -> None:
        """A connection answered by a worker: wait for (or parse) its next request."""
        if self._stopping:
            self._close(connection.sock)
            return
        connection.deadline = time.monotonic() + self.idle_timeout
        self._next_step(connection)

    def _sweep(self) -> None:
        """Close the connections that took longer than `idle_timeout` to send a request."""
        now = time.monotonic()
        if now < self._next_sweep:
            return
        self._next_sweep = now + min(0.25, self.idle_timeout / 4)
        for connection in [c for c in self._idle.values() if c.deadline <= now]:
            self._stop_waiting(connection)
            if connection.reader.started:  # best effort, never waiting on the client
                with contextlib.suppress(OSError):
                    connection.sock.send(_plain(HTTPStatus.REQUEST_TIMEOUT))
            self._close(connection.sock)

    # -- the workers -------------------------------------------------------------------

    def _serve_one(self, connection: _Connection, request: Request, keep_alive: bool) -> None:
        sock = connection.sock
        try:
            response = self.answer(request)
            if response is None:
                self._close(sock)
                return
            sock.settimeout(SEND_TIMEOUT)
            _send(sock, response, keep_alive=keep_alive, head_only=request.verb == "HEAD")
            sock.setblocking(False)
        except Exception:
            self._close(sock)
            return
        if not keep_alive:
            self._close(sock, graceful=True)
            return
        self._returned.append(connection)
        with contextlib.suppress(OSError):
            self._wake_writer.send(b"x")

    def _refuse(self, sock: socket.socket, status: HTTPStatus) -> None:
        with contextlib.suppress(OSError):
            sock.settimeout(SEND_TIMEOUT)
            sock.sendall(_plain(status))
        self._close(sock, graceful=True)

    def _close(self, sock: socket.socket, *, graceful: bool = False) -> None:
        """Close `sock`; `graceful` reads briefly (at most ~0.3 s) first, so the answer
        just sent is not lost to a reset while the client is still sending."""
        with self._connections_lock:
            self._connections.discard(sock)
        with contextlib.suppress(OSError):
            if graceful:
                sock.shutdown(socket.SHUT_WR)
                until = time.monotonic() + 0.3
                while (left := until - time.monotonic()) > 0:
                    sock.settimeout(left)
                    if not sock.recv(65536):
                        break
        with contextlib.suppress(OSError):
            sock.close()

    # -- stopping ----------------------------------------------------------------------

    def stop_serving(self) -> None:
        self._stopping = True
        with contextlib.suppress(OSError):
            self._wake_writer.send(b"x")

    def server_close(self) -> None:
        self.socket.close()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._wake_reader.close()
        self._wake_writer.close()

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    @property
    def open_connections(self) -> int:
        with self._connections_lock:
            return len(self._connections)


def _plain(status: HTTPStatus) -> bytes:
    body = f"{status.value} {status.phrase}\n".encode()
    head = (
        f"HTTP/1.1 {status.value} {status.phrase}\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


def _send(sock: socket.socket, response: Response, *, keep_alive: bool, head_only: bool) -> None:
    status = response.status
    lines = [
        f"HTTP/1.1 {status} {responses.get(status, 'Error')}",
        f"Content-Type: {response.content_type}",
        f"Content-Length: {len(response.body)}",
        *(f"{name}: {value}" for name, value in response.headers),
    ]
    if not keep_alive:
        lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    if head_only:
        sock.sendall(head)
    elif len(response.body) < 65536:
        sock.sendall(head + response.body)
    else:
        sock.sendall(head)
        sock.sendall(response.body)
