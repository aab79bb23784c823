"""A time or place the other side already proposed, read from their own words (pure).

"Coffee near Union Square some morning next week?", "a 20-minute call next Tuesday or
Wednesday", "¿te va bien un café el jueves?", "Kaffee am Dienstag?": the suggested reply
then accepts it, quoting it back, instead of proposing a coffee of its own.

Only what the sender wrote in this message is read (`Email.new_text`: quoted history and
signature are split off by `app.core.mail`). A sentence is a proposal when the next-step
check calls it one (`is_next_step`, seven languages) and it names a time or a place next
to a kind of meeting, or asks about a time. Words, per language:

- the kind of meeting (coffee, call, video, meeting), the short words that lead into a
  phrase ("a", "un", "einen") and the prepositions of a place: `proposal_lexicon.json`;
- times: the reply lexicons' `plan` words (`app/core/checks/reply_lexicon`) and, in
  English, the next-step check's day and time words (`structure.WHEN`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from app.core.checks.reply_words import LANGUAGES, WORDS, reply_languages
from app.core.checks.structure import WHEN, has_thanks, is_next_step
from app.core.intro.lexicon import Matcher, fold, fold_mapped, matcher_for
from app.core.model import Email
from app.core.preferences import NextStep
from app.core.text.sentences import split_sentences

ProposalKind = Literal["coffee", "call", "video", "meeting"]
KINDS: tuple[ProposalKind, ...] = ("coffee", "call", "video", "meeting")
MAX_GAP_WORDS = 3  # a time or place this close to the kind of meeting belongs to it
MAX_PHRASE_WORDS = 16
_WORD = re.compile(r"[\w'’-]+")
# Words a quoted phrase cannot end on: conjunctions, prepositions and articles.
_LOOSE_ENDS = frozenset(
    re.findall(
        r"\S+",
        "or and at on in by for to with of from near o y e u ou et oder und um am im an zu mit"
        " en op om bij met voor de del di da do du des a al alle para por pour avec per con"
        " the un una uno une le la les el los las der die das den dem ein eine einen einem"
        " het een il lo gli i um uma os as",
    )
)
# A place is named: capitalised words, joined by short linking words ("Café de Flore").
# One space (or a line break) after the preposition and between the words: "at" followed by
# a gap of blanks where something was left out is not followed by a place.
_PLACE = re.compile(
    r"(?:[ \t]|\r?\n)((?:[^\W\d_a-z][\w'’&.-]*)"
    r"(?:[ \t](?:(?:de|del|di|da|do|du|des|la|le|van|der|den|of|the|y|e|et|and|&)[ \t])?"
    r"[^\W\d_a-z][\w'’&.-]*){0,3})"
)

_NEAR = re.compile(r"(?:[ \t]|\r?\n)((?:[\w'’-]+[ \t]){0,2}[\w'’-]+)")
# Where a clause ends: a phrase never runs across one ("24 July - would a meeting").
_CLAUSE = re.compile(r"[,;:!?¿¡()\[\]{}—–…\"“”«»]|(?:^|\s)-(?:\s|$)")
MAX_CHUNK_GAP = 2  # times and places this close together are one ("Thursday at 3pm")


@dataclass(frozen=True, slots=True)
class Proposal:
    """What the other side proposed: `phrase` is their own words, to quote back.

    `when` and `where` are their words for the time and the place ("" when not said).
    """

    kind: ProposalKind
    phrase: str
    when: str = ""
    where: str = ""
    language: str = "en"

    @property
    def mode(self) -> NextStep:
        """The next step this is (`meeting` in person counts as a coffee)."""
        return "coffee" if self.kind == "meeting" else self.kind


def find_proposal(message: Email | None) -> Proposal | None:
    """The first time or place proposed in `message`'s own words, if any."""
    if message is None:
        return None
    return read_proposal(message.new_text or message.text)


def read_proposal(text: str) -> Proposal | None:
    """The first time or place proposed in `text` (someone's own words), if any."""
    languages = reply_languages(text[:4_000])
    if languages is None or not text.strip():
        return None
    readers = ("en", *LANGUAGES) if languages == LANGUAGES else (languages or ("en",))
    others = tuple(lang for lang in readers if lang != "en")
    for sentence in split_sentences(text[:4_000]):
        if not is_next_step(sentence.text, others):
            continue
        # When the language is unsure (a two-line reply), the reading that finds the most wins,
        # and of two as complete, the one that takes in more of their words.
        found = [p for p in (_proposal_in(sentence.text, lang, others) for lang in readers) if p]
        if found:
            return max(found, key=lambda p: (_completeness(p), len(p.phrase)))
    return None


