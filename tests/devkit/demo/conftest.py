"""One demo server per test module, and a client for it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from devkit.emulator import RunningServer
from tests.devkit.demo.server import running_demo


@pytest.fixture(scope="module")
def demo() -> Iterator[RunningServer]:
    """The app in demo mode on loopback."""
    with running_demo() as server:
        yield server


@pytest.fixture(scope="module")
def client(demo: RunningServer) -> Iterator[httpx.Client]:
    """An HTTP client for the demo server."""
    with httpx.Client(base_url=demo.url, timeout=20) as http:
        yield http
