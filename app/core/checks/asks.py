"""`ask`: a request for something in a first reply (introductions, contacts, a job, ...) (pure).

A sentence asks when the English request cues name the ask outright (`ask_cues`: "refer me",
"could you send me", a career ask, or a request form where the writer is the one who
benefits), or when the fitted sentence classifier says so (`ask_model`: word n-grams,
request forms in seven languages, the cues as features; meeting proposals are their own
class, so never an ask). A request form the cues found but cannot decide needs the model
to lean to an ask; otherwise the model must reach its fitted threshold. An offer, or
taking up a proposed meeting, is never an ask. The kind is the
cues', else the fitted kind model's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from app.core.checks import ask_patterns as pat
from app.core.checks.ask_cues import CuePath, cue
from app.core.checks.ask_model import ASK_MODEL, AskModel, Intent, features, request_forms
from app.core.checks.finding import AskKind, Finding
from app.core.checks.reply_words import LANGUAGES as REPLY_LANGUAGES
from app.core.checks.reply_words import said
from app.core.i18n import N_, Msg
from app.core.text.sentences import Sentence, normalize

# The white space before the joining word is taken whole, from where it starts, and never
# given back: a match cannot start inside a run of spaces, so a long run is crossed once,
# not once per space (`re` would otherwise try every start in it: quadratic). The same
# matches as `,?\s+(?:…)\s+(?=\w)` (tests/core/checks/test_asks.py).
_AND = re.compile(
    r"(?:,|(?<![\s,]))\s++(?:and(?: also)?|as well as|plus|y|e|und|sowie|et|ainsi que|en|ook)"
    r"\s++(?=\w)",
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
    """`ask_kind` with a given model (evaluation passes each fold's). The intent model
    reads the sentence at most once, whichever path decides."""
    found = cue(sentence)
    intent: Intent | None = None
    if found is not None and _cue_decides(sentence, *found):
        if found[0] != "form":
            return found[1]
        # A request-form cue does not decide alone for a sentence the model reads mostly
        # as a meeting proposal ("Would you like to schedule a time to discuss this with
        # me and outside counsel?": "counsel" is an advice word); a strong cue does.
        intent = model.intent_of(sentence)
        if intent.meeting < MEETING_FIRST:
            return found[1]
    # A request form named by the cues needs the model to lean to an ask; without one,
    # the model must be fairly sure.
    threshold = CUED_THRESHOLD if found is not None else None
    intent = intent or model.intent_of(sentence)
    if not model.reads_as_ask(intent, threshold) or _offers(sentence) or _accepts(sentence):
        return None
    if found is not None:
        return found[1]
    return cast(AskKind, model.kind_of(sentence))


# P(meeting) from which a request-form cue leaves the decision to the model.
MEETING_FIRST = 0.5


# Kinds whose request-form cue was right on nearly every labelled sentence it fired on;
# the others ("please review", "job", "favour") also fire on mass mail, so the model
# weighs them.
CUED_THRESHOLD = 0.5
_NAMED_KINDS = frozenset({"referral", "resume", "contacts", "advice"})


def _cue_decides(sentence: str, path: CuePath, kind: AskKind) -> bool:
    """A strong or generic cue decides; a request form decides when it names a career
    ask, or when the writer is the one who benefits ("my plan", "for me", "I'm looking
    for a new role")."""
    if path != "form" or kind in _NAMED_KINDS:
        return True
    return bool(request_forms(sentence) & {"for_me", "seeking"})


def _offers(sentence: str) -> bool:
    """An offer ("would you like me to send...") gives, it does not ask; so does the
    reply lexicons' generic offer of help ("si jamais vous avez besoin de quoi que ce
    soit de ma part, faites-moi signe"), unless the sentence also makes a request ("could
    you", "send me" …: a meeting form aside) or names something asked for (a favour's
    words, "de ma part", "return the favour", are at home in an offer)."""
    lowered = normalize(sentence).lower()
    if pat.OFFER.search(lowered) and not pat.FOR_ME.search(lowered):
        return True
    if "throwaway" not in said(sentence, REPLY_LANGUAGES).categories:
        return False
    if request_forms(sentence) - _NOT_REQUESTS:
        return False
    return not any(f.startswith("k:") and f != "k:favour" for f in features(sentence))


# Form families that are no request of their own: meeting words, and the counter-evidence
# families of `ask_shapes.json` (an offer, a mass-mail call to action).
_NOT_REQUESTS = frozenset({"meet", "meet_me", "meet_lead", "offer", "mass"})


def _accepts(sentence: str) -> bool:
    """Taking up a proposed meeting ("Un café mardi : cela me convient très bien", the
    reply lexicons' `accept` words beside a meeting or time word) is a next step, unless
    the sentence also names something asked for (a job, a review, names ...)."""
    found = said(sentence, REPLY_LANGUAGES).categories
    if "accept" not in found or not ("meet" in found or "plan" in found):
        return False
    return not any(f.startswith("k:") and f != "k:favour" for f in features(sentence))


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
