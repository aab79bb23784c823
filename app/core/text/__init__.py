"""Text helpers shared by every stage (pure): the one sentence splitter, word counts.

Public surface: `Sentence`, `split_sentences`, `count_words`, `normalize`, `word_set`.
"""

from app.core.text.sentences import Sentence, count_words, normalize, split_sentences, word_set

__all__ = ["Sentence", "count_words", "normalize", "split_sentences", "word_set"]
