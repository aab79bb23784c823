"""Fixtures for the Gmail adapter: the emulator on loopback, and a real client for it.

One uvicorn server runs for the whole session (stopping one costs ~0.2 s); each test
gets a fresh mailbox, fault queue and request log behind it through `set_app`.
`gmail` is a real `GmailClient` (googleapiclient over `transport.py`) with a 0.5 s timeout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.gmail.client import GmailAuth, GmailClient
from devkit.emulator import (
    Access,
    Faults,
    Mailbox,
    RequestLog,
    RunningServer,
    create_gmail_app,
    serve_in_thread,
)

GMAIL_DATA = Path(__file__).parents[1] / "data" / "gmail"
TIMEOUT_SECONDS = 0.5
USER_TOKEN = "ya29.user-token-for-tests"
MESSAGE_TOKEN = "per-message-token-for-tests"


@pytest.fixture
def eml() -> Callable[[str], bytes]:
    """Read one message of `tests/data/gmail/` by file name."""
    return lambda name: (GMAIL_DATA / name).read_bytes()


@pytest.fixture
def mailbox() -> Mailbox:
    """An empty mailbox for Sam."""
    return Mailbox("sam@example.com", clock=lambda: 1_762_000_000.0)


@pytest.fixture
def intro_id(mailbox: Mailbox, eml: Callable[[str], bytes]) -> str:
    """The id of the introduction email (multipart with a PDF), stored in `mailbox`."""
    return mailbox.add_eml(eml("intro_alternative_attachment.eml"))


@pytest.fixture
def faults() -> Faults:
    """The fault queue of this test's emulator."""
    return Faults()


@pytest.fixture
def request_log() -> RequestLog:
    """What this test's emulator was asked."""
    return RequestLog()


@pytest.fixture
def access() -> Access:
    """Token policy: both tokens required, as for an add-on with per-message scopes."""
    return Access(
        user_tokens=frozenset({USER_TOKEN}),
        require_message_token=True,
        message_tokens=frozenset({MESSAGE_TOKEN}),
    )


@pytest.fixture(scope="session")
def gmail_server() -> Iterator[RunningServer]:
    """One emulator server for the session; tests swap the app behind it."""
    with serve_in_thread(create_gmail_app(Mailbox())) as server:
        yield server


@pytest.fixture
def emulator(
    gmail_server: RunningServer,
    mailbox: Mailbox,
    faults: Faults,
    request_log: RequestLog,
    access: Access,
) -> RunningServer:
    """The emulator serving this test's mailbox, faults, log and access policy."""
    gmail_server.set_app(create_gmail_app(mailbox, faults, access=access, log=request_log))
    return gmail_server


@pytest.fixture
def gmail(emulator: RunningServer) -> Iterator[GmailClient]:
    """A real GmailClient pointed at the emulator; its connections close at teardown."""
    with GmailClient(emulator.url, TIMEOUT_SECONDS) as client:
        yield client


@pytest.fixture
def auth() -> GmailAuth:
    """The user's token plus the add-on's per-message token."""
    return GmailAuth(user_token=USER_TOKEN, message_token=MESSAGE_TOKEN)
