"""spans: position-bounded searches agree with searching the slice they replace."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text import sentences
from app.core.text.sentences import _ABBREV, _LAST_TOKEN, _is_abbreviation, split_sentences

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


# Tests for the splitter's abbreviation test: searching from the last run finds the same token.
_ABBR_PIECES = st.one_of(
    st.sampled_from(["Mr.", "Dr. ", "e.g.", "J.", "U.S.", " ", "\n", ".", "!", "?", "…", '"', ")"]),
    st.sampled_from(["Hahn", "said", "x_1", "Ünal", "٣", "'", "]", "-", ",", "\t"]),
    st.text(max_size=2),
)


def _reference(text: str, start: int, end: int) -> bool:
    """The abbreviation test as first written: search all of text[start:end]."""
    match = _LAST_TOKEN.search(text, start, end)
    if not match:
        return False
    token = match.group(1).lower().rstrip(".")
    return token in _ABBREV or (len(token) == 1 and token.isalpha())


@settings(max_examples=500, deadline=None)
@given(st.lists(_ABBR_PIECES, max_size=30).map("".join), st.integers(0, 80), st.integers(0, 80))
def test_abbreviation_matches_a_search_of_the_whole_range(text: str, start: int, end: int) -> None:
    """The answer is the one a search of all of text[start:end] gives."""
    assert _is_abbreviation(text, start, end) is _reference(text, start, end)


def test_a_sentence_of_many_abbreviations_is_split_once() -> None:
    """Titles and initials inside a sentence never end it."""
    text = "Mr. Hahn met Dr. J. Smith and Mr. McCall at 5 p.m. in St. Louis. Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Hahn met Dr. J. Smith and Mr. McCall at 5 p.m. in St. Louis.",
        "Then he left.",
    ]


# Titles and abbreviations of the seven first-class languages (the lexicon file).
_ONE_SENTENCE = {
    "it": [
        "Ti presento il Dott. Rossi, che lavora con noi.",
        "Ho parlato con la Sig.ra Bianchi e con il Sig. Verdi ieri.",
        "L'Ing. Neri e l'Avv. Galli ti scriveranno presto.",
        "La Prof.ssa Conti insegna a Bologna, ecc. e ha tempo.",
        "Gent.mo Dott. Ferri, le scrivo per conto di Marta.",
    ],
    "es": [
        "Te presento al Sr. Gómez y a la Sra. Ruiz, de Madrid.",
        "Doña Elena, o sea la Dña. Elena Pardo, dirige el equipo.",
        "El Lic. Ortega y el Ing. Salas trabajan allí, p.ej. en ventas.",
    ],
    "de": [
        "Ich möchte dir Dr. Weber vorstellen, der bei uns arbeitet.",
        "Hr. Braun und Fr. Klein leiten z. B. das Team in Köln.",
        "Das sind ca. zehn Leute bzw. zwei Teams in Berlin.",
    ],
    "fr": [
        "Je te présente M. Durand, qui dirige l'équipe de Lyon.",
        "Mme Petit et le Dr Martin travaillent, p. ex. à Paris, ensemble.",
    ],
    "pt": [
        "Apresento-lhe o Sr. Costa e a Sra. Lima, de Lisboa.",
        "A Dra. Souza e o Eng. Alves trabalham juntos no projeto.",
    ],
    "nl": [
        "Graag stel ik je voor aan dhr. de Vries van ons team.",
        "Mevr. Jansen en ir. Bakker werken samen met drs. Smit.",
        "Mr. Visser werkt bijv. aan contracten voor ons.",
    ],
    "en": [
        "I'd like you to meet Mrs. Park, e.g. over coffee next week.",
        "She runs sales at Acme Inc. and knows approx. everyone there.",
        "He knows the field, i.e. the people who matter.",
    ],
}


def test_titles_and_abbreviations_of_each_language_do_not_end_a_sentence() -> None:
    for lang, examples in _ONE_SENTENCE.items():
        for sentence in examples:
            found = [s.text for s in split_sentences(sentence + " Next one.")]
            assert found == [sentence, "Next one."], (lang, found)


def test_a_full_stop_after_an_ordinary_word_still_ends_a_sentence() -> None:
    text = "Ci vediamo domani. Sono qui. Hasta luego. Es ist gut. C'est moi. Tot ziens."
    assert len(split_sentences(text)) == 6


def test_the_abbreviation_lexicon_has_each_language_in_its_own_form() -> None:
    raw = json.loads(Path(sentences.__file__).with_name("abbreviations.json").read_text("utf-8"))
    assert {k for k in raw if not k.startswith("_")} == {"en", "es", "de", "fr", "pt", "it", "nl"}
    for lang, entries in raw.items():
        if lang.startswith("_"):
            continue
        for entry in entries:
            assert entry == entry.lower().strip(), (lang, entry)
            assert not entry.endswith("."), (lang, entry)
            assert len(entry) > 1, (lang, entry)
        assert set(entries) <= _ABBREV
