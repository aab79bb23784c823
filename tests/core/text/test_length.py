"""word_equivalents: a length in words for scripts written with and without spaces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.text import count_words, word_equivalents

_ZH = "谢谢你介绍我们认识，我很想下周和她喝杯咖啡聊一聊。"  # 23 Han characters, 2 marks
_JA = "ご紹介いただきありがとうございます。来週お茶でもいかがでしょうか。"


def test_latin_text_is_counted_in_words() -> None:
    text = "Thanks for the introduction, Joe! Coffee next week?"
    assert word_equivalents(text) == count_words(text) == 8


@given(st.text(alphabet=st.characters(codec="latin-1")))
def test_text_in_spaced_scripts_counts_as_count_words(text: str) -> None:
    assert word_equivalents(text) == count_words(text)


def test_chinese_is_counted_by_characters_not_by_runs() -> None:
    assert count_words(_ZH) == 2  # two runs of letters: what the old count saw
    assert word_equivalents(_ZH) == 15  # 23 Han characters, 1.5 a word


def test_japanese_mixes_han_and_kana() -> None:
    assert 12 <= word_equivalents(_JA) <= 20


def test_words_of_a_spaced_script_inside_chinese_count_once() -> None:
    assert word_equivalents("我在Google工作了五年") == 1 + round(7 / 1.5)


def test_korean_puts_spaces_between_words() -> None:
    assert word_equivalents("소개해 주셔서 감사합니다. 다음 주에 커피 한잔 어떠세요?") == 8
