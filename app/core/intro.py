"""Recognise an email introduction: who introduced whom, and what was said (pure).

Text and headers are read together: the introducer's phrasing (cues), whether the
people it names are really copied, who the greeting addresses, and the subject.
Expected outcomes are values: "not an introduction" is a verdict with a reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from app.core.cues import ANY_TRIGGER, NEGATIVE, POSITIVE, SUBJECT, Cue
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
from app.core.people import blurb_for, display_name, resolve, sign_off_name, vocatives
from app.core.quoted import quoted_messages
from app.core.sentences import Span, sentences

THRESHOLD = 3.0
_HARD_VETO = frozenset(
    {"self-introduction", "product", "request", "offer", "referral", "speaker", "after-the-fact"}
)
_MAX_SCAN = 8_000  # characters of own text scanned for cues (introductions come early)
_MAX_SENTENCES = 120


@dataclass(slots=True)
class _Hit:
    cue: Cue
    sentence: int
    names: list[str]
    start: int


@dataclass(slots=True)
class _Reading:
    """Everything gathered about one message before deciding."""

    email: Email
    spans: tuple[Span, ...]
    hits: list[_Hit] = field(default_factory=list)
    vetoes: list[str] = field(default_factory=list)
    subject_hits: list[str] = field(default_factory=list)
    subject_names: list[str] = field(default_factory=list)


def detect_introduction(thread: Thread | Email, me: str | None = None) -> IntroVerdict:
    """Is this thread an introduction, and if so who introduced whom?

    Args:
        thread: a whole thread (oldest first) or a single message.
        me: the user's address, to tell their role (introduced/introducer/bystander).
    """
    messages = thread.messages if isinstance(thread, Thread) else (thread,)
    best = IntroVerdict(None, 0.0, (), "no message")
    for index, message in enumerate(messages):
        verdict = _detect_message(message, index, me)
        if verdict.is_introduction:
            return verdict
        if verdict.confidence >= best.confidence:
            best = verdict
    if messages:
        for quoted in quoted_messages(messages[-1]):
            verdict = _detect_message(quoted, -1, me)
            if verdict.is_introduction:
                return verdict
    return best


def _detect_message(email: Email, index: int, me: str | None) -> IntroVerdict:
    reading = _read(email)
    score = _score(reading)
    confidence = round(1.0 / (1.0 + math.exp(-(score - THRESHOLD) * 1.3)), 3)
    evidence = tuple(_evidence(reading))
    if score < THRESHOLD or not reading.hits:
        reason = "vetoed: " + ", ".join(sorted(set(reading.vetoes))) if reading.vetoes else ""
        return IntroVerdict(None, min(confidence, 0.49), evidence, reason or "no introduction cue")
    intro = _build(reading, index, confidence, evidence, me)
    if intro is None:
        return IntroVerdict(None, 0.3, evidence, "nobody to introduce")
    return IntroVerdict(intro, confidence, evidence, "")


def _read(email: Email) -> _Reading:
    text = email.new_text[:_MAX_SCAN]
    reading = _Reading(email, sentences(text)[:_MAX_SENTENCES])
    for i, span in enumerate(reading.spans):
        lower = span.text.lower()
        if not ANY_TRIGGER.search(lower):
            continue
        negatives = [name for name, pattern in NEGATIVE if pattern.search(span.text)]
        reading.vetoes.extend(negatives)
        for cue in POSITIVE:
            if not cue.trigger.search(lower):
                continue
            for match in cue.pattern.finditer(span.text):
                if _vetoed(cue, negatives):
                    continue
                names = [n for n in match.groupdict().values() if n]
                reading.hits.append(_Hit(cue, i, names, span.start))
    for name, pattern in SUBJECT:
        match = pattern.search(email.subject)
        if match:
            reading.subject_hits.append(name)
            reading.subject_names.extend(n for n in match.groupdict().values() if n)
    return reading


def _vetoed(cue: Cue, negatives: list[str]) -> bool:
    if any(n in _HARD_VETO for n in negatives):
        return True
    return cue.kind == "handoff" and "scheduling" in negatives


def _score(reading: _Reading) -> float:
    others = _others(reading.email)
    best: dict[str, float] = {}
    for hit in reading.hits:
        weight = hit.cue.weight
        if hit.cue.needs_copied and reading.email.headers_present:
            copied = [n for n in hit.names if resolve(n, others)]
            weight = weight if copied or _lone_cc(reading.email, hit.names) else weight / 2
        best[hit.cue.name] = max(best.get(hit.cue.name, 0.0), weight)
    if max(best.values(), default=0.0) < 2.0:
        return 0.0  # weak hints alone (a new hire, "will contact you") never make an intro
    score = sum(sorted(best.values(), reverse=True)[:3])
    score += 1.0 if reading.subject_hits else 0.0
    score += 1.0 if _copied_named(reading, others) else 0.0
    addressed = vocatives(reading.email.new_text)
    if len({a for a in addressed if resolve(a, others) or not reading.email.headers_present}) >= 2:
        score += 1.0
    if len(others) > 12 and "one_to_many" not in {h.cue.kind for h in reading.hits}:
        score -= 1.5  # broadcast mail: announcements, newsletters
    return score - 0.5 * len(set(reading.vetoes) - {"scheduling"})


def _copied_named(reading: _Reading, others: tuple[Address, ...]) -> bool:
    """Someone the cues name is really on the message: the mark of a made introduction."""
    return any(resolve(n, others) for h in reading.hits for n in h.names)


def _others(email: Email) -> tuple[Address, ...]:
    sender = email.sender.email if email.sender else ""
    return tuple(a for a in email.recipients if a.email != sender or not sender)


def _lone_cc(email: Email, names: list[str]) -> Address | None:
    """'I'm copying Judith' with one Cc whose address gives no name: that is Judith."""
    if len(names) != 1 or len(email.cc) != 1:
        return None
    cc = email.cc[0]
    return cc if not resolve(names[0], email.to) else None


