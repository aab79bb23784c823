"""One message read for introduction cues (pure): what the fitted signals are built from.

Text and headers are read together: the introducer's phrasing (cues), whether the
people a cue names are really copied, who the greeting addresses, the subject,
and the phrases that unmake an introduction (vetoes, mass-mail footers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.intro.cues import (
    NAMES_ON_MESSAGE,
    Cue,
    cues_for,
    has_keyword,
    keywords_in,
    subject_hints,
)
from app.core.intro.people import at_organisation, resolve, vocatives
from app.core.intro.vetoes import NEGATIVE, Veto, is_bulk
from app.core.model import Address, Email
from app.core.text import Sentence, split_sentences

_HARD_VETO = frozenset(
    {
        "self-introduction",
        "product",
        "request",
        "offer",
        "referral",
        "speaker",
        "after-the-fact",
        "fyi",
    }
)
_MAX_SCAN = 8_000  # characters of own text scanned for cues (introductions come early)
_MAX_SENTENCES = 120
_NAMES_AN_ORG = frozenset({"introduce-who", "introduce-org"})
_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)


@dataclass(slots=True)
class Hit:
    """A cue found in a sentence, with the names it points at."""

    cue: Cue
    sentence: int
    names: list[str]
    start: int


@dataclass(slots=True)
class Reading:
    """Everything gathered about one message before deciding."""

    email: Email
    spans: tuple[Sentence, ...]
    hits: list[Hit] = field(default_factory=list)
    vetoes: list[str] = field(default_factory=list)
    subject_hits: list[str] = field(default_factory=list)
    subject_names: list[str] = field(default_factory=list)
    bulk: bool = False
    _addressed: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def addressed(self) -> tuple[str, ...]:
        """The names the message addresses (`vocatives`), found once for the signals and cast."""
        if self._addressed is None:
            self._addressed = vocatives(self.email.new_text)
        return self._addressed


def read(
    email: Email, spans: tuple[Sentence, ...] | None = None, fyi: frozenset[int] = frozenset()
) -> Reading:
    """Find the cues, vetoes and subject hints of one message.

    `spans` are the own text's sentences when the caller has split them already; `fyi`
    the indices of those that copy someone for information only (the lexicons' `fyi`
    category, which owns that concept): no cue is read in them, as with any hard veto.
    """
    text = email.new_text[:_MAX_SCAN]
    lowered = folded(text)
    # Keywords and vetoes absent from the whole text cannot be in any sentence of it.
    keys = keywords_in(lowered)
    if spans is None:
        spans = split_sentences(text)[:_MAX_SENTENCES] if keys else ()
    reading = Reading(email, spans if keys else ())
    vetoes = tuple(v for v in NEGATIVE if v.keys_in(lowered)) if keys else ()
    for i, span in enumerate(reading.spans):
        lower = folded(span.text)
        present = [k for k in keys if k in lower]
        if present:
            said = SentenceRead(i, span, lower, frozenset(present), i in fyi)
            _read_sentence(reading, said, vetoes)
    _drop_own_company(reading)
    for name, found in subject_hints(email.subject):
        reading.subject_hits.append(name)
        reading.subject_names.extend(n for n in found.groupdict().values() if n)
    reading.bulk = is_bulk(lowered, text) or is_bulk(folded(email.signature[:2_000]))
    return reading


def _drop_own_company(reading: Reading) -> None:
    """ "I'd like to introduce you to Acme" from an acme.com address is a sales pitch."""
    sender = reading.email.sender
    if sender is None or not sender.email:
        return
    pitch = [
        h
        for h in reading.hits
        if h.cue.name in _NAMES_AN_ORG
        and h.names
        and all(at_organisation(n, (sender,)) for n in h.names)
    ]
    if pitch:
        reading.hits = [h for h in reading.hits if h not in pitch]
        reading.vetoes.append("self-introduction")


def could_hold_cue(text: str) -> bool:
    """Cheap test: does a text (quoted "> " lines allowed) hold any cue keyword at all?"""
    return has_keyword(folded(_MARKERS.sub("", text)))


def folded(text: str) -> str:
    """Lower case, every run of white space one space: keywords survive line wrapping."""
    return " ".join(text.lower().split())


@dataclass(frozen=True, slots=True)
class SentenceRead:
    """One sentence being read: its index, span, folded text and cue keywords."""

    index: int
    span: Sentence
    lower: str
    keys: frozenset[str]
    fyi: bool = False  # a copy for information only (`read`'s `fyi`)


def _read_sentence(reading: Reading, sentence: SentenceRead, vetoes: tuple[Veto, ...]) -> None:
    text = sentence.span.text
    negatives = [veto.name for veto in vetoes if veto.found_in(text, sentence.lower)]
    if sentence.fyi:
        negatives.append("fyi")
    reading.vetoes.extend(negatives)
    if any(n in _HARD_VETO for n in negatives):
        return
    scheduling = "scheduling" in negatives
    for cue in cues_for(sentence.keys):
        if scheduling and cue.kind == "handoff":
            continue
        for match in cue.finditer(text):
            names = [n for n in match.groupdict().values() if n]
            if cue.name in NAMES_ON_MESSAGE and not _all_on_message(reading.email, names):
                continue
            reading.hits.append(Hit(cue, sentence.index, names, sentence.span.start))


def _all_on_message(email: Email, names: list[str]) -> bool:
    """Is every name someone on the message (To/Cc, not the sender)? Without headers,
    the names stand as written."""
    if not email.headers_present:
        return True
    others = recipients(email)
    return all(resolve(n, others) is not None for n in names)


def recipients(email: Email) -> tuple[Address, ...]:
    """To and Cc without the sender: the people an introduction can be about."""
    sender = email.sender.email if email.sender else ""
    return tuple(a for a in email.recipients if a.email != sender or not sender)
