"""The language of a text by a stop-word vote over the seven lexicons (pure).

Enough for our seven languages: the most frequent function words differ between
them. A text with too few votes (short, or in another language) is reported as
"" so callers fall back to English phrasing while still reading every lexicon.

`settle_language` is the one policy every caller uses to decide the language of a
thread's text (the suggested reply's voice, the follow-up notes, an introduction
recognised from a reply alone): detection's reading of a language other than English,
else another of the seven by the text's vote (or, for a short text, its lean), else
English, or "" (none of ours) when the text has too few English words to be English.
"""

from __future__ import annotations

import re
from collections import Counter

from app.core.intro.lexicon import LANGUAGES, LEXICONS, fold
from app.core.memo import per_analysis

_WORD = re.compile(r"[a-z']+")
_LETTERS = re.compile(r"[^\W\d_]+")
_VOTERS: dict[str, tuple[str, ...]] = {}
for _language in LANGUAGES:
    for _word in LEXICONS[_language].stopwords:
        _VOTERS[_word] = (*_VOTERS.get(_word, ()), _language)
_MIN_VOTES = 3
_SAMPLE = 3_000  # characters read: the language shows in the first paragraphs
_MIN_WORDS = 8  # fewer words say too little to call a text "none of ours"
_MIN_ENGLISH = 0.12  # English mail in the corpus: ≥ 0.19; Swedish, Polish: ≤ 0.08


@per_analysis  # detection and the follow-up both ask it of the introduction's words
def language_of(text: str) -> str:
    """ISO 639-1 code of the text's language among the seven, or "" when unsure."""
    votes = _votes(text)
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
    ranked = _votes(text).most_common(2)
    if not ranked or ranked[0][1] < _MIN_LEAD_VOTES:
        return ""
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return ""
    return ranked[0][0]


def reads_as_none(text: str) -> bool:
    """Enough words, and too few English function words to be English: a text in none of
    our languages once the vote has found none of the other six (Swedish, Polish ...);
    or, however short, a text written mostly in another script (`other_script`)."""
    if other_script(text):
        return True
    words = _LETTERS.findall(fold(text))  # folded once, not word by word
    if len(words) < _MIN_WORDS:
        return False
    english = LEXICONS["en"].stopwords
    hits = sum(map(english.__contains__, words))
    return hits < _MIN_ENGLISH * len(words)


# A letter of no Latin alphabet: all seven languages are written in Latin letters.
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")
_ANY_LETTER = re.compile(r"[^\W\d_]")


def other_script(text: str) -> bool:
    """Are most of the text's letters of another script than the Latin one (Chinese,
    Japanese, Korean, Arabic, Hebrew, Cyrillic ...)? Then it is in none of our seven
    languages however short it is, and a name or a word of ours in it changes nothing.
    CJK text has no spaces, so counting its words would say "too short to tell"."""
    sample = text[:_SAMPLE]
    if sample.isascii():
        return False
    other = len(_OTHER_LETTER.findall(sample))
    return other > 0 and 2 * other > len(_ANY_LETTER.findall(sample))


def settle_language(text: str, detected: str = "") -> str:
    """The language to write to a thread in, from its text and detection's reading.

    One policy for every caller, in this order:

    1. detection's reading when it is one of the seven other than English (detection read
       the introducer's own words; its "en" is also its default, so it is read again);
       a reading outside the seven is none of ours: "";
    2. one of the six other languages, by the stop-word vote over the text or, for a short
       text, the language it leans to (`leading_language`: "Grazie Paolo! Andrea, ci
       vediamo lunedì alle 9?");
    3. else English, unless the text has enough words and too few English ones
       (`reads_as_none`: Swedish may win the English vote with "i" and "er"): then "",
       and the caller writes English and may say why.
    """
    if detected and detected != "en":
        return detected if detected in LANGUAGES else ""
    return _settled(text)


@per_analysis  # the reply's voice and the follow-up both settle the introduction's words
def _settled(text: str) -> str:
    found = leading_language(text)
    if found and found != "en":
        return found
    return "" if reads_as_none(text) else "en"


def _votes(text: str) -> Counter[str]:
    votes: Counter[str] = Counter()
    for word, count in Counter(_WORD.findall(fold(text[:_SAMPLE]))).items():
        for language in _VOTERS.get(word, ()):
            votes[language] += count
    return votes
