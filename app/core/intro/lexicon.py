"""Per-language lexicons of introduction language, compiled once (pure).

The phrases live in data files, one per language (`lexicon/<lang>.json`, written
and reviewed by fluent readers), never in branches through the code. Each category
("connect", "handoff", "request", ...) becomes one regular expression over folded
text (`fold`: lower case, accents removed, one space for any white space).

Entry syntax: words separated by spaces, matched at word boundaries; `word*`
matches any word starting with `word`; `_` is a slot of one to three words (a
name); `...` a gap of up to four words. Reading the package's own data files at
import is like importing a module: no mail, network, clock or randomness.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

LANGUAGES = ("en", "es", "de", "fr", "pt", "it", "nl")
CATEGORIES = (
    "connect", "mutual", "handoff", "capable", "take_it", "reach_out", "meet_verbs",
    "self_intro", "request", "offer", "scheduling", "announcement", "product",
    "after_fact", "thanks_intro",
)  # fmt: skip
_SLOT = r"[^\s]+(?: [^\s]+){0,2}"
_GAP = r"(?:[^\s]+ ){0,4}"
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes plain, white space single."""
    lowered = text.lower().translate(_APOSTROPHES)
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", lowered).strip()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's compiled categories, greetings, description words and stop words."""

    language: str
    patterns: dict[str, re.Pattern[str]]
    greetings: frozenset[str]
    describe: frozenset[str]
    subject: re.Pattern[str] | None
    stopwords: frozenset[str]


def _entry(entry: str) -> str:
    parts: list[str] = []
    for token in fold(entry).split(" "):
        if token == "...":
            parts.append(_GAP)
        elif token == "_":
            parts.append(_SLOT + " ")
        elif token.endswith("*") and len(token) > 1:
            parts.append(re.escape(token[:-1]) + r"\w* ")
        else:
            parts.append(re.escape(token) + " ")
    body = "".join(parts)
    return body[:-1] if body.endswith(" ") else body.removesuffix(" ")


def compile_entries(entries: list[str]) -> re.Pattern[str] | None:
    """One pattern for a list of entries, longest first, at word boundaries."""
    alternatives = sorted({_entry(e) for e in entries if fold(e)}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _load(language: str) -> Lexicon:
    path = resources.files("app.core.intro").joinpath(f"lexicon/{language}.json")
    data = json.loads(path.read_text("utf-8"))
    found = data.get("categories", {})
    patterns = {}
    for category in CATEGORIES:
        pattern = compile_entries(found.get(category, []))
        if pattern is not None:
            patterns[category] = pattern
    return Lexicon(
        language=language,
        patterns=patterns,
        greetings=frozenset(fold(g) for g in data.get("greetings", [])),
        describe=frozenset(fold(d) for d in found.get("describe", [])),
        subject=compile_entries(found.get("subject", [])),
        stopwords=frozenset(fold(w) for w in data.get("stopwords", [])),
    )


LEXICONS: dict[str, Lexicon] = {language: _load(language) for language in LANGUAGES}
