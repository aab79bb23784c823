"""Sentence spans with offsets into the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.sentences import sentences


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
