"""Text helpers shared by every stage (pure): the one sentence splitter, word counts.

Public surface: `Sentence`, `split_sentences`, `count_words`, `normalize`, `word_set`,
`word_equivalents` (a length in words for scripts written without spaces too),
`is_abbreviation` (a word a full stop follows without ending the sentence).
"""

from app.core.text.length import word_equivalents
from app.core.text.sentences import (
    Sentence,
    count_words,
    is_abbreviation,
    normalize,
    split_sentences,
    word_set,
)

__all__ = [
    "Sentence",
    "count_words",
    "is_abbreviation",
    "normalize",
    "split_sentences",
    "word_equivalents",
    "word_set",
]
