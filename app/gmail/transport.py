"""The HTTP transport under googleapiclient: pooled keep-alive HTTP/1.1, parsed by httptools.

googleapiclient sends every request through an "http" object: `execute(http=...)` calls
`http.request(uri, method, body, headers)` and reads back `(response, content)`, where
`response` is an `httplib2.Response` (a dict of lower-cased headers with `.status`).
`httplib2.Http` and `http.client` both parse each response's headers with the stdlib
`email` parser and walk the URI character by character (`iri2uri`): measured, ~0.25 ms
of CPU per Gmail call on loopback, most of the call. `Transport` keeps the exchange to
one `sendall` and a few `recv`s on a pooled socket, and parses the response with
httptools (llhttp, the C parser uvicorn uses): status, headers, Content-Length or
chunked bodies, keep-alive. googleapiclient still builds every request and reads every
answer (`HttpError` on non-2xx, JSON decoding): only the wire work changed.

Behaviour kept from httplib2: gzip/deflate answers are decoded (googleapiclient asks
for them), repeated headers are joined with ", ", and a request whose reused connection
turns out to be closed by the server before any answer (an idle keep-alive connection
the server dropped) is sent once more on a fresh connection, for any method, as
httplib2 does. Timeouts are never resent: they raise `TimeoutError`.
Not supported: redirects (the Gmail API does not redirect: a 3xx is returned as it is)
and proxies (`for_environment()` falls back to httplib2 when HTTP(S)_PROXY is set).
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import ssl
import threading
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httplib2  # type: ignore[import-untyped]
import httptools

MAX_RESPONSE_BYTES = 64 * 1024 * 1024  # a Gmail thread of 50 messages is a few MB
_MAX_IDLE_PER_ORIGIN = 16
_RECV_BYTES = 256 * 1024
_LINE_BREAK = re.compile("[\r\n\0]")
_PROXY_VARIABLES = ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY")


class ServerClosed(ConnectionError):
    """The server closed the connection before a complete answer."""


@dataclass
class _Answer:
    """httptools callbacks: what arrived of one response."""

    headers: dict[str, str] = field(default_factory=dict)
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    reason: str = ""
    headers_done: bool = False
    complete: bool = False
    keep_alive: bool = False
    parser: httptools.HttpResponseParser | None = None

    def on_status(self, status: bytes) -> None:
        self.reason += status.decode("latin-1")

    def on_header(self, name: bytes, value: bytes) -> None:
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        previous = self.headers.get(key)
        self.headers[key] = text if previous is None else f"{previous}, {text}"

    def on_headers_complete(self) -> None:
        self.headers_done = True

    def on_body(self, body: bytes) -> None:
        self.size += len(body)
        if self.size <= MAX_RESPONSE_BYTES:  # beyond, `_exchange` gives up after this feed
            self.chunks.append(body)

    def on_message_complete(self) -> None:
        self.complete = True
        # Asked here: once the parser has finished the message it forgets (answers False).
        self.keep_alive = bool(self.parser is not None and self.parser.should_keep_alive())


class _Connection:
    """One socket to one origin, used by one request at a time."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.used = False  # has it carried a request already (may the server have closed it)?

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


@dataclass(frozen=True)
class _Origin:
    scheme: str
    host: str
    port: int

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == default else f"{host}:{self.port}"