def _completeness(proposal: Proposal) -> int:
    return (
        2 * (proposal.kind != "meeting" or " " in proposal.phrase)
        + bool(proposal.when)
        + bool(proposal.where)
    )


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # offsets into the folded sentence
    end: int
    what: str


def _proposal_in(sentence: str, language: str, others: tuple[str, ...]) -> Proposal | None:
    folded, where_from = fold_mapped(sentence)
    lexicon = _lexicon(language)
    found = lexicon.scan(folded)
    kinds = _longest(_Span(o, o + len(w), c) for o, c, w in found if c in KINDS)
    times = _longest(_times(folded, language, found))
    places = [
        place
        for offset, category, words in found
        if category in ("place", "near")
        for place in _place(sentence, folded, where_from, offset, words, category == "near")
    ]
    places = [p for p in places if not any(_overlaps(p, t) for t in times)]
    if not _inviting(sentence, where_from, times, others):
        return None  # "We had a great meeting on Tuesday": a time, but nothing on offer
    if kinds:
        anchor = kinds[0]
        kind: ProposalKind = anchor.what  # type: ignore[assignment]
    elif times and "?" in sentence:
        anchor, kind = times[0], "meeting"
    else:
        return None
    leads = frozenset(lexicon_words(language, "lead"))
    head = _lead_in(folded, anchor.start, leads)  # "a 20-minute call", "ein kurzes Telefonat"
    start, end = head, anchor.end
    when: list[_Span] = []
    where: list[_Span] = []
    grew = True
    while grew:  # take in the times and places that sit next to what is already taken
        grew = False
        for span, taken in [*((t, when) for t in times), *((p, where) for p in places)]:
            if span in taken or not _near(folded, start, end, span):
                continue
            taken.append(span)
            start, end, grew = min(start, span.start), max(end, span.end), True
    if not when and not where:
        return None
    # A time said before the meeting with words between ("¿Tienes tiempo el jueves para un
    # café?", "nächste Woche Zeit für ein Telefonat"): quoted after it, on its own. Times
    # and places next to each other go together ("jeudi à 14h pour un appel").
    detached = [
        s
        for chunk in _chunks(folded, when + where)
        if chunk[-1].end <= head and len(_WORD.findall(folded[chunk[-1].end : head])) > 1
        for s in chunk
    ]
    kept = [s for s in when + where if s not in detached]
    start = _lead_in(folded, min([head, *(s.start for s in kept)]), leads)
    end = max([anchor.end, *(s.end for s in kept)])
    phrase = _original(sentence, where_from, start, end)
    for span in detached:
        phrase += " " + _original(
            sentence, where_from, _lead_in(folded, span.start, leads), span.end
        )
    when_text = " ".join(  # each run of times apart: no meeting word in between
        _original(sentence, where_from, _lead_in(folded, chunk[0].start, leads), chunk[-1].end)
        for chunk in _chunks(folded, when, MAX_GAP_WORDS)
    )
    where_text = where[0].what if where else ""
    if start == 0 and language != "de":  # a capital only because the sentence starts there
        phrase = phrase[:1].lower() + phrase[1:]
    if len(_WORD.findall(phrase)) > MAX_PHRASE_WORDS or not _well_formed(phrase):
        return None
    return Proposal(kind, phrase, when_text, where_text, language)


def _chunks(folded: str, spans: list[_Span], most: int = MAX_CHUNK_GAP) -> list[list[_Span]]:
    """`spans` in order, those at most `most` words apart in one chunk ("Thursday at 3pm")."""
    chunks: list[list[_Span]] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = chunks[-1][-1] if chunks else None
        if last is not None and _near(folded, last.start, last.end, span, most):
            chunks[-1].append(span)
        else:
            chunks.append([span])
    return chunks


def _well_formed(phrase: str) -> bool:
    """A phrase to quote back is one span of a clause: no clause ends inside it (a time or a
    date's own "10:30", "14/12" aside), and it neither starts nor ends with a loose
    word ("at", "or") or a mark."""
    inner = _CLOCK.sub("0", fold(phrase))
    if _CLAUSE.search(inner) or "\n" in phrase:
        return False
    words = _WORD.findall(inner)
    if not words or not (phrase[:1].isalnum() and phrase[-1:].isalnum()):
        return False
    return words[-1] not in _LOOSE_ENDS


def _inviting(
    sentence: str, where_from: list[int], times: list[_Span], others: tuple[str, ...]
) -> bool:
    """Is something on offer once the times are left out ("let's", "shall we", a question)?"""
    if "?" in sentence or "¿" in sentence:
        return True
    chars = list(sentence)
    for span in times:
        first = where_from[span.start]
        last = where_from[min(span.end, len(where_from)) - 1] + 1
        chars[first:last] = " " * (last - first)
    return is_next_step("".join(chars), others)


