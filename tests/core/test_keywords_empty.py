"""Empty texts hold no cue keyword and are answered without testing every keyword."""

from __future__ import annotations

from app.core.intro.cues import has_keyword, keywords_in
from app.core.intro.reading import could_hold_cue, read
from app.core.model import Email


def test_empty_texts_hold_no_keyword() -> None:
    """Nothing quoted, nothing written: no keywords, no sentences, no hits."""
    assert keywords_in("") == frozenset()
    assert not has_keyword("")
    assert not could_hold_cue("")
    reading = read(Email())
    assert (reading.spans, reading.hits) == ((), [])
    assert keywords_in("i'd like to introduce you") == frozenset({"introduc"})
