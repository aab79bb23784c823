"""Sentence spans with offsets into the original text."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.sentences import _ABBREV, _ends_in_abbreviation, sentences


def test_sentences_and_offsets() -> None:
    """Sentences split at end punctuation; each span indexes the original text."""
    text = "Sue, meet Joe. Joe runs Field Labs!  Joe, meet Sue?\n\nThanks"
    spans = sentences(text)
    assert [s.text for s in spans] == [
        "Sue, meet Joe.",
        "Joe runs Field Labs!",
        "Joe, meet Sue?",
        "Thanks",
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_abbreviations_do_not_split() -> None:
    """'Dr.', 'Inc.' and initials stay inside their sentence."""
    spans = sentences("Dr. Sue Park of Northwind Inc. met J. Brandt today. Then lunch.")
    assert [s.text for s in spans] == [
        "Dr. Sue Park of Northwind Inc. met J. Brandt today.",
        "Then lunch.",
    ]


def test_greeting_line_and_bullets_are_their_own_spans() -> None:
    """A greeting line ending in ',' or ':' and bullet items are separate spans."""
    spans = sentences("Hi Jeff:\nthanks for asking\n- one\n- two")
    assert [s.text for s in spans] == ["Hi Jeff:", "thanks for asking", "- one", "- two"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_spans_are_in_order_and_inside_the_text(text: str) -> None:
    """Spans never overlap, come in order, and are stripped slices of the text."""
    last = 0
    for span in sentences(text):
        assert last <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text == span.text.strip()
        last = span.end


def test_abbreviation_tail_search_matches_whole_piece_search() -> None:
    pieces = [" ", "\n", "  ", "Mr.", "Prof.", "e.g.", "i.e.", "A.", "xA.", "Inc.", "a", "Co", "."]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for start in range(len(text) + 1):
            end = rng.randint(start, len(text))
            expected = _ABBREV.search(text[start:end].rstrip()) is not None
            assert _ends_in_abbreviation(text, start, end) == expected, (text, start, end)


def test_long_run_of_initials_stays_one_sentence() -> None:
    text = "Ask " + "A. " * 3000 + "Then stop."
    assert len(sentences(text)) == 1
