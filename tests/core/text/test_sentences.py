"""spans: position-bounded searches agree with searching the slice they replace."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.sentences import _ABBREV, _LAST_TOKEN, _is_abbreviation, split_sentences

_PIECES = [" ", "\n", "Dr.", "e.g.", "A.", "ok!", "why?", "word", ".", "…", '"', ")", "x_y."]


def _by_slice(chunk: str) -> bool:
    match = _LAST_TOKEN.search(chunk)
    if not match:
        return False
    token = match.group(1).lower().rstrip(".")
    return token in {"dr", "e.g"} or (len(token) == 1 and token.isalpha())


def test_abbreviation_search_in_place_matches_slice() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 10)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _is_abbreviation(text, start, end) == _by_slice(text[start:end]), (text, start, end)


def test_long_wrapped_paragraph_is_split_into_its_sentences() -> None:
    text = "\n".join(["This line wraps and goes on"] * 2000) + ". Next one."
    found = split_sentences(text)
    assert [s.text[-8:] for s in found] == ["goes on.", "ext one."]


# Tests for the splitter's abbreviation test: searching from the last run finds the same token.
_ABBR_PIECES = st.one_of(
    st.sampled_from(["Mr.", "Dr. ", "e.g.", "J.", "U.S.", " ", "\n", ".", "!", "?", "…", '"', ")"]),
    st.sampled_from(["Hahn", "said", "x_1", "Ünal", "٣", "'", "]", "-", ",", "\t"]),
    st.text(max_size=2),
)


def _reference(text: str, start: int, end: int) -> bool:
    """The abbreviation test as first written: search all of text[start:end]."""
    match = _LAST_TOKEN.search(text, start, end)
    if not match:
        return False
    token = match.group(1).lower().rstrip(".")
    return token in _ABBREV or (len(token) == 1 and token.isalpha())


@settings(max_examples=500, deadline=None)
@given(st.lists(_ABBR_PIECES, max_size=30).map("".join), st.integers(0, 80), st.integers(0, 80))
def test_abbreviation_matches_a_search_of_the_whole_range(text: str, start: int, end: int) -> None:
    """The answer is the one a search of all of text[start:end] gives."""
    assert _is_abbreviation(text, start, end) is _reference(text, start, end)


def test_a_sentence_of_many_abbreviations_is_split_once() -> None:
    """Titles and initials inside a sentence never end it."""
    text = "Mr. Hahn met Dr. J. Smith and Mr. McCall at 5 p.m. in St. Louis. Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Hahn met Dr. J. Smith and Mr. McCall at 5 p.m. in St. Louis.",
        "Then he left.",
    ]
