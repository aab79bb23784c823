"""Recognise an email introduction: who introduced whom, and what was said (pure).

Each message is read for cues (`reading`), the people are cast (`cast`), and the
thread is searched oldest first, then the quoted history of its newest message, so
a reply that quotes the introduction still belongs to an introduction thread.
Expected outcomes are values: "not an introduction" is a verdict with a reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from app.core.cast import cast
from app.core.model import (
    Address,
    Email,
    Introduction,
    IntroKind,
    IntroVerdict,
    Person,
    Thread,
    UserRole,
)
from app.core.people import Blurbs, display_name, sign_off_name
from app.core.quoted import each_quoted, quoted_messages
from app.core.reading import Reading, could_hold_cue, evidence, read, recipients, score

THRESHOLD = 3.0
_FORWARD_SUBJECT = re.compile(r"^\s*(?:re\s*:\s*)*(?:fwd?|wg|tr|rv)\s*:", re.IGNORECASE)
_CONSENT = re.compile(
    r"\b(?:yes|sure|absolutely|of course|happy to|glad to|would love to|i'?d love to|"
    r"please (?:do|go ahead)|go ahead|sounds good|count me in|more than happy)\b",
    re.IGNORECASE,
)
_ABOUT_INTRO = re.compile(r"intro|connect|meet|put you in touch", re.IGNORECASE)


def detect_introduction(thread: Thread | Email, me: str | None = None) -> IntroVerdict:
    """Is this thread an introduction, and if so who introduced whom?

    Args:
        thread: a whole thread (oldest first) or a single message.
        me: the user's address, to tell their role (introduced/introducer/bystander).

    Returns:
        A verdict; its introduction's `message_index` is the message that made the
        introduction, or -1 when it was found only in the newest message's quotes.
    """
    messages = thread.messages if isinstance(thread, Thread) else (thread,)
    best = IntroVerdict(None, 0.0, (), "no message")
    for index, message in enumerate(messages):
        verdict = _detect_message(message, index, me)
        if verdict.is_introduction:
            return verdict
        if verdict.confidence >= best.confidence:
            best = verdict
    if not messages or not could_hold_cue(messages[-1].quoted_text):
        return best
    for quoted in each_quoted(messages[-1]):  # the first introduction found ends the search
        verdict = _detect_message(quoted.email, -1, me)
        if verdict.introduction is not None:
            if quoted.forwarded:
                intro = replace(verdict.introduction, kind="forwarded")
                return replace(verdict, introduction=intro)
            return verdict
    return best


def _detect_message(email: Email, index: int, me: str | None) -> IntroVerdict:
    reading = read(email)
    total = score(reading)
    confidence = round(1.0 / (1.0 + math.exp(-(total - THRESHOLD) * 1.3)), 3)
    reasons = evidence(reading)
    if total < THRESHOLD or not reading.hits:
        vetoes = sorted(set(reading.vetoes) | ({"mass mail"} if reading.bulk else set()))
        reason = "vetoed: " + ", ".join(vetoes) if vetoes else "no introduction cue"
        return IntroVerdict(None, min(confidence, 0.49), reasons, reason)
    intro = _build(reading, index, confidence, reasons, me)
    if intro is None:
        return IntroVerdict(None, 0.3, reasons, "nobody to introduce")
    return IntroVerdict(intro, confidence, reasons, "")


def _build(
    reading: Reading, index: int, confidence: float, reasons: tuple[str, ...], me: str | None
) -> Introduction | None:
    email = reading.email
    kind, people = cast(
        reading.hits, email, recipients(email), reading.subject_names, reading.addressed()
    )
    if not people:
        return None
    people = _signed_names(people, email)
    blurbs = Blurbs(reading.spans, frozenset(h.sentence for h in reading.hits))
    introduced = tuple(
        Person(name, addr.email if addr else "", blurbs.about(name)) for name, addr in people
    )
    introducer = _introducer(email)
    return Introduction(
        kind=_forward_kind(email, kind),
        introducer=introducer,
        introduced=introduced,
        user_role=_role(me, introducer, introduced),
        confidence=confidence,
        evidence=reasons,
        message_index=index,
        subject=email.subject,
        message_id=email.message_id,
        references=email.references,
    )


def _signed_names(
    people: list[tuple[str, Address | None]], email: Email
) -> list[tuple[str, Address | None]]:
    """People known only by a handle ("sbwhoeop") take the name they sign quoted mail with."""
    if not any(addr and name.lower() == addr.email.split("@", 1)[0] for name, addr in people):
        return people
    signed = {
        q.email.sender.email: sign_off_name(q.email.new_text, q.email.signature)
        for q in quoted_messages(email)
        if q.email.sender and q.email.sender.email
    }
    return [
        (
            signed.get(addr.email) or name
            if addr and name.lower() == addr.email.split("@", 1)[0]
            else name,
            addr,
        )
        for name, addr in people
    ]


def _introducer(email: Email) -> Person:
    sender = email.sender
    if sender and (sender.name or sender.email):
        name = display_name(sender.name, sender) or sign_off_name("", email.signature)
        return Person(name or sign_off_name(email.new_text, ""), sender.email)
    return Person(sign_off_name(email.new_text, email.signature), "")


def _forward_kind(email: Email, kind: IntroKind) -> IntroKind:
    """An introduction sent as a forward: of the consent thread, or of anything else."""
    head = email.quoted_text[:300].lower()
    if "forward" not in head and not _FORWARD_SUBJECT.match(email.subject):
        return kind
    return "double_opt_in_forward" if _has_consent(email) else "forwarded"


def _has_consent(email: Email) -> bool:
    """The forwarded thread holds someone's yes to being introduced."""
    for quoted in each_quoted(email):
        said = quoted.email.new_text[:300]
        if _CONSENT.search(said) and _ABOUT_INTRO.search(email.quoted_text):
            return True
    return False


def _role(me: str | None, introducer: Person, introduced: tuple[Person, ...]) -> UserRole:
    if not me:
        return "unknown"
    mine = me.strip().lower()
    if introducer.email and introducer.email == mine:
        return "introducer"
    if any(p.email == mine for p in introduced):
        return "introduced"
    return "bystander"
