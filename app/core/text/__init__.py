"""Text helpers shared by every stage (pure): the one sentence splitter, word counts.

Public surface: `Sentence`, `split_sentences`, `count_words`, `normalize`, `word_set`,
`word_equivalents` (a length in words for scripts written without spaces too).
"""

from app.core.text.length import word_equivalents
from app.core.text.sentences import Sentence, count_words, normalize, split_sentences, word_set

__all__ = [
    "Sentence",
    "count_words",
    "normalize",
    "split_sentences",
    "word_equivalents",
    "word_set",
]
