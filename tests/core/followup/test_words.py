"""Meeting phrases per language, matched on folded text and given back as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.followup.words import LANGUAGES, WORDS, normalise, words_for
from app.core.intro.lexicon import fold_mapped

# Per language: a sentence with a meeting phrase, and the phrase as written in it.
WRITTEN = {
    "en": ("Perfect — SEE YOU Thursday at 9!", "SEE YOU Thursday"),
    "es": ("¡Gracias por el café de ayer!", "Gracias por el café"),
    "de": ("Danke für das Gespräch, Dana.", "Danke für das Gespräch"),
    "fr": ("Ravie de t’avoir rencontré hier.", "Ravie de t’avoir rencontré"),
    "pt": ("Foi um prazer te conhecer, Dana.", "Foi um prazer te conhecer"),
    "it": ("È stato un piacere conoscerti!", "È stato un piacere conoscerti"),
    "nl": ("Bedankt voor de koffie vanochtend.", "Bedankt voor de koffie"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_finds_its_phrase_as_written(language: str) -> None:
    text, phrase = WRITTEN[language]
    assert WORDS[language].meeting_words(text) == phrase


@pytest.mark.parametrize("language", LANGUAGES)
def test_looking_forward_is_not_a_meeting(language: str) -> None:
    """Hopes and proposals in a first reply are not a meeting held or fixed."""
    hopes = "Nice to e-meet you! Would a coffee next week work? Looking forward to it."
    assert WORDS[language].meeting_words(hopes) == ""


def test_an_unknown_language_reads_english() -> None:
    assert words_for("pl") is WORDS["en"]


@given(st.text(alphabet=st.characters(codec="latin-1"), max_size=200))
def test_the_mapped_form_is_the_normal_form(text: str) -> None:
    folded, origin = fold_mapped(text, words_only=True)
    assert folded == normalise(text)
    assert len(origin) == len(folded)
    assert origin == sorted(origin)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "See you Thursday? Or Friday if that suits you better."),
        ("it", "Ci sentiamo giovedì?"),
        ("de", "Wir sehen uns am Montag?"),
    ],
)
def test_a_meeting_phrase_in_a_question_is_a_proposal(language: str, text: str) -> None:
    assert WORDS[language].meeting_words(text) == ""


def test_a_later_confirmed_phrase_counts_after_a_question() -> None:
    text = "See you Thursday? Yes: it's in the calendar."
    assert WORDS["en"].meeting_words(text) == "it's in the calendar"


def test_a_deadline_is_not_a_meeting() -> None:
    """German "bis Freitag" is also a deadline; only "dann bis Freitag" says see you."""
    assert WORDS["de"].meeting_words("Ich bräuchte bis Freitag eine Einschätzung.") == ""
    assert WORDS["de"].meeting_words("Prima, dann bis Freitag!") == "dann bis Freitag"
