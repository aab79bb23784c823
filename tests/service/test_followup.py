"""FollowUpService: the follow-up card and its drafts, with a recording mail reader."""

from __future__ import annotations

import email
from collections.abc import Sequence
from email import policy

from app.cards.urls import Urls
from app.core.followup import FollowUp, follow_up
from app.core.model import Email, Thread
from app.core.preferences import Preferences
from app.gmail.client import CreatedDraft, GmailAuth
from app.service.followup import FollowUpService
from app.service.ports import Request
from app.store.hashkey import Hasher
from app.store.memory import MemoryDraftLedger
from tests.core.followup.threads import DANA, JOE, ME, SUE, first_reply, intro_thread, mail


class _Reader:
    def __init__(self) -> None:
        self.drafts: list[tuple[bytes, str]] = []

    def read_thread(self, auth: GmailAuth, message_id: str, thread_id: str | None) -> Thread:
        raise AssertionError("the service is handed the thread")

    def create_draft(self, auth: GmailAuth, raw: bytes, thread_id: str) -> CreatedDraft:
        self.drafts.append((raw, thread_id))
        return CreatedDraft(f"d{len(self.drafts)}", f"m{len(self.drafts)}", thread_id)

    def newest_draft(
        self, auth: GmailAuth, thread_id: str, recipients: Sequence[str]
    ) -> Email | None:
        return None


def _setup(*later: Email) -> tuple[FollowUpService, _Reader, Thread, FollowUp]:
    reader = _Reader()
    service = FollowUpService(reader, Urls("https://x.example"), MemoryDraftLedger(Hasher(b"k")))
    intro, thread = intro_thread("en", *later)
    state = follow_up(intro, thread, ME)
    assert state is not None
    return service, reader, thread, state


def _req(kind: str, form: dict[str, list[str]] | None = None) -> Request:
    return Request(
        user_id="u1",
        user_email=ME,
        auth=GmailAuth("t"),
        message_id="m3",
        thread_id="t1",
        params={"kind": kind},
        form=form or {},
    )


CONNECTED = (first_reply(), mail(SUE, (DANA,), "See you Tuesday then.", n=3))


def test_thanks_is_drafted_once_to_the_introducer_with_the_users_line() -> None:
    service, reader, thread, state = _setup(*CONNECTED)
    req = _req("thanks", {"howItWent": ["Great coffee."]})
    first = service.draft(req, Preferences(), thread, state)
    again = service.draft(req, Preferences(), thread, state)
    assert first == again
    assert len(reader.drafts) == 1
    raw, thread_id = reader.drafts[0]
    assert thread_id == "t1"
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"] == f"{JOE.name} <{JOE.email}>"
    assert "Great coffee." in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_different_line_is_a_different_draft() -> None:
    service, reader, thread, state = _setup(*CONNECTED)
    service.draft(_req("thanks", {"howItWent": ["One."]}), Preferences(), thread, state)
    service.draft(_req("thanks", {"howItWent": ["Two."]}), Preferences(), thread, state)
    assert len(reader.drafts) == 2


def test_refusals_draft_nothing() -> None:
    service, reader, thread, state = _setup(first_reply())
    for kind, follow in (("thanks", state), ("other", state), ("give", None)):
        answer = service.draft(_req(kind), Preferences(), thread, follow)
        assert "nothing was drafted" in str(answer)
    assert reader.drafts == []


def test_the_card_previews_the_note_and_offers_the_right_button() -> None:
    service, _, _, state = _setup(*CONNECTED)
    card = service.card(state, Preferences(), {"messageId": "m3", "threadId": "t1"})
    assert card["name"] == "loop"
    assert "[How it went, in one line]" in str(card)
    assert card["fixedFooter"]["primaryButton"]["text"] == "Draft thanks to Joe"
