"""Recognise an email introduction: who introduced whom, and what was said (pure).

Each message's general signals (`signals`) are weighed by the fitted model
(`weights`); when it reads as an introduction the people are cast (`cast`). The
thread is searched oldest first, then the quoted history of its newest message, so
a reply that quotes the introduction still belongs to an introduction thread.
Expected outcomes are values: "not an introduction" is a verdict with a reason.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.core.intro.cast import cast
from app.core.intro.people import Blurbs, display_name, name_elsewhere, sign_off_name
from app.core.intro.reading import recipients
from app.core.intro.replied import reply_to_introduction
from app.core.intro.signals import Signals, signals_of
from app.core.intro.team import members_listed, with_members
from app.core.intro.team_prose import team_in_prose
from app.core.intro.weights import WEIGHTS, Weights
from app.core.mail.history import each_quoted, quoted_messages
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

_EVIDENCE = 6  # signals named in a verdict's evidence
# Signals that speak against an introduction, by the name a verdict's reason gives them.
_VETOES = {
    "self_intro": "self-introduction",
    "request": "request",
    "offer": "offer",
    "scheduling_handoff": "scheduling",
    "meet_writer": "scheduling",
    "announcement": "announcement",
    "product": "product",
    "after_fact": "after-the-fact",
    "thanks_intro": "after-the-fact",
    "bulk": "mass mail",
}
_FORWARD_SUBJECT = re.compile(r"^\s*(?:re\s*:\s*)*(?:fwd?|wg|tr|rv)\s*:", re.IGNORECASE)
_CONSENT = re.compile(
    r"\b(?:yes|sure|absolutely|of course|happy to|glad to|would love to|i'?d love to|"
    r"please (?:do|go ahead)|go ahead|sounds good|count me in|more than happy)\b",
    re.IGNORECASE,
)
_ABOUT_INTRO = re.compile(r"intro|connect|meet|put you in touch", re.IGNORECASE)


def detect_introduction(
    thread: Thread | Email, me: str | None = None, *, weights: Weights = WEIGHTS
) -> IntroVerdict:
    """Is this thread an introduction, and if so who introduced whom?

    Args:
        thread: a whole thread (oldest first) or a single message.
        me: the user's address, to tell their role (introduced/introducer/bystander).
        weights: the fitted model (the committed one; evaluation passes others).

    Returns:
        A verdict; its introduction's `message_index` is the message that made the
        introduction, or -1 when it was found only in the newest message's quotes.
    """
    messages = thread.messages if isinstance(thread, Thread) else (thread,)
    best = IntroVerdict(None, 0.0, (), "no message")
    closest = (False, 0.0)  # the closest miss: evidence first, then confidence
    newest: Signals | None = None
    for index, message in enumerate(messages):
        newest = signals_of(message)
        verdict = _verdict(newest, index, me, weights)
        if verdict.is_introduction:
            return verdict
        if (newest.has_evidence(), verdict.confidence) >= closest:
            best, closest = verdict, (newest.has_evidence(), verdict.confidence)
    if messages and _could_introduce(messages[-1].quoted_text):
        for quoted in each_quoted(messages[-1]):  # the first introduction found ends the search
            verdict = _detect_message(quoted.email, -1, me, weights)
            if verdict.introduction is not None:
                if quoted.forwarded:
                    intro = replace(verdict.introduction, kind="forwarded")
                    return replace(verdict, introduction=intro)
                return verdict
    # No message we read makes an introduction: the newest may still answer one.
    answered = reply_to_introduction(newest, me) if newest is not None else None
    if answered is not None:
        return IntroVerdict(answered, answered.confidence, answered.evidence, "")
    return best


def _detect_message(email: Email, index: int, me: str | None, weights: Weights) -> IntroVerdict:
    return _verdict(signals_of(email), index, me, weights)


def _verdict(signals: Signals, index: int, me: str | None, weights: Weights) -> IntroVerdict:
    """The decision on one message. `confidence` says what decided: the model's figure
    (≥ 0.5 for an introduction, below when the model rejects), or 0 when a rule rules an
    introduction out whatever the model weighs (the gate; nobody to introduce)."""
    reasons = _evidence(signals, weights)
    if not signals.has_evidence():
        # The gate: no connecting, hand-off or reach-out words, no cue, no introduction
        # subject, no described recipient. The weights of the headers and the shape alone
        # ("several people on a short message") do not make an introduction.
        return IntroVerdict(None, 0.0, reasons, _why_not(signals, "no introduction cue"))
    confidence = weights.confidence(signals.values)
    if confidence < 0.5:
        # A figure a hair under the line must not round up to it.
        below = min(round(confidence, 3), 0.499)
        return IntroVerdict(None, below, reasons, _why_not(signals, "too little evidence"))
    intro = _build(signals, index, round(confidence, 3), reasons, me)
    if intro is None:
        return IntroVerdict(None, 0.0, reasons, "nobody to introduce")
    return IntroVerdict(intro, round(confidence, 3), reasons, "")


def _could_introduce(quoted: str) -> bool:
    """Is there quoted history worth reading? (Any: an introduction can be a few lines
    that greet and describe two people with no connecting word at all.)"""
    return bool(quoted.strip())


def _why_not(signals: Signals, otherwise: str) -> str:
    """ "vetoed: offer, scheduling" when what speaks against it was said, else `otherwise`."""
    vetoes = sorted({name for key, name in _VETOES.items() if signals.value(key) > 0})
    if vetoes:
        return "vetoed: " + ", ".join(vetoes)
    return otherwise


def _evidence(signals: Signals, weights: Weights) -> tuple[str, ...]:
    """The strongest signals, with the words that fired them: "for connect: “te presento a”"."""
    found = []
    for name, part in weights.contributions(signals.values)[:_EVIDENCE]:
        side = "for" if part > 0 else "against"
        words = signals.words.get(name)
        label = _VETOES.get(name, name) if part < 0 else name
        found.append(f"{side} {label}: “{words}”" if words else f"{side} {label}")
    return tuple(found)


def _build(
    signals: Signals, index: int, confidence: float, reasons: tuple[str, ...], me: str | None
) -> Introduction | None:
    reading = signals.reading
    email = reading.email
    kind, people = cast(
        reading.hits, email, recipients(email), reading.subject_names, reading.addressed()
    )
    if not reading.hits:
        people = _named_by_lexicon(signals, email, people)
    if not people:
        return None
    if not reading.hits:
        kind = _kind_from_signals(signals, len(people))
    people = _signed_names(people, email)
    people = _full_names_elsewhere(people, email)
    blurbs = Blurbs(reading.spans, frozenset(h.sentence for h in reading.hits))
    introduced = tuple(
        Person(name, addr.email if addr else "", blurbs.about(name)) for name, addr in people
    )
    sentence, members = members_listed(reading.spans, signals.language)
    introduced = with_members(introduced, sentence, members)
    if kind in ("classic", "handoff") and any(p.members for p in introduced):
        kind = "one_to_many"  # one person introduced to a team whose members are named
    # A team described in prose is listed beside the people; the kind stays the cast's
    # (each member is introduced in their own right).
    teams = team_in_prose(introduced, reading.spans, signals.language, reading.addressed())
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
        language=signals.language or "en",
        teams=teams,
    )


def _named_by_lexicon(
    signals: Signals, email: Email, people: list[tuple[str, Address | None]]
) -> list[tuple[str, Address | None]]:
    """Without a phrase cue, the cast falls back on the first few recipients: when that
    leaves out someone a connecting or hand-off sentence of the lexicon names, the people
    are the To recipients it does not name (the reader) and those it names."""
    named = signals.named_in_connecting(recipients(email))
    cast_ = {a.email for _, a in people if a is not None}
    if all(a.email in cast_ for a in named):
        return people
    sender = email.sender.email if email.sender else ""
    helped = [a for a in email.to if a not in named and a.email != sender]
    found: list[tuple[str, Address | None]] = [
        (display_name("", a), a) for a in (*helped, *named) if a.email != sender
    ]
    return found if len(found) >= 2 else people


def _kind_from_signals(signals: Signals, people: int) -> IntroKind:
    """Without a phrase cue, the lexicon says: a hand-off, one-sided, or classic."""
    if signals.value("handoff") + signals.value("capable") > signals.value("connect"):
        return "handoff"
    if people > 3 and signals.value("recipients") >= 1.0:
        return "one_to_many"
    return "classic"


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


def _full_names_elsewhere(
    people: list[tuple[str, Address | None]], email: Email
) -> list[tuple[str, Address | None]]:
    """A person known by a bare address (and perhaps a first name from the body) takes
    the full name the mail gives them elsewhere: its own text, signature or quoted
    history ("From: Jay Carson" for jcarson@, greeted "Jay")."""
    texts = (email.new_text, email.signature, email.quoted_text)
    found = []
    for name, addr in people:
        bare = addr is not None and not _has_full_name(addr)
        handle = addr is not None and (name.lower() == addr.email.split("@", 1)[0].lower())
        written = "" if handle or "@" in name else name
        fuller = name_elsewhere(written, addr, texts) if bare and addr is not None else ""
        found.append((fuller or name, addr))
    return found


def _has_full_name(address: Address) -> bool:
    """A display name of two words or more that is not the address's local part."""
    name = address.name.strip()
    return len(name.split()) > 1 and name.lower() != address.email.split("@", 1)[0].lower()


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
