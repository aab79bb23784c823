"""The suggested first reply to an introduction: recipients, subject, body and why (pure).

Reply to the other person (To) and the introducer (Cc), never to the user; greet
both by first name, thank the introducer, show interest using what the
introducer said, propose a small next step, ask for nothing. Thread state
changes the advice: no reply when the user already answered or made the
introduction, and the introducer is not re-added when the other side moved them
to Bcc. Wording comes from `phrasing` and is deterministic.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from app.core.checks.asks import ask_kind
from app.core.checks.context import ReplyContext, ThreadState, reply_context
from app.core.checks.recipients import shown_first_name
from app.core.mail.names import first_name
from app.core.model import Address, Email, Introduction, Person, Thread
from app.core.preferences import Preferences
from app.core.reply import phrasing as ph
from app.core.reply.retell import fact_about
from app.core.text.sentences import count_words

MAX_WORDS = 120
_RE_PREFIX = re.compile(r"^\s*(?:re|aw|sv|antw|r)\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReplySuggestion:
    """A ready-to-send reply: headers, plain and HTML body, and the reason for each choice."""

    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    subject: str
    in_reply_to: str
    references: tuple[str, ...]
    body_text: str
    body_html: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReplyAdvice:
    """What to do now: a suggestion, or why there is none and what to do instead."""

    state: ThreadState
    suggestion: ReplySuggestion | None
    why: str = ""
    next_moves: tuple[str, ...] = ()


def suggest_reply(
    introduction: Introduction,
    thread: Thread | None = None,
    me: str | None = None,
    preferences: Preferences | None = None,
) -> ReplyAdvice:
    """Advise the user's first reply to this introduction.

    Args:
        introduction: who introduced whom (from `detect_introduction`).
        thread: the conversation, for its state and threading headers.
        me: the user's address; without it, the first introduced person on To.
        preferences: tone, next step, sign-off and phrasing variant.
    """
    prefs = preferences or Preferences()
    ctx = reply_context(introduction, thread, me or "")
    if ctx.state == "user_is_introducer":
        return ReplyAdvice(ctx.state, None, ph.WHY_INTRODUCER, ph.INTRODUCER_MOVES)
    if ctx.state == "not_involved" or ctx.user is None or not ctx.others:
        return ReplyAdvice("not_involved", None, ph.WHY_NOT_INVOLVED)
    if ctx.state == "already_replied":
        return ReplyAdvice(ctx.state, None, _replied_why(ctx), _follow_up_moves(ctx))
    return ReplyAdvice(ctx.state, _suggestion(ctx, ctx.user, introduction, prefs))


def _suggestion(
    ctx: ReplyContext, user: Person, introduction: Introduction, prefs: Preferences
) -> ReplySuggestion:
    to, cc, reasons = _recipients(ctx, user)
    # What the introducer said about the other person, retold: the body and its reasons
    # both use it, so it is worked out once.
    fact = _fact(ctx) if len(ctx.others) == 1 else ""
    paragraphs = _paragraphs(ctx, user, prefs, fact)
    subject, in_reply_to, references = _threading(ctx, introduction)
    reasons += [f"Subject “{subject}” and the reply headers keep it in the same thread."]
    reasons += _body_reasons(ctx, prefs, fact)
    text = "\n\n".join(paragraphs)
    return ReplySuggestion(
        to, cc, subject, in_reply_to, references, text, _html(paragraphs), tuple(reasons)
    )


def _recipients(
    ctx: ReplyContext, user: Person
) -> tuple[tuple[Address, ...], tuple[Address, ...], list[str]]:
    mine = user.email.lower()
    to = tuple(p.address for p in ctx.others if not (mine and p.email.lower() == mine))
    reasons = [ph.REASON_TO.format(who=_label(a)) for a in to[:1]]
    reasons += [ph.REASON_TO_MORE.format(who=_label(a)) for a in to[1:]]
    cc: tuple[Address, ...] = ()
    introducer = ctx.introducer
    if ctx.state == "introducer_moved" and introducer:
        reasons.append(ph.REASON_MOVED.format(who=_label(introducer)))
    elif introducer and (introducer.name or introducer.email):
        cc = (introducer,)
        reasons.append(ph.REASON_CC.format(who=_label(introducer)))
    reasons += [ph.REASON_NO_ADDRESS.format(who=_label(a)) for a in to + cc if not a.email]
    reasons.append(ph.REASON_NOT_ME)
    reasons += _dropped_extras(ctx, to + cc, mine)
    return to, cc, reasons


def _dropped_extras(ctx: ReplyContext, kept: tuple[Address, ...], mine: str) -> list[str]:
    message = ctx.reply_to
    if message is None:
        return []
    known = {a.email.lower() for a in kept} | {mine}
    if message.sender:
        known.add(message.sender.email.lower())
    extras = [a for a in message.to + message.cc if a.email and a.email.lower() not in known]
    return [ph.REASON_EXTRA.format(who=_label(a)) for a in extras]


def _paragraphs(ctx: ReplyContext, user: Person, prefs: Preferences, fact: str) -> list[str]:
    tone = prefs.tone
    key = "|".join(p.name for p in ctx.others) + "|" + (ctx.introducer_first or "")
    others = [shown_first_name(p.address) for p in ctx.others]
    known_others = [n for n in others if n]
    intro_name = ctx.introducer_first
    opening = _opening(ctx, known_others, intro_name, prefs, key)
    closing = ph.pick(ph.NEXT_STEP[(prefs.next_step, tone)], key, "next", prefs.variant)
    flexible = ph.pick(ph.FLEXIBLE[tone], key, "flex", prefs.variant)
    sign = _sign_off(user, prefs, key)
    interests = [_interest(ctx, intro_name, prefs, key, f) for f in dict.fromkeys((fact, ""))]
    # What the introducer said, retold, must not read as an ask of ours ("you're hiring,
    # and I'd love to hear more"): then the plain line of interest is used.
    interests = [line for line in interests if ask_kind(line) is None] or interests[-1:]
    candidates = [
        [*opening[:-1], f"{opening[-1]} {interest}", tail, sign]
        for interest in interests
        for tail in (f"{closing} {flexible}", closing)
    ]
    fits = (p for p in candidates if count_words("\n".join(p)) <= MAX_WORDS)
    return next(fits, candidates[-1])


def _opening(
    ctx: ReplyContext, others: list[str], intro_name: str, prefs: Preferences, key: str
) -> list[str]:
    tone, v = prefs.tone, prefs.variant
    answered = ctx.state in ("other_replied", "introducer_moved")
    names = others if answered else [*others, intro_name] if intro_name else others
    names = [n for n in names if n]
    if len(names) > 3:
        greeting = "Hi all," if tone == "warm" else "Hello all,"
    elif names:
        greeting = ph.pick(ph.GREETING[tone], key, "greet", v).format(names=ph.join_names(names))
    else:
        greeting = ph.pick(ph.GREETING_NO_NAME[tone], key, "greet", v)
    if answered:
        bank = ph.THANKS_AGAIN_BCC if ctx.state == "introducer_moved" else ph.THANKS_AGAIN
        thanks = ph.pick(bank[tone], key, "again", v).format(introducer=intro_name or "everyone")
        hello = ph.pick(ph.ANSWER[tone], key, "answer", v).format(other="")
        return [greeting, f"{hello} {thanks}"]
    if intro_name:
        thanks = ph.pick(ph.THANKS[tone], key, "thanks", v).format(introducer=intro_name)
    else:
        thanks = ph.pick(ph.THANKS_NO_NAME[tone], key, "thanks", v)
    return [greeting, thanks]


def _interest(ctx: ReplyContext, intro_name: str, prefs: Preferences, key: str, fact: str) -> str:
    fact = fact if intro_name else ""
    if fact:
        line = ph.pick(ph.INTEREST_FACT[prefs.tone], key, "interest", prefs.variant)
        line = line.format(introducer=intro_name, fact=fact)
    else:
        line = ph.pick(ph.INTEREST_PLAIN[prefs.tone], key, "plain", prefs.variant)
    other = shown_first_name(ctx.others[0].address) if len(ctx.others) == 1 else ""
    return f"{other}, {line}" if other else line[0].upper() + line[1:]


def _fact(ctx: ReplyContext) -> str:
    other = ctx.others[0]
    names = [other.name, first_name(other.name), shown_first_name(other.address)]
    return fact_about(other.blurb, [n for n in names if n])


def _sign_off(user: Person, prefs: Preferences, key: str) -> str:
    sign = prefs.sign_off.strip() or ph.pick(ph.SIGN_OFF[prefs.tone], key, "sign", prefs.variant)
    name = prefs.name.strip()
    if not name:
        name = first_name(user.name) if prefs.tone == "warm" else user.name.strip()
        name = name.capitalize() if name.islower() else name
        name = "" if name.lower() in ("none", "null", "undefined", "nan") else name
    return f"{sign}\n{name}" if name else sign


def _threading(ctx: ReplyContext, introduction: Introduction) -> tuple[str, str, tuple[str, ...]]:
    source: Email | Introduction = ctx.reply_to or introduction
    subject, msg_id, refs = source.subject, source.message_id, source.references
    subject = " ".join(subject.split())
    subject = subject if _RE_PREFIX.match(subject) else f"Re: {subject}".strip()
    references = tuple(dict.fromkeys([*refs, msg_id] if msg_id else refs))
    return (subject if subject != "Re:" else "Re: our introduction"), msg_id, references


def _body_reasons(ctx: ReplyContext, prefs: Preferences, fact: str) -> list[str]:
    who = ctx.introducer_first or "the introducer"
    other = ctx.reader or "them"
    interest = (
        f"Uses what {who} said about {other} (“{fact}”) to show real interest."
        if fact
        else f"Asks about {other}'s work to show interest in them."
    )
    return [
        f"Thanks {who} first: an introduction is a favour and vouches for you.",
        interest,
        f"Proposes {ph.NEXT_STEP_NOUN[prefs.next_step]} in the next two weeks: a small, "
        "easy next step.",
        "No ask, no resume, no credentials: those can wait until they ask.",
    ]


def _replied_why(ctx: ReplyContext) -> str:
    return ph.why_replied(ctx.replied_on)


def _follow_up_moves(ctx: ReplyContext) -> tuple[str, ...]:
    return ph.follow_up_moves(ctx.reader, ctx.introducer_first)


def _label(address: Address) -> str:
    return address.name or address.email


def _html(paragraphs: list[str]) -> str:
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)


__all__ = ["ReplyAdvice", "ReplySuggestion", "suggest_reply"]
