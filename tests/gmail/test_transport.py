"""`app.gmail.transport`: the wire under googleapiclient, against scripted loopback servers.

Each test's server is a real socket on 127.0.0.1 that reads a request and writes the
exact bytes a test gives it: keep-alive, chunked and gzip answers, servers that drop
idle connections or answer half a body, slow servers, TLS with our own certificate.
(googleapiclient over this transport against the Gmail emulator is exercised by every
tests/api and tests/gmail test that calls Gmail.)
"""

from __future__ import annotations

import datetime
import gzip
import ipaddress
import socket
import ssl
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.gmail import transport
from app.gmail.transport import Httplib2Pool, Transport

Script = Callable[[socket.socket, "Server"], None]


@dataclass
class Server:
    """A loopback server; `script(conn, server)` runs once per accepted connection."""

    script: Script
    tls: ssl.SSLContext | None = None
    accepted: int = 0
    requests: list[bytes] = field(default_factory=list)

    def read_request(self, conn: socket.socket) -> bytes:
        """One request (head and Content-Length body), or b'' when the client left."""
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return b""
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(body) < length:
            body += conn.recv(65536)
        self.requests.append(head + b"\r\n\r\n" + body)
        return head


@contextmanager
def serving(script: Script, tls: ssl.SSLContext | None = None) -> Iterator[tuple[Server, str]]:
    server = Server(script, tls)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    listener.settimeout(0.1)

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            server.accepted += 1
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    def handle(conn: socket.socket) -> None:
        try:
            if tls is not None:
                conn = tls.wrap_socket(conn, server_side=True)
            with conn:
                script(conn, server)
        except OSError:
            pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    scheme = "https" if tls else "http"
    try:
        yield server, f"{scheme}://127.0.0.1:{port}"
    finally:
        stop.set()
        listener.close()
        thread.join(5)


@pytest.fixture
def make() -> Iterator[Callable[..., Transport]]:
    """Transports that are closed after the test (idle pooled sockets included)."""
    made: list[Transport] = []

    def new(timeout: float = 5, ca_file: str | None = None) -> Transport:
        made.append(Transport(timeout, ca_file=ca_file))
        return made[-1]

    yield new
    for http in made:
        http.close()


def answer(body: bytes = b'{"ok": true}', *headers: str, status: str = "200 OK") -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def keep_answering(*replies: bytes) -> Script:
    """Answer each request on a connection with the next reply, then keep reading."""

    def script(conn: socket.socket, server: Server) -> None:
        for reply in replies:
            if not server.read_request(conn):
                return
            conn.sendall(reply)
        server.read_request(conn)

    return script


def test_a_kept_alive_connection_carries_the_next_requests(make: Callable[..., Transport]) -> None:
    with serving(keep_answering(answer(), answer(b"second"), answer(b"third"))) as (server, url):
        http = make(5)
        bodies = [http.request(f"{url}/a?x=1")[1] for _ in range(3)]
        assert bodies == [b'{"ok": true}', b"second", b"third"]
    assert server.accepted == 1
    assert server.requests[0].startswith(b"GET /a?x=1 HTTP/1.1\r\nHost: 127.0.0.1:")


def test_status_headers_and_reason_read_like_httplib2(make: Callable[..., Transport]) -> None:
    reply = answer(b"{}", "Retry-After: 7", "X-Two: a", "X-Two: b", status="429 Too Many")
    with serving(keep_answering(reply)) as (_, url):
        response, content = make(5).request(url + "/")
    assert response.status == 429
    assert response["status"] == "429"
    assert response.reason == "Too Many"
    assert response["retry-after"] == "7"
    assert response["x-two"] == "a, b"
    assert content == b"{}"


