"""How long a text is, in words, for scripts written with and without spaces (pure).

Chinese and Japanese put no space between words, and Thai, Lao, Khmer and Burmese none
between the words of a phrase, so counting runs of letters makes a page of Chinese
"one word". There a word is reckoned from characters: about 1.5 Han characters, 3 kana
and 5 letters of the South-East Asian scripts stand for one word of an alphabetic
language (the usual ratios of translated text, rounded: a length check needs the order
of magnitude, not the count). Everything else (Latin, Cyrillic, Greek, Arabic, Hebrew,
Hangul, which puts spaces between words …) is counted as words, as `count_words` does.
"""

from __future__ import annotations

import re

from app.core.text.sentences import count_words

# Characters per word, by script; the ranges are the scripts' Unicode blocks.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_SOUTH_EAST_ASIAN = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_PER_WORD: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(f"[{_HAN}]"), 1.5),
    (re.compile(f"[{_KANA}]"), 3.0),
    (re.compile(f"[{_SOUTH_EAST_ASIAN}]"), 5.0),
)
_UNSPACED = re.compile(f"[{_HAN}{_KANA}{_SOUTH_EAST_ASIAN}]+")


def word_equivalents(text: str) -> int:
    """The length of `text` in words: words where the script spaces them, characters
    divided by the script's characters per word where it does not."""
    if not _UNSPACED.search(text):
        return count_words(text)
    spaced = count_words(_UNSPACED.sub(" ", text))
    unspaced = sum(len(pattern.findall(text)) / per_word for pattern, per_word in _PER_WORD)
    return spaced + round(unspaced)
