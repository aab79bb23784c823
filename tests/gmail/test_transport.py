"""`app.gmail.transport`: googleapiclient's `request()` over httpx, against the Gmail emulator.

Requests go over loopback to the session's emulator (uvicorn), through a TCP relay of
ours (`loopback.py`) that counts connections and can cut an answer short, drop idle
connections or terminate TLS with a certificate made for the test. What the emulator
cannot send (bytes that are not HTTP, cookies, repeated headers) comes from a scripted
loopback server. (googleapiclient over this transport is exercised by every tests/gmail and
tests/api test that calls Gmail.)
"""

from __future__ import annotations

import base64
import json
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.middleware.gzip import GZipMiddleware

from app.gmail.transport import Transport
from devkit.emulator import create_gmail_app

from .conftest import MESSAGE_TOKEN, USER_TOKEN
from .loopback import Cut, answer, chain, relaying, scripted, tls_files

AUTH = {"Authorization": f"Bearer {USER_TOKEN}", "X-Goog-Gmail-Access-Token": MESSAGE_TOKEN}


@pytest.fixture
def make() -> Iterator[Callable[..., Transport]]:
    """Transports that are closed after the test."""
    made: list[Transport] = []

    def new(timeout: float = 5, **options: object) -> Transport:
        made.append(Transport(timeout, **options))
        return made[-1]

    yield new
    for transport in made:
        transport.close()


@pytest.fixture
def message_url(emulator, intro_id) -> Callable[[str], str]:
    """The URL of `users.messages.get` for an id at a base URL (the emulator's or a relay's)."""
    return lambda base, message_id=intro_id: (
        f"{base}/gmail/v1/users/me/messages/{message_id}?format=minimal"
    )


def test_a_kept_alive_connection_carries_the_next_requests(emulator, message_url, intro_id, make):
    """Sequential requests reuse one pooled connection, each answered in full."""
    http = make()
    with relaying(emulator.url) as (relay, url):
        answers = [http.request(message_url(url), headers=AUTH) for _ in range(3)]
    assert [json.loads(content)["id"] for _, content in answers] == [intro_id] * 3
    assert [response.status for response, _ in answers] == [200] * 3
    assert relay.accepted == 1


def test_the_response_reads_like_httplib2(emulator, message_url, make):
    """status, "status", reason and lower-cased headers, as googleapiclient reads them."""
    response, content = make().request(message_url(emulator.url), headers={})
    assert response.status == 401
    assert response["status"] == "401"
    assert response.reason == "Unauthorized"
    assert response["content-type"].startswith("application/json")
    assert response["content-length"] == str(len(content))
    assert json.loads(content)["error"]["code"] == 401


def test_concurrent_calls_share_the_pool_safely(emulator, mailbox, eml, make):
    """16 threads calling at once each get their own answer, over at most 16 connections."""
    ids = [mailbox.add_eml(eml("intro_alternative_attachment.eml")) for _ in range(16)]
    http = make()
    start = threading.Barrier(len(ids))
    results: dict[str, list[str]] = {}
    errors: list[BaseException] = []

    def call(message_id: str, base: str) -> None:
        start.wait()
        try:
            for _ in range(10):
                url = f"{base}/gmail/v1/users/me/messages/{message_id}?format=minimal"
                results.setdefault(message_id, []).append(
                    json.loads(http.request(url, headers=AUTH)[1])["id"]
                )
        except BaseException as exc:
            errors.append(exc)

    with relaying(emulator.url) as (relay, base):
        threads = [threading.Thread(target=call, args=(i, base)) for i in ids]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert errors == []
    assert results == {i: [i] * 10 for i in ids}
    assert 1 <= relay.accepted <= len(ids)  # 160 requests: connections were reused


def test_a_slow_answer_is_a_timeout_error(emulator, message_url, faults, make):
    """An answer later than the timeout raises TimeoutError, chained to httpx's."""
    faults.slow(10.0)
    with pytest.raises(TimeoutError) as caught:
        make(0.2).request(message_url(emulator.url), headers=AUTH)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


def test_a_timed_out_connection_is_not_reused(emulator, message_url, faults, intro_id, make):
    """After a timeout the next request opens a fresh connection and succeeds."""
    faults.slow(10.0)
    http = make(0.2)
    with relaying(emulator.url) as (relay, url):
        with pytest.raises(TimeoutError):
            http.request(message_url(url), headers=AUTH)
        assert json.loads(http.request(message_url(url), headers=AUTH)[1])["id"] == intro_id
    assert relay.accepted == 2


