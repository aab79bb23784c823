"""The register an introduction is written in, per language, and pt-BR vs pt-PT."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.reply.register import portuguese_variety, register_of, usual_register
from tests.core.reply.language_threads import CASES


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_register_of_each_introduction(case) -> None:
    """The introducer's register is read from their pronoun and verb forms."""
    assert register_of(case.intro, case.lang) == case.register


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_register_of_each_answer(case) -> None:
    """The other side's answer shows its register too."""
    assert register_of(case.answer, case.lang) == case.register


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("es", "Te presento a Luis, creo que os vais a llevar muy bien.", "informal"),
        ("es", "Le presento a Luis; usted ya conoce su empresa.", "polite"),
        ("de", "Du solltest Jana unbedingt kennenlernen.", "informal"),
        ("de", "Darf ich Ihnen Jana vorstellen? Sie leitet das Team.", "polite"),
        ("fr", "Je te présente Paul, tu vas l'adorer.", "informal"),
        ("it", "Ti presento Paolo, sono sicura che ti piacerà.", "informal"),
        ("it", "Mi permetto di presentarLe Paolo, che Lei forse conosce già.", "polite"),
        ("nl", "Ik stel je graag voor aan Pieter, jij zult hem mogen.", "informal"),
        ("nl", "Graag stel ik u voor aan Pieter; kunt u hem bellen?", "polite"),
        ("pt-BR", "Quero te apresentar o João, você vai gostar dele.", "informal"),
        ("pt-PT", "Apresento-te o João, tens de o conhecer.", "informal"),
    ],
)
def test_register_of_short_texts(code: str, text: str, expected: str) -> None:
    """One or two forms are enough to tell."""
    assert register_of(text, code) == expected


def test_no_forms_tell_nothing() -> None:
    """Plural forms shared by both registers ("vous", "ustedes") and no forms at all: None."""
    assert register_of("Je vous présente Paul et Marie.", "fr") is None
    assert register_of("Les presento a Luis y a Marta.", "es") is None
    assert register_of("", "de") is None
    assert register_of("Anything at all", "en") is None


def test_courtesy_forms_count_only_past_a_sentence_start() -> None:
    """German "Sie" opening a sentence may be "she"; in the middle it is the polite "you"."""
    assert register_of("Jana kommt aus Wien. Sie leitet das Team.", "de") is None
    assert register_of("Ich glaube, Sie kennen Jana schon.", "de") == "polite"
    assert register_of("Lei è la persona giusta.", "it") is None


def test_usual_register_per_language() -> None:
    """Without evidence: the polite form in German, French and Italian, else the informal."""
    assert [usual_register(c) for c in ("de", "fr", "it", "pt-PT")] == ["polite"] * 4
    assert [usual_register(c) for c in ("es", "nl", "pt-BR", "en")] == ["informal"] * 4


@pytest.mark.parametrize(
    ("text", "variety"),
    [
        ("Apresento-te o João, que trabalha na nossa equipa.", "pt-PT"),
        ("O João está a trabalhar num projeto novo; entra em contacto com ele.", "pt-PT"),
        ("Te apresento o João, que trabalha na nossa equipe.", "pt-BR"),
        ("O João está fazendo um projeto novo; entre em contato com ele.", "pt-BR"),
        ("Olá João.", "pt-BR"),
    ],
)
def test_portuguese_variety(text: str, variety: str) -> None:
    """European forms (equipa, contacto, "está a fazer", enclitic "-te") make it pt-PT."""
    assert portuguese_variety(text) == variety


@given(st.text(max_size=400), st.sampled_from(["en", "es", "de", "fr", "pt", "it", "nl", "xx"]))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_an_answer(text: str, code: str) -> None:
    """Arbitrary text never raises: a register or None, and a Portuguese variety."""
    assert register_of(text, code) in ("informal", "polite", None)
    assert portuguese_variety(text) in ("pt-BR", "pt-PT")
