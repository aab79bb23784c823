"""Tests for `WordStart`: searching from word starts finds a match exactly when `re` does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks.caseless import Caseless
from app.core.checks.wordstart import WordStart

_PARTS = (r"\b(?:can|could) you\b", r"\bpl(?:ease|s)\b", r"\b\d+ years\b", r"^\s*send\b")
_PIECES = st.one_of(
    st.sampled_from(["can", "could", "you", "please", "pls", "send", "3", "years", "x", "_"]),
    st.sampled_from([" ", " ", "\n", ".", "'", "é", "-"]),
    st.text(max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(_PIECES, max_size=12).map("".join), st.from_regex("|".join(_PARTS))))
def test_search_agrees_with_the_pattern(text: str) -> None:
    """Found at a word start, after punctuation or white space, or at the very start."""
    start = WordStart(*_PARTS)
    assert start.search(text) is (start.pattern.search(text) is not None)


@pytest.mark.parametrize(
    ("text", "found"),
    [("could you", True), ("Hi.could you", True), ("scan you", False), ("  send it", True)],
)
def test_examples(text: str, found: bool) -> None:
    """Word starts count, the inside of a word does not."""
    assert WordStart(*_PARTS).search(text) is found


@pytest.mark.parametrize("parts", [(), (r"(?:can) you",), (r"^send",), (r"\bcan|you",)])
def test_parts_that_need_other_starts_are_refused(parts: tuple[str, ...]) -> None:
    """Parts not starting with \\b (or ^\\s*) would change meaning when shifted."""
    with pytest.raises(ValueError, match="must"):
        WordStart(*parts)


def test_caseless_word_start_takes_no_flags() -> None:
    """A word-start Caseless pattern is searched without flags, so none are accepted."""
    with pytest.raises(ValueError, match="no flags"):
        Caseless(r"\bcall\b", re.MULTILINE, word_start=True)
    assert Caseless(r"\bcall\b", word_start=True).search("Please CALL me")


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_blank_agrees_with_sub(text: str) -> None:
    """Blanking finds the spans `sub` does, back-to-back matches included."""
    start = WordStart(r"\b(?:can|could) you\b", r"\bpl(?:ease|s)\b\W*", r"\b\d+ years\b")
    assert start.blank(text) == start.pattern.sub(lambda m: " " * len(m.group(0)), text)


def test_blank_refuses_anchored_parts_and_empty_matches() -> None:
    """Anchored parts and parts that can match nothing have no blanking."""
    with pytest.raises(ValueError, match="only"):
        WordStart(*_PARTS).blank("send it")
    with pytest.raises(ValueError, match="matched nothing"):
        WordStart(r"\b(?:x?)").blank("a b")


_TRICKY = (
    r"\b(?:could|can|would) you\b",
    r"\b(?:i|we)(?:'d| would)? (?:love|like) to\b",
    r"\b(?:a|an) ?(?:x[]|]|y\d)\b",
    r"\b(?:s|t)?end\b",
    r"\b(?:(?:mon|tues)day|w[^\W\d]?ek)\b",
    r"\bs?ure\b",
    r"\b(?:\w+ ){0,2}?years\b",
    r"\b\d+ (?:years|decades)\b",
)
_TRICKY_PIECES = st.one_of(
    st.sampled_from(
        [
            "could",
            "can",
            "would",
            "you",
            "i",
            "we",
            "'d",
            "love",
            "like",
            "to",
            "a",
            "an",
            "x]",
            "x|",
            "y1",
            "send",
            "tend",
            "end",
        ]
    ),
    st.sampled_from(["monday", "tuesday", "week", "wek", "sure", "ure", "years", "12", " ", "."]),
    st.text(max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.lists(_TRICKY_PIECES, max_size=10).map(" ".join),
        st.from_regex("|".join(f"(?:{p})" for p in _TRICKY)),
    )
)
def test_regrouped_search_agrees_on_groups_classes_and_quantifiers(text: str) -> None:
    """Spelling out leading groups and grouping by first letter keeps every match."""
    start = WordStart(*_TRICKY)
    assert start.search(text) is (start.pattern.search(text) is not None)
