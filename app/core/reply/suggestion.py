"""The suggested first reply to an introduction: recipients, subject, body and why (pure).

Reply to the other person (To) and the introducer (Cc), never to the user; greet
both by first name, thank the introducer, show interest using what the
introducer said, propose a small next step, ask for nothing. Thread state
changes the advice: no reply when the user already answered or made the
introduction, and the introducer is not re-added when the other side moved them
to Bcc. When the other side already proposed a time or place (`proposal`), the reply
accepts it, quoting it back, or (the user chose another kind of meeting) takes it up and
offers the user's beside it. `advice` adds the one or two points that matter for this
thread. Wording comes from `phrasing` and is deterministic.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from app.core.checks.asks import ask_kind
from app.core.checks.context import ReplyContext, ThreadState, reply_context
from app.core.checks.recipients import same_person, shown_first_name
from app.core.mail.names import first_name, glued_title
from app.core.model import Address, Email, Introduction, Person, Thread
from app.core.preferences import Preferences
from app.core.reply import phrasing as ph
from app.core.reply.advice import Point, thread_points
from app.core.reply.bank import Bank, next_slot
from app.core.reply.proposal import Proposal, find_proposal
from app.core.reply.retell import fact_about
from app.core.reply.voice import Voice, choose_voice
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
    language: str = "en"
    language_note: str = ""


@dataclass(frozen=True, slots=True)
class ReplyAdvice:
    """What to do now: a suggestion, or why there is none and what to do instead."""

    state: ThreadState
    suggestion: ReplySuggestion | None
    why: str = ""
    next_moves: tuple[str, ...] = ()
    points: tuple[Point, ...] = ()  # what matters now on this thread, most pressing first
    proposal: Proposal | None = None  # a time or place the other side proposed


def suggest_reply(
    introduction: Introduction,
    thread: Thread | None = None,
    me: str | None = None,
    preferences: Preferences | None = None,
    now: datetime | None = None,
) -> ReplyAdvice:
    """Advise the user's first reply to this introduction.

    Args:
        introduction: who introduced whom (from `detect_introduction`).
        thread: the conversation, for its state and threading headers.
        me: the user's address; without it, the first introduced person on To.
        preferences: tone, next step, sign-off and phrasing variant.
        now: the caller's clock, for how long ago the introduction came (the core
            reads none); without it, no point about timing.
    """
    prefs = preferences or Preferences()
    ctx = reply_context(introduction, thread, me or "")
    proposal = _their_proposal(ctx)
    counter = _counter(proposal, prefs)
    points = thread_points(ctx, thread, proposal, counter, now)
    if ctx.state == "user_is_introducer":
        # The thread's own points (a nudge, or stepping back to Bcc) replace the general ones.
        general: tuple[str, ...] = () if points else ph.INTRODUCER_MOVES
        return ReplyAdvice(ctx.state, None, ph.WHY_INTRODUCER, general, points)
    if ctx.state == "not_involved" or ctx.user is None or not ctx.others:
        return ReplyAdvice("not_involved", None, ph.WHY_NOT_INVOLVED)
    if ctx.state == "already_replied":
        moves = _follow_up_moves(ctx)
        return ReplyAdvice(ctx.state, None, _replied_why(ctx), moves, points, proposal)
    voice = _voice(ctx, introduction, thread, prefs)
    suggestion = _suggestion(ctx, ctx.user, introduction, prefs, voice, proposal)
    return ReplyAdvice(ctx.state, suggestion, points=points, proposal=proposal)


def _their_proposal(ctx: ReplyContext) -> Proposal | None:
    """A time or place proposed in the other side's latest message (not the introducer's)."""
    message = ctx.reply_to
    if ctx.state not in ("other_replied", "introducer_moved", "already_replied"):
        return None
    if message is None or message.sender is None:
        return None
    if not any(same_person(p.address, message.sender) for p in ctx.others):
        return None
    return find_proposal(message)


def _counter(proposal: Proposal | None, prefs: Preferences, bank: Bank | None = None) -> str:
    """The user's own kind of meeting, to offer beside theirs ("" when it is the same).

    In `bank`'s language when given; "" when that bank names no meetings (then their
    proposal is simply accepted).
    """
    if proposal is None or proposal.mode == prefs.next_step:
        return ""
    if bank is None or bank.code == "en":
        return ph.NEXT_STEP_NOUN[prefs.next_step]
    return bank.step_nouns.get(prefs.next_step, "")


def _suggestion(
    ctx: ReplyContext,
    user: Person,
    introduction: Introduction,
    prefs: Preferences,
    voice: Voice,
    proposal: Proposal | None = None,
) -> ReplySuggestion:
    to, cc, reasons = _recipients(ctx, user)
    # What the introducer said about the other person, retold (in English only: other
    # languages refer to the introducer's words instead): the body and its reasons both use
    # it, so it is worked out once.
    english = voice.bank.code == "en"
    fact = _fact(ctx) if len(ctx.others) == 1 and english else ""
    paragraphs = _paragraphs(ctx, user, prefs, fact, voice, proposal)
    subject, in_reply_to, references = _threading(ctx, introduction)
    reasons += [f"Subject “{subject}” and the reply headers keep it in the same thread."]
    reasons += _body_reasons(ctx, prefs, fact, _refers(ctx, voice), proposal)
    reasons += [voice.note] if voice.note else []
    text = "\n\n".join(paragraphs)
    return ReplySuggestion(
        to,
        cc,
        subject,
        in_reply_to,
        references,
        text,
        _html(paragraphs),
        tuple(reasons),
        voice.bank.code,
        voice.note,
    )


def _voice(
    ctx: ReplyContext, introduction: Introduction, thread: Thread | None, prefs: Preferences
) -> Voice:
    """The language and register to write in, from the preference and the thread's words."""
    messages = thread.messages if thread else ()
    index = introduction.message_index
    intro_mail = messages[index] if 0 <= index < len(messages) else None
    if intro_mail is None and messages:
        intro_mail = messages[-1]  # the introduction is quoted in the newest message
    intro_text = (intro_mail.new_text or intro_mail.text) if intro_mail else ""
    answered = ctx.state in ("other_replied", "introducer_moved") and ctx.reply_to is not None
    reply_text = ctx.reply_to.new_text if answered and ctx.reply_to else ""
    return choose_voice(
        setting=prefs.language,
        detected=introduction.language,
        intro_text=intro_text,
        reply_text=reply_text,
        tone=prefs.tone,
        introducer=ctx.introducer_first,
    )


