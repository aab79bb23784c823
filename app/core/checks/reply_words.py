"""What a first reply says, in Spanish, German, French, Portuguese, Italian and Dutch (pure).

English is read by the hand-tuned patterns of `structure`, `focus` and `recipients`;
the other first-class languages by lexicons in data files (`reply_lexicon/<lang>.json`,
written by fluent readers), one entry list per category:

- ``thanks``: any way of thanking; ``thanks_reader``: thanks for the reader's time or
  answer (not the introducer's thanks); ``meet``: a coffee, call, meeting, visit;
- ``plan``: what turns a meeting word into a proposal (a day, "are you free", "shall we");
- ``commit``: a first-person plan that is a next step by itself ("te llamo el lunes");
- ``accept``: taking up what was proposed ("me va bien", "passt mir"): a next step
  next to a ``meet`` or ``plan`` word ("el jueves me va bien");
- ``bcc``: the introducer moved to Bcc (CCO, Cci, Ccn, Blindkopie ...);
- ``throwaway``: the generic "let me know if I can help"; ``invite``: a bare "don't
  hesitate" / "feel free" / "let me know" without the offer ("no dudes en", "melde dich
  gerne", "laat het gerust weten"): a throw-away offer too, except in a sentence that
  proposes a next step, where it is about that step ("komt een andere dag beter uit,
  laat het me gerust weten"); ``booking``: a calendar or booking page ("mi agenda",
  "Kalender", "prenota"), a next step next to a link; ``pleasantry``: politeness
  addressed to the reader that says nothing about them; ``credential``: self-promotion;
- ``first_person`` / ``second_person``: pronoun and possessive words;
  ``formal_second_person``: courtesy forms that only a capital tells apart ("Sie", "Lei").

Entries use the introduction lexicons' syntax and `Matcher` (folded text, `word*`,
`_`, `...`). A reply is read in its own language when the stop-word vote names one of
the six; when the vote is unsure (a two-line reply) every lexicon is read, except the
pronoun lists, which only mean something in a known language.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from app.core.intro import language_of
from app.core.intro.language import leading_language, other_script
from app.core.intro.lexicon import Matcher, fold, matcher_for
from app.core.memo import per_analysis

LANGUAGES = ("es", "de", "fr", "pt", "it", "nl")
PHRASES = (
    "thanks", "thanks_reader", "meet", "plan", "commit", "accept", "bcc", "throwaway", "invite",
    "booking", "pleasantry", "credential",
)  # fmt: skip
_WORD = re.compile(r"[\w']+")


class ReplyWords:
    """One language's reply categories and pronoun lists, compiled when first asked for
    (a message card never reads a reply: its cold start does not pay for them)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._by_category: dict[str, Matcher] = {}

    @cached_property
    def _entries(self) -> dict[str, list[str]]:
        path = resources.files("app.core.checks").joinpath(f"reply_lexicon/{self.language}.json")
        found: dict[str, list[str]] = json.loads(path.read_text("utf-8")).get("categories", {})
        return found

    @cached_property
    def matcher(self) -> Matcher:
        """Every phrase category, for reading a sentence at once."""
        return matcher_for({c: self._entries.get(c, []) for c in PHRASES})

    def category(self, name: str) -> Matcher:
        """One category alone, for asking one thing of a long text."""
        if name not in self._by_category:
            self._by_category[name] = matcher_for({name: self._entries.get(name, [])})
        return self._by_category[name]

    @cached_property
    def first_person(self) -> frozenset[str]:
        """First-person pronoun and possessive words."""
        return frozenset(fold(w) for w in self._entries.get("first_person", []))

    @cached_property
    def formal_second_person(self) -> frozenset[str]:
        """Courtesy forms written with a capital ("Sie", "Ihnen", "Lei"): case matters."""
        return frozenset(self._entries.get("formal_second_person", []))

    def addresses_formally(self, sentence: str) -> bool:
        """A courtesy form past the sentence's first word (where any word has a capital):
        "Gern würde ich Sie treffen" addresses the reader; "Sie sagte" need not."""
        words = _WORD.findall(sentence)[1:]
        return bool(self.formal_second_person) and not self.formal_second_person.isdisjoint(words)

    @cached_property
    def second_person(self) -> frozenset[str]:
        """Second-person pronoun and possessive words."""
        return frozenset(fold(w) for w in self._entries.get("second_person", []))

    @cached_property
    def familiar_second_person(self) -> frozenset[str]:
        """The familiar second person ("tú", "tu"): a text using it addresses the reader
        familiarly, so the formal register's words are about someone else."""
        return frozenset(fold(w) for w in self._entries.get("familiar_second_person", []))

    @cached_property
    def register_second_person(self) -> frozenset[str]:
        """Words of the formal register that also mean "his / her / them" (Spanish "le",
        "su"; Portuguese "lhe", "seu"): the reader's only in a text with no familiar form."""
        return frozenset(fold(w) for w in self._entries.get("register_second_person", []))

    def formal_register(self, text: str) -> bool:
        """Does `text` read as formal address: it uses a word of the formal register and
        no familiar second-person word?"""
        if not self.register_second_person:
            return False
        tokens = set(_WORD.findall(fold(text)))
        return not tokens.isdisjoint(self.register_second_person) and tokens.isdisjoint(
            self.familiar_second_person
        )


