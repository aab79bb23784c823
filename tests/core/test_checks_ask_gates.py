"""Tests for the ask check's shortcuts: they skip only patterns that cannot match."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import ask_patterns as pat

_SOURCES = [pat.BLANK.pattern, *(p.pattern for _, p in pat.STRONG)]
_WORDS = sorted({w for s in _SOURCES for w in re.findall(r"[a-z']+", s) if len(w) > 1})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([" ", " ", " ", ".", ",", "?", "@", "x@y.z", "www.", "i"]),
    st.text(string.printable, max_size=2),
)
_TEXTS = st.lists(_PIECES, max_size=40).map(" ".join)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_blank_without_email_matters_only_with_an_at_sign(text: str) -> None:
    """Without "@" in the text, leaving out the e-mail alternative blanks the same spans."""
    if "@" in text:
        text = text.replace("@", " ")
    assert _blank(pat.BLANK_WITHOUT_EMAIL, text) == _blank(pat.BLANK, text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_any_strong_matches_when_some_strong_pattern_does(text: str) -> None:
    """The combined pattern matches exactly when one of the strong-ask patterns does."""
    expected = any(p.search(text) for _, p in pat.STRONG)
    assert (pat.ANY_STRONG.search(text) is not None) is expected


def test_any_strong_finds_each_kind() -> None:
    """A plain example of each strong ask passes the combined pattern."""
    for text in ("could i pick your brain", "are you hiring", "introduce me to sue"):
        assert pat.ANY_STRONG.search(text)
