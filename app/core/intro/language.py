"""The language of a text by a stop-word vote over the seven lexicons (pure).

Enough for our seven languages: the most frequent function words differ between
them. A text with too few votes (short, or in another language) is reported as
"" so callers fall back to English phrasing while still reading every lexicon.
"""

from __future__ import annotations

import re
from collections import Counter

from app.core.intro.lexicon import LANGUAGES, LEXICONS, fold
from app.core.memo import per_analysis

_WORD = re.compile(r"[a-z']+")
_VOTERS: dict[str, tuple[str, ...]] = {}
for _language in LANGUAGES:
    for _word in LEXICONS[_language].stopwords:
        _VOTERS[_word] = (*_VOTERS.get(_word, ()), _language)
_MIN_VOTES = 3
_SAMPLE = 3_000  # characters read: the language shows in the first paragraphs


@per_analysis  # detection and the follow-up both ask it of the introduction's words
def language_of(text: str) -> str:
    """ISO 639-1 code of the text's language among the seven, or "" when unsure."""
    votes: Counter[str] = Counter()
    for word, count in Counter(_WORD.findall(fold(text[:_SAMPLE]))).items():
        for language in _VOTERS.get(word, ()):
            votes[language] += count
    if not votes:
        return ""
    best, count = votes.most_common(1)[0]
    return best if count >= _MIN_VOTES else ""


_MIN_LEAD_VOTES = 2


def leading_language(text: str) -> str:
    """The language a short text leans to: `language_of`, else the one language with at
    least two votes and more than any other ("Grazie Paolo! Andrea, ci vediamo in cantiere
    lunedì alle 9?"), else "" (a tie, or one stray word)."""
    found = language_of(text)
    if found:
        return found
    votes: Counter[str] = Counter()
    for word, count in Counter(_WORD.findall(fold(text[:_SAMPLE]))).items():
        for language in _VOTERS.get(word, ()):
            votes[language] += count
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < _MIN_LEAD_VOTES:
        return ""
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return ""
    return ranked[0][0]
