"""The HTTP/1.1 transport: a threading server and a small keep-alive request reader.

The server is stdlib `http.server.ThreadingHTTPServer` (one thread per
connection) with a request reader of its own instead of BaseHTTPRequestHandler:
keep-alive, Content-Length or chunked bodies, `Expect: 100-continue`, one
write per answer and TCP_NODELAY, so thousands of small requests a second go
through. It never logs to stderr: the app may run it in demo mode under a
full-screen UI. What to answer is decided by the `answer` callback.
"""

from __future__ import annotations

import contextlib
import http.server
import selectors
import socket
import socketserver
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.client import responses
from urllib.parse import unquote, urlsplit

MAX_LINE = 65536
MAX_HEADERS = 100
MAX_BODY = 16 * 1024 * 1024


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


class HttpServer(http.server.ThreadingHTTPServer):
    """Serves `answer` on `address` from `serve()` until `stop_serving()`."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], answer: Answer) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.answer = answer
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._stopping = False
        super().__init__(address, _Connection)

    def serve(self) -> None:
        """Accept connections until `stop_serving` (no polling: a socket pair wakes the loop)."""
        with selectors.DefaultSelector() as selector:
            selector.register(self.socket, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            while not self._stopping:
                for key, _ in selector.select():
                    if key.fileobj is self.socket and not self._stopping:
                        self._accept_one()

    def _accept_one(self) -> None:
        """Accept the connection waiting and hand it to a thread (BaseServer's way)."""
        try:
            request, client_address = self.get_request()
        except OSError:
            return
        if not self.verify_request(request, client_address):
            self.shutdown_request(request)
            return
        try:
            self.process_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
            self.shutdown_request(request)
        except BaseException:
            self.shutdown_request(request)
            raise

    def stop_serving(self) -> None:
        self._stopping = True
        self._wake_writer.send(b"x")

    def server_close(self) -> None:
        super().server_close()
        self._wake_reader.close()
        self._wake_writer.close()

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's FQDN, which can hang without DNS.
        socketserver.TCPServer.server_bind(self)
        host, self.server_port = self.server_address[:2]
        self.server_name = host if isinstance(host, str) else bytes(host).decode()

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet: a broken connection is the client's business."""

    def track(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.add(connection)

    def untrack(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(connection)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _BadRequest(Exception):
    def __init__(self, status: HTTPStatus) -> None:
        super().__init__(status.phrase)
        self.status = status


class _Connection(socketserver.StreamRequestHandler):
    """One client connection: read requests and answer them until either side closes."""

    server: HttpServer

    def setup(self) -> None:
        super().setup()
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection)

    def finish(self) -> None:
        self.server.untrack(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def handle(self) -> None:
        peer = self.client_address[0]
        with contextlib.suppress(OSError):
            while True:
                try:
                    parsed = self._read_request(peer)
                except _BadRequest as bad:
                    self._send_plain(bad.status)
                    return
                if parsed is None:
                    return
                request, keep_alive = parsed
                response = self.server.answer(request)
                if response is None:
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self._send(response, keep_alive=keep_alive, head_only=request.verb == "HEAD")
                if not keep_alive:
                    return

    def _read_request(self, peer: str) -> tuple[Request, bool] | None:
        line = self.rfile.readline(MAX_LINE + 1)
        while line in (b"\r\n", b"\n"):  # tolerate blank lines between requests
            line = self.rfile.readline(MAX_LINE + 1)
        if not line:
            return None
        if len(line) > MAX_LINE:
            raise _BadRequest(HTTPStatus.REQUEST_URI_TOO_LONG)
        parts = line.decode("latin-1").split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise _BadRequest(HTTPStatus.BAD_REQUEST)
        verb, target, version = parts
        headers: dict[str, str] = {}
        while True:
            header = self.rfile.readline(MAX_LINE + 1)
            if header in (b"\r\n", b"\n"):
                break
            if not header:
                return None
            if len(header) > MAX_LINE or len(headers) >= MAX_HEADERS or b":" not in header:
                raise _BadRequest(HTTPStatus.BAD_REQUEST)
            name, _, value = header.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        connection = headers.get("connection", "").lower()
        keep_alive = (
            "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
        )
        if headers.get("expect", "").lower() == "100-continue":
            self.connection.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
        body = self._read_body(headers)
        split = urlsplit(target)
        request = Request(verb, unquote(split.path), split.query, headers, body, peer)
        return request, keep_alive

    def _read_body(self, headers: dict[str, str]) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            chunks: list[bytes] = []
            total = 0
            while True:
                size_line = self.rfile.readline(MAX_LINE + 1)
                try:
                    size = int(size_line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    raise _BadRequest(HTTPStatus.BAD_REQUEST) from None
                if size == 0:
                    while self.rfile.readline(MAX_LINE + 1) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(chunks)
                total += size
                if total > MAX_BODY:
                    raise _BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
                chunks.append(self.rfile.read(size))
                self.rfile.readline(MAX_LINE + 1)
        length_text = headers.get("content-length", "0")
        if not length_text.isdigit():
            raise _BadRequest(HTTPStatus.BAD_REQUEST)
        length = int(length_text)
        if length > MAX_BODY:
            raise _BadRequest(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        body = self.rfile.read(length) if length else b""
        if len(body) < length:
            raise OSError("connection closed in the middle of a body")
        return body

    def _send(self, response: Response, *, keep_alive: bool, head_only: bool) -> None:
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
            self.connection.sendall(head)
        elif len(response.body) < 65536:
            self.connection.sendall(head + response.body)
        else:
            self.connection.sendall(head)
            self.connection.sendall(response.body)

    def _send_plain(self, status: HTTPStatus) -> None:
        body = f"{status.value} {status.phrase}\n".encode()
        head = (
            f"HTTP/1.1 {status.value} {status.phrase}\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        self.connection.sendall(head.encode("latin-1") + body)