def _refers(ctx: ReplyContext, voice: Voice) -> bool:
    """Outside English, a blurb is referred to ("{introducer} speaks highly of your work")."""
    single = len(ctx.others) == 1 and bool(ctx.introducer_first)
    return voice.bank.code != "en" and single and bool(ctx.others[0].blurb.strip())


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


def _paragraphs(
    ctx: ReplyContext,
    user: Person,
    prefs: Preferences,
    fact: str,
    voice: Voice,
    proposal: Proposal | None,
) -> list[str]:
    tone, bank = prefs.tone, voice.bank
    key = "|".join(p.name for p in ctx.others) + "|" + (ctx.introducer_first or "")
    others = [shown_first_name(p.address) for p in ctx.others]
    known_others = [n for n in others if n]
    intro_name = ctx.introducer_first
    opening = _opening(ctx, known_others, intro_name, prefs, key, voice)
    how = {"polite": voice.polite, "group": len(ctx.others) > 1}
    steps = bank.lines(next_slot(prefs.next_step), tone, **how)
    closing = ph.pick(steps, key, "next", prefs.variant)
    flexible = ph.pick(bank.lines("flexible", tone, **how), key, "flex", prefs.variant)
    if proposal is not None:  # theirs, quoted back: no proposal of our own, no "any day"
        closing, flexible = _answer_proposal(proposal, prefs, key, voice), ""
    sign = _sign_off(user, prefs, key, voice)
    lead = "ref" if _refers(ctx, voice) else fact
    leads = dict.fromkeys((lead, ""))
    interests = [_interest(ctx, intro_name, prefs, key, f, voice) for f in leads]
    # What the introducer said, retold, must not read as an ask of ours ("you're hiring,
    # and I'd love to hear more"): then the plain line of interest is used. Lines without
    # a retold fact are the bank's own, which its tests keep free of asks.
    interests = [
        line
        for line, f in zip(interests, leads, strict=True)
        if f in ("", "ref") or ask_kind(line) is None
    ] or interests[-1:]
    candidates = [
        [*opening[:-1], f"{opening[-1]} {interest}", tail, sign]
        for interest in interests
        for tail in dict.fromkeys((f"{closing} {flexible}".strip(), closing))
    ]
    fits = (p for p in candidates if count_words("\n".join(p)) <= MAX_WORDS)
    return next(fits, candidates[-1])


def _answer_proposal(proposal: Proposal, prefs: Preferences, key: str, voice: Voice) -> str:
    """Their proposal accepted, quoted back; the user's own kind of meeting offered beside it."""
    counter = _counter(proposal, prefs, voice.bank)
    slot = "counter" if counter else "accept"
    lines = voice.bank.lines(slot, prefs.tone, polite=voice.polite)
    line = ph.pick(lines, key, "accept", prefs.variant)
    line = line.format(proposal=proposal.phrase, alternative=counter)
    return line[:1].upper() + line[1:]