def _evidence(reading: _Reading) -> list[str]:
    found = []
    for hit in reading.hits:
        found.append(f"{hit.cue.name}: “{reading.spans[hit.sentence].text[:120]}”")
    found.extend(f"subject: {name}" for name in reading.subject_hits)
    found.extend(f"against: {name}" for name in sorted(set(reading.vetoes)))
    return found


def _build(
    reading: _Reading, index: int, confidence: float, evidence: tuple[str, ...], me: str | None
) -> Introduction | None:
    from app.core.cast import cast

    email = reading.email
    kind, people = cast(reading.hits, email, _others(email), reading.subject_names)
    if not people:
        return None
    cue_sentences = frozenset(h.sentence for h in reading.hits)
    introduced = tuple(
        Person(name, addr.email if addr else "", blurb_for(name, reading.spans, cue_sentences))
        for name, addr in people
    )
    introducer = _introducer(email)
    kind = _forward_kind(email, kind)
    return Introduction(
        kind=kind,
        introducer=introducer,
        introduced=introduced,
        user_role=_role(me, introducer, introduced),
        confidence=confidence,
        evidence=evidence,
        message_index=index,
        subject=email.subject,
        message_id=email.message_id,
        references=email.references,
    )


def _introducer(email: Email) -> Person:
    sender = email.sender
    if sender and (sender.name or sender.email):
        name = display_name(sender.name, sender) or sign_off_name("", email.signature)
        return Person(name or sign_off_name(email.new_text, ""), sender.email)
    return Person(sign_off_name(email.new_text, email.signature), "")


def _forward_kind(email: Email, kind: IntroKind) -> IntroKind:
    head = email.quoted_text[:300].lower()
    if "forward" not in head and not email.subject.lower().startswith(("fw", "fwd")):
        return kind
    consent = ("happy to", "glad to", "would love to", "yes", "sure", "open to", "please do")
    body = email.quoted_text[:3000].lower()
    return "double_opt_in_forward" if any(c in body for c in consent) else "forwarded"


def _role(me: str | None, introducer: Person, introduced: tuple[Person, ...]) -> UserRole:
    if not me:
        return "unknown"
    mine = me.strip().lower()
    if introducer.email and introducer.email == mine:
        return "introducer"
    if any(p.email == mine for p in introduced):
        return "introduced"
    return "bystander"


def display(address: Address | None) -> str:
    """A person's display label for messages."""
    return address.label() if address else ""