def test_a_dropped_idle_connection_is_replaced(emulator, message_url, intro_id, make):
    """The server closing an idle kept-alive connection costs a new one, not an error."""
    http = make()
    with relaying(emulator.url) as (relay, url):
        http.request(message_url(url), headers=AUTH)
        relay.drop_all()
        assert json.loads(http.request(message_url(url), headers=AUTH)[1])["id"] == intro_id
    assert relay.accepted == 2


@pytest.mark.parametrize("cut", ["before_answer", "mid_body"])
def test_a_missing_or_half_answer_is_a_connection_error(
    emulator, message_url, make, cut: Cut
) -> None:
    """No answer, or a body cut short of its Content-Length: ConnectionError, not a body."""
    with relaying(emulator.url, cut=cut) as (_, url), pytest.raises(ConnectionError) as caught:
        make().request(message_url(url), headers=AUTH)
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)


def test_an_answer_that_is_not_http_is_a_connection_error(make):
    """Bytes that are not an HTTP answer raise ConnectionError naming the protocol error."""
    with scripted(b"SMTP ready\r\n\r\n") as (_, url), pytest.raises(ConnectionError) as caught:
        make().request(url)
    assert "RemoteProtocolError" in str(caught.value)


def test_nothing_listening_is_a_connection_error(make):
    """A refused connection is ConnectionError, chained down to ConnectionRefusedError."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ConnectionError) as caught:
        make().request(f"http://127.0.0.1:{port}/")
    assert any(isinstance(error, ConnectionRefusedError) for error in chain(caught.value))


def test_gzip_answers_are_decoded_like_httplib2(gmail_server, mailbox, intro_id, make):
    """A gzip answer comes back decoded, its encoding renamed and its length the decoded one."""
    plain = create_gmail_app(mailbox)
    gmail_server.set_app(GZipMiddleware(plain, minimum_size=0))
    url = f"{gmail_server.url}/gmail/v1/users/me/messages/{intro_id}?format=full"
    response, content = make().request(url, headers={"Authorization": f"Bearer {USER_TOKEN}"})
    assert json.loads(content)["id"] == intro_id
    assert response["-content-encoding"] == "gzip"
    assert "content-encoding" not in response
    assert response["content-length"] == str(len(content))


def test_an_oversized_answer_is_refused_after_decoding(gmail_server, mailbox, intro_id, make):
    """The size limit applies to the decoded body: a small gzip of a large answer is refused."""
    gmail_server.set_app(GZipMiddleware(create_gmail_app(mailbox), minimum_size=0))
    url = f"{gmail_server.url}/gmail/v1/users/me/messages/{intro_id}?format=full"
    auth = {"Authorization": f"Bearer {USER_TOKEN}"}
    size = len(make().request(url, headers=auth)[1])
    assert make(max_response_bytes=size).request(url, headers=auth)[1]
    with pytest.raises(ValueError, match=f"larger than {size - 1} bytes"):
        make(max_response_bytes=size - 1).request(url, headers=auth)


def test_the_request_carries_method_headers_and_body(emulator, request_log, intro_id, make):
    """A POST sends its body with a Content-Length httpx computes, and the caller's headers."""
    raw = base64.urlsafe_b64encode(b"Subject: Re\r\n\r\nhi\r\n").decode()
    body = json.dumps({"message": {"raw": raw, "threadId": intro_id}})
    response, content = make().request(
        f"{emulator.url}/gmail/v1/users/me/drafts",
        "POST",
        body=body,  # a str, as googleapiclient passes JSON; the wrong length below is dropped
        headers={**AUTH, "content-type": "application/json", "content-length": "999"},
    )
    assert response.status == 200
    assert json.loads(content)["message"]["threadId"] == intro_id
    entry = request_log.last()
    assert (entry.method, entry.authorization) == ("POST", AUTH["Authorization"])


@pytest.mark.parametrize(
    "headers",
    [{"Authorization": "Bearer a\r\nX-Evil: 1"}, {"X-Bad\nName": "v"}, {"X": "nul\0"}],
)
def test_line_breaks_in_headers_are_refused_before_sending(headers, make):
    """A header that could split the request is refused; nothing is sent, nothing is quoted."""
    with (
        scripted(answer()) as (server, url),
        pytest.raises(ValueError, match="not valid HTTP") as caught,
    ):
        make().request(url, headers=headers)
    assert server.requests == []
    assert caught.value.__cause__ is None
    assert "Bearer a" not in str(caught.value)


