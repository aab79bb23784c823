"""'Treat this as an introduction': the card uses what the mail says about the person."""

from __future__ import annotations

from tests.api.conftest import pushed, text_of, updated
from tests.api.harness import USER, Stack
from tests.cards.cardspec import card_problems

# Not an introduction to the detector (no cue at all), but it says who Sue is.
MAIL = f"""From: Lena Ortiz <lena@ortiz.example>
To: Dana Reyes <{USER}>, Sue Park <sue.park@acme.example>
Subject: Re: offsite agenda
Date: Tue, 01 Dec 2026 10:00:00 +0000
Message-ID: <override-2@ortiz.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Agenda attached for Thursday.

Sue Park ran pricing at Acme for six years and rebuilt their freemium tiers, so
she will take the pricing slot after lunch.

Lena
"""


def test_treat_as_introduction_shows_what_the_mail_says(stack: Stack) -> None:
    """The override's card shows Sue's description from the mail, not "No details given",
    and the suggested reply draws on it."""
    mid, tid = stack.add(MAIL.replace("\n", "\r\n").encode())
    opened = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    assert "does not look like an introduction" in text_of(pushed(opened.json()))
    form = {"introducer": ["lena@ortiz.example"], "other": ["sue.park@acme.example"]}
    event = stack.event(message_id=mid, thread_id=tid, form=form)
    card = updated(stack.post("/addon/actions/override", event).json())
    assert card_problems(card) == []
    text = text_of(card)
    assert "Introduction spotted" in text
    assert "No details given" not in text
    assert "ran pricing at Acme" in text
