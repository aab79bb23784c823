"""Ask families the third reply probe showed, in seven languages (`ask_forms.json`,
`ask_shapes.json`, `ask_kinds.json`, refitted `ask_weights.json`): a question of interest
or a booking link is no ask, a job ask put as an indirect question is one; goodbyes,
"I'll make sure" and "je pense à" are no request shape. Sentences written for these
tests, none from the probe or the training files."""

from __future__ import annotations

import pytest

from app.core.checks import ask_kind
from app.core.checks.ask_model import features, request_forms

INTEREST = {
    "en": "How did you get into hospital architecture in the first place?",
    "es": "¿Cómo llegaste a trabajar en energías renovables?",
    "de": "Wie sind Sie eigentlich zum Brückenbau gekommen?",
    "fr": "Comment êtes-vous arrivée dans la recherche clinique ?",
    "pt": "Como você chegou à engenharia de software depois da música?",
    "it": "Come sei arrivato a occuparti di vini naturali?",
    "nl": "Hoe ben je in de scheepsbouw terechtgekomen?",
}
BOOKINGS = {
    "en": "Feel free to book a slot in my calendar whenever suits: cal.com/ana-ruiz",
    "es": "Si quieres, reserva un rato en mi agenda: cal.com/ana-ruiz",
    "de": "Du kannst direkt einen Termin in meinem Kalender buchen: cal.com/ana-ruiz",
    "fr": "Vous pouvez réserver un moment dans mon agenda : cal.com/ana-ruiz",
    "pt": "Pode agendar um horário na minha agenda: cal.com/ana-ruiz",
    "it": "Puoi prenotare un orario nella mia agenda: cal.com/ana-ruiz",
    "nl": "Je kunt zelf een moment boeken in mijn agenda: cal.com/ana-ruiz",
}
JOB_QUESTIONS = {
    "es": "Quería saber si en el hospital hay alguna vacante de enfermería para el verano.",
    "de": "Ich wollte fragen, ob in Ihrer Kanzlei im Herbst eine Stelle frei wird.",
    "pt": "Queria saber se a clínica tem alguma vaga aberta para fisioterapeutas.",
    "it": "Volevo chiedere se nel vostro laboratorio ci sono posizioni aperte per tecnici.",
}


@pytest.mark.parametrize(("lang", "sentence"), INTEREST.items())
def test_a_question_of_interest_is_no_ask(lang: str, sentence: str) -> None:
    assert "about_you" in request_forms(sentence), lang
    assert ask_kind(sentence) is None


@pytest.mark.parametrize(("lang", "sentence"), BOOKINGS.items())
def test_a_booking_link_is_a_meeting_form_and_no_ask(lang: str, sentence: str) -> None:
    assert "meet" in request_forms(sentence), lang
    assert ask_kind(sentence) is None


@pytest.mark.parametrize(("lang", "sentence"), JOB_QUESTIONS.items())
def test_a_job_ask_put_as_an_indirect_question_asks(lang: str, sentence: str) -> None:
    assert "grateful_if" in request_forms(sentence), lang
    assert "f:hiring" in features(sentence), lang
    assert ask_kind(sentence) == "job"


@pytest.mark.parametrize("goodbye", ["Bis morgen!", "Até amanhã!", "¡Hasta mañana!", "À demain !"])
def test_a_goodbye_is_no_deadline(goodbye: str) -> None:
    assert "deadline" not in request_forms(goodbye)
    assert ask_kind(goodbye) is None


def test_a_task_put_on_the_reader_is_told_from_the_writers_own_plan() -> None:
    assert "you_should" not in request_forms("I'll make sure the figures are ready by then.")
    assert "you_should" in request_forms("Please make sure the figures reach me by then.")
    assert "you_should" not in request_forms("Je pense à un déjeuner jeudi, ça te va ?")
    assert "you_should" in request_forms("Pense à moi si un poste se libère chez vous.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Me vendría muy bien algún nombre de gente del sector con quien hablar.",
        "Mi farebbe comodo qualche nome di fornitori affidabili.",
        "Hättest du ein paar Namen von Leuten, mit denen ich sprechen sollte?",
    ],
)
def test_a_name_or_two_is_a_contacts_word(sentence: str) -> None:
    assert "k:contacts" in features(sentence)
