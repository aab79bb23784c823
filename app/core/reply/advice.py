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
from app.core.i18n import N_, NP_, Msg
from app.core.model import Email, Thread
from app.core.reply.proposal import Proposal

LATE_AFTER_DAYS = 2  # an introduction unanswered for longer than this: say so, kindly
NUDGE_AFTER_DAYS = 7  # a first reply unanswered this long: a friendly nudge is fine
INTRODUCER_NUDGE_DAYS = 3


@dataclass(frozen=True, slots=True)
class Point:
    """One piece of advice: a short title and a sentence (marked texts, `Msg`, which the
    cards translate)."""

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
    other: str = ctx.reader or N_("them")
    introducer: str = ctx.introducer_first or N_("the introducer")
    if ctx.state == "user_is_introducer":
        return _introducer_points(ctx, thread, now)
    if ctx.state == "already_replied":
        return _replied_points(ctx, thread, proposal, now, other, introducer)
    if ctx.state not in ("first_reply", "other_replied", "introducer_moved"):
        return ()
    points: list[Point] = []
    if ctx.state == "introducer_moved":
        said = ctx.reply_to is not None and acknowledges_bcc(ctx.reply_to.new_text)
        points.append(_moved(other, introducer, said))
    if proposal is not None:
        points.append(_proposal_point(proposal, counter, other))
    elif ctx.state != "first_reply":
        points.append(_wrote_first(other, introducer))
    waiting = ctx.reply_to if ctx.state != "first_reply" else _intro_message(ctx, thread)
    age = days_between(waiting.date if waiting else None, now)
    if age is not None and len(points) < 2:
        if age > LATE_AFTER_DAYS:
            points.append(_late(other if ctx.state != "first_reply" else introducer, age, ctx))
        elif ctx.state == "first_reply":
            points.append(_on_time(introducer, age))
    return tuple(points[:2])


def days_between(then: datetime | None, now: datetime | None) -> int | None:
    """Whole days from `then` to `now` (None when either is unknown or `then` is later)."""
    if then is None or now is None:
        return None
    then = then if then.tzinfo else then.replace(tzinfo=UTC)
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    seconds = (now - then).total_seconds()
    return int(seconds // 86_400) if seconds >= 0 else None


def _proposal_point(proposal: Proposal, counter: str, other: str) -> Point:
    title = N_("{other} proposed {proposal}", other=other, proposal=proposal.phrase)
    if counter:
        return Point(
            title,
            N_(
                "The suggested reply says yes to it and offers {alternative} too (your next "
                "step, below); choose theirs there to simply accept.",
                alternative=counter,
            ),
        )
    return Point(
        title,
        N_(
            "Say yes to it: the suggested reply quotes it back instead of proposing something else."
        ),
    )


def _replied_points(
    ctx: ReplyContext,
    thread: Thread | None,
    proposal: Proposal | None,
    now: datetime | None,
    other: str,
    introducer: str,
) -> tuple[Point, ...]:
    answer = _answer_after_mine(ctx, thread)
    if answer is not None and proposal is not None:
        title = N_("{other} proposed {proposal}", other=other, proposal=proposal.phrase)
        return (Point(title, N_("Answer it: say yes, or offer another time that suits you.")),)
    if answer is not None:
        return (
            Point(
                N_("{other} answered you", other=other),
                N_(
                    "Keep it going: settle a time and place, and step {introducer} back to Bcc "
                    "if they are still copied.",
                    introducer=introducer,
                ),
            ),
        )
    age = days_between(ctx.replied_on, now)
    if age is not None and age >= NUDGE_AFTER_DAYS:
        return (
            Point(
                NP_("No answer in {n} day", "No answer in {n} days", age),
                N_(
                    "A short, friendly nudge to {other} is fine now; no need to copy "
                    "{introducer} again.",
                    other=other,
                    introducer=introducer,
                ),
            ),
        )
    if age is not None:
        return (
            Point(
                N_("Give {other} time", other=other),
                N_(
                    "You replied {when}; wait about a week before a gentle nudge.",
                    when=_ago(age),
                ),
            ),
        )
    return ()


def _introducer_points(
    ctx: ReplyContext, thread: Thread | None, now: datetime | None
) -> tuple[Point, ...]:
    intro = ctx.introduction
    if intro is None or thread is None:
        return ()
    later = thread.messages[intro.message_index + 1 :] if intro.message_index >= 0 else ()
    answered = [
        shown_first_name(p.address) or p.email
        for p in intro.introduced
        if any(m.sender and same_person(p.address, m.sender) for m in later)
    ]
    if answered:
        title = (
            N_("{who} replied", who=answered[0])
            if len(answered) == 1
            else N_(
                "{first} and {second} replied",
                first=", ".join(answered[:-1]),
                second=answered[-1],
            )
        )
        body = N_(
            "They have found each other: when you answer, move yourself to Bcc so your inbox "
            "stays quiet."
        )
        return (Point(title, body),)
    message = _intro_message(ctx, thread)
    age = days_between(message.date if message else None, now)
    if age is not None and age >= INTRODUCER_NUDGE_DAYS:
        return (
            Point(
                NP_("No reply after {n} day", "No reply after {n} days", age),
                N_("A light nudge to both often helps; one line is enough."),
            ),
        )
    if age is not None:
        return (
            Point(
                N_("Give them a few days"),
                N_("Neither has replied yet; a nudge can wait a few days."),
            ),
        )
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


def _ago(days: int) -> Msg:
    if days == 0:
        return N_("today")
    if days == 1:
        return N_("yesterday")
    return NP_("{n} day ago", "{n} days ago", days)


def _moved(other: str, introducer: str, said: bool) -> Point:
    """The introducer was moved to Bcc (`said`: the other side said so) or left off."""
    title = N_("{introducer} is off the thread now", introducer=introducer)
    if said:
        body = N_(
            "{other} moved {introducer} to Bcc, so your reply goes to {other} alone; one line "
            "of thanks to {introducer} in it still closes the loop.",
            other=other,
            introducer=introducer,
        )
    else:
        body = N_(
            "{other}'s reply left {introducer} off the thread, so yours goes to {other} alone; "
            "one line of thanks to {introducer} in it still closes the loop.",
            other=other,
            introducer=introducer,
        )
    return Point(title, body)


def _wrote_first(other: str, introducer: str) -> Point:
    return Point(
        N_("{other} wrote first", other=other),
        N_(
            "Answer {other}'s message, thank {introducer} for the introduction, and propose a "
            "time.",
            other=other,
            introducer=introducer,
        ),
    )


def _late(who: str, days: int, ctx: ReplyContext) -> Point:
    """The introduction (or the other side's message) waited longer than it should."""
    title = (
        NP_(
            "{who}'s introduction is {n} day old",
            "{who}'s introduction is {n} days old",
            days,
            who=who,
        )
        if ctx.state == "first_reply"
        else NP_("{who} wrote {n} day ago", "{who} wrote {n} days ago", days, who=who)
    )
    body = N_(
        "A reply today still lands well: one short line such as \u201csorry for the slow "
        "reply\u201d is enough, no long apology."
    )
    return Point(title, body)


def _on_time(introducer: str, days: int) -> Point:
    return Point(
        N_("Reply within a day or two"),
        N_(
            "{introducer} introduced you {when}; a prompt reply honours the favour.",
            introducer=introducer,
            when=_ago(days),
        ),
    )


__all__ = ["Point", "days_between", "thread_points"]
