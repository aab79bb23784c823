"""The members of a team an introduction presents someone to (pure).

"Ezra - the growth team is Noor (lifecycle), Caleb (paid), Ines and Theo." A
one-to-many introduction often names the group's members in one sentence: a team
phrase of the language's lexicon ("team is", "está formado por", "besteht aus" …,
the `team` entries of `lexicon/<lang>.json`), then a list of names joined by commas
and the language's "and", each name perhaps with its role in brackets or an article
before it ("o Gustavo"). The list ends at the first word that is neither.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from app.core.intro.lexicon import LANGUAGES, LEXICONS, fold
from app.core.model import Person
from app.core.text import Sentence

_MAX_MEMBERS = 20
_MIN_MEMBERS = 2  # one name after "the team is" is a sentence about someone, not a list
# A bracketed role, a name-ish word (letters, apostrophes, hyphens, a title's period),
# or a list separator.
_PIECE = re.compile(r"\([^()]{0,80}\)|[^\W\d_][\w'’-]*\.?|[,;&/]|\S")
_TITLES = frozenset({"dr.", "mr.", "mrs.", "ms.", "prof.", "mx."})


def fold_same_length(text: str) -> str:
    """Lower case and accents removed, one character for one: offsets stay valid."""
    if text.isascii():
        return text.lower()
    out = []
    for char in text:
        lowered = char.lower()
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c)
        )
        out.append(plain if len(plain) == 1 else lowered if len(lowered) == 1 else char)
    return "".join(out).replace("’", "'")


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per team phrase, longest first ("team is" would hide "is composed of")."""
    entries = sorted(LEXICONS[language].team, key=len, reverse=True)
    return tuple(
        re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in e.split()) + r"(?!\w)")
        for e in entries
    )


@cache
def _list_words(language: str) -> frozenset[str]:
    """Words that join or precede names in a list: "and", articles ("o", "la", "the")."""
    return LEXICONS[language].team_joiners | LEXICONS["en"].team_joiners


def _languages(language: str) -> tuple[str, ...]:
    if language in LANGUAGES and language != "en":
        return (language, "en")
    return ("en",) if language == "en" else LANGUAGES


def members_listed(spans: tuple[Sentence, ...], language: str) -> tuple[str, tuple[str, ...]]:
    """(what comes before the names, the names) of the first sentence listing a team's
    members ("Ezra - the growth team is", ("Noor", "Caleb" …)), or ("", ())."""
    codes = _languages(language)
    phrases = [e for code in codes for e in LEXICONS[code].team]
    quick = [fold(span.text) for span in spans]
    whole = "\n".join(quick)  # a phrase in a sentence is in the whole (phrases hold no "\n")
    if not any(p in whole for p in phrases):
        return "", ()  # no team phrase anywhere (most mail): one test per phrase, not per sentence
    for span, folded_span in zip(spans, quick, strict=True):
        if not any(p in folded_span for p in phrases):
            continue  # no team phrase in the sentence (most): no offsets to keep
        folded = fold_same_length(span.text)
        for code in codes:
            for pattern in _patterns(code):
                for match in pattern.finditer(folded):
                    names = _names(span.text[match.end() :], _list_words(code))
                    if len(names) >= _MIN_MEMBERS:
                        return span.text[: match.end()], names[:_MAX_MEMBERS]
    return "", ()


def _names(rest: str, joiners: frozenset[str]) -> tuple[str, ...]:
    """The names listed at the start of `rest`, up to the first word that is not one."""
    names: list[str] = []
    current: list[str] = []
    for piece in _PIECE.findall(rest):
        word = piece.lower().rstrip(".")
        if piece.startswith("(") or piece in ",;&/" or word in joiners:
            if current:
                names.append(" ".join(current))
                current = []
            continue
        if piece[0].isupper() or piece.lower() in _TITLES:
            current.append(piece.rstrip(".") if piece.lower() not in _TITLES else piece)
            if piece.endswith(".") and piece.lower() not in _TITLES and len(piece) > 2:
                break  # the sentence ends with this name
            continue
        break  # a word that is no name and no list word: the list is over
    if current:
        names.append(" ".join(current))
    return tuple(dict.fromkeys(n for n in names if len(n) > 1))


def with_members(
    introduced: tuple[Person, ...], head: str, members: tuple[str, ...]
) -> tuple[Person, ...]:
    """The introduced people, the group among them carrying its named members.

    `head` is the listing sentence up to its team phrase ("Ezra - the growth team is").
    The group is the introduced person whose name shares a word with the phrase's own
    words ("Growth Team"), else the first one the sentence does not open by addressing
    ("Ezra -" is the newcomer). Members already introduced by their own address are not
    listed twice.
    """
    known = {p.name.lower() for p in introduced}
    fresh = tuple(m for m in members if m.lower() not in known)
    if len(fresh) < _MIN_MEMBERS:
        return introduced
    words = re.findall(r"\w+", fold_same_length(head))
    near, opener = set(words[max(1, len(words) - 4) :]), words[0] if words else ""
    lowered = {m.lower() for m in fresh}
    candidates = [i for i, p in enumerate(introduced) if p.name.lower() not in lowered]

    def name_words(person: Person) -> set[str]:
        return {w for w in re.findall(r"\w+", fold_same_length(person.name)) if len(w) > 1}

    chosen = next((i for i in candidates if name_words(introduced[i]) & near), None)
    if chosen is None:
        chosen = next((i for i in candidates if opener not in name_words(introduced[i])), None)
    if chosen is None:
        return introduced
    person = introduced[chosen]
    group = Person(person.name, person.email, person.blurb, fresh)
    return (*introduced[:chosen], group, *introduced[chosen + 1 :])
