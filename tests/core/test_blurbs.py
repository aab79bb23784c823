"""Blurbs for several people of one message read each sentence once, with the same result."""

from __future__ import annotations

from app.core.intro.people import Blurbs, blurb_for
from app.core.text import split_sentences

TEXT = (
    "Hi Sue and Dana,\n\nSue, meet Dana. Dana runs growth at Reyes and has scaled two teams. "
    "She is thinking about her next chapter.\n\nDana, meet Sue. Sue leads product at Acme; "
    "Dana pilots sensors. Brent: Ed is part of the sales team here. I'll let you two take it."
)


def test_shared_blurbs_match_one_at_a_time() -> None:
    """Asking one Blurbs for each person, in any order, gives each person's own blurb."""
    spans = split_sentences(TEXT)
    cues = frozenset({1, 4})
    names = ["Dana", "Sue", "Ed", "Brent", "", "Nobody", "Dana"]
    shared = Blurbs(spans, cues)
    assert [shared.about(n) for n in names] == [blurb_for(n, spans, cues) for n in names]
    assert shared.about("Sue") == "Sue leads product at Acme"
    assert shared.about("Ed") == "Ed is part of the sales team here."
