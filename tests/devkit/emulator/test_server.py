"""serve_in_thread: a real uvicorn on a free loopback port, started and stopped cleanly."""

from __future__ import annotations

import socket

import httpx
import pytest

from devkit.emulator import Mailbox, create_gmail_app, serve_in_thread


def test_server_answers_then_frees_its_port():
    """The server listens on 127.0.0.1 until stopped, then refuses connections."""
    with serve_in_thread(create_gmail_app(Mailbox())) as server:
        assert server.url.startswith("http://127.0.0.1:")
        response = httpx.get(
            f"{server.url}/gmail/v1/users/me/drafts", headers={"Authorization": "Bearer t"}
        )
        assert response.json() == {"resultSizeEstimate": 0}
    port = int(server.url.rsplit(":", 1)[1])
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), 1):
        pass


def test_set_app_swaps_what_the_server_answers():
    """set_app changes the app behind the same URL."""
    empty, loaded = Mailbox(), Mailbox()
    loaded.create_draft(b"Subject: x\r\n\r\ny\r\n")
    with serve_in_thread(create_gmail_app(empty)) as server, httpx.Client() as http:
        url = f"{server.url}/gmail/v1/users/me/drafts"
        headers = {"Authorization": "Bearer t"}
        assert http.get(url, headers=headers).json()["resultSizeEstimate"] == 0
        server.set_app(create_gmail_app(loaded))
        assert http.get(url, headers=headers).json()["resultSizeEstimate"] == 1


def test_stop_is_idempotent():
    """Stopping twice is harmless."""
    server = serve_in_thread(create_gmail_app(Mailbox()))
    server.stop()
    server.stop()


def test_startup_failure_is_reported():
    """A port already taken makes serve_in_thread raise instead of hanging."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(RuntimeError, match="did not start"):
            serve_in_thread(create_gmail_app(Mailbox()), port=port, startup_timeout=5)
