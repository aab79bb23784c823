"""The HTTP under googleapiclient: its httplib2-style `request()` over httpx's pooled transport.

googleapiclient sends every request through an "http" object: `execute(http=...)` calls
`http.request(uri, method, body=..., headers=...)` and reads back `(response, content)`,
where `response` is an `httplib2.Response` (a dict of lower-cased headers with `.status`
and `.reason`). `Transport` is that one method, adapted onto httpx's `HTTPTransport` (the
connection pool under every `httpx.Client`, thread-safe): keep-alive connections, one
timeout for connecting, writing, reading and waiting for a connection, TLS verified against
certifi's bundle (or `SSL_CERT_FILE` / `SSL_CERT_DIR`, or the CA file given), and proxies
from HTTP(S)_PROXY / ALL_PROXY and NO_PROXY, read once from the environment the way the
standard library reads them (`urllib.request.getproxies`, `proxy_bypass_environment`).

Why the transport and not an `httpx.Client` around it: the client's layers are redirects,
cookies, auth and event hooks, and we use none of them (Gmail does not redirect; cookies
must never be kept, since one pool serves every user). Measured on loopback, a read through
`Client.stream` cost ~0.42 ms of CPU against ~0.27 ms through the transport it wraps: a
sixth of the CPU goal for a message open (docs/performance.md).

What it keeps of httplib2's contract: gzip and deflate answers come back decoded, with
`content-encoding` renamed `-content-encoding` and `content-length` the decoded size;
repeated headers are joined with ", "; a 3xx comes back as it is (Gmail does not
redirect). Failures are the builtin exceptions googleapiclient's retry loop and
`client.py` already handle, chained to httpx's: `TimeoutError` when an answer is late,
`ConnectionError` when the connection fails or the answer is broken or cut short,
`ValueError` for a request httpx refuses to send (a line break in a header, not http(s))
or an answer too large or not decodable.

At most 16 connections wait idle; how many are open at once is bounded by the callers'
threads. An idle connection the server has since closed is noticed before reuse
(httpcore checks) and replaced; no request is ever sent twice. No cookie is ever stored
or sent. Nothing here logs.
"""

from __future__ import annotations

import contextlib
import functools
import os
import ssl
import threading
import urllib.request
from collections.abc import Iterator, Mapping

import httplib2  # type: ignore[import-untyped]
import httpx

MAX_RESPONSE_BYTES = 64 * 1024 * 1024  # a Gmail thread of 50 messages is a few MB
_MAX_IDLE_CONNECTIONS = 16
_DECODED = frozenset({"gzip", "deflate"})  # what googleapiclient asks for; httpx decodes both
_SET_BY_HTTPX = frozenset({"host", "content-length", "connection", "transfer-encoding"})


