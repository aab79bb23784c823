"""Tests for the splitter's abbreviation test: searching from the last run finds the same token."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.sentences import _ABBREV, _LAST_TOKEN, _is_abbreviation, split_sentences

_PIECES = st.one_of(
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
@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 80), st.integers(0, 80))
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
