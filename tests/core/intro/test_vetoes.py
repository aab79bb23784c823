"""Veto patterns behind their first-letter look-ahead match exactly as the plain patterns."""

from __future__ import annotations

import re
import re._parser as sre_parse  # test only: reads the patterns' structure

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intro.vetoes import _FIRST_LETTERS, _VETOES, NEGATIVE

PLAIN = {name: re.compile(pattern, re.IGNORECASE) for name, _, pattern in _VETOES}


def _first_letters(items: list[tuple[object, object]]) -> set[str] | None:
    """The literal characters a parsed sequence can start with (None: not only literals)."""
    op, av = items[0]
    if op is sre_parse.LITERAL and isinstance(av, int):
        return {chr(av).lower()}
    if op is sre_parse.SUBPATTERN and isinstance(av, tuple):
        return _first_letters(list(av[3]))
    if op is sre_parse.BRANCH and isinstance(av, tuple):
        found: set[str] = set()
        for alternative in av[1]:
            letters = _first_letters(list(alternative))
            if letters is None:
                return None
            found |= letters
        return found
    return None


def test_first_letters_cover_every_alternative() -> None:
    """Each veto is \\b then alternatives that all start with one of its declared letters."""
    for name, _, pattern in _VETOES:
        parsed = list(sre_parse.parse(pattern, re.IGNORECASE))
        assert parsed[0] == (sre_parse.AT, sre_parse.AT_BOUNDARY), name
        assert _first_letters(parsed[1:]) == set(_FIRST_LETTERS[name]), name


WORDS = st.sampled_from(
    " ".join(
        (
            "I introduce myself my name is could you please introduce me put in touch",
            "connect with happy to an intro if you'd like would you be open meet Sue",
            "suggested that I contact referred me assistant EA calendar availability",
            "schedule a call thanks for the intro we met introduces the speaker our new",
            "product ıntroduce İntroduce ſchedule Kalendar . ? ! , stellen wir vorstellen",
        )
    ).split(" ")
)


@settings(max_examples=600, deadline=None)
@given(st.lists(WORDS, max_size=14).map(" ".join))
def test_vetoes_match_as_the_plain_patterns(text: str) -> None:
    """Word soups of veto phrases (with dotless i and long s): same match, same place."""
    for veto in NEGATIVE:
        new, plain = veto.pattern.search(text), PLAIN[veto.name].search(text)
        assert (new and new.span()) == (plain and plain.span()), veto.name
