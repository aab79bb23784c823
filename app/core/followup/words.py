"""Per-language words of a follow-up, from data files (pure).

`lexicon/<lang>.json` holds, for each of the seven languages: phrases that say two
people met or fixed a meeting ("met", "confirmed", and "see you" + a day name; English
ones count in every language's thread, as people switch to it), and
our own phrasing of the thank-you note to the introducer and of the give-first line, in a
friendly and a formal register, with the courtesy forms that show the formal one.
Phrases are matched on folded text (lower case, no accents, punctuation as spaces) at
word boundaries; one in a question ("see you Thursday?") is a proposal and does not
count. Reading the package's data files at import is like importing a module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from app.core.intro.lexicon import LazyPattern, fold, fold_mapped

LANGUAGES = ("en", "es", "de", "fr", "pt", "it", "nl")
_PUNCT = re.compile(r"[^\w']+")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_WORDS = re.compile(r"[\w']+")


def normalise(text: str) -> str:
    """Folded text with punctuation as single spaces, the form phrases are matched on."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


@dataclass(frozen=True, slots=True)
class FollowUpWords:
    """One language's meeting phrases and follow-up phrasing."""

    language: str
    meeting: LazyPattern  # compiled when a later message is first read for a meeting
    thanks: dict[str, str]
    give: dict[str, str]
    thanks_formal: dict[str, str]
    give_formal: dict[str, str]
    formal_words: LazyPattern | None = None
    formal_capitals: frozenset[str] = frozenset()

    def addresses_formally(self, text: str) -> bool:
        """Whether the text uses the courtesy form ("usted", "u", or "Sie", "Lei" past a
        sentence's first word, where only the capital tells them from "she", "her")."""
        if self.formal_words is not None and self.formal_words.search(normalise(text)):
            return True
        if not self.formal_capitals:
            return False
        for part in _SENTENCE.finditer(text):
            words = _WORDS.findall(part.group(0))[1:]
            if not self.formal_capitals.isdisjoint(words):
                return True
        return False

    def meeting_words(self, text: str) -> str:
        """The words (as written) saying the two met or fixed a meeting ("" when none)."""
        if not self.meeting.search(normalise(text)):
            return ""  # the common case, without mapping characters back
        for part in _SENTENCE.finditer(text):
            sentence = part.group(0)
            if sentence.rstrip().endswith("?"):
                continue  # a question proposes a meeting; it does not fix one
            folded, origin = fold_mapped(sentence, words_only=True)
            found = self.meeting.search(folded)
            if found:
                return sentence[origin[found.start()] : origin[found.end() - 1] + 1]
        return ""


def _pattern(data: dict[str, list[str]]) -> LazyPattern:
    phrases = [*data.get("met", []), *data.get("confirmed", [])]
    folded = sorted({normalise(p) for p in phrases if normalise(p)}, key=len, reverse=True)
    return LazyPattern(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in folded) + r")(?!\w)")


def _data(language: str) -> dict[str, Any]:
    path = resources.files("app.core.followup").joinpath(f"lexicon/{language}.json")
    return dict(json.loads(path.read_text("utf-8")))


def _load(language: str) -> FollowUpWords:
    data, english = _data(language), _data("en")
    # English meeting phrases count in every thread: people switch to it mid-thread.
    phrases = {key: [*data.get(key, []), *english.get(key, [])] for key in ("met", "confirmed")}
    days = data.get("days", [])
    see = [f"{see} {day}" for see in data.get("see_you", []) for day in days]
    see += [f"{s} {d}" for s in english.get("see_you", []) for d in english.get("days", [])]
    pattern = _pattern({**phrases, "confirmed": [*phrases["confirmed"], *see]})
    formal = sorted({normalise(w) for w in data.get("formal_words", [])}, key=len, reverse=True)
    return FollowUpWords(
        language,
        pattern,
        dict(data["thanks"]),
        dict(data["give"]),
        dict(data["thanks_formal"]),
        dict(data["give_formal"]),
        LazyPattern(r"(?<!\w)(?:" + "|".join(map(re.escape, formal)) + r")(?!\w)")
        if formal
        else None,
        frozenset(data.get("formal_capitals", [])),
    )


WORDS: dict[str, FollowUpWords] = {language: _load(language) for language in LANGUAGES}


def words_for(language: str) -> FollowUpWords:
    """The words of `language`, English when it is not one of the seven."""
    return WORDS.get(language, WORDS["en"])
