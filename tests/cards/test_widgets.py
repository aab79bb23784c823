"""Card widget helpers: what reaches a card's text."""

from __future__ import annotations

from app.cards.widgets import esc


def test_card_text_is_escaped() -> None:
    assert esc("Sue <b>& Joe</b>") == "Sue &lt;b&gt;&amp; Joe&lt;/b&gt;"


def test_card_text_sheds_direction_controls_but_keeps_right_to_left_words() -> None:
    """An override or isolate left open in mail text (an excerpt, a blurb, a name read
    from a body) would reorder the rest of the card's line; Hebrew and Arabic need none."""
    assert esc("\u202eeoJ introduced you to Sue") == "eoJ introduced you to Sue"
    assert esc("Joe \u2066Smith\u2069 wrote") == "Joe Smith wrote"
    assert esc("\u200fיוסי לוי and محمد") == "\u200fיוסי לוי and محمد"
