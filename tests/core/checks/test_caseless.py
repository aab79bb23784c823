"""Tests for `Caseless`: the same matches as `re.IGNORECASE`, fast on ASCII text."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import boundaries, focus, resume, structure
from app.core.checks.caseless import Caseless

_USED = [
    value
    for module in (boundaries, focus, resume, structure)
    for value in vars(module).values()
    if isinstance(value, Caseless)
]
_WORDS = sorted(
    {w for c in _USED for w in re.findall(r"[A-Za-z']+", c.pattern.pattern) if len(w) > 1}
)
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([" ", " ", "\n", ".", "?", ",", ":", "-", "'", "1999", "2020 "]),
    st.text(string.printable, max_size=3),
)


def _texts() -> st.SearchStrategy[str]:
    """ASCII text made of the patterns' own words in random case, so matches are common."""
    word = _PIECES.flatmap(lambda w: st.sampled_from([w, w.upper(), w.capitalize(), w.swapcase()]))
    return st.lists(word, max_size=40).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(pattern.groups + 1)) for m in pattern.finditer(text)]


def test_every_pattern_is_checked() -> None:
    """The checks' case-insensitive patterns are all found by this test module."""
    assert len(_USED) >= 10


@settings(max_examples=300, deadline=None)
@given(_texts())
def test_ascii_text_matches_as_with_ignorecase(text: str) -> None:
    """On ASCII text every method agrees with the IGNORECASE pattern, spans and all."""
    for caseless in _USED:
        general = caseless.pattern
        assert caseless.search(text) is (general.search(text) is not None)
        assert caseless.count(text) == len(general.findall(text))
        assert caseless.blank(text) == general.sub(lambda m: " " * len(m.group(0)), text)
        found = [
            tuple(m.span(g) for g in range(general.groups + 1)) for m in caseless.finditer(text)
        ]
        assert found == _spans(general, text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_any_text_and_window_matches_as_with_ignorecase(text: str, pos: int, end: int) -> None:
    """Any text, searched between any bounds, gives the IGNORECASE pattern's matches."""
    for caseless in _USED:
        general = caseless.pattern
        found = [m.span() for m in caseless.finditer(text, pos, end)]
        assert found == [m.span() for m in general.finditer(text, pos, end)]
        first = caseless.first(text, pos, end)
        expected = general.search(text, pos, end)
        assert (first and first.span()) == (expected and expected.span())


_ASCII = st.characters(max_codepoint=127)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_needs_never_hide_a_match(data: st.DataObject) -> None:
    """ASCII strings made to match each pattern still match: every match holds a need."""
    for caseless in _USED:
        text = data.draw(st.from_regex(caseless.pattern, alphabet=_ASCII))
        assert caseless.search(text)
        assert caseless.count(text) == len(caseless.pattern.findall(text))
        if caseless.needs:
            assert any(n in text.lower() for n in caseless.needs)


def test_patterns_with_needs_are_tested() -> None:
    """The shortcut is used, and refuses needs that could never be found."""
    assert sum(1 for c in _USED if c.needs) >= 8
    with pytest.raises(ValueError, match="lower-case"):
        Caseless(r"\bthanks\b", needs=("Thanks",))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("THANKS, Joe", True),
        ("Thankſ, Joe", True),  # long s equals "s" only under IGNORECASE: not ASCII, so kept
        ("Thanksgiving", False),
    ],
)
def test_search_ignores_case(text: str, found: bool) -> None:
    """Upper, mixed and Unicode-equivalent letters match like IGNORECASE."""
    assert Caseless(r"\bthanks\b").search(text) is found


def test_blank_keeps_length_and_other_text() -> None:
    """Matches become spaces; the rest of the text, case included, is untouched."""
    assert Caseless(r"\bthank you\b").blank("Thank You, Sue") == "         , Sue"
    assert Caseless(r"\bthank you\b").blank("Thank You, Süe") == "         , Süe"


def test_groups_come_lower_cased_on_ascii_text() -> None:
    """Offsets are exact; a group's text is lower-cased on ASCII text (documented)."""
    (match,) = Caseless(r"^(skills)$", re.MULTILINE).finditer("x\nSKILLS")
    assert match.span(1) == (2, 8)
    assert match.group(1) == "skills"


@pytest.mark.parametrize("source", [r"\x41b", r"(?i:ab)", r"(a)\1"])
def test_sources_that_lowering_would_break_are_refused(source: str) -> None:
    """Escapes naming a character by number, inline flags and back-references are refused."""
    with pytest.raises(ValueError, match="lower-cased"):
        Caseless(source)


@pytest.mark.parametrize("text", ["Disclaimer: x", "DISCLAIMER: é", "nothing here"])
def test_prepare_gives_a_pattern_and_text_with_the_same_offsets(text: str) -> None:
    """Searching the prepared text finds the IGNORECASE pattern's matches, or nothing."""
    caseless = Caseless(r"disclaimer:", needs=("disclaimer:",))
    prepared = caseless.prepare(text)
    expected = caseless.pattern.search(text)
    if prepared is None:
        assert expected is None
        return
    pattern, searched = prepared
    found = pattern.search(searched, 0)
    assert (found and found.span()) == (expected and expected.span())
