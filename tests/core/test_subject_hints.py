"""Subject patterns behind quick substring tests find exactly what the patterns alone find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intro.cues import SUBJECT, subject_hints

PIECES = st.sampled_from(
    " | ".join(
        (
            "Intro: | Re: | Fwd: | Sue | Dana Reyes | <> | <-> | ↔ | / | + | & | x | X | and",
            "meet | Meet | MEET | mееt | , | : | – | - | Introducing | introduction of | ı | İ",
            "Joe's | van | O'Neil | ſ | K | 2 | ",
        )
    ).split(" | ")
)


def _plain(subject: str) -> list[tuple[str, tuple[str | None, ...]]]:
    found = [(name, pattern.search(subject)) for name, pattern in SUBJECT]
    return [(name, m.groups()) for name, m in found if m]


def _hints(subject: str) -> list[tuple[str, tuple[str | None, ...]]]:
    return [(name, m.groups()) for name, m in subject_hints(subject)]


@settings(max_examples=800, deadline=None)
@given(st.lists(PIECES, max_size=10).map(" ".join))
def test_hints_match_the_patterns(subject: str) -> None:
    """Subjects built from names, separators and "meet" spellings: the same hints."""
    assert _hints(subject) == _plain(subject)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_hints_match_the_patterns_on_any_text(subject: str) -> None:
    """Arbitrary subjects: the same hints."""
    assert _hints(subject) == _plain(subject)


def test_common_subjects() -> None:
    """Pairs, "meet" and plain subjects."""
    assert [n for n, _ in subject_hints("Intro: Sue <> Dana")] == ["subject-intro", "subject-pair"]
    assert [n for n, _ in subject_hints("Sue, meet Dana")] == ["subject-meet"]
    assert subject_hints("Quarterly numbers") == []
