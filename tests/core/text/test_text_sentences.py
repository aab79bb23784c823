"""spans: position-bounded searches agree with searching the slice they replace."""

from __future__ import annotations

import random

from app.core.text.sentences import _LAST_TOKEN, _is_abbreviation, split_sentences

_PIECES = [" ", "\n", "Dr.", "e.g.", "A.", "ok!", "why?", "word", ".", "…", '"', ")", "x_y."]


def _by_slice(chunk: str) -> bool:
    match = _LAST_TOKEN.search(chunk)
    if not match:
        return False
    token = match.group(1).lower().rstrip(".")
    return token in {"dr", "e.g"} or (len(token) == 1 and token.isalpha())


def test_abbreviation_search_in_place_matches_slice() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 10)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _is_abbreviation(text, start, end) == _by_slice(text[start:end]), (text, start, end)


def test_long_wrapped_paragraph_is_split_into_its_sentences() -> None:
    text = "\n".join(["This line wraps and goes on"] * 2000) + ". Next one."
    found = split_sentences(text)
    assert [s.text[-8:] for s in found] == ["goes on.", "ext one."]
