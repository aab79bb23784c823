"""Next steps and thanks the third reply probe found unread, as families in every language
(`reply_lexicon/*.json`, `structure`): a visit to the reader's office, a free slot offered
or asked for, German separable "anrufen" / "vorbeikommen" with a long middle, Spanish
"agradezco". Sentences written for these tests, none from the probe."""

from __future__ import annotations

import pytest

from app.core.checks import has_thanks, is_next_step

VISITS = {
    "en": "I could come over to your office on a day that suits you.",
    "es": "Si te parece, el miércoles me acerco a tu oficina con los prototipos.",
    "de": "Gern komme ich nächste Woche mit den Mustern in Ihrem Büro vorbei.",
    "fr": "Je peux passer à votre bureau jeudi avec les échantillons ?",
    "pt": "Posso ir ao seu escritório na quinta com as amostras?",
    "it": "Vengo volentieri nel suo ufficio giovedì con i campioni.",
    "nl": "Ik kom donderdag graag met de monsters bij u op kantoor langs.",
}
SLOTS = {
    "es": "¿Tienes algún hueco la semana que viene?",
    "de": "Haben Sie ein Zeitfenster frei?",
    "fr": "Je vous envoie quelques créneaux ?",
    "pt": "Posso mandar-lhe alguns horários?",
    "it": "Le mando qualche orario?",
    "nl": "Zal ik een paar tijden sturen?",
}
# Office and slot words without a time or a question stay no next step.
NOT_STEPS = {
    "en": "Your office has a lovely view of the river.",
    "es": "Tu oficina tiene unas vistas preciosas.",
    "de": "In Ihrem Büro hängt ein schönes Bild.",
    "fr": "Votre bureau a une vue superbe sur la Saône.",
    "pt": "O seu escritório tem uma vista linda.",
    "it": "Il suo ufficio ha una vista splendida.",
    "nl": "Uw kantoor heeft een prachtig uitzicht.",
}


@pytest.mark.parametrize(("lang", "sentence"), VISITS.items())
def test_a_visit_to_the_readers_office_is_a_next_step(lang: str, sentence: str) -> None:
    assert is_next_step(sentence, () if lang == "en" else (lang,))


@pytest.mark.parametrize(("lang", "sentence"), SLOTS.items())
def test_a_free_slot_offered_or_asked_for_is_a_next_step(lang: str, sentence: str) -> None:
    assert is_next_step(sentence, (lang,))


@pytest.mark.parametrize(("lang", "sentence"), NOT_STEPS.items())
def test_an_office_described_is_no_next_step(lang: str, sentence: str) -> None:
    assert not is_next_step(sentence, () if lang == "en" else (lang,))


@pytest.mark.parametrize(
    "sentence",
    [
        "Ich rufe Sie gern übermorgen gegen elf Uhr im Institut an.",
        "Morgen schaue ich mit dem Prototyp kurz bei dir vorbei.",
    ],
)
def test_german_separable_verbs_with_a_long_middle(sentence: str) -> None:
    assert is_next_step(sentence, ("de",))


def test_spanish_agradezco_is_thanks() -> None:
    assert has_thanks("Marta me dio tu correo y se lo agradezco de verdad.", ("es",))
    assert has_thanks("Quiero que sepas cuánto lo agradezco.", ("es",))


TABLES = {
    "en": "I could reserve a table at the Greek place for Friday lunch.",
    "es": "Reservo una mesa en el bar de abajo para el martes a las dos.",
    "de": "Ich reserviere für Mittwoch einen Tisch im Café am Markt.",
    "fr": "Je réserve une table pour vendredi midi près de la gare.",
    "pt": "Reservo uma mesa no restaurante da esquina para terça.",
    "it": "Prenoto un tavolo in trattoria per martedì alle 13.",
    "nl": "Ik reserveer vrijdag een tafel in het café om de hoek.",
}


@pytest.mark.parametrize(("lang", "sentence"), TABLES.items())
def test_booking_a_table_or_a_room_is_a_next_step(lang: str, sentence: str) -> None:
    assert is_next_step(sentence, () if lang == "en" else (lang,))
