"""Who is addressed, who is named, and what was said about them (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.intro.cues import GREET, NAME
from app.core.intro.lexicon import LazyPattern
from app.core.mail.names import first_name, goes_by, matches, name_tokens
from app.core.model import Address
from app.core.text import Sentence

_GREET_WORD = (
    rf"(?i:{GREET}|good (?:morning|afternoon|evening)|greetings|thanks(?: so much)?|"
    r"thank you|thx|bonjour|buenos días|guten (?:morgen|tag))"
)
_NAME_SEP = rf"\s*(?:,|/|&|\+|\b(?:and|und|y|et|e)\b)\s*(?:{_GREET_WORD}\s+)?"
_GREETING = re.compile(
    rf"^\s*(?:{_GREET_WORD}[\s,]+)?"
    rf"(?P<names>{NAME}(?:{_NAME_SEP}{NAME}){{0,4}})\s*(?:[,:!.;–—]|-{{1,2}}|$)"
)
_SPLIT_NAMES = re.compile(_NAME_SEP)
_VOCATIVE = re.compile(rf"^\s*(?:(?i:{GREET})\s+)?(?P<who>{NAME})\s*(?:[,:]|[–—-]+)\s*")
_PRONOUN_START = re.compile(r"^(?:he|she|they|his|her|their|him)\b", re.IGNORECASE)
_SIGN_NAME = LazyPattern(  # the name patterns compile on first use (cold start)
    rf"^[-–—\s]*(?P<who>{NAME}|[A-Z]{{2,4}})\s*\.?$"
)
_NAME = re.compile(NAME)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_SPACES = re.compile(r"\s+")
_NOT_NAMES = re.compile(r"[\s,.:;!?&/+()–—-]+|\b(?:and|und|y|et)\b")
_POSSESSIVE = re.compile(r"['’]s$")
_TRAILING_NAME = LazyPattern(rf"[.!?]\s+(?P<who>{NAME})\s*$")
_MAX_BLURB = 400
_CLOSING = re.compile(
    r"^(?:thanks|thank you|best|regards|cheers|sincerely|warmly|all the best|kind regards|"
    r"best regards|very sincerely|yours|many thanks)[,.!]*$|^thanks (?:in advance|again)[,.!]*$",
    re.IGNORECASE,
)


def greeted(text: str) -> tuple[str, ...]:
    """Names in the opening line ("Hi Sue and Dana," -> ("Sue", "Dana"))."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    match = _GREETING.match(first[:160])
    if not match:
        return ()
    return tuple(n for n in _SPLIT_NAMES.split(match.group("names")) if n)


_VOCATIVE_LINE = re.compile(
    rf"^\s*(?:(?i:{GREET})\s+)?(?P<who>{NAME})\s*[,:]\s*(?:$|(?i:please\s+)?(?i:meet)\b)"
)


def vocatives(text: str) -> tuple[str, ...]:
    """Everyone addressed by name: the greeting, and lines like "Larry," or "Ed: ..."."""
    found = list(greeted(text))
    for line in text.split("\n", 60)[1:60]:
        if "," not in line and ":" not in line:
            continue  # the pattern needs a "," or ":" after the name
        match = _VOCATIVE_LINE.match(line)
        if match and match.group("who") not in found:
            found.append(match.group("who"))
    return tuple(found)


def full_names(text: str) -> tuple[str, ...]:
    """Capitalised names of two words or more mentioned in a text, in order."""
    seen: list[str] = []
    for match in _NAME.finditer(text):
        name = match.group(0).rstrip(".")
        if len(name.split()) >= 2 and name not in seen:
            seen.append(name)
    return tuple(seen)


def resolve(name: str, people: Sequence[Address]) -> Address | None:
    """The recipient a written name refers to, when exactly one matches (by name words
    first; by nickname or a prefix of the first name only when no name word matches)."""
    found = [p for p in people if matches(name, p, nicknames=False)]
    if not found:
        found = [p for p in people if matches(name, p)]
    if len(found) == 1:
        return found[0]
    exact = [p for p in found if name_tokens(name) >= name_tokens(p.name) and p.name]
    return exact[0] if len(exact) == 1 else None


def at_organisation(token: str, people: Sequence[Address]) -> list[Address]:
    """Recipients whose mail domain is the organisation named ("myCFO" -> @mycfo.com)."""
    wanted = _NOT_ALNUM.sub("", _POSSESSIVE.sub("", token.lower()))
    if len(wanted) < 3:
        return []
    return [p for p in people if p.email and any(_same_org(wanted, d) for d in _labels(p.email))]


def _labels(email: str) -> list[str]:
    return email.rsplit("@", 1)[-1].split(".")[:-1]


def _same_org(wanted: str, label: str) -> bool:
    if wanted == label:
        return True
    short, long_ = sorted((wanted, label), key=len)
    return len(short) >= 4 and long_.startswith(short)


