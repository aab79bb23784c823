"""The real app in demo mode under uvicorn on a free loopback port (its public URL matches).

The server starts on a placeholder app, so the port is known before the demo app is
built with `INTRO_PUBLIC_URL` set to exactly that URL; then the demo app is swapped in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from fastapi import FastAPI

from app.main import create_app
from app.settings import Settings
from devkit.emulator import RunningServer, serve_in_thread


@contextmanager
def running_demo(**overrides: Any) -> Iterator[RunningServer]:
    """Serve the demo on 127.0.0.1; `overrides` are extra settings (e.g. `profile`)."""
    with serve_in_thread(FastAPI()) as server:
        settings = Settings(demo=True, public_url=server.url, **overrides)
        server.set_app(create_app(settings))
        yield server


def invoke(client: httpx.Client, path: str, **event: Any) -> httpx.Response:
    """What the page does: ask the demo to sign and forward an event to `path`."""
    return client.post("/demo/invoke", json={"function": path, "event": event})


def pushed(body: dict[str, Any]) -> dict[str, Any]:
    """The card a trigger response pushes."""
    card: dict[str, Any] = body["action"]["navigations"][0]["pushCard"]
    return card


def thread_ids(client: httpx.Client) -> dict[str, str]:
    """Thread id by the demo note shown in the thread list."""
    return {t["note"]: t["id"] for t in client.get("/demo/threads").json()["threads"]}


def last_received(client: httpx.Client, thread_id: str) -> str:
    """The newest message of a thread that is not a draft (the one Gmail shows open)."""
    messages = client.get(f"/demo/threads/{thread_id}").json()["messages"]
    return str([m for m in messages if not m["draftId"]][-1]["id"])
