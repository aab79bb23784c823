"""Tests for `described`: what a thread's mail says about a person the user named."""

from __future__ import annotations

from app.core.intro import described
from app.core.model import Email, Person, Thread

SUE = Person("Sue Park", "sue.park@acme.example")


def _thread(*texts: str) -> Thread:
    return Thread(tuple(Email(text=t, new_text=t) for t in texts))


def test_the_sentences_about_them_and_the_pronoun_that_follows() -> None:
    thread = _thread("Agenda attached.\n\nSue ran pricing at Acme. She rebuilt the tiers.\n\nLena")
    assert described(SUE, thread).blurb == "Sue ran pricing at Acme. She rebuilt the tiers."


def test_the_newest_describing_message_wins_and_a_blurb_is_kept() -> None:
    thread = _thread("Sue Park leads design at Acme.", "Thanks all!", "Sue is now CTO at Beta.")
    assert described(SUE, thread).blurb == "Sue is now CTO at Beta."
    known = Person("Sue Park", SUE.email, "Given blurb.")
    assert described(known, thread) is known


def test_nothing_said_nothing_added() -> None:
    assert described(SUE, _thread("Agenda attached for Thursday.")).blurb == ""
    assert described(SUE, None) is SUE
    assert described(Person("", ""), _thread("Hello.")).blurb == ""
