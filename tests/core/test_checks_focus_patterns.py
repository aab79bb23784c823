"""Tests for the focus check's pronoun pattern: the short form finds what the long one did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks.focus import _ANY_CREDENTIAL, _CREDENTIAL, _FIRST

_AS_WRITTEN = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'd"
    r"|[Ww]e'll|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)\b"
)
_WORDS = "I I'm I've I'd I'll me My mine Myself we We're we've We'd we'll us Our ours Ourselves"
_PIECES = st.one_of(
    st.sampled_from(_WORDS.split()),
    st.sampled_from([" ", " ", ".", "'", "_", "x", "é", "1", "Mine's", "usual", "Iran"]),
    st.text(max_size=2),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_first_person_search_is_unchanged(text: str) -> None:
    """A match exactly where the pattern with every contraction had one."""
    assert _FIRST.search(text) is (_AS_WRITTEN.search(text) is not None)


_CREDENTIAL_WORDS = st.sampled_from(
    [
        "15",
        "years",
        "my",
        "our",
        "background",
        "team",
        "I",
        "we",
        "have",
        "led",
        "MBA",
        "PhD",
        "award-winning",
        "rated",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.lists(st.one_of(_CREDENTIAL_WORDS, _PIECES), max_size=12).map(" ".join),
        st.from_regex(_CREDENTIAL),
    )
)
def test_credential_gate_passes_every_sentence_with_a_credential(text: str) -> None:
    """The quick search finds a credential exactly when the counting pattern does."""
    assert _ANY_CREDENTIAL.search(text) is (_CREDENTIAL.search(text) is not None)
