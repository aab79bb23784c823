"""The nudge to both people of an introduction the user made and nobody answered."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.core.model import Address, Email, Introduction, Person, Thread
from app.core.reply import NUDGE_AFTER_DAYS, nudge_due, nudge_reply

ME = "joe@example.com"
SENT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SUE = Person("Sue Park", "sue@acme.com", "Sue leads product at Acme.")
DANA = Person("Dana Lee", "dana@beta.io", "Dana runs growth at Beta.")
INTRO_MAIL = Email(
    subject="Intro: Sue <> Dana",
    sender=Address("Joe Smith", ME),
    to=(SUE.address,),
    cc=(DANA.address,),
    date=SENT,
    message_id="<m1@example.com>",
)
INTRO = Introduction(
    "classic", Person("Joe Smith", ME), (SUE, DANA), "introducer", 1.0, (), 0, language="en"
)


def _thread(*later: Email) -> Thread:
    return Thread((INTRO_MAIL, *later), "t1")


def test_due_after_the_days_and_not_before() -> None:
    at = SENT + timedelta(days=NUDGE_AFTER_DAYS)
    assert nudge_due(INTRO, _thread(), ME, at)
    assert not nudge_due(INTRO, _thread(), ME, at - timedelta(hours=1))


def test_not_due_once_one_side_answered() -> None:
    answer = Email(sender=SUE.address, date=SENT + timedelta(days=1))
    assert not nudge_due(INTRO, _thread(answer), ME, SENT + timedelta(days=9))


def test_the_users_own_follow_up_is_not_an_answer() -> None:
    mine = Email(sender=Address("Joe Smith", ME), date=SENT + timedelta(days=1))
    assert nudge_due(INTRO, _thread(mine), ME, SENT + timedelta(days=9))


def test_not_due_for_someone_elses_introduction_or_without_a_date() -> None:
    later = SENT + timedelta(days=9)
    assert not nudge_due(INTRO, _thread(), "sue@acme.com", later)
    undated = Thread((replace(INTRO_MAIL, date=None),), "t1")
    assert not nudge_due(INTRO, undated, ME, later)
    naive = Thread((replace(INTRO_MAIL, date=SENT.replace(tzinfo=None)),), "t1")
    assert nudge_due(INTRO, naive, ME, later)


def test_reply_to_both_threaded_and_signed() -> None:
    reply = nudge_reply(INTRO, _thread(), ME, "Joe")
    assert reply is not None
    assert reply.to == (SUE.address, DANA.address)
    assert reply.cc == ()
    assert reply.subject == "Re: Intro: Sue <> Dana"
    assert reply.in_reply_to == "<m1@example.com>"
    assert reply.references == ("<m1@example.com>",)
    assert reply.body_text.startswith("Hi Sue and Dana,")
    assert reply.body_text.endswith("Best,\nJoe")


@pytest.mark.parametrize(
    ("language", "opening"),
    [
        ("es", "Hola Sue y Dana"),
        ("de", "Hallo Sue und Dana"),
        ("fr", "Bonjour Sue et Dana"),
        ("pt", "Olá Sue e Dana"),
        ("it", "Ciao Sue e Dana"),
        ("nl", "Hoi Sue en Dana"),
    ],
)
def test_reply_in_the_threads_language(language: str, opening: str) -> None:
    reply = nudge_reply(replace(INTRO, language=language), _thread(), ME)
    assert reply is not None
    assert reply.body_text.startswith(opening)


def test_no_reply_for_someone_elses_introduction() -> None:
    assert nudge_reply(INTRO, _thread(), "dana@beta.io") is None
