"""A document named only after a person: the writer's resume in all likelihood (pure).

People send their resume as `RajKapadia.pdf`, `Jhon-Gerardo-Vega-Medina.pdf` or
`Marta Rossi - Data Analyst 2024 final.docx`: no resume word, only who it is about. Attached
to a first reply, such a document (pdf, doc, docx, odt, rtf, pages; never code, web pages,
data or pictures) is a resume far more often than anything else, and surely so when the
name is the writer's own (the reply's From name or the first line of its signature).

A name is read into words (separators, camelCase, letters and digits apart, accents off);
each word must be a person's name, or a job title, a year, a small number, a version word
("final", "definitivo", "neu") or a language tag ("EN", "deutsch"). One word of anything
else, or a word that says what the document is about ("invoice", "contract", "slides",
"report", in seven languages: `resume_owner.json`), and it is not a resume.

- With the writer's name known, one of the words must be it (or their names glued together,
  "rajkapadia", "RKapadia"); a name that is someone else's is not taken for a resume.
- Without it, the name must hold two words that are people's names, one of them a first
  name: a lone "Calvin.pdf" or "Summer.pdf" is not enough.

Person names are Faker's first and last names for the locales listed in the lexicon (a
well-kept library; no name list is written here), plus nameparser's particles ("van", "de")
and titles ("developer", "engineer"). They are loaded on first use, not at import.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from nameparser.config import CONSTANTS

from app.core.checks.resume_names import NameVerdict, fold, readable_name

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_PARTS = re.compile(r"[^\W\d_]+|\d+")
_NAME_PART = re.compile(r"[^\W\d_]+")
_MAX_NAMES = 5  # "Jhon Gerardo Vega Medina": more than five name words is a title or a list
_SIGNATURE_LINES = 3
_MIN_WRITER = 2  # a writer's name shorter than this ("J") is an initial, not a name
_MAX_GLUED = 64  # letters of a word read as the writer's names glued together


@dataclass(frozen=True, slots=True)
class _Words:
    particles: frozenset[str]
    extra: frozenset[str]  # job titles, version words, language tags
    about: frozenset[str]  # what a document is about: never a resume beside a name
    document_ext: frozenset[str]
    document_mime: tuple[str, ...]
    locales: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _People:
    first: frozenset[str]
    last: frozenset[str]


def named_after_person(filename: str, mime_type: str = "", writer: Iterable[str] = ()) -> bool:
    """Is this document named only after a person (the writer, when their names are given)?

    Args:
        filename: the attachment's name as sent (encoded words are decoded).
        mime_type: its type, read when the name has no extension.
        writer: the writer's names ("Raj Kapadia", a signature's first line); empty when
            unknown, and then any two names, one of them a first name, will do.
    """
    name = readable_name(filename)
    stem, _, ext = name.rpartition(".") if "." in name.strip(".") else (name, "", "")
    lex = _lexicon()
    if ext.lower() not in lex.document_ext and not (
        not ext and mime_type.lower().startswith(lex.document_mime)
    ):
        return False
    words = _words_of(stem)
    if not words or any(w in lex.about or (w.isdigit() and not _small(w)) for w in words):
        return False  # a subject ("invoice") or a date or number ("040301"): not a resume
    spelled = [w for w in words if not w.isdigit()]
    mine = _writer_names(writer)
    if mine:  # the writer's own name must be there; the Faker names load only if needed
        rest = [w for w in spelled if not _is_writer(w, mine)]
        return len(rest) < len(spelled) and all(_extra(w, lex) or is_person_name(w) for w in rest)
    people = _people()
    names = [w for w in spelled if w in people.first or w in people.last]
    if not 2 <= len(names) <= _MAX_NAMES or not any(w in people.first for w in names):
        return False
    return all(w in names or _extra(w, lex) for w in spelled)


def _small(digits: str) -> bool:
    """A version or copy number ("2"), or a year ("2024")."""
    return len(digits) <= 2 or (len(digits) == 4 and digits[:2] in ("19", "20"))


def _extra(word: str, lex: _Words) -> bool:
    """An initial, a particle ("van"), a job title, a version word or a language tag."""
    return len(word) == 1 or word in lex.particles or word in lex.extra


def is_person_name(word: str) -> bool:
    """Is this folded, lower-case word a first or last name (Faker's, 36 locales)?"""
    people = _people()
    return word in people.first or word in people.last


def attachment_named_after_writer(
    filename: str, mime_type: str = "", writer: Iterable[str] = ()
) -> NameVerdict | None:
    """The verdict for a document named only after a person, or None."""
    if not named_after_person(filename, mime_type, writer):
        return None
    return NameVerdict("named after you" if _writer_names(writer) else "named after a person")


def writer_names(display_name: str, signature: str = "") -> tuple[str, ...]:
    """The writer's names: the From display name, and the first of the signature's first
    three lines that reads as a name (two to four words of letters; a sign-off such as
    "Best regards," ends with a comma and is passed over)."""
    found = [display_name.strip()] if display_name.strip() else []
    lines = [ln.strip(" -_\t") for ln in signature.splitlines()]
    for line in [ln for ln in lines if ln][:_SIGNATURE_LINES]:
        parts = line.split()
        if line.endswith(",") or not 2 <= len(parts) <= 4:
            continue
        if all(_NAME_PART.fullmatch(p.rstrip(".")) for p in parts):
            found.append(line)
            break
    return tuple(found)


def _words_of(stem: str) -> list[str]:
    spaced = _CAMEL.sub(" ", fold(stem))
    return [part.lower() for part in _PARTS.findall(spaced)]


def _writer_names(writer: Iterable[str]) -> frozenset[str]:
    particles = _lexicon().particles
    words = set()
    for name in writer:
        # "Jonas Müller" names his file "Jonas_Mueller" as often as "Jonas_Muller".
        spelled = name.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
        for part in _NAME_PART.findall(f"{fold(name)} {fold(spelled)}"):
            if len(part) >= _MIN_WRITER and part.lower() not in particles:
                words.add(part.lower())
    return frozenset(words)


def _is_writer(word: str, mine: frozenset[str]) -> bool:
    """The word is the writer's names glued ("rajkapadia", "kapadiaraj"), or one of them
    with initials ("rkapadia"): at least one whole name in it."""
    if len(word) > _MAX_GLUED:
        return False  # no one's names glued run this long; and the search below recurses
    initials = {name[0] for name in mine}

    @cache
    def fits(rest: str, whole: bool) -> bool:
        if not rest:
            return whole
        if any(rest.startswith(n) and fits(rest[len(n) :], True) for n in mine):
            return True
        return rest[0] in initials and fits(rest[1:], whole)

    return fits(word, False)


@cache
def _lexicon() -> _Words:
    raw = resources.files("app.core.checks").joinpath("resume_owner.json").read_text("utf-8")
    data = json.loads(raw)
    about = {fold(w).lower() for words in data["file_words"].values() for w in words}
    extra = {
        fold(w).lower()
        for key in ("job_words", "final_words", "language_words")
        for words in data[key].values()
        for w in words
    }
    titles = {t for t in CONSTANTS.titles if t.isalpha()}
    return _Words(
        particles=frozenset(p for p in CONSTANTS.prefixes if p.isalpha()),
        extra=frozenset(extra | titles) - about,
        about=frozenset(about),
        document_ext=frozenset(data["document_ext"]),
        document_mime=tuple(data["document_mime"]),
        locales=tuple(data["locales"]),
    )


@cache
def _people() -> _People:
    """Faker's first and last names for the lexicon's locales (imported on first use:
    about half a second, once per process)."""
    from faker.providers import person  # here, not at import: Faker loads in ~0.4 s

    about = _lexicon().about
    first: set[str] = set()
    last: set[str] = set()
    for locale in _lexicon().locales:
        provider = importlib.import_module(f"{person.__name__}.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            first |= _folded(getattr(provider, attribute, ()))
        last |= _folded(getattr(provider, "last_names", ()))
    return _People(frozenset(first - about), frozenset(last - about))


def _folded(names: object) -> set[str]:
    # Faker keeps a locale's names as a tuple, or a mapping of name to weight.
    if isinstance(names, Mapping):
        names = tuple(names)
    if not isinstance(names, (tuple, list)):
        return set()
    return {fold(n).lower() for n in names if isinstance(n, str) and n.isalpha()}