def test_the_request_carries_headers_and_a_body_with_its_length(
    make: Callable[..., Transport],
) -> None:
    with serving(keep_answering(answer())) as (server, url):
        make(5).request(
            url + "/send",
            "POST",
            body='{"raw": "é"}',
            headers={"Authorization": "Bearer t", "content-length": "999"},
        )
    sent = server.requests[0]
    assert sent.startswith(b"POST /send HTTP/1.1\r\n")
    assert b"\r\nAuthorization: Bearer t\r\n" in sent
    assert b"Content-Length: 13\r\n" in sent
    assert b"999" not in sent
    assert sent.endswith('{"raw": "é"}'.encode())


def test_chunked_answers_are_joined(make: Callable[..., Transport]) -> None:
    chunked = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    )
    with serving(keep_answering(chunked, answer(b"next"))) as (server, url):
        http = make(5)
        assert http.request(url)[1] == b"hello world"
        assert http.request(url)[1] == b"next"
    assert server.accepted == 1


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),
    ],
)
def test_compressed_answers_are_decoded(
    encoding: str, encode: Callable[[bytes], bytes], make: Callable[..., Transport]
) -> None:
    body = b'{"messages": []}' * 100
    with serving(keep_answering(answer(encode(body), f"Content-Encoding: {encoding}"))) as (
        _,
        url,
    ):
        response, content = make(5).request(url)
    assert content == body
    assert response["content-length"] == str(len(body))
    assert "content-encoding" not in response


def test_a_dropped_idle_connection_is_replaced_and_the_request_sent_again(
    make: Callable[..., Transport],
) -> None:
    def answer_once_then_close(conn: socket.socket, server: Server) -> None:
        if server.read_request(conn):
            conn.sendall(answer(f"conn {server.accepted}".encode()))
        # then close: the client still holds this connection as idle

    with serving(answer_once_then_close) as (server, url):
        http = make(5)
        assert http.request(url)[1] == b"conn 1"
        assert http.request(url, "POST", body=b"x")[1] == b"conn 2"
    assert server.accepted == 2


def test_a_fresh_connection_closed_without_answer_is_an_error_not_a_resend(
    make: Callable[..., Transport],
) -> None:
    def close_at_once(conn: socket.socket, server: Server) -> None:
        server.read_request(conn)

    with serving(close_at_once) as (server, url), pytest.raises(ConnectionError):
        make(5).request(url)
    assert server.accepted == 1


def test_half_an_answer_is_an_error(make: Callable[..., Transport]) -> None:
    def half(conn: socket.socket, server: Server) -> None:
        server.read_request(conn)
        conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"messages":')

    with serving(half) as (_, url), pytest.raises(ConnectionError):
        make(5).request(url)


def test_an_answer_delimited_by_closing_the_connection_is_read_whole(
    make: Callable[..., Transport],
) -> None:
    def close_delimited(conn: socket.socket, server: Server) -> None:
        server.read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it")

    with serving(close_delimited) as (server, url):
        http = make(5)
        assert http.request(url)[1] == b"all of it"
        assert http.request(url)[1] == b"all of it"
    assert server.accepted == 2  # the closed connection was not pooled


def test_a_silent_server_times_out(make: Callable[..., Transport]) -> None:
    def silent(conn: socket.socket, server: Server) -> None:
        server.read_request(conn)
        conn.recv(1)  # wait for the client to give up

    with serving(silent) as (_, url), pytest.raises(TimeoutError):
        make(0.2).request(url)


def test_garbage_is_a_value_error(make: Callable[..., Transport]) -> None:
    def garbage(conn: socket.socket, server: Server) -> None:
        server.read_request(conn)
        conn.sendall(b"SMTP ready\r\n\r\n")

    with serving(garbage) as (_, url), pytest.raises(ValueError, match="malformed HTTP answer"):
        make(5).request(url)


