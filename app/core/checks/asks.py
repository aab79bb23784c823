"""`ask`: a request for something in a first reply (introductions, contacts, a job, ...) (pure).

A sentence asks when the English request cues say so (a request form that names
something wanted: names, an opening, a referral, a review, advice; offers and thanks
blanked out first; developed against the Email Intent training sentences), or when
the fitted sentence classifier is fairly sure (`ask_model`: word n-grams, seven
languages, meeting proposals its own class so never an ask). The kind is the cues',
else the fitted kind model's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from app.core.checks import ask_patterns as pat
from app.core.checks.ask_model import ASK_MODEL, AskModel
from app.core.checks.finding import AskKind, Finding
from app.core.i18n import N_, Msg
from app.core.text.sentences import Sentence, normalize

_AND = re.compile(
    r",?\s+(?:and(?: also)?|as well as|plus|y|e|und|sowie|et|ainsi que|en|ook)\s+(?=\w)",
    re.IGNORECASE,
)
_CLAUSE_WORDS = 3
_MEANING: dict[AskKind, Msg] = {
    "introductions": N_(
        "This sentence asks for introductions; a first reply should ask for nothing but a "
        "conversation."
    ),
    "contacts": N_(
        "This sentence asks for names or contacts; a first reply should ask for nothing but a "
        "conversation."
    ),
    "job": N_(
        "This sentence asks about a job or openings; a first reply should ask for nothing but a "
        "conversation."
    ),
    "referral": N_(
        "This sentence asks for a referral; a first reply should ask for nothing but a "
        "conversation."
    ),
    "resume": N_(
        "This sentence asks them to pass your resume along; a first reply should ask for "
        "nothing but a conversation."
    ),
    "review": N_(
        "This sentence asks them to review something; a first reply should ask for nothing but a "
        "conversation."
    ),
    "advice": N_(
        "This sentence asks for advice; a first reply should ask for nothing but a conversation."
    ),
    "target_companies": N_(
        "This sentence hands over a target-company list; a first reply should ask for "
        "nothing but a conversation."
    ),
    "favour": N_(
        "This sentence asks a favour; a first reply should ask for nothing but a conversation."
    ),
}


def ask_kind(sentence: str) -> AskKind | None:
    """The kind of ask a sentence makes, or None when it makes none.

    Whether it asks is the fitted model's call (`ask_model`, any of our languages);
    the kind is the English kind cues' when they name one, else the kind model's.
    """
    return decide(sentence, ASK_MODEL)


def decide(sentence: str, model: AskModel) -> AskKind | None:
    """`ask_kind` with a given model (evaluation passes each fold's)."""
    named = _cue_kind(sentence)
    if named is not None:
        return named
    if not model.asks(sentence) or _offers(sentence):
        return None
    return cast(AskKind, model.kind_of(sentence))


def _offers(sentence: str) -> bool:
    """An offer ("would you like me to send...") gives, it does not ask."""
    lowered = normalize(sentence).lower()
    return bool(pat.OFFER.search(lowered)) and not pat.FOR_ME.search(lowered)


def _cue_kind(sentence: str) -> AskKind | None:
    """The kind the English request and kind cues give a sentence (None: no cue)."""
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
        for start, end, kind in _asks_in(sentence.text):
            found.append(
                Finding(
                    "ask",
                    "warning",
                    _MEANING[kind],
                    sentence.start + start,
                    sentence.start + end,
                    _fix(other),
                    sentence.text[start:end],
                    kind,
                )
            )
    return tuple(found)


def _asks_in(text: str) -> list[tuple[int, int, AskKind]]:
    """The asks of one sentence: one, or one per clause when its clauses ask for
    different things ("refer me for the role and introduce me to your CEO")."""
    kind = ask_kind(text)
    if kind is None:
        return []
    clauses = _clauses(text)
    each = [(start, end, ask_kind(text[start:end])) for start, end in clauses]
    asks = [(start, end, k) for start, end, k in each if k is not None]
    if len(asks) >= 2 and len({k for _, _, k in asks}) >= 2:
        return asks
    return [(0, len(text), kind)]


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses joined by "and" (in our languages), each three words or more."""
    spans, start = [], 0
    for match in _AND.finditer(text):
        if len(text[start : match.start()].split()) >= _CLAUSE_WORDS:
            spans.append((start, match.start()))
            start = match.end()
    if spans and len(text[start:].split()) >= _CLAUSE_WORDS:
        return [*spans, (start, len(text))]
    return [(0, len(text))]


def _fix(other: str) -> Msg:
    if other:
        return N_(
            "Delete it and ask about {other}'s work instead, e.g. “I'd love to hear what "
            "you're focused on these days.” Your own needs can wait until they ask.",
            other=other,
        )
    return N_(
        "Delete it and ask about their work instead, e.g. “I'd love to hear what you're "
        "focused on these days.” Your own needs can wait until they ask."
    )
