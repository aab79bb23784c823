"""The quick test for plain lower-case words never changes what counts as a greeting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intro.people import _GREETING, _NAME, _NOT_NAMES, _is_greeting, vocatives


def _is_greeting_plain(text: str) -> bool:
    """`_is_greeting` as it was before the quick test, regular expressions only."""
    match = _GREETING.match(text[:160])
    if match is not None and not text[match.end() :].strip():
        return True
    return len(text) < 80 and not _NOT_NAMES.sub("", _NAME.sub("", text))


WORDS = st.sampled_from(
    " ".join(
        (
            "Hi Hey hi hello Dear Good morning thanks so much Thank you and und y et e",
            "de van della St. St J. Sue Dana Zoë O'Neil Jean-pierre Ørsted meet runs x a",
            "and. dex vanilla ande Sue, Dana: – — - / & + ( ) . , : ! ; ? 3 İ ı",
        )
    ).split(" ")
)
GAPS = st.sampled_from([" ", "  ", "\n", ", ", "", "\t"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(WORDS, GAPS), max_size=12))
def test_quick_test_agrees_with_the_patterns(pieces: list[tuple[str, str]]) -> None:
    """Word soups of names, greetings, particles and punctuation: same answer either way."""
    text = "".join(word + gap for word, gap in pieces)
    assert _is_greeting(text) == _is_greeting_plain(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_quick_test_agrees_on_any_text(text: str) -> None:
    """Arbitrary text: same answer either way."""
    assert _is_greeting(text) == _is_greeting_plain(text)


def test_greetings_and_name_exchanges() -> None:
    """Greetings and bare name exchanges still say nothing; sentences with verbs do."""
    assert _is_greeting("Hi Jeff:")
    assert _is_greeting("good morning Sue and Dana,")
    assert _is_greeting("Sue — Joe.")
    assert _is_greeting("Ludwig van Beethoven, Sue")
    assert not _is_greeting("Sue, meet Dana.")
    assert not _is_greeting("Dana runs growth at Reyes.")


def test_vocative_lines_need_a_comma_or_colon() -> None:
    """Lines addressing someone are found past the greeting; other lines are skipped."""
    text = "Hi Sue,\nthanks.\nLarry,\nEd: please meet Sue\nJoe meet Sue\n" + "x\n" * 70 + "Al,"
    assert vocatives(text) == ("Sue", "Larry", "Ed")