def test_only_http_urls_are_sent(make):
    """A URL that is not http(s) is a ValueError."""
    with pytest.raises(ValueError, match="UnsupportedProtocol"):
        make().request("file:///etc/passwd")


def test_repeated_headers_are_joined_and_cookies_are_not_kept(make):
    """Repeated headers join with ", "; a Set-Cookie never rides on a later request."""
    first = answer(b"{}", "X-Two: a", "X-Two: b", "Set-Cookie: session=abc; Path=/")
    with scripted(first, answer()) as (server, url):
        http = make()
        response, _ = http.request(url + "/one")
        http.request(url + "/two")
    assert response["x-two"] == "a, b"
    assert b"cookie" not in server.requests[1].lower()


def test_a_proxy_from_the_environment_is_used(
    emulator, message_url, intro_id, make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTP_PROXY is honoured (trust_env): the request goes through the proxy."""
    for name in ("ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    with relaying(emulator.url) as (proxy, proxy_url):  # forwards the absolute-form request
        monkeypatch.setenv("HTTP_PROXY", proxy_url)
        content = make().request(message_url(emulator.url), headers=AUTH)[1]
    assert json.loads(content)["id"] == intro_id
    assert proxy.accepted == 1


def test_a_host_in_no_proxy_is_reached_directly(
    emulator, message_url, intro_id, make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_PROXY names hosts that bypass HTTP_PROXY: the proxy sees no connection."""
    for name in ("ALL_PROXY", "all_proxy", "no_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    with relaying(emulator.url) as (proxy, proxy_url):
        monkeypatch.setenv("HTTP_PROXY", proxy_url)
        monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
        content = make().request(message_url(emulator.url), headers=AUTH)[1]
    assert json.loads(content)["id"] == intro_id
    assert proxy.accepted == 0


def test_a_request_asks_for_compressed_answers_unless_told_otherwise(make):
    """Like httplib2: `accept-encoding: gzip, deflate` by default, the caller's value if given."""
    with scripted(answer(), answer()) as (server, url):
        http = make()
        http.request(url + "/one", headers=AUTH)
        http.request(url + "/two", headers={**AUTH, "Accept-Encoding": "identity"})
    first, second = (request.lower() for request in server.requests[:2])
    assert b"accept-encoding: gzip, deflate\r\n" in first
    assert b"accept-encoding: identity\r\n" in second
    assert b"gzip" not in second


def test_tls_is_verified_against_the_given_authority(
    tmp_path: Path, emulator, message_url, intro_id, make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TLS works with the test's CA (given, or in SSL_CERT_FILE) and fails without it."""
    cert_file, context = tls_files(tmp_path)
    with relaying(emulator.url, tls=context) as (relay, url):
        http = make(ca_file=str(cert_file))
        for _ in range(2):
            assert json.loads(http.request(message_url(url), headers=AUTH)[1])["id"] == intro_id
        assert relay.accepted == 1
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
        monkeypatch.delenv("SSL_CERT_DIR", raising=False)
        with pytest.raises(ConnectionError) as caught:
            make().request(message_url(url), headers=AUTH)  # not in certifi's bundle
        assert any(isinstance(e, ssl.SSLCertVerificationError) for e in chain(caught.value))
        monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
        assert make().request(message_url(url), headers=AUTH)[0].status == 200


def test_close_drops_the_pool_and_the_transport_stays_usable(emulator, message_url, make):
    """close() ends the pooled connections; the next request opens a fresh one."""
    http = make()
    with relaying(emulator.url) as (relay, url):
        http.request(message_url(url), headers=AUTH)
        http.close()
        assert http.request(message_url(url), headers=AUTH)[0].status == 200
    assert relay.accepted == 2


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
def test_any_answer_gives_a_response_or_a_builtin_error(reply: bytes, make) -> None:
    """Whatever a server sends, the transport answers or raises what client.py translates."""
    with scripted(reply) as (_, url):
        try:
            response, content = make(2).request(url)
        except (OSError, ValueError):  # OSError covers TimeoutError and ConnectionError
            return
    assert 100 <= response.status <= 999
    assert isinstance(content, bytes)