def sign_off_name(own: str, signature: str) -> str:
    """The writer's name from the last name-like line of a body-only message."""
    lines = [line.strip() for line in (own + "\n" + signature).split("\n") if line.strip()]
    for i, line in enumerate(lines[:-1]):
        if _CLOSING.match(line):
            match = _SIGN_NAME.match(lines[i + 1])
            if match and len(lines[i + 1]) <= 40:
                return match.group("who").strip()
    for line in reversed(lines[-8:]):
        match = _SIGN_NAME.match(line)
        if match and len(line) <= 40:
            return match.group("who").strip()
    # "... tomorrow at the event. Hooray! Sid": a name after the last sentence.
    last = own.rstrip().rsplit("\n", 1)[-1]
    match = _TRAILING_NAME.search(last[-60:])
    return match.group("who").strip() if match else ""


def blurb_for(name: str, spans: Sequence[Sentence], cue_sentences: frozenset[int]) -> str:
    """What the writer said about a person: sentences naming them, then pronoun follow-ups."""
    return Blurbs(spans, cue_sentences).about(name)


@dataclass(frozen=True, slots=True)
class _Said:
    """One sentence as a blurb reads it (None stands for a greeting, which says nothing)."""

    body: str  # the sentence without its addressee ("Brent: Ed is..." -> "Ed is...")
    named: frozenset[str]  # name tokens of every name the body mentions
    short: bool  # six words or fewer: "Bob, meet Annie."


class Blurbs:
    """Blurbs for several people of one message.

    What a sentence says (greeting or not, its body, the names in it) does not depend on
    whose blurb is being written, so each sentence is read once, when first needed, and
    shared by every person; only the choice of sentences is per person.
    """

    __slots__ = ("_cues", "_said", "_spans")

    def __init__(self, spans: Sequence[Sentence], cue_sentences: frozenset[int]) -> None:
        self._spans = spans
        self._cues = cue_sentences
        self._said: list[_Said | None] = []

    def about(self, name: str) -> str:
        """What the writer said about `name`: sentences naming them, then pronoun follow-ups."""
        tokens = name_tokens(name)
        if not tokens:
            return ""
        written = _written_name(name)
        picked: list[str] = []
        size = 0  # total length of `picked`
        anchored = False
        for i in range(len(self._spans)):
            said = self._sentence(i)
            if said is None:
                continue  # "Hi Jeff:" or "Sue and Dana," says nothing about anyone
            called = {w for w in said.named if w not in tokens and goes_by(w, name)}  # "Gabi"
            mentions = not tokens.isdisjoint(said.named) or bool(called)
            mentions = mentions or (written is not None and written.search(said.body) is not None)
            if mentions and said.short and i in self._cues:
                anchored = True  # "Bob, meet Annie." anchors what follows about Annie
                continue
            if mentions or (anchored and _PRONOUN_START.match(said.body)):
                own = _own_clauses(said.body, tokens | called) if mentions else said.body
                picked.append(own)
                size += len(picked[-1])
                anchored = True
            else:
                anchored = False
            if size > _MAX_BLURB:
                break
        return _trim(" ".join(picked))

    def _sentence(self, index: int) -> _Said | None:
        # Sentences are asked for in order, each person from the first one on.
        while len(self._said) <= index:
            at = len(self._said)
            self._said.append(_read_said(self._spans[at].text, first=at == 0))
        return self._said[index]


# A letter of a script that spaces its words, other than the Latin one (Greek, Cyrillic,
# Armenian, Hebrew, Arabic, Devanagari, Georgian): the name pattern (`NAME`, capitals of
# the Latin alphabets) never finds "Иван Петров", "דנה כהן" or "عبد الله" in a sentence.
# Chinese and Japanese names stand inside runs of letters: no whole word to look for.
_NON_LATIN = re.compile(
    r"[\u0370-\u03ff\u0400-\u052f\u0530-\u06ff\u0750-\u077f\u0900-\u097f\u10a0-\u10ff]"
)


def _written_name(name: str) -> re.Pattern[str] | None:
    """For a name in another script, its given name or its surname as whole words, as
    the name is written on the message (no inflected forms); None for a Latin name."""
    if not _NON_LATIN.search(name):
        return None
    words = name[:200].split()  # a display name is read by its start (`first_name`)
    forms = {w for w in (first_name(name), words[-1] if len(words) > 1 else "") if len(w) > 1}
    if not forms:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _read_said(text: str, *, first: bool = False) -> _Said | None:
    if _is_greeting(text) or _is_salutation(text, first=first):
        return None
    body = _without_vocative(text)
    named = name_tokens(" ".join(_NAME.findall(body)))
    return _Said(body, named, len(body.split()) <= 6)