def _opening(
    ctx: ReplyContext,
    others: list[str],
    intro_name: str,
    prefs: Preferences,
    key: str,
    voice: Voice,
) -> list[str]:
    tone, v, bank = prefs.tone, prefs.variant, voice.bank
    answered = ctx.state in ("other_replied", "introducer_moved")
    names = others if answered else [*others, intro_name] if intro_name else others
    names = [n for n in names if n]
    if len(names) > 3:
        greeting = ph.pick(bank.lines("greeting_all", tone), key, "greet", v)
    elif names:
        greeting = ph.pick(bank.lines("greeting", tone, polite=voice.polite), key, "greet", v)
        greeting = greeting.format(names=bank.join(names))
    else:
        greeting = ph.pick(bank.lines("greeting_no_name", tone), key, "greet", v)
    if answered:
        slot = "thanks_again_bcc" if ctx.state == "introducer_moved" else "thanks_again"
        nameless = bank.lines("thanks_again_no_name", tone)
        lines = bank.lines(slot, tone) if intro_name or not nameless else nameless
        thanks = ph.pick(lines, key, "again", v).format(introducer=intro_name or "everyone")
        group = len(ctx.others) > 1
        hello = ph.pick(
            bank.lines("answer", tone, polite=voice.polite, group=group), key, "answer", v
        )
        return [greeting, _after(greeting, hello.format(other=""), bank) + f" {thanks}"]
    if intro_name:
        thanks = ph.pick(bank.lines("thanks", tone), key, "thanks", v).format(introducer=intro_name)
    else:
        thanks = ph.pick(bank.lines("thanks_no_name", tone), key, "thanks", v)
    return [greeting, _after(greeting, thanks, bank)]


def _after(greeting: str, line: str, bank: Bank) -> str:
    """The line after the greeting, capitalised unless the language continues in lower case
    after a comma (German: "Hallo Jana,\n\nvielen Dank …")."""
    at = next((i for i, c in enumerate(line) if c.isalpha()), -1)  # past "¡" and "¿"
    if at < 0 or not line[at].islower() or (bank.lower_after_comma and greeting.endswith(",")):
        return line
    return line[:at] + line[at].upper() + line[at + 1 :]


def _interest(
    ctx: ReplyContext, intro_name: str, prefs: Preferences, key: str, fact: str, voice: Voice
) -> str:
    fact = fact if intro_name else ""
    bank, tone = voice.bank, prefs.tone
    if fact == "ref":
        lines = bank.lines("interest_ref", tone, polite=voice.polite)
        line = ph.pick(lines, key, "interest", prefs.variant).format(introducer=intro_name)
    elif fact:
        line = ph.pick(bank.lines("interest_fact", tone), key, "interest", prefs.variant)
        line = line.format(introducer=intro_name, fact=fact)
    else:
        group = len(ctx.others) > 1
        lines = bank.lines("interest_plain", tone, polite=voice.polite, group=group)
        line = ph.pick(lines, key, "plain", prefs.variant)
    other = shown_first_name(ctx.others[0].address) if len(ctx.others) == 1 else ""
    return f"{other}, {line}" if other else line[0].upper() + line[1:]


def _fact(ctx: ReplyContext) -> str:
    other = ctx.others[0]
    names = [other.name, first_name(other.name), shown_first_name(other.address)]
    return fact_about(other.blurb, [n for n in names if n])


def _sign_off(user: Person, prefs: Preferences, key: str, voice: Voice) -> str:
    bank_sign = voice.bank.lines("sign_off", prefs.tone, polite=voice.polite)
    sign = prefs.sign_off.strip() or ph.pick(bank_sign, key, "sign", prefs.variant)
    name = prefs.name.strip()
    if not name:
        name = first_name(user.name) if prefs.tone == "warm" else glued_title(user.name)
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


def _body_reasons(
    ctx: ReplyContext, prefs: Preferences, fact: str, refers: bool, proposal: Proposal | None
) -> list[str]:
    who = ctx.introducer_first or "the introducer"
    other = ctx.reader or "them"
    interest = (
        f"Uses what {who} said about {other} (“{fact}”) to show real interest."
        if fact
        else f"Refers to what {who} said about {other} to show real interest."
        if refers
        else f"Asks about {other}'s work to show interest in them."
    )
    if proposal is not None and _counter(proposal, prefs):
        step = (
            f"Takes up what {other} proposed (“{proposal.phrase}”) and offers "
            f"{_counter(proposal, prefs)} beside it, your chosen next step."
        )
    elif proposal is not None:
        step = f"Accepts what {other} proposed (“{proposal.phrase}”) instead of proposing another."
    else:
        step = (
            f"Proposes {ph.NEXT_STEP_NOUN[prefs.next_step]} in the next two weeks: a small, "
            "easy next step."
        )
    thanks = (
        f"Thanks {other} for writing and {who} for the introduction."
        if ctx.state in ("other_replied", "introducer_moved")
        else f"Thanks {who} first: an introduction is a favour and vouches for you."
    )
    return [
        thanks,
        interest,
        step,
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
