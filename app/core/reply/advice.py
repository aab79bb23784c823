"""What matters now on this thread: the one or two points to read first (pure).

The intro card's advice used to read the same on every introduction. These points come
from the thread as it stands: who is still on it (the introducer moved to Bcc), what the
other side proposed, how long ago the introduction came and whether the user is late to
answer, whether the user already replied (and whether they were answered), and, for the
introducer, whether the two have found each other. The clock is the caller's (`now`):
the core reads none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from app.core.checks.context import ReplyContext
from app.core.checks.recipients import acknowledges_bcc, same_person, shown_first_name
from app.core.model import Email, Thread
from app.core.reply.proposal import Proposal

LATE_AFTER_DAYS = 2  # an introduction unanswered for longer than this: say so, kindly
NUDGE_AFTER_DAYS = 7  # a first reply unanswered this long: a friendly nudge is fine
INTRODUCER_NUDGE_DAYS = 3


@dataclass(frozen=True, slots=True)
class Point:
    """One piece of advice: a short title and a sentence."""

    title: str
    body: str


def thread_points(
    ctx: ReplyContext,
    thread: Thread | None,
    proposal: Proposal | None,
    counter: str = "",
    now: datetime | None = None,
) -> tuple[Point, ...]:
    """The points that matter for this thread, most pressing first (at most two).

    `proposal`: what the other side proposed in their latest message; `counter`: the
    user's own next step when the suggested reply offers it beside theirs ("a video call").
    """
    other = ctx.reader or "them"
    introducer = ctx.introducer_first or "the introducer"
    names = {"other": other, "introducer": introducer}
    if ctx.state == "user_is_introducer":
        return _introducer_points(ctx, thread, now)
    if ctx.state == "already_replied":
        return _replied_points(ctx, thread, proposal, now, names)
    if ctx.state not in ("first_reply", "other_replied", "introducer_moved"):
        return ()
    points: list[Point] = []
    if ctx.state == "introducer_moved":
        said = ctx.reply_to is not None and acknowledges_bcc(ctx.reply_to.new_text)
        body = MOVED[1] if said else DROPPED
        points.append(Point(MOVED[0].format(**names), body.format(**names)))
    if proposal is not None:
        points.append(_proposal_point(proposal, counter, names))
    elif ctx.state != "first_reply":
        points.append(Point(WROTE_FIRST[0].format(**names), WROTE_FIRST[1].format(**names)))
    waiting = ctx.reply_to if ctx.state != "first_reply" else _intro_message(ctx, thread)
    age = days_between(waiting.date if waiting else None, now)
    if age is not None and len(points) < 2:
        if age > LATE_AFTER_DAYS:
            who = other if ctx.state != "first_reply" else introducer
            title = (LATE_THEM if ctx.state != "first_reply" else LATE_INTRO)[0]
            points.append(Point(title.format(days=age, who=who), LATE_BODY))
        elif ctx.state == "first_reply":
            when = _ago(age)
            points.append(Point(ON_TIME[0], ON_TIME[1].format(when=when, **names)))
    return tuple(points[:2])


def days_between(then: datetime | None, now: datetime | None) -> int | None:
    """Whole days from `then` to `now` (None when either is unknown or `then` is later)."""
    if then is None or now is None:
        return None
    then = then if then.tzinfo else then.replace(tzinfo=UTC)
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    seconds = (now - then).total_seconds()
    return int(seconds // 86_400) if seconds >= 0 else None


def _proposal_point(proposal: Proposal, counter: str, names: dict[str, str]) -> Point:
    title = PROPOSED[0].format(proposal=proposal.phrase, **names)
    if counter:
        return Point(title, COUNTERED.format(alternative=counter, **names))
    return Point(title, PROPOSED[1].format(**names))


def _replied_points(
    ctx: ReplyContext,
    thread: Thread | None,
    proposal: Proposal | None,
    now: datetime | None,
    names: dict[str, str],
) -> tuple[Point, ...]:
    answer = _answer_after_mine(ctx, thread)
    if answer is not None and proposal is not None:
        title = PROPOSED[0].format(proposal=proposal.phrase, **names)
        return (Point(title, ANSWER_IT.format(**names)),)
    if answer is not None:
        return (Point(ANSWERED[0].format(**names), ANSWERED[1].format(**names)),)
    age = days_between(ctx.replied_on, now)
    if age is not None and age >= NUDGE_AFTER_DAYS:
        return (Point(NUDGE[0].format(days=age), NUDGE[1].format(**names)),)
    if age is not None:
        return (Point(WAIT[0].format(**names), WAIT[1].format(when=_ago(age), **names)),)
    return ()


def _introducer_points(
    ctx: ReplyContext, thread: Thread | None, now: datetime | None
) -> tuple[Point, ...]:
    intro = ctx.introduction
    if intro is None or thread is None:
        return ()
    later = thread.messages[intro.message_index + 1 :] if intro.message_index >= 0 else ()
    answered = [
        p
        for p in intro.introduced
        if any(m.sender and same_person(p.address, m.sender) for m in later)
    ]
    if answered:
        who = " and ".join(shown_first_name(p.address) or p.email for p in answered)
        return (Point(CONNECTED[0].format(who=who), CONNECTED[1]),)
    message = _intro_message(ctx, thread)
    age = days_between(message.date if message else None, now)
    if age is not None and age >= INTRODUCER_NUDGE_DAYS:
        return (Point(QUIET[0].format(days=age), QUIET[1]),)
    if age is not None:
        return (Point(GIVE_TIME[0], GIVE_TIME[1]),)
    return ()


def _answer_after_mine(ctx: ReplyContext, thread: Thread | None) -> Email | None:
    """The other side's latest message after the user's own reply, if any."""
    if thread is None or ctx.user is None:
        return None
    user = ctx.user.address
    answer: Email | None = None
    replied = False
    for message in thread.messages:
        if message.sender is None:
            continue
        if same_person(user, message.sender):
            replied, answer = True, None
        elif replied and any(same_person(p.address, message.sender) for p in ctx.others):
            answer = message
    return answer


def _intro_message(ctx: ReplyContext, thread: Thread | None) -> Email | None:
    intro = ctx.introduction
    if intro is None or thread is None or not 0 <= intro.message_index < len(thread.messages):
        return None
    return thread.messages[intro.message_index]


def _ago(days: int) -> str:
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


# Our own words, English (the card catalogues translate card text).
MOVED = (
    "{introducer} is off the thread now",
    "{other} moved {introducer} to Bcc, so your reply goes to {other} alone; one line of "
    "thanks to {introducer} in it still closes the loop.",
)
DROPPED = (
    "{other}'s reply left {introducer} off the thread, so yours goes to {other} alone; one "
    "line of thanks to {introducer} in it still closes the loop."
)
PROPOSED = (
    "{other} proposed {proposal}",
    "Say yes to it: the suggested reply quotes it back instead of proposing something else.",
)
COUNTERED = (
    "The suggested reply says yes to it and offers {alternative} too (your next step, "
    "below); choose theirs there to simply accept."
)
WROTE_FIRST = (
    "{other} wrote first",
    "Answer {other}'s message, thank {introducer} for the introduction, and propose a time.",
)
LATE_INTRO = ("{who}'s introduction is {days} days old",)
LATE_THEM = ("{who} wrote {days} days ago",)
LATE_BODY = (
    "A reply today still lands well: one short line such as \u201csorry for the slow "
    "reply\u201d is enough, no long apology."
)
ON_TIME = (
    "Reply within a day or two",
    "{introducer} introduced you {when}; a prompt reply honours the favour.",
)
ANSWER_IT = "Answer it: say yes, or offer another time that suits you."
ANSWERED = (
    "{other} answered you",
    "Keep it going: settle a time and place, and step {introducer} back to Bcc if they are "
    "still copied.",
)
NUDGE = (
    "No answer in {days} days",
    "A short, friendly nudge to {other} is fine now; no need to copy {introducer} again.",
)
WAIT = ("Give {other} time", "You replied {when}; wait about a week before a gentle nudge.")
CONNECTED = (
    "{who} replied",
    "They have found each other: when you answer, move yourself to Bcc so your inbox stays quiet.",
)
QUIET = (
    "No reply after {days} days",
    "A light nudge to both often helps; one line is enough.",
)
GIVE_TIME = ("Give them a few days", "Neither has replied yet; a nudge can wait a few days.")

__all__ = ["Point", "days_between", "thread_points"]
