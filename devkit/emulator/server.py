"""Run an ASGI app with uvicorn on a free loopback port, in a daemon thread.

For tests, benchmarks and the local demo: `with serve_in_thread(app) as server:` gives
`server.url` once the socket is listening, and stops the server (closing every
connection) on exit. Binds 127.0.0.1 only; nothing leaves the machine. Stopping takes
uvicorn ~0.2 s, so a test suite can keep one server and `set_app` per test.
"""

from __future__ import annotations

import threading
import time

import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send

_POLL_SECONDS = 0.01


class _Swappable:
    """The ASGI app uvicorn runs: it forwards to whichever app is current."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


class RunningServer:
    """A uvicorn server running in a background thread."""

    def __init__(
        self, server: uvicorn.Server, thread: threading.Thread, front: _Swappable, url: str
    ) -> None:
        self._server = server
        self._thread = thread
        self._front = front
        self.url = url

    def set_app(self, app: ASGIApp) -> None:
        """Serve `app` from the next request on (the port and URL stay the same)."""
        self._front.app = app

    def stop(self, timeout: float = 5.0) -> None:
        """Ask uvicorn to exit and wait for its thread (forcing it after `timeout`)."""
        self._server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout)

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def serve_in_thread(
    app: ASGIApp, *, host: str = "127.0.0.1", port: int = 0, startup_timeout: float = 10.0
) -> RunningServer:
    """Start `app` and return once it accepts connections (port 0: any free port).

    Raises `RuntimeError` if uvicorn cannot start (say, the port is taken).
    """
    front = _Swappable(app)
    server = uvicorn.Server(_config(front, host, port))
    thread = threading.Thread(target=_run, args=(server,), name=f"uvicorn-{host}", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(startup_timeout)
            raise RuntimeError(f"uvicorn did not start on {host}:{port}")
        time.sleep(_POLL_SECONDS)
    bound_port = server.servers[0].sockets[0].getsockname()[1]
    return RunningServer(server, thread, front, f"http://{host}:{bound_port}")


def _config(app: ASGIApp, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        lifespan="off",
        ws="none",  # no websockets import: nothing here speaks it
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
    )


def _run(server: uvicorn.Server) -> None:
    # uvicorn exits the process (SystemExit) when it cannot bind; in a thread that
    # would only kill the thread noisily, and serve_in_thread reports it instead.
    try:
        server.run()
    except SystemExit:
        return
