"""The sentence boundary pattern, rewritten to skip ahead quickly, matches its plain form."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.sentences import _ABBREV, _BOUNDARY, _ends_in_abbreviation

PLAIN = re.compile(
    r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•]\s)|(?<=[:;])\n"
    r"|\n(?=[A-Z][^\n]{0,40}[,:–—-]\s*\n)"
)
# The characters the alternatives care about, so random texts hit every boundary kind.
ALPHABET = st.sampled_from([*"aZJ0 .!?\"')]([:;,-*•–—\n\t\u2003\x1c", "Dr.", "Inc."])


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_boundaries_match_the_plain_pattern(text: str) -> None:
    """Every boundary the plain pattern finds, and no other, at the same offsets."""
    assert _matches(_BOUNDARY, text) == _matches(PLAIN, text)


def test_boundaries_on_an_introduction() -> None:
    """Quotes, blank lines, bullets, colons and greeting lines all split as before."""
    text = (
        'Hi Sue,\nDana said "hi." Then left! (Yes.) [Ok.] 2 more.\n\n- one\n* two\n'
        "Note:\nSue Park,\nthanks; ok;\nEnd.   Fin"
    )
    assert _matches(_BOUNDARY, text) == _matches(PLAIN, text)
    assert len(_matches(PLAIN, text)) >= 8


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_abbreviation_check_matches_a_plain_search(text: str, start: int, end: int) -> None:
    """Looking only at the tail of a piece answers as a search of the whole piece would."""
    start, end = min(start, len(text)), min(end, len(text))
    start = min(start, end)
    plain = _ABBREV.search(text[start:end].rstrip()) is not None
    assert _ends_in_abbreviation(text, start, end) == plain
