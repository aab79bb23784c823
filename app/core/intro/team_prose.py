"""A team named in prose: one person introduced to several, each described by name (pure).

"Ezra, meet the growth folks: Noor runs lifecycle and Caleb handles paid. Theo owns the
web." When one person is introduced to several people on To/Cc and the text describes
each of them by name with a word of what they do (the `team_prose` block's `roles` in
`lexicon/<lang>.json`: "runs", "se encarga de", "kümmert sich um", "s'occupe de",
"cuida de", "si occupa di", "is verantwoordelijk voor" …), those people are a team.
The individuals stay introduced as they are (each with their address, for the reply);
the team is listed beside them (`Introduction.teams`): a `Person` with no address whose
`members` are their names, the language's word for a team as its name ("the team", "el
equipo") and the describing sentences as its blurb.

The person left over is the newcomer; when the newcomer is described too, it is the
one the message addresses ("Ezra, meet …"). Two described, one left over at least:
fewer is a classic introduction whose two sides each got a line.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from app.core.intro.lexicon import LANGUAGES
from app.core.intro.team import fold_same_length
from app.core.mail.names import matches
from app.core.model import Address, Person
from app.core.text import Sentence

_MIN_MEMBERS = 2
_NAME_WORDS = 3  # words of a name before its role ("Dr. Noor Haddad runs")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TITLES = frozenset({"dr.", "dr", "mr.", "mrs.", "ms.", "prof.", "mx."})
_BLURB = 400  # characters of the describing sentences kept as the team's blurb


@cache
def _block(language: str) -> tuple[tuple[re.Pattern[str], ...], str]:
    """The language's role patterns (longest first) and its word for a team."""
    path = resources.files("app.core.intro").joinpath(f"lexicon/{language}.json")
    block = json.loads(path.read_text("utf-8")).get("team_prose", {})
    roles = sorted((fold_same_length(r) for r in block.get("roles", [])), key=len, reverse=True)
    patterns = tuple(
        re.compile(r"(?<=\s)" + r"\s+".join(re.escape(w) for w in role.split()) + r"(?!\w)")
        for role in roles
    )
    return patterns, str(block.get("name", ""))


def _codes(language: str) -> tuple[str, ...]:
    if language in LANGUAGES and language != "en":
        return (language, "en")
    return ("en",) if language == "en" else LANGUAGES


def described_names(
    spans: tuple[Sentence, ...], language: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The names written just before a word of what someone does ("Noor runs"), in order,
    and the sentences that hold them."""
    patterns = [p for code in _codes(language) for p in _block(code)[0]]
    found: list[str] = []
    sentences: list[str] = []
    for span in spans:
        folded = fold_same_length(span.text)
        starts = sorted({m.start() for p in patterns for m in p.finditer(folded)})
        for start in starts:
            name = _name_before(span.text[:start])
            if name and name not in found:
                found.append(name)
                if span.text not in sentences:
                    sentences.append(span.text)
    return tuple(found), tuple(sentences)


def _name_before(text: str) -> str:
    """The capitalised words that end `text` ("… and Caleb " → "Caleb"), at most three."""
    words = _WORD.findall(text[-80:])
    if not words or not text.rstrip()[-1:].isalpha():
        return ""  # "(Noor) runs", "Noor, who runs": not a name right before its role
    name: list[str] = []
    for word in reversed(words[-_NAME_WORDS:]):
        if not (word[:1].isupper() or word.lower() in _TITLES):
            break
        name.insert(0, word)
    while name and name[0].lower() in _TITLES:
        name.pop(0)
    return " ".join(name)


def team_in_prose(
    introduced: tuple[Person, ...],
    spans: tuple[Sentence, ...],
    language: str,
    addressed: tuple[str, ...],
) -> tuple[Person, ...]:
    """The team (one, or none) when several introduced people are described by name and one
    is left to meet them."""
    if len(introduced) < _MIN_MEMBERS + 1 or any(p.members for p in introduced):
        return ()
    names, sentences = described_names(spans, language)
    if len(names) < _MIN_MEMBERS:
        return ()
    team = [p for p in introduced if p.email and any(_names(n, p) for n in names)]
    rest = [p for p in introduced if p not in team]
    if not rest:  # everyone got a line: the newcomer is the one the message addresses
        rest = [p for p in team if any(_names(n, p) for n in addressed)][:1]
        team = [p for p in team if p not in rest]
    if len(team) < _MIN_MEMBERS or len(rest) != 1:
        return ()
    _, word = _block(language if language in LANGUAGES else "en")
    said = " ".join(s.strip() for s in sentences)[:_BLURB]
    return (Person(word or "the team", "", said, tuple(p.name or p.email for p in team)),)


def _names(name: str, person: Person) -> bool:
    """Does a written name ("Noor", "Noor Haddad") name this person?"""
    return matches(name, Address(person.name, person.email))