def test_an_oversized_answer_is_refused(
    monkeypatch: pytest.MonkeyPatch, make: Callable[..., Transport]
) -> None:
    monkeypatch.setattr(transport, "MAX_RESPONSE_BYTES", 1000)
    too_big = pytest.raises(ValueError, match="larger than 1000 bytes")
    with serving(keep_answering(answer(b"x" * 5000))) as (_, url), too_big:
        make(5).request(url)
    bomb = gzip.compress(b"0" * 100_000)
    with (
        serving(keep_answering(answer(bomb, "Content-Encoding: gzip"))) as (_, url),
        pytest.raises(ValueError, match="decoded answer larger"),
    ):
        make(5).request(url)


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer a\r\nX-Evil: 1"}, {"X-Bad\nName": "v"}, {"X": "nul\0"}],
)
def test_line_breaks_in_headers_are_refused_before_sending(
    headers: dict[str, str], make: Callable[..., Transport]
) -> None:
    with serving(keep_answering(answer())) as (server, url):
        with pytest.raises(ValueError, match="line break"):
            make(5).request(url, headers=headers)
        assert server.requests == []


def test_only_http_urls_are_sent(make: Callable[..., Transport]) -> None:
    with pytest.raises(ValueError, match="unsupported URI"):
        make(5).request("file:///etc/passwd")


def test_tls_is_verified_against_the_given_authority(
    tmp_path: Path, make: Callable[..., Transport]
) -> None:
    cert_file, context = _tls_files(tmp_path)
    with serving(keep_answering(answer(b"secure"), answer(b"again")), tls=context) as (
        server,
        url,
    ):
        http = make(5, ca_file=str(cert_file))
        assert http.request(url)[1] == b"secure"
        assert http.request(url)[1] == b"again"
        assert server.accepted == 1
        with pytest.raises(ssl.SSLError):
            make(5).request(url)  # our certificate is not in the default bundle


def test_a_proxy_in_the_environment_selects_httplib2(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)
    assert isinstance(transport.for_environment(5), Transport)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    assert isinstance(transport.for_environment(5), Httplib2Pool)


def test_the_httplib2_pool_reuses_and_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    with serving(keep_answering(answer(b"one"), answer(b"two"))) as (server, url):
        pool = Httplib2Pool(5)
        assert pool.request(url + "/")[1] == b"one"
        assert pool.request(url + "/")[1] == b"two"
        pool.close()
    assert server.accepted == 1


def _tls_files(tmp_path: Path) -> tuple[Path, ssl.SSLContext]:
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


_ANSWER_PARTS = st.sampled_from(
    [
        b"HTTP/1.1 200 OK\r\n",
        b"HTTP/1.0 503 Busy\r\n",
        b"HTTP/1.1 204 No Content\r\n",
        b"Content-Length: 5\r\n",
        b"Content-Length: -1\r\n",
        b"Content-Length: 99999999999999999999\r\n",
        b"Transfer-Encoding: chunked\r\n",
        b"Content-Encoding: gzip\r\n",
        b"Content-Encoding: deflate\r\n",
        b"Connection: close\r\n",
        b"\r\n",
        b"5\r\nhello\r\n",
        b"0\r\n\r\n",
        b"zz\r\n",
        b'{"id": "1"}',
        gzip.compress(b'{"id": "1"}'),
    ]
)
_ANSWERS = st.one_of(
    st.binary(max_size=300),
    st.lists(_ANSWER_PARTS | st.binary(max_size=20), max_size=12).map(b"".join),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reply=_ANSWERS)
def test_any_answer_gives_a_response_or_a_transport_error(
    reply: bytes, make: Callable[..., Transport]
) -> None:
    """Whatever a server sends, the transport answers or raises what client.py translates."""

    def send_and_close(conn: socket.socket, server: Server) -> None:
        server.read_request(conn)
        conn.sendall(reply)

    with serving(send_and_close) as (_, url):
        try:
            response, content = make(2).request(url)
        except (OSError, ValueError):  # OSError covers TimeoutError and ConnectionError
            return
    assert 100 <= response.status <= 999
    assert isinstance(content, bytes)
