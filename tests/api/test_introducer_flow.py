"""End to end through HTTP: the user opens an introduction they wrote; the card checks it
and, when nobody has answered for days, one click saves a nudge to both as a reply draft."""

from __future__ import annotations

import email
from email import policy

from tests.api.conftest import footer_action, pushed, text_of
from tests.api.harness import USER, Stack
from tests.cards.cardspec import card_problems

# Sent long ago (so the nudge is due whatever today's date), by the user (USER).
OWN_INTRO = f"""\
From: Dana Reyes <{USER}>
To: Sue Park <sue.park@acme.example>
Cc: Ben Ortiz <ben@ortiz.example>
Subject: Intro
Date: Mon, 6 Jan 2020 09:00:00 +0000
Message-ID: <own-intro-1@reyes.example>

Hi Sue and Ben,

I'd like to introduce you two. Ben is a data engineer who spent six years at Spotify.
He is looking for a job at your company, could you refer him for the platform role?

Best,
Dana
""".replace("\n", "\r\n").encode()

SUE_ANSWERS = b"""\
From: Sue Park <sue.park@acme.example>
To: Ben Ortiz <ben@ortiz.example>
Cc: Dana Reyes <dana@reyes.example>
Subject: Re: Intro
Date: Tue, 7 Jan 2020 09:00:00 +0000
Message-ID: <sue-1@acme.example>
In-Reply-To: <own-intro-1@reyes.example>

Thanks Dana! Ben, happy to talk, how is Thursday?
""".replace(b"\n", b"\r\n")


def _open(stack: Stack, ids: tuple[str, str]) -> dict:
    mid, tid = ids
    response = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    assert response.status_code == 200
    return pushed(response.json())


def test_own_introduction_is_checked_and_nudged(stack: Stack) -> None:
    """The card shows the findings with the exact words; 'Nudge both' saves one draft."""
    ids = stack.add(OWN_INTRO)
    card = _open(stack, ids)
    assert card_problems(card) == []
    assert card["header"]["title"] == "Your introduction"
    text = text_of(card)
    assert "An ask on someone's behalf" in text
    assert "could you refer him for the platform role?" in text
    assert "No reason to meet" in text
    assert "One side left out" in text  # Ben is described, Sue is not
    url, params = footer_action(card)
    assert params["nudge"] == "1"
    before = len(stack.mailbox.drafts())
    event = stack.event(message_id=ids[0], thread_id=ids[1], params=params)
    answer = stack.post(url.removeprefix(stack.url), event).json()
    again = stack.post(url.removeprefix(stack.url), event).json()
    drafts = stack.mailbox.drafts()
    assert len(drafts) == before + 1  # a second click opens the same draft
    assert answer == again
    draft = drafts[0]
    message = email.message_from_bytes(draft.message.raw, policy=policy.default)
    assert message["To"] == "Sue Park <sue.park@acme.example>, Ben Ortiz <ben@ortiz.example>"
    assert message["Cc"] is None
    assert message["In-Reply-To"] == "<own-intro-1@reyes.example>"
    assert message["Subject"] == "Re: Intro"
    assert draft.message.thread_id == ids[1]
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Hi Sue and Ben,")


def test_no_nudge_once_someone_answered(stack: Stack) -> None:
    """Sue answered in the thread: the check stays, the nudge goes, a forged click does nothing."""
    mid, tid = stack.add(OWN_INTRO)
    later = stack.add(SUE_ANSWERS, tid)
    card = _open(stack, (mid, tid))
    assert card["header"]["title"] == "Your introduction"
    assert "fixedFooter" not in card
    assert "Nudge both" not in text_of(card)
    before = len(stack.mailbox.drafts())
    params = {"messageId": later[0], "threadId": tid, "nudge": "1"}
    event = stack.event(message_id=later[0], thread_id=tid, params=params)
    answer = stack.post("/addon/actions/reply", event).json()
    assert len(stack.mailbox.drafts()) == before
    assert "Nothing to nudge" in text_of(answer)
