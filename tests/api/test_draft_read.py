"""The optional draft-read profile: the compose check reads the saved draft by itself."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.conftest import DATA, pushed, text_of
from tests.api.harness import ALL_SCOPES, Stack, running_stack

READONLY = "https://www.googleapis.com/auth/gmail.readonly"


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    """A stack deployed with the draft-read profile."""
    with running_stack(profile="draft-read") as running:
        yield running


def _compose_to_sue(stack: Stack, mid: str, tid: str) -> str:
    """The compose card's text for a reply to Sue in that thread, draft reading granted."""
    event = stack.event(
        message_id=mid,
        thread_id=tid,
        scopes=(*ALL_SCOPES, READONLY),
        toRecipients=["sue.park@acme.example"],
    )
    return text_of(pushed(stack.post("/addon/compose", event).json()))


def test_saved_draft_with_resume_and_ask_is_checked(stack: Stack) -> None:
    """The newest saved draft of the thread is read; its resume and asks are flagged."""
    mid, tid = stack.add((DATA / "intro_joe.eml").read_bytes())
    stack.mailbox.create_draft((DATA / "bad_reply_draft.eml").read_bytes(), tid)
    text = _compose_to_sue(stack, mid, tid)
    assert "Resume attached" in text
    assert "An ask in a first reply" in text
    assert "Put Joe Smith back on Cc" in text


def test_draft_read_scope_is_requested_when_missing(stack: Stack) -> None:
    """Without gmail.readonly granted, the compose trigger asks for it."""
    mid, tid = stack.add((DATA / "intro_joe.eml").read_bytes())
    body = stack.post("/addon/compose", stack.event(message_id=mid, thread_id=tid)).json()
    assert body == {"requesting_google_scopes": {"scopes": [READONLY]}}


def test_the_card_says_it_reads_the_saved_draft(stack: Stack) -> None:
    """In this profile the card does not claim Gmail hides the draft."""
    mid, tid = stack.add((DATA / "intro_joe.eml").read_bytes())
    stack.mailbox.create_draft((DATA / "bad_reply_draft.eml").read_bytes(), tid)
    event = stack.event(message_id=mid, thread_id=tid, scopes=(*ALL_SCOPES, READONLY))
    text = text_of(pushed(stack.post("/addon/compose", event).json()))
    assert "Gmail does not show add-ons your draft" not in text
    assert "Your saved draft is checked below" in text


def test_an_empty_saved_draft_has_nothing_to_check(stack: Stack) -> None:
    """A draft with no words yet gets 'nothing to check', not no_thanks + no_next_step."""
    mid, tid = stack.add((DATA / "intro_joe.eml").read_bytes())
    raw = (DATA / "bad_reply_draft.eml").read_bytes()
    headers = raw.split(b"\n\n", 1)[0]
    headers = b"\n".join(
        line
        for line in headers.split(b"\n")
        if not line.lower().startswith((b"content-type", b"content-transfer", b"mime-version"))
    )
    stack.mailbox.create_draft(headers + b"\nContent-Type: text/plain\n\n\n", tid)
    text = _compose_to_sue(stack, mid, tid)
    assert "nothing to check" in text
    assert "No thanks to the introducer" not in text
    assert "No next step" not in text


def _draft_with(attachment: str) -> bytes:
    """A friendly first reply from Dana with one attachment, which it never mentions."""
    raw = (DATA / "bad_reply_draft.eml").read_bytes()
    head, _, rest = raw.partition(b"\n--b1\n")
    body = (
        b"Content-Type: text/plain; charset=utf-8\n\nHi Sue,\n\nThanks Joe for the "
        b"introduction! Sue, I'd love to hear how you built the design team. Would a coffee "
        b"next week work?\n\nDana\n"
    )
    part = rest.split(b"\n--b1\n", 1)[1].replace(b"Dana_Reyes_CV_2026.pdf", attachment)
    return head + b"\n--b1\n" + body + b"--b1\n" + part


def test_a_document_named_after_the_writer_is_flagged_as_their_resume(stack: Stack) -> None:
    """'DanaReyes.pdf' from Dana Reyes: a resume in all but name, and the card says why."""
    mid, tid = stack.add((DATA / "intro_joe.eml").read_bytes())
    stack.mailbox.create_draft(_draft_with(b"DanaReyes.pdf"), tid)
    text = _compose_to_sue(stack, mid, tid)
    assert "Resume attached" in text
    assert "DanaReyes.pdf” is named after you" in text


def test_a_named_document_about_something_else_is_not_flagged(stack: Stack) -> None:
    """'Dana Reyes - slides.pdf' names its subject: no resume warning."""
    mid, tid = stack.add((DATA / "intro_joe.eml").read_bytes())
    stack.mailbox.create_draft(_draft_with(b"Dana Reyes - slides.pdf"), tid)
    text = _compose_to_sue(stack, mid, tid)
    assert "Resume attached" not in text
    assert "Dana Reyes - slides.pdf" not in text
