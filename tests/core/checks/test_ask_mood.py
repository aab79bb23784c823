"""The mood of a request: imperatives, a modal with a verb of doing, the writer benefiting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.checks.ask_model import features
from app.core.checks.ask_mood import mood_features
from app.core.intro.lexicon import fold


def _mood(sentence: str) -> set[str]:
    return {f for f in features(sentence) if f.startswith("m:")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Please book it for 3 nights.",
        "Carlos - please check with measurement.",
        "Toni: please make the offer asap.",
        "If that date doesn't work, send the file to Kay.",
        "Schick mir bitte das Deck.",
        "Merci de m'envoyer ton CV.",
        "Mándame el informe, porfa.",
        "Manda-me o relatório, por favor.",
        "Mandami il report, per favore.",
        "Stuur me alsjeblieft het rapport.",
    ],
)
def test_an_opening_verb_of_doing_is_an_imperative(sentence: str) -> None:
    """A sentence (or its main clause, past a name or a short clause) opening with a verb."""
    assert "m:imp" in _mood(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Do you know if this has been addressed?",
        "Let's grab coffee next week.",
        "Thanks so much for the introduction, Joe.",
        "I sent the report to Kay yesterday.",
        "Click here to see your results.",
    ],
)
def test_questions_proposals_and_statements_are_not_imperatives(sentence: str) -> None:
    """A question ("do you"), a proposal ("let's"), a statement, a mass-mail call to action."""
    assert "m:imp" not in _mood(sentence)


def test_please_and_the_writer_as_beneficiary_are_marked() -> None:
    """ "please" and a word of the writer ("me", "my", an attached "-me") join the imperative."""
    assert _mood("Please send me the deck.") == {"m:imp", "m:imp+please", "m:imp+me"}
    assert _mood("Mándame el informe.") == {"m:imp", "m:imp+me"}
    assert _mood("Send the deck to Kay.") == {"m:imp"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Could you resend the January report?",
        "Kannst du mir bitte das Deck von gestern schicken?",
        "Pourriez-vous m'envoyer le dossier ?",
        "Potresti inoltrarmi il report?",
        "Kun je me het rapport sturen?",
    ],
)
def test_a_modal_with_a_verb_of_doing(sentence: str) -> None:
    """ "could you" and a verb of doing within a few words, in any of our languages."""
    assert "m:modal" in _mood(sentence)


def test_a_modal_of_the_third_person_is_no_request() -> None:
    """ "poderia" mid-clause after its subject is "could", not "could you"."""
    assert "m:modal" not in _mood("Uma conversa curta poderia ajudar muito.")
    assert "m:modal" in _mood("Poderia me enviar o relatório?")
    assert "m:modal" in _mood("Joe, if you get a chance could you send the deck?")


def test_a_modal_without_a_verb_of_doing() -> None:
    """ "could you" followed by a verb of meeting or by nothing of the kind is no request form."""
    assert "m:modal" not in _mood("Could we meet on Tuesday?")
    assert "m:modal" not in _mood("Would you be up for a coffee next week?")


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    """Any text gives a list of mood features (maybe empty)."""
    found = mood_features(fold(text), [(0, len(text) // 2), (len(text) // 2, len(text))])
    assert all(f.startswith("m:") for f in found)
