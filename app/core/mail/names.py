"""People's names: first names for greetings, and matching a name to an address (pure).

nameparser splits "Park, Sue", "Dr. Sue Park Jr." and similar into parts, which is
more reliable than splitting on spaces; the nickname table lets "Tom" in a message
match "Thomas Nides" on the Cc line.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from nameparser import HumanName
from nameparser.config import CONSTANTS

from app.core.model import Address

# Common English nicknames and the given names they stand for ("tom:thomas").
_NICKNAME_PAIRS = (
    "tom:thomas tommy:thomas dan:daniel danny:daniel bill:william will:william "
    "billy:william jim:james jimmy:james bob:robert rob:robert bobby:robert mike:michael "
    "mick:michael dave:david steve:stephen chris:christopher kris:kristopher "
    "liz:elizabeth beth:elizabeth betsy:elizabeth kate:katherine katie:katherine "
    "cathy:catherine jen:jennifer jenny:jennifer joe:joseph matt:matthew nick:nicholas "
    "tony:anthony andy:andrew drew:andrew alex:alexander sam:samuel ben:benjamin "
    "jake:jacob ed:edward eddie:edward ted:edward rick:richard dick:richard rich:richard "
    "greg:gregory jeff:jeffrey ken:kenneth kenny:kenneth sue:susan suzy:susan "
    "pat:patricia patty:patricia peggy:margaret maggie:margaret meg:margaret sid:sidney "
    "doug:douglas phil:philip vin:vincent abi:abigail val:valerie chuck:charles "
    "charlie:charles larry:lawrence jon:jonathan tim:timothy fred:frederick gerry:gerald "
    "jerry:gerald stan:stanley ron:ronald don:donald"
)
_NICKNAMES = dict(pair.split(":", 1) for pair in _NICKNAME_PAIRS.split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_PLACEHOLDER = re.compile(r"^[<\[{(].*[>\]})]$")
_LOCAL_SPLIT = re.compile(r"[._\-+0-9]+")
_POSSESSIVE = re.compile(r"['’]s$")
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "þ": "th"})
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mx"}
# An ordinal indicator set apart from its title ("Eng. ª", "Dr .ª"): glued back ("Eng.ª").
_LOOSE_ORDINAL = re.compile(r"(?<=\w)\s*(\.?)\s+([ªº])(?=[\s.]|$)")
# Titles before a name in Portuguese and Spanish, with an ordinal indicator or a feminine
# ending ("Dr.ª", "Eng.ª", "Sr.ª", "Sra.", "Dña.", "Profª"), and the English ones:
# dropped when a given name and a surname follow ("Eng.ª Marta Sousa" -> "Marta Sousa").
_LEADING_TITLE = re.compile(
    r"^(?:(?:dr|dra|eng|enga|engo|sr|sra|srta|sto|sta|dn|dna|dña|prof|profa|arq|arqa|lic|licda"
    r"|ldo|lda|mr|mrs|ms|mx|d)(?:\.?[ªº]|\.)\.?\s+|(?:dr|dra|prof|profa|eng|sr|sra|srta)\s+)+"
    r"(?=[^\W\d_][\w'’-]*,?\s+[^\W\d_])",
    re.IGNORECASE,
)


def glued_title(name: str) -> str:
    """`name` with an ordinal indicator glued to its title: "Eng. ª Marta" -> "Eng.ª Marta"."""
    return _LOOSE_ORDINAL.sub(r"\1\2", name.strip())


def without_title(name: str) -> str:
    """`name` with leading titles dropped when a given name and a surname follow:
    "Eng. ª Marta Sousa" -> "Marta Sousa", "Dr. Park" unchanged."""
    return _LEADING_TITLE.sub("", glued_title(name))


def _joins(word: str) -> bool:
    """A conjunction nameparser joins names around ("and", "the", "y", "&"); a capital
    initial that spells one ("E", "I" in "Wayne, E Anthony") is an initial."""
    return word.lower() in CONSTANTS.conjunctions and not (len(word) == 1 and word.isupper())


@lru_cache(maxsize=4096)
def first_name(name: str) -> str:
    """The name to greet someone by: "Sue Park" -> "Sue", "Park, Sue" -> "Sue"."""
    name = name.strip()
    if not name or "@" in name or _PLACEHOLDER.match(name):
        return ""
    name = without_title(name)
    parsed = _parse(name)
    first = parsed.first or parsed.last
    if parsed.title and not parsed.first:
        return f"{parsed.title} {parsed.last}".strip()
    words = first.split()
    if len(words) > 1 and any(_joins(w) for w in words):
        # nameparser joins words around a conjunction ("The 0", "Ana y Luis"): no one
        # given name; greet by the first word that is not the conjunction.
        first = next((w for w in words if not _joins(w)), "")
    elif _joins(first):
        first = ""  # "the Smith": a conjunction alone is nobody's name
    first = _compound(name, first).strip(".,;:")
    return first if first and first[0].isalpha() else ""


# Words that open an Arabic compound given name and are no name alone: "Abd" (servant
# of) in "عبد الله" / "Abd Allah", "Abu" (father of) in "أبو بكر", "Umm" (mother of),
# "ibn" / "bin" (son of) when a name starts with it. Greeting "عبد" is greeting half a name.
_COMPOUND_LEADS = frozenset(
    {"عبد", "أبو", "ابو", "أبي", "ابن", "بن", "أم", "abd", "abu", "abou", "umm"}
)


def _compound(name: str, first: str) -> str:
    """`first`, grown into the compound given name it opens ("عبد" -> "عبد الله")."""
    words = name[:200].split(maxsplit=8)  # a compound is a few words at the start
    if len(words) < 2 or words[0].lower() not in _COMPOUND_LEADS or not first.startswith(words[0]):
        return first
    taken = 1
    while taken < len(words) and words[taken - 1].lower() in _COMPOUND_LEADS:
        taken += 1
    compound = " ".join(words[:taken])
    return compound if len(compound) > len(first) else first


_MIN_SURNAME = 3  # "Li", "Ng" are too short to look for in running text


@lru_cache(maxsize=4096)
def surnames(name: str) -> tuple[str, ...]:
    """The family-name words of a full name, as written with a capital: a reader
    addressed formally is named by them ("Herr Dr. Seidel", "mevrouw Van Dijk" for
    "Marloes van Dijk", "Sr. García" for "José García Márquez"). Empty for a lone name."""
    name = without_title(name.strip())
    if not name or "@" in name or _PLACEHOLDER.match(name):
        return ()
    parsed = _parse(name)
    if not parsed.first or not parsed.last:
        return ()
    words = _WORD.findall(f"{parsed.middle} {parsed.last}")
    return tuple(
        w for w in words if len(w) >= _MIN_SURNAME and w[0].isupper() and w.lower() not in _TITLES
    )


def greeting_name(person: Address) -> str:
    """First name, else a name guessed from the address, else empty (never "None")."""
    guessed = first_name(_name_from_local(person.email))
    return first_name(person.name) or guessed.capitalize()


# Characters of a name given to the parser: a real name is far shorter, and nameparser's
# time grows faster than the input (0.7 s for a 32 kB "name" in a header).
_MAX_NAME = 200


@lru_cache(maxsize=4096)
def _parse(name: str) -> HumanName:
    return HumanName(name[:_MAX_NAME])


@lru_cache(maxsize=8192)
def name_tokens(name: str) -> frozenset[str]:
    """Lower-cased name words (titles dropped), with nicknames and accent-free spellings.

    "Joe's" counts as "joe"; "Zoë Müller" also yields "zoe", "muller" and "mueller",
    so a name written with accents matches an address or header written without.
    """
    words = {_POSSESSIVE.sub("", w.lower()).strip(".'’-") for w in _WORD.findall(name)}
    words = {w for w in words if len(w) > 1 and w not in _TITLES}
    words |= {v for w in words if not w.isascii() for v in _ascii_spellings(w)}
    return frozenset(words | {_NICKNAMES[w] for w in words if w in _NICKNAMES})


def _ascii_spellings(word: str) -> tuple[str, ...]:
    """ "müller" -> ("muller", "mueller"); "straßer" -> ("strasser",)."""
    german = word.translate(_GERMAN)
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", word.translate(_SPECIAL)) if c.isascii()
    )
    return tuple(v for v in {german, plain} if v and v.isascii() and len(v) > 1)


def matches(name: str, person: Address, *, nicknames: bool = True) -> bool:
    """Does a name written in a message refer to this recipient?

    With `nicknames`, a lone first name also matches the display name's first name it
    is a nickname of ("Bill" for William, "Pepe" for José) or a prefix of ("Gabi" for
    Gabriela); `nicknames=False` is the stricter reading (the evaluation's ruler).
    """
    wanted = name_tokens(name)
    if not wanted:
        return False
    known, local = _known_as(person.name, person.email)
    if not wanted.isdisjoint(known):
        return True
    if bool(local) and any(len(w) >= 4 and w in local for w in wanted):
        return True
    return nicknames and bool(person.name) and goes_by(name, person.name)


_MIN_PREFIX = 3  # "Gabi" for Gabriela, "Alex" for Alexander; never "Al" for Alice


@lru_cache(maxsize=8192)
def goes_by(written: str, display: str) -> bool:
    """A written first name alone ("Gabi") is one the display name's bearer goes by."""
    words = _WORD.findall(without_title(written))
    if len(words) != 1:
        return False
    short, given = _plain(words[0]), _plain(first_name(display))
    if not short or not given or short == given:
        return False
    if len(short) >= _MIN_PREFIX and given.startswith(short):
        return True
    table = _nickname_table()
    return short in table.get(given, ()) or given in table.get(short, ())


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().strip(".'’-").translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _nickname_table() -> dict[str, frozenset[str]]:
    """Given name -> the nicknames it goes by (`nicknames.json`: the nicknames dataset and
    our own short forms in the other languages), read on first use."""
    raw = resources.files("app.core.mail").joinpath("nicknames.json").read_text("utf-8")
    data = json.loads(raw)
    table: dict[str, set[str]] = {}
    for part in ("given", "ours"):
        for given, short in data.get(part, {}).items():
            table.setdefault(given, set()).update(short)
    return {given: frozenset(short) for given, short in table.items()}


@lru_cache(maxsize=4096)
def _known_as(name: str, email: str) -> tuple[frozenset[str], str]:
    """A recipient's name words, with those guessed from the address, and its local part.

    Worked out once per recipient rather than once per name compared with them (a
    message's names are each resolved against every recipient, several times).
    """
    local = email.split("@", 1)[0].lower()
    if not local:
        return name_tokens(name), ""
    return name_tokens(name) | name_tokens(_name_from_local(email)), local


@lru_cache(maxsize=8192)
def _name_from_local(email: str) -> str:
    local = email.split("@", 1)[0]
    return " ".join(p for p in _LOCAL_SPLIT.split(local) if p.isalpha())
