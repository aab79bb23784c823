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
