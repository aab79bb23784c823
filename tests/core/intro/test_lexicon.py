"""The per-language lexicons: every language loads, entries compile as documented."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.intro.lexicon import (
    CATEGORIES,
    LANGUAGES,
    LEXICONS,
    compile_entries,
    fold,
    fold_mapped,
)

MAX_TOKENS = 7  # a lexicon entry is an idiom, never a sentence


def _data(language: str) -> dict[str, object]:
    path = resources.files("app.core.intro").joinpath(f"lexicon/{language}.json")
    return json.loads(path.read_text("utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_category(language: str) -> None:
    """Each of the seven languages fills every category, its greetings and stop words."""
    lexicon = LEXICONS[language]
    assert lexicon.categories == set(CATEGORIES)
    assert lexicon.greetings
    assert len(lexicon.stopwords) >= 30
    assert lexicon.describe
    assert lexicon.subject is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_entries_are_idioms_not_sentences(language: str) -> None:
    """No entry runs longer than a short idiom, and none repeats within its category."""
    data = _data(language)
    categories = data["categories"]
    assert isinstance(categories, dict)
    for name, entries in categories.items():
        folded = [fold(e) for e in entries]
        long = [e for e in folded if len(e.split()) > MAX_TOKENS]
        assert long == [], f"{language}/{name}: {long}"
        assert len(folded) == len(set(folded)), f"{language}/{name} repeats an entry"


def test_fold_lowers_strips_accents_and_spaces() -> None:
    """Folding makes "Je  vous PRÉSENTE’" match "je vous presente'"."""
    assert fold("Je  vous\nPRÉSENTE’") == "je vous presente'"
    assert fold("") == ""


@pytest.mark.parametrize(
    ("entry", "text", "found"),
    [
        ("introduc* you to", "i'd like to introducing you to sue", True),
        ("introduc* you to", "reintroduce you to", False),
        ("ich setze _ in cc", "ich setze anna maria schmidt in cc", True),
        ("ich setze _ in cc", "ich setze in cc", False),
        ("möchte ... vorstellen", "ich mochte dir gerne anna vorstellen", True),
        ("möchte ... vorstellen", "mochte a b c d e f vorstellen", False),
        ("you two", "you twofold", False),
        ("adding _ who", "adding stephanie gilbert, who is with mg", True),  # a name's comma
        ("adding _ who", "adding, who", False),
    ],
)
def test_entry_syntax(entry: str, text: str, found: bool) -> None:
    """`*` ends a word, `_` is one to three words, `...` up to four, at word boundaries."""
    pattern = compile_entries([entry])
    assert pattern is not None
    assert (pattern.search(text) is not None) is found


def test_a_slot_takes_no_function_word() -> None:
    """ "please call _" names someone: "please call Sue", never "please call if you have"."""
    pattern = compile_entries(["please call _"], frozenset({"if", "you", "me"}))
    assert pattern is not None
    assert pattern.search("please call if you have questions") is None
    assert pattern.search("please call sue park today") is not None


def test_empty_entries_compile_to_nothing() -> None:
    """A category with no entries has no pattern."""
    assert compile_entries([]) is None
    assert compile_entries(["  "]) is None


def _fold_by_regex(text: str) -> str:
    """`fold` as first written: translate, decompose, drop marks, `\\s+` to one space."""
    import re
    import unicodedata

    lowered = text.lower().translate(str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"}))
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", lowered).strip()


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_fold_matches_the_regex_definition(text: str) -> None:
    """The fast `fold` (ASCII shortcut, split/join) equals the plain definition on any text."""
    assert fold(text) == _fold_by_regex(text)


@pytest.mark.parametrize(
    "text",
    ["It`s  Ana’s\u00a0intro", "Ｉｔ＇ｓ\u2003ＯＫ", "Café\tCrème\n\u2028x", "\x1c a \x1f", " "],
)
def test_fold_matches_the_regex_definition_on_tricky_spaces_and_marks(text: str) -> None:
    """No-break, em and line-separator spaces, information separators, fullwidth forms."""
    assert fold(text) == _fold_by_regex(text)


# Latin, Greek (no capital sigma: "Σ" lowers by its place in a word, "ς" or "σ", which
# one character alone cannot tell), combining marks, and every kind of space.
_MAPPED_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="Σ"), max_size=120)


@given(_MAPPED_TEXT)
def test_fold_mapped_is_fold_with_where_each_character_came_from(text: str) -> None:
    folded, origin = fold_mapped(text)
    assert folded == fold(text)
    assert len(origin) == len(folded)
    assert origin == sorted(origin)
    for index, char in zip(origin, folded, strict=True):
        assert char == " " or char in fold(text[index])


@given(_MAPPED_TEXT)
def test_fold_mapped_words_only_treats_punctuation_as_space(text: str) -> None:
    folded, origin = fold_mapped(text, words_only=True)
    assert folded == " ".join(re.sub(r"[^\w']+", " ", fold(text)).split())
    assert len(origin) == len(folded)


def test_fold_mapped_finds_a_phrase_in_the_original_text() -> None:
    text = "Un  café, mañana  à 9h?"
    folded, origin = fold_mapped(text, words_only=True)
    start = folded.index("cafe manana")
    end = start + len("cafe manana")
    assert text[origin[start] : origin[end - 1] + 1] == "café, mañana"
    assert fold_mapped("e\u0301te\u0301")[0] == "ete"  # a lone combining mark adds nothing