class Transport:
    """A thread-safe, httplib2-compatible `request()` over httpx's pooled `HTTPTransport`."""

    def __init__(
        self,
        timeout_seconds: float,
        ca_file: str | None = None,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self._timeout = timeout_seconds
        self._timeouts = httpx.Timeout(timeout_seconds).as_dict()
        self._max_bytes = max_response_bytes
        # certifi's bundle, or SSL_CERT_FILE / SSL_CERT_DIR (httpx reads them), as
        # `verify=True` would build it, but one context for the process (`tls_context`).
        self._verify: ssl.SSLContext = (
            ssl.create_default_context(cafile=ca_file) if ca_file else tls_context()
        )
        self._proxies = urllib.request.getproxies()  # lower-case schemes, "no" for NO_PROXY
        self._lock = threading.Lock()
        self._pools: dict[str | None, httpx.HTTPTransport] = {}  # by proxy URL (None: direct)

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
        del redirections, connection_type  # no redirects; httpx's own connections
        payload = body.encode("utf-8") if isinstance(body, str) else body
        sent = {"accept-encoding": "gzip, deflate"}  # as httplib2 asks, unless told otherwise
        sent.update((k.lower(), v) for k, v in (headers or {}).items())
        for name in _SET_BY_HTTPX.intersection(sent):
            del sent[name]
        with _as_builtin_errors(self._timeout):
            request = httpx.Request(
                method, uri, content=payload, headers=sent, extensions={"timeout": self._timeouts}
            )
            answer = self._pool_for(request.url).handle_request(request)
            try:
                content = self._read(answer)
            finally:
                answer.close()
        return _response(answer, content), content

    def close(self) -> None:
        """Close the pooled connections; later requests open fresh ones."""
        with self._lock:
            old, self._pools = self._pools, {}
        for pool in old.values():
            pool.close()

    def _pool_for(self, url: httpx.URL) -> httpx.HTTPTransport:
        """The pool for this URL: direct, or through the environment's proxy for it."""
        proxy = self._proxy_for(url)
        pool = self._pools.get(proxy)
        if pool is None:
            with self._lock:
                pool = self._pools.get(proxy)
                if pool is None:
                    pool = self._pools[proxy] = self._new_pool(proxy)
        return pool

    def _proxy_for(self, url: httpx.URL) -> str | None:
        proxies = self._proxies
        if not proxies:
            return None
        proxy = proxies.get(url.scheme) or proxies.get("all")
        # What `urllib.request.proxy_bypass` does on Linux, with the NO_PROXY read once.
        bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]
        if not proxy or bypass(url.host, proxies):
            return None
        return proxy

    def _new_pool(self, proxy: str | None) -> httpx.HTTPTransport:
        return httpx.HTTPTransport(
            verify=self._verify,
            trust_env=True,
            limits=httpx.Limits(
                max_connections=None, max_keepalive_connections=_MAX_IDLE_CONNECTIONS
            ),
            proxy=proxy,
        )

    def _read(self, answer: httpx.Response) -> bytes:
        """The decoded body, refused once it passes the size limit (a gzip bomb included)."""
        chunks: list[bytes] = []
        size = 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > self._max_bytes:
                raise ValueError(f"answer larger than {self._max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)


def tls_context() -> ssl.SSLContext:
    """The process's TLS context for Google (what httpx's `verify=True` builds: certifi's
    bundle, or SSL_CERT_FILE / SSL_CERT_DIR). Loading the bundle costs 20-50 ms of CPU;
    the Gmail pool and the certs fetch (`app.addon.certs`) share this one, so a cold
    start loads it once instead of twice. An `SSLContext` is safe to share across threads;
    a change of SSL_CERT_FILE / SSL_CERT_DIR gets a context of its own.
    """
    return _context_for(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))


@functools.cache
def _context_for(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    del cert_file, cert_dir  # the cache key: httpx reads them from the environment
    return httpx.create_ssl_context()


@contextlib.contextmanager
def _as_builtin_errors(timeout_seconds: float) -> Iterator[None]:
    """httpx's failures as the builtin exceptions googleapiclient and `client.py` handle."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise TimeoutError(f"no answer within {timeout_seconds} s ({type(exc).__name__})") from exc
    except httpx.LocalProtocolError:
        # httpx's message quotes the offending header, which may hold a token: not chained.
        raise ValueError("httpx refused the request: a header is not valid HTTP") from None
    except (httpx.UnsupportedProtocol, httpx.DecodingError) as exc:
        raise ValueError(f"{type(exc).__name__}: {exc}") from exc
    except httpx.TransportError as exc:
        raise ConnectionError(f"{type(exc).__name__}: {exc}") from exc


def _response(answer: httpx.Response, content: bytes) -> httplib2.Response:
    fields: dict[str, str] = {}
    for name, value in answer.headers.multi_items():
        previous = fields.get(name)
        fields[name] = value if previous is None else f"{previous}, {value}"
    if fields.get("content-encoding", "").strip().lower() in _DECODED:
        fields["-content-encoding"] = fields.pop("content-encoding")
        fields["content-length"] = str(len(content))
    fields["status"] = str(answer.status_code)
    response = httplib2.Response(fields)
    response.reason = answer.reason_phrase or response.reason
    response.version = 10 if answer.http_version == "HTTP/1.0" else 11
    return response