def _times(folded: str, language: str, found: list[tuple[int, str, str]]) -> Iterable[_Span]:
    yield from (_Span(o, o + len(w), "when") for o, c, w in found if c == "when")
    yield from (_Span(m.start(), m.end(), "when") for m in _CLOCK.finditer(folded))
    if language == "en":
        yield from (_Span(m.start(), m.end(), "when") for m in WHEN.finditer(folded))
        return
    words = WORDS[language]
    people = words.second_person | words.first_person
    asking = frozenset(lexicon_words(language, "asking"))
    time_words = frozenset(lexicon_words(language, "time"))
    for offset, _, plan in words.category("plan").scan(folded):
        # "te va bien", "hast du Lust", "que tal": an invitation, not a time; "plannen",
        # "vamos marcar", "bora": a next step, not a time (no word of a time in them)
        tokens = plan.split()
        if (
            people.isdisjoint(tokens)
            and not _asks(tokens[0], asking)
            and any(_asks(t, time_words) for t in tokens)
        ):
            yield _Span(offset, offset + len(plan), "when")


def _asks(word: str, asking: frozenset[str]) -> bool:
    """Is `word` one of `asking` (entries ending in "*" match as a prefix)?"""
    return word in asking or any(
        entry.endswith("*") and word.startswith(entry[:-1]) for entry in asking
    )


# A time of day or a date: "3pm", "10:30", "9h30", "15 Uhr", "the 14th", "14/12".
_CLOCK = re.compile(
    r"\b\d{1,2}(?:[:.h]\d{2})?\s?(?:am|pm|uhr|h)\b|\b\d{1,2}[:.h]\d{2}\b"
    r"|\b(?:the )?\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}[/.]\d{1,2}\b"
)


def _place(
    sentence: str, folded: str, where_from: list[int], offset: int, words: str, near: bool
) -> list[_Span]:
    """The place after a preposition: a name ("at Blue Bottle"), or after "near" any few
    words ("près de la gare")."""
    end = offset + len(words)
    if end >= len(folded) or folded[end] != " ":
        return []
    at = where_from[end] if end < len(where_from) else len(sentence)
    match = (_NEAR if near else _PLACE).match(sentence, at)
    if match is None:
        return []
    name = match.group(1).rstrip(".,;:")
    if has_thanks(name):  # "call me anytime at Thank You": a sign-off, not a place
        return []
    name_end = match.start(1) + len(name)
    # back to folded offsets: the first folded character at or after the name's end
    stop = next((i for i, o in enumerate(where_from) if o >= name_end), len(folded))
    return [_Span(offset, stop, name)]


def _near(folded: str, start: int, end: int, span: _Span, most: int = MAX_GAP_WORDS) -> bool:
    """Is `span` at most `most` words from `[start, end)`, with no clause end between?"""
    if span.start < start:
        gap = folded[span.end : start]
    elif span.end > end:
        gap = folded[end : span.start]
    else:
        return True
    return not _CLAUSE.search(gap) and len(_WORD.findall(gap)) <= most


def _lead_in(folded: str, start: int, leads: frozenset[str]) -> int:
    """Move `start` back over lead words and sizes ("a 20-minute call", "un café")."""
    for _ in range(3):
        before = folded[:start].rstrip()
        word = re.search(r"[\w'-]+$", before)
        if word is None or not (word.group() in leads or any(c.isdigit() for c in word.group())):
            break
        start = word.start()
    return start


def _longest(spans: Iterable[_Span]) -> list[_Span]:
    """Spans in order, a span inside a longer one dropped."""
    ordered = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[_Span] = []
    for span in ordered:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _overlaps(a: _Span, b: _Span) -> bool:
    return a.start < b.end and b.start < a.end


def _original(text: str, where_from: list[int], start: int, end: int) -> str:
    """The words of `text` that folded to `[start, end)`."""
    if start >= end or not where_from:
        return ""
    first = where_from[start]
    last = where_from[min(end, len(where_from)) - 1] + 1
    return " ".join(text[first:last].split())


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    path = resources.files("app.core.reply").joinpath("proposal_lexicon.json")
    found: dict[str, dict[str, list[str]]] = json.loads(path.read_text("utf-8"))
    return {k: v for k, v in found.items() if not k.startswith("_")}


def lexicon_words(language: str, category: str) -> list[str]:
    """One category's entries of the proposal lexicon, folded."""
    return [fold(w) for w in _data().get(language, {}).get(category, [])]


@cache
def _lexicon(language: str) -> Matcher:
    entries = _data().get(language, {})
    return matcher_for({c: entries.get(c, []) for c in (*KINDS, "place", "near", "when")})


__all__ = ["KINDS", "Proposal", "ProposalKind", "find_proposal", "read_proposal"]
