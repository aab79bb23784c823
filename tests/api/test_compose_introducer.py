"""Compose: text the user pastes (or, in draft-read, the saved draft) that is an
introduction they are writing gets the introducer checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.conftest import pushed, text_of, updated
from tests.api.harness import ALL_SCOPES, USER, Stack, running_stack

READONLY = "https://www.googleapis.com/auth/gmail.readonly"
SUE = "sue.park@acme.example"
BEN = "ben@ortiz.example"
FLAWED = (
    "Hola Sue y Ben:\n\nOs quiero presentar. Ben es ingeniero de datos y trabajó seis años en "
    "Spotify. ¿Podrías recomendarlo para el puesto de plataforma en tu empresa?\n\nDana"
)
GOOD = (
    "Hi Sue and Ben,\n\nI'd like to introduce you two. Sue leads product at Acme and has "
    "shipped three payments apps. Ben runs growth at Ortiz, a fintech start-up in Berlin.\n\n"
    "Since you are both working on onboarding for small businesses, I think you could learn "
    "a lot from each other.\n\nBest,\nDana"
)


def test_pasted_introduction_is_checked_as_one(stack: Stack) -> None:
    """A pasted Spanish introduction with an ask on Ben's behalf: introducer findings,
    no first-reply ones, and no subject judgement (pasted text has none)."""
    event = stack.event(
        form={"draftText": [FLAWED]}, toRecipients=[SUE], ccRecipients=[BEN, "max@corp.example"]
    )
    card = updated(stack.post("/addon/actions/check-text", event).json())
    assert card["header"]["subtitle"] == "An introduction you are writing"
    text = text_of(card)
    assert "checked as one" in text
    assert "An ask on someone's behalf" in text
    assert "¿Podrías recomendarlo para el puesto de plataforma en tu empresa?" in text
    assert "No reason to meet" in text
    assert "max@corp.example is on To/Cc but never named" in text
    assert "An ask in a first reply" not in text
    assert "No thanks to the introducer" not in text
    assert "Subject" not in text


def test_pasted_good_introduction_is_praised(stack: Stack) -> None:
    event = stack.event(form={"draftText": [GOOD]}, toRecipients=[SUE], ccRecipients=[BEN])
    text = text_of(updated(stack.post("/addon/actions/check-text", event).json()))
    assert "a good introduction" in text
    assert "No reason to meet" not in text


@pytest.fixture(scope="module")
def reading_stack() -> Iterator[Stack]:
    """A stack deployed with the draft-read profile."""
    with running_stack(profile="draft-read") as running:
        yield running


def test_saved_introduction_draft_is_checked(reading_stack: Stack) -> None:
    """draft-read: the saved draft of a new introduction is read and checked, subject too."""
    raw = (
        f"From: Dana Reyes <{USER}>\r\nTo: Sue Park <{SUE}>\r\nCc: Ben Ortiz <{BEN}>\r\n"
        "Subject: Intro\r\n\r\n" + FLAWED.replace("\n", "\r\n")
    ).encode()
    first = reading_stack.mailbox.add_eml(
        f"From: Sue Park <{SUE}>\r\nTo: {USER}\r\nSubject: Hello\r\n\r\nHi Dana!\r\n".encode()
    )
    tid = reading_stack.mailbox.message(first).thread_id
    reading_stack.mailbox.create_draft(raw, tid)
    event = reading_stack.event(
        message_id=first,
        thread_id=tid,
        scopes=(*ALL_SCOPES, READONLY),
        toRecipients=[SUE],
        ccRecipients=[BEN],
    )
    text = text_of(pushed(reading_stack.post("/addon/compose", event).json()))
    assert "checked as one" in text
    assert "An ask on someone's behalf" in text
    assert "Try a subject like" in text
