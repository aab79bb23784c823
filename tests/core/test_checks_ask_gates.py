"""Tests for the ask check's shortcuts: they skip only patterns that cannot match."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import ask_patterns as pat

_SOURCES = [pat.BLANK.pattern, pat.MARKER.pattern, *(p.pattern for _, p in pat.STRONG)]
_WORDS = sorted({w for s in _SOURCES for w in re.findall(r"[a-z']+", s) if len(w) > 1})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([" ", " ", " ", "\n", ".", ",", "?", "@", "x@y.z", "www.", "i", "would", "'d"]),
    st.text(string.printable, max_size=2),
)
_TEXTS = st.lists(_PIECES, max_size=40).map(" ".join)
_ASCII = st.characters(min_codepoint=32, max_codepoint=126)
_MATCHING = st.one_of(
    *(st.from_regex(p, alphabet=_ASCII) for p in (pat.MARKER, *(p for _, p in pat.STRONG)))
)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _may_ask(text: str) -> bool:
    """What the gate stands for: a strong ask, or a request form after leading space."""
    strong = any(p.search(text) for _, p in pat.STRONG)
    return strong or pat.MARKER.search(text.lstrip()) is not None


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_blank_words_blank_text_without_an_at_sign_like_blank(text: str) -> None:
    """Without "@", the word-start parts alone blank the same spans as all of BLANK."""
    if "@" in text:
        text = text.replace("@", " ")
    assert pat.BLANK_WORDS.blank(text) == _blank(pat.BLANK, text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", " ", "\n  ", "\t"]), st.one_of(_TEXTS, _MATCHING))
def test_ask_gate_matches_exactly_when_an_ask_may_follow(lead: str, text: str) -> None:
    """The gate matches when a strong ask or (left-stripped) request form does, and only then."""
    text = lead + text
    assert pat.ASK_GATE.search(text) is _may_ask(text)


def test_ask_gate_passes_request_forms_after_white_space() -> None:
    """A sentence-initial imperative counts even after leading blanks."""
    for text in ("   forward my note", "could i pick your brain", "are you hiring", "please"):
        assert pat.ASK_GATE.search(text)
    assert not pat.ASK_GATE.search("we met at the conference last year.")


def _first_form(part: str) -> str:
    """A BLANK part as first written, look-behinds before the \\b."""
    return part.replace(r"\b(?<!would )(?<!'d )", r"(?<!would )(?<!'d )\b")


_BLANK_AS_WRITTEN = re.compile(
    "|".join(
        f"(?:{pat._LITERAL_CAPITAL.sub(pat._lower_literal, _first_form(p))})"
        for p in (pat._EMAIL, *pat._BLANK_REST)
    )
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_blank_shares_one_boundary_without_changing_matches(text: str) -> None:
    """With every part behind one \\b, BLANK blanks what the parts as written do."""
    assert _blank(pat.BLANK, text) == _blank(_BLANK_AS_WRITTEN, text)
