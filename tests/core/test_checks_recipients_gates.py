"""Tests for the introducer-name patterns' gates: a text they turn away has no match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks.recipients import _NAMED_PATTERNS, introducer_named_in

_ASCII = st.characters(min_codepoint=32, max_codepoint=126)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_gates_pass_every_text_the_pattern_matches(data: st.DataObject) -> None:
    """Strings drawn from each pattern, ASCII or not, pass all of its gates."""
    for pattern, gates in _NAMED_PATTERNS:
        for alphabet in (_ASCII, None):
            text = data.draw(st.from_regex(pattern, alphabet=alphabet))
            assert pattern.search(text)
            assert all(gate(text) for gate in gates)


def test_most_patterns_are_gated() -> None:
    """The costly patterns have gates (the one starting at a sentence end is cheap)."""
    assert sum(1 for _, gates in _NAMED_PATTERNS if gates) == len(_NAMED_PATTERNS) - 1


def test_gated_text_still_finds_the_introducer() -> None:
    """Mixed-case and non-ASCII replies still name the introducer."""
    assert introducer_named_in("THANKS for the intro, Jim.") == "Jim"
    assert introducer_named_in("Following Phil Carroll's note — café?") == "Phil Carroll"
    assert introducer_named_in("Nothing about anyone here.") == ""
