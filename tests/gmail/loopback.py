"""Loopback servers for the transport tests: a relay to the emulator, and scripted answers.

`relaying(url)` puts a TCP relay of ours in front of a server: it counts the connections
it accepts, can end every connection (`drop_all`, as a server closing idle keep-alives)
or cut each answer short, and can terminate TLS with a certificate made for the test
(`tls_files`). `scripted(*replies)` answers each request on a connection with the next
canned bytes, for what the emulator never sends. Everything binds 127.0.0.1.
"""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

Cut = Literal["before_answer", "mid_body"]


def chain(error: BaseException | None) -> list[BaseException]:
    """An exception and everything it was raised from or during."""
    found = []
    while error is not None:
        found.append(error)
        error = error.__cause__ or error.__context__
    return found


def _accept_each(listener: socket.socket, handle: Callable[[socket.socket], None]) -> None:
    """Accept until the listener closes, each connection handled on its own thread."""
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


@dataclass
class Relay:
    """A TCP relay on 127.0.0.1 to an upstream port; counts the connections it accepts."""

    upstream: int
    tls: ssl.SSLContext | None = None  # terminate TLS from the client; plain to the upstream
    cut: Cut | None = None  # end each connection before the answer, or halfway into its body
    accepted: int = 0
    _open: list[socket.socket] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, conn: socket.socket) -> None:
        with self._lock:
            self.accepted += 1
        try:
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            upstream = socket.create_connection(("127.0.0.1", self.upstream))
        except OSError:
            conn.close()
            return
        with self._lock:
            self._open.append(conn)
        threading.Thread(target=self._pump, args=(conn, upstream, None), daemon=True).start()
        self._pump(upstream, conn, self.cut)

    def drop_all(self) -> None:
        """End every relayed connection now (as a server closing idle keep-alives does)."""
        with self._lock:
            conns, self._open = self._open, []
        for conn in conns:
            _shut(conn)

    def _pump(self, source: socket.socket, sink: socket.socket, cut: Cut | None) -> None:
        sent = b""
        try:
            while data := source.recv(65536):
                if cut == "before_answer":
                    break
                if cut == "mid_body" and b"\r\n\r\n" in sent + data:
                    head = (sent + data).index(b"\r\n\r\n") + 4
                    sink.sendall(data[: max(0, head - len(sent)) + 10])  # head + 10 bytes
                    break
                sink.sendall(data)
                sent += data
        except OSError:
            pass
        _shut(source)
        _shut(sink)


def _shut(sock: socket.socket) -> None:
    """shutdown() first: close() alone neither wakes a recv() on another thread nor sends FIN."""
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


@contextmanager
def relaying(
    url: str, tls: ssl.SSLContext | None = None, cut: Cut | None = None
) -> Iterator[tuple[Relay, str]]:
    """A relay to the server at `url`; yields it and the URL to use instead."""
    relay = Relay(int(url.rsplit(":", 1)[1]), tls, cut)
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=_accept_each, args=(listener, relay.handle), daemon=True)
    thread.start()
    scheme = "https" if tls else "http"
    try:
        yield relay, f"{scheme}://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        _shut(listener)
        relay.drop_all()
        thread.join(5)


@dataclass
class Scripted:
    """A loopback server that answers each request on a connection with the next reply."""

    replies: list[bytes]
    requests: list[bytes] = field(default_factory=list)

    def handle(self, conn: socket.socket) -> None:
        with conn:
            for reply in self.replies:
                request = _read_request(conn)
                if not request:
                    return
                self.requests.append(request)
                conn.sendall(reply)


def _read_request(conn: socket.socket) -> bytes:
    """One request head and its Content-Length body; b'' when the client left."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return b""
            data += chunk
        head = data.split(b"\r\n\r\n", 1)[0].lower()
        length = (
            int(head.split(b"content-length:", 1)[1].split(b"\r\n")[0])
            if (b"content-length:" in head)
            else 0
        )
        while len(data.split(b"\r\n\r\n", 1)[1]) < length:
            data += conn.recv(65536)
    except OSError:
        return b""
    return data


@contextmanager
def scripted(*replies: bytes) -> Iterator[tuple[Scripted, str]]:
    server = Scripted(list(replies))
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=_accept_each, args=(listener, server.handle), daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        _shut(listener)
        thread.join(5)


def answer(body: bytes = b"{}", *headers: str, status: str = "200 OK") -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def tls_files(tmp_path: Path) -> tuple[Path, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1 and a server context using it."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file = tmp_path / "cert.pem"
    key_file = tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    return cert_file, context