def _own_clauses(sentence: str, tokens: frozenset[str]) -> str:
    """ "Joe builds radios; Sue pilots sensors." keeps the clauses about the person."""
    clauses = [c.strip() for c in sentence.split("; ")]
    if len(clauses) < 2:
        return sentence
    mine = [c for c in clauses if _about(c, tokens)]
    return "; ".join(mine) if mine else sentence


def _about(clause: str, tokens: frozenset[str]) -> bool:
    """The clause names this person, or names nobody (then "his", "her" are about them)."""
    named = name_tokens(" ".join(_NAME.findall(clause)))
    return bool(tokens & named) or not named


def _is_greeting(text: str) -> bool:
    """A greeting ("Hi Jeff:") or a bare exchange of names ("Sue — Joe.") says nothing."""
    for word in text.split():  # a plain loop, not any(): this runs on every sentence
        if _outside_names(word):
            return False
    match = _GREETING.match(text[:160])
    if match is not None and not text[match.end() :].strip():
        return True
    return len(text) < 80 and not _NOT_NAMES.sub("", _NAME.sub("", text))


_SALUTATION_WORDS = 5


def _is_salutation(text: str, *, first: bool) -> bool:
    """A short line ending with "," or ":" (or "!" as the message's first line) is a
    salutation in any language, greeting words we know or not ("Hej Ana och Luis,",
    "Привет, Иван и Мария!"): a sentence of ours never ends with a comma or a colon
    unless it stands on a line of its own."""
    end = text.rstrip()[-1:]
    if end not in (",", ":") and not (first and end == "!"):
        return False
    return len(text.split()) <= _SALUTATION_WORDS


# The lower-case words a greeting or a bare exchange of names can hold: greeting words,
# "and" in several languages and name particles ("van").
# fmt: off
_GREETING_WORDS = frozenset((
    "hi", "hey", "hello", "dear", "hallo", "hola", "bonjour", "salut", "ciao", "liebe",
    "lieber", "querida", "querido", "good", "morning", "afternoon", "evening", "greetings",
    "thanks", "so", "much", "thank", "you", "thx", "buenos", "guten", "morgen", "tag",
    "and", "und", "y", "et", "e",
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin", "al",
))
# fmt: on


def _outside_names(word: str) -> bool:
    """A plain lower-case word ("meet", "runs") that no name, greeting or "and" takes in.

    Names start with a capital, so such a word (between spaces) is left over by both tests
    of `_is_greeting`, which can then answer no without running them.
    """
    return word.isascii() and word.isalpha() and word.islower() and word not in _GREETING_WORDS


def _without_vocative(text: str) -> str:
    """ "Brent: Ed is part of..." is about Ed; drop the addressee so it is not Brent's blurb."""
    match = _VOCATIVE.match(text)
    if not match:
        return text
    rest = text[match.end() :]
    return rest if len(rest.split()) > 3 else text


def _trim(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= _MAX_BLURB:
        return text
    cut = text[:_MAX_BLURB].rsplit(" ", 1)[0]
    return cut + "…"


_LETTERS = re.compile(r"[^a-z]")


def name_elsewhere(written: str, person: Address, texts: Sequence[str]) -> str:
    """The full name the message gives a person known only by a bare address and at
    most one written word ("jcarson@…" greeted "Jay", with "From: Jay Carson" in the
    quoted history): a name of two words or more in `texts` whose words make up the
    address's local part ("jcarson", "jay.carson", "carsonj", "vkamins" of "Kaminski"),
    and that starts with the written word when there is one. "" when none fits."""
    local = _LETTERS.sub("", person.email.split("@", 1)[0].lower())
    if len(local) < 4 or (written and len(written.split()) > 1):
        return ""
    for text in texts:
        for name in full_names(text[:20_000]):
            words = [w.lower() for w in name.replace(".", " ").split() if w.isalpha()]
            if len(words) < 2 or not _spells(local, words[0], words[-1]):
                continue
            if written and written.lower() != words[0] and not goes_by(written, name):
                continue
            return name
    return ""


def _spells(local: str, first: str, last: str) -> bool:
    """Is an address's local part (letters only) made of this first and last name?"""
    whole = (first + last, last + first, first[0] + last, last + first[0], first + last[0])
    if local in whole:
        return True
    # A truncated last name after an initial: "vkamins" for V. Kaminski.
    return len(local) >= 5 and local[0] == first[0] and last.startswith(local[1:])


def display_name(written: str, person: Address | None) -> str:
    """The fullest name we know: the header's, else what the message wrote."""
    local = person.email.split("@", 1)[0] if person else ""
    handle = person is not None and person.name == local and person.name.islower()
    if person and person.name and "@" not in person.name and not handle:
        return person.name
    written = written.rstrip(".") if len(written.rstrip(".")) > 2 else written
    return written or (first_name(person.name) if person else "")
