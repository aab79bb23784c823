"""Families added from the third probe (real-mail shapes, issue 10): a preposition joined
with an article ("presentarle al Ing. …", "au", "do", "alla"), a copy said in a relative
clause ("a quien copio", "a quem copio"), two people copied at once ("Carla and Josh
(copied)"), a copy said with a pronoun ("Copying him."), and someone else who can help
("She can help.", "… and can tell you", "You're the right person")."""

from __future__ import annotations

import pytest

from app.core.intro.lexicon import LEXICONS, fold
from app.core.intro.reading import read
from app.core.model import Address
from app.core.text import split_sentences
from tests.core.intro.mail import email_of

SARA = Address("Sara Lind", "sara@lind.example")
RICK = Address("Rick Santos", "rick@field.example")


def _categories(language: str, text: str) -> set[str]:
    return {category for _, category, _ in LEXICONS[language].matcher.scan(fold(text))}


@pytest.mark.parametrize(
    ("language", "text", "category"),
    [
        ("es", "Me permito presentarle al Ing. Ramiro Castañeda.", "connect"),
        ("es", "Te presento al director de compras.", "connect"),
        ("fr", "Je transmets au service juridique, qui s'en occupe.", "handoff"),
        ("pt", "Deixo nas mãos do Bruno, que cuida da exportação.", "handoff"),
        ("it", "Giro la mail alla collega Elena, che segue i bandi.", "handoff"),
    ],
)
def test_a_preposition_joined_with_an_article_still_reads(
    language: str, text: str, category: str
) -> None:
    """Entries ending in a preposition ("a", "à", "de", "di") also match its contracted
    forms ("al", "au", "do", "alla"), listed per language under `contractions`."""
    assert category in _categories(language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Le presento al Ing. Rick Santos, a quien copio en este correo."),
        ("pt", "O Rick, a quem copio aqui, cuida da exportação."),
    ],
)
def test_a_copy_in_a_relative_clause_is_a_handoff(language: str, text: str) -> None:
    """ "X, a quien copio / a quem copio": the copy said in a clause about the person."""
    assert "handoff" in _categories(language, text)


def test_two_people_copied_at_once_are_both_introduced() -> None:
    """ "Carla and Josh (copied)": the copy marker after a pair names both of them."""
    carla = Address("Carla Mendes", "carla@field.example")
    text = "Luis, welcome. Carla and Rick (copied) are the two people you will work with most."
    email = email_of(text, (SARA,), (carla, RICK), "Welcome")
    names = {n for hit in read(email, split_sentences(email.new_text)).hits for n in hit.names}
    assert {"Carla", "Rick"} <= names


def test_contractions_apply_only_to_a_final_preposition() -> None:
    """A contraction never stands alone: an entry that is only "a" is not widened."""
    assert "connect" not in _categories("es", "Al director le gustó el informe.")


@pytest.mark.parametrize(
    "text",
    [
        "Rick runs the desk and knows the counterparty. Copying him.",
        "Rick and Ana know the contract. Adding them here.",
        "I've added Rick to this thread.",
    ],
)
def test_a_copy_said_with_a_pronoun_is_a_handoff(text: str) -> None:
    """Terse corporate hand-offs name the person first and copy "him" after."""
    assert "handoff" in _categories("en", text)


@pytest.mark.parametrize(
    "text",
    [
        "Nina administers the plan. She can help.",
        "Rick set up the master agreement and can tell you what collateral they accept.",
        "Evan coordinates recruiting and can set up the campus visit.",
        "Hugh, Tara needs someone who understands the pricing. You're the right person.",
    ],
)
def test_someone_else_who_can_help_is_capable(text: str) -> None:
    """ "She can help", "… and can tell you", and the reader told they are the one to help."""
    assert "capable" in _categories("en", text)


def test_i_can_tell_you_is_not_someone_elses_capability() -> None:
    """The writer's own "I can tell you" describes nobody copied."""
    assert "capable" not in _categories("en", "I can tell you that the deal is off.")


ASK_TO_HELP = {
    "en": "Leo, Sara needs the counterparty's name. Can you help her out?",
    "es": "Leo, Sara necesita el contacto. ¿Puedes ayudarla esta semana?",
    "de": "Leo, Sara braucht den Kontakt. Kannst du ihr helfen?",
    "fr": "Léo, Sara cherche le contact. Pourrais-tu l'aider cette semaine ?",
    "pt": "Leo, a Sara precisa do contato. Podes ajudá-la esta semana?",
    "it": "Leo, Sara cerca il contatto. Potresti aiutarla questa settimana?",
    "nl": "Leo, Sara zoekt het contact. Kun je haar helpen deze week?",
}


@pytest.mark.parametrize("language", sorted(ASK_TO_HELP))
def test_asking_the_copied_person_to_help_the_other_is_capable(language: str) -> None:
    """The hand-off said as a request to the one copied: "can you help her", "kannst du
    ihr helfen", "kun je haar helpen" (never "help me": that asks for the writer)."""
    assert "capable" in _categories(language, ASK_TO_HELP[language])
    assert "capable" not in _categories("en", "Can you help me with the model?")
