"""Fakes of Google's side for tests: a loopback certs server, a shared signer, a clock.

Other test packages import these too (`from tests.addon.google_fakes import ...`):
start a `CertsServer(shared_signer().certs_json())`, point `TokenVerifier` at
`server.url`, and mint tokens with `shared_signer().system_token(...)`.
"""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

from devkit.signing import LocalSigner

SERVICE_ACCOUNT = "service-123456789012@gcp-sa-gsuiteaddons.iam.gserviceaccount.com"
CLIENT_ID = "123456789012-intro.apps.googleusercontent.com"
PUBLIC_URL = "https://addon.example.org"
MESSAGE_URL = "https://addon.example.org/addon/message"
COMPOSE_URL = "https://addon.example.org/addon/compose"

Mode = Literal["ok", "down", "error", "garbage"]


@functools.cache
def shared_signer() -> LocalSigner:
    """One signer per process: RSA key generation costs ~50-100 ms."""
    return LocalSigner()


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class CertsServer:
    """Serves a certs document on 127.0.0.1 (port 0) in a thread; counts every request.

    `mode`: "ok" serves `certs` with `cache_control`; "down" drops the connection
    without answering; "error" answers 500; "garbage" answers 200 with non-JSON.
    `headers` adds headers to "ok" answers; `delay` (seconds) slows every answer.
    Use as a context manager, or call `close()`.
    """

    def __init__(self, certs: Mapping[str, str], *, cache_control: str | None = "max-age=3600"):
        self.certs = dict(certs)
        self.cache_control = cache_control
        self.headers: dict[str, str] = {}  # extra headers of "ok" answers, e.g. Age
        self.mode: Mode = "ok"
        self.delay = 0.0
        self._lock = threading.Lock()
        self._fetches = 0
        self._http = _Server(("127.0.0.1", 0), _Handler)
        self._http.owner = self
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        """The certs URL (any path answers)."""
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}/oauth2/v1/certs"

    @property
    def fetches(self) -> int:
        """How many requests arrived, whatever the mode."""
        with self._lock:
            return self._fetches

    def count(self) -> None:
        with self._lock:
            self._fetches += 1

    def close(self) -> None:
        """Stops serving, joins every handler thread and closes the socket."""
        self._http.shutdown()
        self._http.server_close()
        self._thread.join()

    def __enter__(self) -> CertsServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins handler threads: no stray sockets
    block_on_close = True
    owner: CertsServer

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that timed out and hung up is expected here; stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        owner = self.server.owner
        owner.count()
        time.sleep(owner.delay)
        if owner.mode == "down":
            self.close_connection = True
            return
        if owner.mode == "error":
            self._answer(500, b"backend error", "text/plain")
            return
        body = b"<html>not json" if owner.mode == "garbage" else _json(owner.certs)
        headers = dict(owner.headers)
        if owner.cache_control is not None:
            headers["Cache-Control"] = owner.cache_control
        self._answer(200, body, "application/json", headers)

    def _answer(
        self, status: int, body: bytes, ctype: str, headers: Mapping[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: no access log on stderr."""


def _json(certs: Mapping[str, str]) -> bytes:
    return json.dumps(certs).encode()
