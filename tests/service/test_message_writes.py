"""Opening the same introduction again within minutes does not rewrite the shared store."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from app.cards.urls import Urls
from app.core.mail.rfc822 import parse_eml
from app.core.model import Email, Thread
from app.core.preferences import Preferences
from app.gmail.client import CreatedDraft, GmailAuth
from app.service.message import REWRITE_AFTER_SECONDS, MessageService
from app.service.ports import IntroListing, RememberedIntro, Request
from app.store.hashkey import Hasher
from app.store.memory import MemoryDraftLedger

INTRO = parse_eml((Path(__file__).parents[1] / "data" / "api" / "intro_joe.eml").read_bytes())
ME = "dana@reyes.example"


class _Reader:
    def read_thread(self, auth: GmailAuth, message_id: str, thread_id: str | None) -> Thread:
        return Thread((INTRO,), "t1")

    def create_draft(self, auth: GmailAuth, raw: bytes, thread_id: str | None) -> CreatedDraft:
        raise AssertionError("not used")

    def newest_draft(
        self, auth: GmailAuth, thread_id: str, recipients: Sequence[str]
    ) -> Email | None:
        return None


class _CountingRecent:
    def __init__(self) -> None:
        self.writes: list[str] = []

    def remember(
        self,
        user: str,
        introducer: str,
        name: str,
        others: Iterable[str],
        *,
        thread_id: str = "",
        stage: str = "new",
        introduced_at: float = 0.0,
    ) -> None:
        self.writes.append(user)

    def listing(self, user: str) -> tuple[IntroListing, ...]:
        return ()

    def find(self, user: str, recipients: Iterable[str]) -> RememberedIntro | None:
        return None


def _open(service: MessageService, user: str) -> None:
    req = Request(user_id=user, user_email=ME, auth=GmailAuth("t"), message_id="m1")
    service.open(req, Preferences())


def test_reopening_an_intro_writes_it_once_per_window() -> None:
    """Two opens by one user write once; another user still gets their own write."""
    recent = _CountingRecent()
    service = MessageService(_Reader(), Urls("http://x"), MemoryDraftLedger(Hasher(b"k")), recent)
    _open(service, "u1")
    _open(service, "u1")
    _open(service, "u2")
    assert recent.writes == ["u1", "u2"]
    assert REWRITE_AFTER_SECONDS < 14 * 24 * 3600  # far inside the remembered intro's life
