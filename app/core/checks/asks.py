"""`ask`: a request for something in a first reply (introductions, contacts, a job, ...) (pure).

A sentence is an ask when it is phrased as a request ("could you", "please",
"I'd appreciate it if", "do you know anyone", "I'm looking for") and names
something the sender wants (names, an opening, a referral, a review, advice),
or when it is an unmistakable ask on its own ("pick your brain", "introduce me
to", "are you hiring?"). Proposing to meet, for coffee or a call, is a next
step, not an ask; offers ("happy to introduce you to ...") and thanks for past
help are blanked out before matching. Patterns were developed against the
Email Intent training sentences (meeting proposals set aside).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.checks import ask_patterns as pat
from app.core.checks.finding import AskKind, Finding
from app.core.checks.spans import Sentence, normalize

_MEANING: dict[AskKind, str] = {
    "introductions": "asks for introductions",
    "contacts": "asks for names or contacts",
    "job": "asks about a job or openings",
    "referral": "asks for a referral",
    "resume": "asks them to pass your resume along",
    "review": "asks them to review something",
    "advice": "asks for advice",
    "target_companies": "hands over a target-company list",
    "favour": "asks a favour",
}


def ask_kind(sentence: str) -> AskKind | None:
    """The kind of ask a sentence makes, or None when it makes none."""
    lowered = normalize(sentence).lower()
    if "@" in lowered:
        text = pat.BLANK.sub(lambda m: " " * len(m.group(0)), lowered)
    else:
        text = pat.BLANK_WORDS.blank(lowered)
    if not pat.ASK_GATE.search(text):
        return None  # neither a strong ask nor a request form: no ask
    for kind, pattern in pat.STRONG:
        if pattern.search(text):
            return kind
    # No strong ask, so the gate matched a request form: MARKER matches text.lstrip().
    if pat.OFFER.search(text) and not pat.FOR_ME.search(text):
        return None
    for kind, pattern in pat.KIND_CUES:
        if pattern.search(text):
            return kind
    if pat.GENERIC_FAVOUR.search(text) and not pat.SCHEDULING.search(text):
        return "favour"
    return None


def check_asks(sentences: Sequence[Sentence], other: str) -> tuple[Finding, ...]:
    """One `ask` finding per sentence that asks for something."""
    found = []
    for sentence in sentences:
        kind = ask_kind(sentence.text)
        if kind is None:
            continue
        found.append(
            Finding(
                "ask",
                "warning",
                f"This sentence {_MEANING[kind]}; a first reply should ask for nothing "
                "but a conversation.",
                sentence.start,
                sentence.end,
                _fix(other),
                sentence.text,
                kind,
            )
        )
    return tuple(found)


def _fix(other: str) -> str:
    about = f"{other}'s" if other else "their"
    return (
        f"Delete it and ask about {about} work instead, e.g. “I'd love to hear what you're "
        "focused on these days.” Your own needs can wait until they ask."
    )
