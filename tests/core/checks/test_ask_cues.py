"""Tests for `ask_cues.cue`: which path of the English request cues a sentence takes."""

from __future__ import annotations

import pytest

from app.core.checks.ask_cues import cue


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Could you refer me for the analyst role?", ("strong", "referral")),
        ("Would you mind picking your brain over the phone?", ("form", "advice")),
        ("Could you send me the deck from your talk?", ("generic", "favour")),
        ("Please review the attached draft of my plan.", ("form", "review")),
        ("Please review our privacy policy.", ("form", "review")),
        ("Would you like me to send over the article?", None),
        ("We met at the conference last spring.", None),
    ],
)
def test_cue_paths(sentence: str, expected: tuple[str, str] | None) -> None:
    """Strong asks, "could you send me", and request forms are told apart; offers are not cues."""
    assert cue(sentence) == expected
