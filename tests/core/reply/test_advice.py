"""Tests for the thread-aware advice: `thread_points`, and the suggestion answering a proposal.

Each thread state gets its points, and the suggested reply agrees with them: who it goes
to, whom it thanks and for what, and whether it accepts, counters or proposes a time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.core.checks.draft import Draft, check_reply
from app.core.model import Address, Email, Introduction, Person, Thread
from app.core.preferences import NEXT_STEPS, TONES, NextStep, Preferences, Tone
from app.core.reply.advice import days_between
from app.core.reply.suggestion import ReplyAdvice, suggest_reply

JOE = Address("Joe Smith", "joe@smith.example")
SUE = Address("Sue Park", "sue@acme.example")
DANA = Address("Dana Reyes", "dana@reyes.example")
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
INTRO_TEXT = (
    "Sue, meet Dana. Dana runs growth at Reyes Analytics.\n\n"
    "Dana, meet Sue. Sue leads product at Acme.\n\nJoe"
)


def _intro() -> Introduction:
    return Introduction(
        kind="classic",
        introducer=Person(JOE.name, JOE.email),
        introduced=(
            Person(SUE.name, SUE.email, "Sue leads product at Acme."),
            Person(DANA.name, DANA.email, "Dana runs growth at Reyes Analytics."),
        ),
        user_role="introduced",
        confidence=0.95,
        evidence=(),
        message_index=0,
        subject="Intro: Sue <> Dana",
        message_id="<intro@smith.example>",
    )


def _message(
    sender: Address, to: tuple[Address, ...], cc: tuple[Address, ...], text: str, days_ago: float
) -> Email:
    return Email(
        subject="Re: Intro: Sue <> Dana",
        sender=sender,
        to=to,
        cc=cc,
        message_id=f"<{sender.email}-{days_ago}@x>",
        date=NOW - timedelta(days=days_ago),
        text=text,
        new_text=text,
    )


def _thread(*later: Email, intro_days_ago: float = 0.2) -> Thread:
    intro = _message(JOE, (SUE, DANA), (), INTRO_TEXT, intro_days_ago)
    return Thread((intro, *later))


def _advise(thread: Thread, me: str = DANA.email, **prefs: object) -> ReplyAdvice:
    return suggest_reply(_intro(), thread, me, Preferences(**prefs), NOW)  # type: ignore[arg-type]


def _proposes_our_own(body: str) -> bool:
    return "two weeks" in body or "week or two" in body


def _titles(advice: ReplyAdvice) -> list[str]:
    return [p.title for p in advice.points]


def _clean(advice: ReplyAdvice, thread: Thread) -> None:
    """Our own suggestion passes our own checks."""
    assert advice.suggestion is not None
    s = advice.suggestion
    draft = Draft(
        s.body_text,
        s.to,
        s.cc,
        subject=s.subject,
        text_known=True,
        recipients_known=True,
        body_end=len(s.body_text),
    )
    found = check_reply(draft, thread, introduction=_intro(), me=DANA.email)
    assert [f.code for f in found] == []


def test_fresh_introduction_says_reply_soon_and_proposes_a_step() -> None:
    thread = _thread()
    advice = _advise(thread)
    assert advice.state == "first_reply"
    assert _titles(advice) == ["Reply within a day or two"]
    assert "today" in advice.points[0].body
    assert advice.proposal is None
    assert advice.suggestion is not None
    assert [a.email for a in advice.suggestion.cc] == [JOE.email]
    assert _proposes_our_own(advice.suggestion.body_text)
    _clean(advice, thread)


def test_a_late_reply_is_named_kindly() -> None:
    advice = _advise(_thread(intro_days_ago=5.5))
    assert _titles(advice) == ["Joe's introduction is 5 days old"]
    assert "sorry for the slow reply" in advice.points[0].body


def test_no_clock_no_timing_point() -> None:
    advice = suggest_reply(_intro(), _thread(intro_days_ago=9), DANA.email)
    assert advice.points == ()


def test_other_side_wrote_first_without_a_proposal() -> None:
    """Thank Sue for writing (never "for getting back to me"), and Joe, without "again"."""
    sue = _message(SUE, (DANA,), (JOE,), "Thanks Joe! Dana, lovely to meet you.", 0.1)
    thread = _thread(sue)
    advice = _advise(thread)
    assert advice.state == "other_replied"
    assert _titles(advice)[0] == "Sue wrote first"
    assert advice.suggestion is not None
    body = advice.suggestion.body_text
    assert "getting back to me" not in body
    assert " again" not in body
    assert "thank you, Joe" in body
    assert _proposes_our_own(body)  # nothing proposed: we propose
    assert [a.email for a in advice.suggestion.cc] == [JOE.email]
    _clean(advice, thread)


@pytest.mark.parametrize("tone", TONES)
def test_a_proposal_of_the_chosen_kind_is_accepted_and_quoted_back(tone: Tone) -> None:
    text = "Thanks Joe! Dana, would you be up for coffee near Union Square some morning next week?"
    sue = _message(SUE, (DANA,), (JOE,), text, 0.1)
    thread = _thread(sue)
    advice = _advise(thread, tone=tone)
    assert advice.proposal is not None
    phrase = "coffee near Union Square some morning next week"
    assert _titles(advice)[0] == f"Sue proposed {phrase}"
    assert advice.suggestion is not None
    body = advice.suggestion.body_text
    assert phrase.lower() in body.lower()
    assert not _proposes_our_own(body)  # no proposal of our own beside theirs
    assert any("Accepts what Sue proposed" in r for r in advice.suggestion.reasons)
    _clean(advice, thread)


@pytest.mark.parametrize("step", NEXT_STEPS)
def test_another_preferred_kind_counters_by_offering_both(step: NextStep) -> None:
    """Sue proposed a call: a user who prefers a coffee or video offers it beside the call."""
    text = "Great to meet you. Could we do a 20-minute call next Tuesday or Wednesday?"
    sue = _message(SUE, (DANA,), (JOE,), text, 0.1)
    thread = _thread(sue)
    advice = _advise(thread, next_step=step)
    assert advice.suggestion is not None
    body = advice.suggestion.body_text
    assert "a 20-minute call next tuesday or wednesday" in body.lower()
    assert not _proposes_our_own(body)
    noun = {"coffee": "a coffee", "video": "a video call", "call": ""}[step]
    if noun:
        assert noun in body
        assert noun in advice.points[0].body
    else:
        assert "Say yes" in advice.points[0].body
    _clean(advice, thread)


def test_introducer_moved_to_bcc_points_and_recipients_agree() -> None:
    text = "Thanks Joe (moving you to Bcc)! Dana, coffee on Friday near the station?"
    sue = _message(SUE, (DANA,), (), text, 3.5)
    advice = _advise(_thread(sue, intro_days_ago=4))
    assert advice.state == "introducer_moved"
    titles = _titles(advice)
    assert titles[0] == "Joe is off the thread now"
    assert titles[1].startswith("Sue proposed coffee on Friday near the station")
    assert advice.suggestion is not None
    assert advice.suggestion.cc == ()
    assert [a.email for a in advice.suggestion.to] == [SUE.email]
    assert "on Cc" not in " ".join(p.body for p in advice.points)


def test_introducer_left_off_without_a_word_is_not_said_to_be_on_bcc() -> None:
    """Sue dropped Joe without saying so: the point does not claim a Bcc it cannot see."""
    sue = _message(SUE, (DANA,), (), "Dana, lovely to meet you. Coffee on Friday?", 0.5)
    advice = _advise(_thread(sue, intro_days_ago=1))
    assert advice.state == "introducer_moved"
    assert advice.points[0].title == "Joe is off the thread now"
    assert "Bcc" not in advice.points[0].body
    assert "left Joe off" in advice.points[0].body


def test_the_other_side_is_late_to_be_answered() -> None:
    sue = _message(SUE, (DANA,), (JOE,), "Thanks Joe! Dana, great to meet you.", 4.2)
    advice = _advise(_thread(sue, intro_days_ago=5))
    assert _titles(advice) == ["Sue wrote first", "Sue wrote 4 days ago"]


def test_user_already_replied_then_waits_then_nudges() -> None:
    mine = _message(DANA, (SUE,), (JOE,), "Joe, thanks! Sue, coffee next week?", 2)
    advice = _advise(_thread(mine, intro_days_ago=3))
    assert advice.state == "already_replied"
    assert advice.suggestion is None
    assert _titles(advice) == ["Give Sue time"]
    late = _advise(_thread(_message(DANA, (SUE,), (JOE,), "Hi Sue!", 9), intro_days_ago=10))
    assert _titles(late) == ["No answer in 9 days"]


def test_user_already_replied_and_was_answered_with_a_proposal() -> None:
    mine = _message(DANA, (SUE,), (JOE,), "Joe, thanks! Sue, coffee next week?", 2)
    sue = _message(SUE, (DANA,), (), "Yes! Coffee at Blue Bottle on Thursday?", 1)
    advice = _advise(_thread(mine, sue, intro_days_ago=3))
    assert advice.state == "already_replied"
    assert advice.proposal is not None
    assert _titles(advice) == ["Sue proposed coffee at Blue Bottle on Thursday"]


def test_the_introducer_hears_whether_they_found_each_other() -> None:
    waiting = _advise(_thread(intro_days_ago=4), me=JOE.email)
    assert waiting.state == "user_is_introducer"
    assert _titles(waiting) == ["No reply after 4 days"]
    assert waiting.next_moves == ()  # the general nudge advice would say it twice
    sue = _message(SUE, (DANA,), (JOE,), "Thanks Joe!", 1)
    answered = _advise(_thread(sue, intro_days_ago=4), me=JOE.email)
    assert _titles(answered) == ["Sue replied"]
    assert "Bcc" in answered.points[0].body


def test_days_between_handles_naive_and_future_dates() -> None:
    assert days_between(NOW.replace(tzinfo=None) - timedelta(days=2), NOW) == 2
    assert days_between(NOW + timedelta(days=1), NOW) is None
    assert days_between(None, NOW) is None