WORDS: dict[str, ReplyWords] = {language: ReplyWords(language) for language in LANGUAGES}


MIN_FOREIGN_LETTERS = 80  # a text this long with no vote for any of our languages is in another


def reply_languages(text: str) -> tuple[str, ...] | None:
    """The lexicons to read a reply with: its language; none for English; every one when
    the text is too short to tell; None when it is written in a language we do not read
    (Polish, Swedish, Chinese ...), where the wording checks must stay silent.

    A reply the vote cannot settle but that leans to one of ours (two votes and more than
    any other: "Bruno, oi! Parece que a gente briga com as mesmas planilhas …") is read
    in that language, not taken for a foreign one."""
    if other_script(text):  # short or long: no lexicon of ours can read it
        return None
    language = language_of(text)
    if language in WORDS:
        return (language,)
    if language:
        return ()
    lean = leading_language(text)
    if lean in WORDS:  # a lean to English is no evidence against a language we do not read
        return (lean,)
    letters = sum(c.isalpha() for c in text[:2_000])
    return None if letters >= MIN_FOREIGN_LETTERS else LANGUAGES


@dataclass(frozen=True, slots=True)
class Said:
    """What one sentence (or text) says, by category, in the languages read."""

    categories: frozenset[str]
    first_person: bool = False
    second_person: bool = False
    credentials: int = 0
    first_words: int = 0  # how many first-person words
    second_words: int = 0  # how many second-person words
    register_words: int = 0  # how many words of the formal register ("le", "su")


_NOTHING = Said(frozenset())


def said(text: str, languages: tuple[str, ...]) -> Said:
    """Categories found in `text` by the lexicons of `languages` (memoised per analysis)."""
    if not languages or not text:
        return _NOTHING
    return _said((text, languages))


@per_analysis
def _said(key: tuple[str, tuple[str, ...]]) -> Said:
    text, languages = key
    folded = fold(text)
    categories: set[str] = set()
    credentials = 0
    blanked = folded
    for language in languages:
        for offset, category, found in WORDS[language].matcher.scan(folded):
            categories.add(category)
            credentials += category == "credential"
            if category == "pleasantry":  # "encantado de conocerte" is not about the reader
                blanked = blanked[:offset] + " " * len(found) + blanked[offset + len(found) :]
    if len(languages) != 1:
        return Said(frozenset(categories), credentials=credentials)
    lexicon = WORDS[languages[0]]
    tokens = _WORD.findall(blanked)
    firsts = sum(t in lexicon.first_person for t in tokens)
    seconds = sum(t in lexicon.second_person for t in tokens)
    formally = lexicon.addresses_formally(text)
    register = sum(t in lexicon.register_second_person for t in tokens)
    return Said(
        frozenset(categories),
        firsts > 0,
        seconds > 0 or formally,
        credentials,
        firsts,
        seconds + formally,
        register,
    )


def formal_register(text: str, languages: tuple[str, ...]) -> bool:
    """Is `text` (a whole reply) in its language's formal register (`ReplyWords`)?"""
    return len(languages) == 1 and WORDS[languages[0]].formal_register(text)


def says(text: str, category: str, languages: tuple[str, ...]) -> bool:
    """Does `text` say something of `category` in one of `languages`? (One category's
    entries only: a whole draft is searched as fast as a sentence is read.)"""
    if not languages or not text:
        return False
    folded = fold(text)
    return any(WORDS[language].category(category).scan(folded) for language in languages)


def proposes(text: str, languages: tuple[str, ...]) -> bool:
    """A next step: a first-person plan, a meeting word with a time or a question, or a
    proposed time or meeting taken up ("el jueves me va bien", "Donnerstag passt mir")."""
    found = said(text, languages).categories
    return (
        "commit" in found
        or ("meet" in found and ("plan" in found or "?" in text))
        or ("accept" in found and ("plan" in found or "meet" in found))
    )
