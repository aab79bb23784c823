"""Per-language words of a follow-up, from data files (pure).

`lexicon/<lang>.json` holds, for each of the seven languages: phrases that say two
people met or fixed a meeting ("met", "confirmed", and "see you" + a day name), and
our own phrasing of the thank-you note to the introducer and of the give-first line.
Phrases are matched on folded text (lower case, no accents, punctuation as spaces) at
word boundaries; one in a question ("see you Thursday?") is a proposal and does not
count. Reading the package's data files at import is like importing a module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from app.core.intro.lexicon import fold

LANGUAGES = ("en", "es", "de", "fr", "pt", "it", "nl")
_PUNCT = re.compile(r"[^\w']+")
_WORD_CHAR = re.compile(r"[\w']")
_SENTENCE_END = re.compile(r"[.!?\n]")


def normalise(text: str) -> str:
    """Folded text with punctuation as single spaces, the form phrases are matched on."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


@dataclass(frozen=True, slots=True)
class FollowUpWords:
    """One language's meeting phrases and follow-up phrasing."""

    language: str
    meeting: re.Pattern[str]
    thanks: dict[str, str]
    give: dict[str, str]

    def meeting_words(self, text: str) -> str:
        """The words (as written) saying the two met or fixed a meeting ("" when none)."""
        folded, origin = _normalise_mapped(text)
        for found in self.meeting.finditer(folded):
            start, end = origin[found.start()], origin[found.end() - 1] + 1
            if not _asked(text, end):
                return text[start:end]
        return ""


def _asked(text: str, end: int) -> bool:
    """Whether the sentence going on at `end` is a question (a proposal, not a meeting)."""
    stop = _SENTENCE_END.search(text, end)
    return stop is not None and stop.group(0) == "?"


def _normalise_mapped(text: str) -> tuple[str, list[int]]:
    """`normalise(text)`, and for each of its characters the index it came from in `text`."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in fold(char) or " ":
            piece = piece if _WORD_CHAR.fullmatch(piece) else " "
            if piece == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(piece)
            origin.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


def _pattern(data: dict[str, list[str]]) -> re.Pattern[str]:
    phrases = [*data.get("met", []), *data.get("confirmed", [])]
    phrases += [f"{see} {day}" for see in data.get("see_you", []) for day in data.get("days", [])]
    folded = sorted({normalise(p) for p in phrases if normalise(p)}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in folded) + r")(?!\w)")


def _load(language: str) -> FollowUpWords:
    path = resources.files("app.core.followup").joinpath(f"lexicon/{language}.json")
    data = json.loads(path.read_text("utf-8"))
    return FollowUpWords(language, _pattern(data), dict(data["thanks"]), dict(data["give"]))


WORDS: dict[str, FollowUpWords] = {language: _load(language) for language in LANGUAGES}


def words_for(language: str) -> FollowUpWords:
    """The words of `language`, English when it is not one of the seven."""
    return WORDS.get(language, WORDS["en"])