class Transport:
    """A thread-safe, httplib2-compatible `request()` over pooled keep-alive sockets."""

    def __init__(self, timeout_seconds: float, ca_file: str | None = None) -> None:
        self._timeout = timeout_seconds
        self._ca_file = ca_file
        self._tls: ssl.SSLContext | None = None
        self._lock = threading.Lock()
        self._idle: dict[_Origin, list[_Connection]] = {}

    def request(
        self,
        uri: str,
        method: str = "GET",
        body: bytes | str | None = None,
        headers: Mapping[str, str] | None = None,
        redirections: int = 0,
        connection_type: object = None,
    ) -> tuple[httplib2.Response, bytes]:
        """Send one request and read its answer (the signature googleapiclient calls)."""
        del redirections, connection_type  # no redirects; our own connections
        origin, target = _split(uri)
        payload = body.encode("utf-8") if isinstance(body, str) else body
        wire = _request_bytes(method, target, origin, headers or {}, payload)
        connection = self._lease(origin)
        try:
            try:
                answer = _exchange(connection, wire)
            except ServerClosed:
                if not connection.used:
                    raise
                connection.close()  # a kept-alive socket the server had dropped: once more
                connection = self._connect(origin)
                answer = _exchange(connection, wire)
        except BaseException:
            connection.close()
            raise
        connection.used = True
        if answer.keep_alive:
            self._release(origin, connection)
        else:
            connection.close()
        return _response(answer)

    def close(self) -> None:
        """Close every idle connection (the transport stays usable)."""
        with self._lock:
            idle, self._idle = self._idle, {}
        for connections in idle.values():
            for connection in connections:
                connection.close()

    def _lease(self, origin: _Origin) -> _Connection:
        with self._lock:
            pool = self._idle.get(origin)
            if pool:
                return pool.pop()
        return self._connect(origin)

    def _release(self, origin: _Origin, connection: _Connection) -> None:
        with self._lock:
            pool = self._idle.setdefault(origin, [])
            if len(pool) < _MAX_IDLE_PER_ORIGIN:
                pool.append(connection)
                return
        connection.close()

    def _connect(self, origin: _Origin) -> _Connection:
        sock = socket.create_connection((origin.host, origin.port), timeout=self._timeout)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if origin.scheme == "https":
                sock = self._tls_context().wrap_socket(sock, server_hostname=origin.host)
        except BaseException:
            sock.close()
            raise
        return _Connection(sock)

    def _tls_context(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = ssl.create_default_context(cafile=self._ca_file or _default_ca_file())
        return self._tls


class Httplib2Pool:
    """httplib2 (which honours HTTP(S)_PROXY), one `Http` per concurrent call: not thread-safe."""

    def __init__(self, timeout_seconds: float) -> None:
        self._timeout = timeout_seconds
        self._lock = threading.Lock()
        self._idle: list[httplib2.Http] = []

    def request(self, uri: str, *args: object, **kwargs: object) -> tuple[httplib2.Response, bytes]:
        """`Http.request` on a leased `Http`; a failed call closes its connections."""
        with self._lock:
            http = self._idle.pop() if self._idle else httplib2.Http(timeout=self._timeout)
        try:
            answer: tuple[httplib2.Response, bytes] = http.request(uri, *args, **kwargs)
        except BaseException:
            http.close()
            raise
        with self._lock:
            if len(self._idle) < _MAX_IDLE_PER_ORIGIN:
                self._idle.append(http)
                return answer
        http.close()
        return answer

    def close(self) -> None:
        """Close every idle `Http`."""
        with self._lock:
            idle, self._idle = self._idle, []
        for http in idle:
            http.close()


def for_environment(timeout_seconds: float) -> Transport | Httplib2Pool:
    """Our transport, or pooled httplib2 when a proxy is configured (we don't speak proxy)."""
    if any(os.environ.get(name) for name in _PROXY_VARIABLES):
        return Httplib2Pool(timeout_seconds)
    return Transport(timeout_seconds)


def _default_ca_file() -> str | None:
    """certifi's bundle, as httplib2 uses when it is installed; else the system's."""
    try:
        import certifi
    except ImportError:  # pragma: no cover - certifi comes with httpx
        return None
    return str(certifi.where())


def _split(uri: str) -> tuple[_Origin, str]:
    parts = urlsplit(uri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"unsupported URI scheme or host: {parts.scheme!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return _Origin(parts.scheme, parts.hostname, port), target


def _request_bytes(
    method: str, target: str, origin: _Origin, headers: Mapping[str, str], body: bytes | None
) -> bytes:
    """The request on the wire; nothing in the request line or headers may break a line."""
    fields = [
        f"{name}: {value}"
        for name, value in headers.items()
        if name.lower() not in ("host", "content-length", "connection")
    ]
    if body is not None or method in ("POST", "PUT", "PATCH"):
        fields.append(f"Content-Length: {len(body or b'')}")
    lines = [f"{method} {target} HTTP/1.1", f"Host: {origin.host_header}", *fields]
    if _LINE_BREAK.search("".join(lines)):
        raise ValueError("the request line or a header contains a line break")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head + body if body else head


def _exchange(connection: _Connection, wire: bytes) -> _Answer:
    """Write the request, read one complete answer."""
    answer = _Answer()
    parser = answer.parser = httptools.HttpResponseParser(answer)
    sock = connection.sock
    try:
        sock.sendall(wire)
        while not answer.complete:
            data = sock.recv(_RECV_BYTES)
            if not data:
                return _at_eof(answer, parser)
            parser.feed_data(data)
            if answer.size > MAX_RESPONSE_BYTES:
                raise ValueError(f"answer larger than {MAX_RESPONSE_BYTES} bytes")
    except (BrokenPipeError, ConnectionResetError) as exc:
        if answer.headers_done:
            raise
        raise ServerClosed(str(exc)) from exc
    except httptools.HttpParserError as exc:
        raise ValueError(f"malformed HTTP answer: {exc}") from None
    answer.headers["status"] = str(parser.get_status_code())
    return answer


def _at_eof(answer: _Answer, parser: httptools.HttpResponseParser) -> _Answer:
    """The server closed the connection: a body delimited by the close, or a failure."""
    delimited = "content-length" in answer.headers or "chunked" in answer.headers.get(
        "transfer-encoding", ""
    )
    if not answer.headers_done:
        raise ServerClosed("connection closed before an answer")
    if delimited:
        raise ConnectionError("connection closed in the middle of an answer")
    answer.complete = True
    answer.headers["status"] = str(parser.get_status_code())
    return answer


def _response(answer: _Answer) -> tuple[httplib2.Response, bytes]:
    content = b"".join(answer.chunks)
    encoding = answer.headers.get("content-encoding", "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate") and content:
        content = _decoded(content, encoding)
        answer.headers["-content-encoding"] = answer.headers.pop("content-encoding")
        answer.headers["content-length"] = str(len(content))
    response = httplib2.Response(answer.headers)
    response.reason = answer.reason or response.reason
    return response, content


def _decoded(content: bytes, encoding: str) -> bytes:
    """gzip or deflate (zlib-wrapped or raw, as httplib2 accepts), bounded in size."""
    if encoding == "deflate":
        try:
            return _inflate(content, zlib.MAX_WBITS)
        except zlib.error:
            return _inflate(content, -zlib.MAX_WBITS)
    return _inflate(content, 16 + zlib.MAX_WBITS)


def _inflate(content: bytes, wbits: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(content, MAX_RESPONSE_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError(f"decoded answer larger than {MAX_RESPONSE_BYTES} bytes")
    return out
