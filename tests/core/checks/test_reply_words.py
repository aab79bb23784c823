"""The reply checks in Spanish, German, French, Portuguese, Italian and Dutch.

Sentences and replies written for these tests by fluent readers; none comes from the
corpus the lexicons are measured on.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from app.core.checks import has_thanks, is_next_step, reply_languages
from app.core.checks.draft import Draft, check_reply
from app.core.checks.finding import Finding
from app.core.checks.focus import is_throwaway
from app.core.checks.recipients import acknowledges_bcc
from app.core.checks.reply_words import LANGUAGES, PHRASES, said
from app.core.checks.structure import check_next_step
from app.core.model import Address, Introduction, Person
from app.core.text import split_sentences

THANKS = {
    "es": "Mil gracias, Ana, por presentarnos.",
    "de": "Vielen Dank, Anna, für die Vorstellung!",
    "fr": "Merci beaucoup Anne pour la mise en relation.",
    "pt": "Muito obrigada, Ana, pela apresentação.",
    "it": "Grazie mille Anna per averci messo in contatto.",
    "nl": "Bedankt Anna voor de introductie!",
}
PROPOSALS = {
    "es": "¿Te viene bien un café el martes por la mañana?",
    "de": "Hättest du nächste Woche Zeit für einen Kaffee?",
    "fr": "Est-ce qu'on pourrait s'appeler jeudi prochain ?",
    "pt": "Podemos marcar um café na próxima semana?",
    "it": "Ti andrebbe di prendere un caffè giovedì?",
    "nl": "Zullen we volgende week een kop koffie drinken?",
}
PLANS = {
    "es": "Te llamo el lunes por la tarde.",
    "de": "Ich rufe dich morgen Vormittag an.",
    "fr": "Je vous appelle demain matin.",
    "pt": "Eu te ligo amanhã de manhã.",
    "it": "Ti chiamo domani mattina.",
    "nl": "Ik bel je morgenochtend.",
}
NOT_STEPS = {
    "es": "Un saludo cordial y buen fin de semana.",
    "de": "Viele Grüße aus Hamburg.",
    "fr": "Bien cordialement, et bonne fin de journée.",
    "pt": "Um abraço e bom fim de semana.",
    "it": "Un caro saluto, ci sentiamo.",
    "nl": "Met vriendelijke groet.",
}
BCC = {
    "es": "Paso a Marta a copia oculta para no llenarle la bandeja.",
    "de": "Ich setze Markus in Blindkopie, damit sein Postfach geschont wird.",
    "fr": "Je mets Claire en Cci pour lui épargner la suite.",
    "pt": "Passo a Marta para cópia oculta.",
    "it": "Sposto Marco in Ccn per non intasargli la casella.",
    "nl": "Ik zet Mark in de bcc.",
}
THROWAWAY = {
    "es": "Si puedo ayudarte en algo, no dudes en decírmelo.",
    "de": "Wenn ich dir irgendwie helfen kann, melde dich gerne.",
    "fr": "N'hésitez pas si je peux vous aider en quoi que ce soit.",
    "pt": "Se eu puder ajudar em alguma coisa, não hesite em falar comigo.",
    "it": "Se posso esserti utile in qualche modo, non esitare a chiedere.",
    "nl": "Als ik je ergens mee kan helpen, laat het gerust weten.",
}


def test_every_language_has_every_category() -> None:
    for language in LANGUAGES:
        path = resources.files("app.core.checks").joinpath(f"reply_lexicon/{language}.json")
        categories = json.loads(path.read_text("utf-8"))["categories"]
        for category in (*PHRASES, "first_person", "second_person"):
            assert categories.get(category), (language, category)


@pytest.mark.parametrize("language", LANGUAGES)
def test_thanks_in_each_language(language: str) -> None:
    assert has_thanks(THANKS[language], (language,))
    assert not has_thanks(NOT_STEPS[language], (language,))


@pytest.mark.parametrize("language", LANGUAGES)
def test_next_steps_proposed_or_planned(language: str) -> None:
    assert is_next_step(PROPOSALS[language], (language,))
    assert is_next_step(PLANS[language], (language,))
    assert not is_next_step(NOT_STEPS[language], (language,))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_move_to_bcc_is_read_in_any_language(language: str) -> None:
    assert acknowledges_bcc(BCC[language])
    assert not acknowledges_bcc(THANKS[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_generic_offers_of_help(language: str) -> None:
    assert "throwaway" in said(THROWAWAY[language], (language,)).categories
    assert "throwaway" not in said(PROPOSALS[language], (language,)).categories


def test_languages_read_by_the_vote() -> None:
    assert reply_languages("Hola Ana, muchas gracias por presentarnos, me encantaría que") == (
        "es",
    )
    assert reply_languages("Thanks so much for the introduction, I would love to meet") == ()
    assert reply_languages("Ok!") == LANGUAGES  # unsure: every lexicon is read


def test_pronouns_only_in_a_known_language() -> None:
    assert said("Me encantaría saber más de tu trabajo", ("es",)).second_person
    assert said("Yo trabajo en logística desde hace años", ("es",)).first_person
    assert not said("Me encantaría saber más de tu trabajo", LANGUAGES).second_person


def _intro() -> Introduction:
    return Introduction(
        kind="classic",
        introducer=Person("Joaquín Ruiz", "joaquin@example.es"),
        introduced=(
            Person("Lucía Gómez", "lucia@example.es"),
            Person("Marta Vidal", "marta@example.es"),
        ),
        user_role="introduced",
        confidence=1.0,
        evidence=(),
        message_index=0,
    )


def _draft(text: str, *, cc_introducer: bool = True) -> Draft:
    cc = (Address("Joaquín Ruiz", "joaquin@example.es"),) if cc_introducer else ()
    return Draft(
        text,
        (Address("Marta Vidal", "marta@example.es"),),
        cc,
        body_end=len(text),
        text_known=True,
        recipients_known=True,
        sender=Address("Lucía Gómez", "lucia@example.es"),
    )


def _codes(text: str, **kwargs: bool) -> set[str]:
    found = check_reply(_draft(text, **kwargs), introduction=_intro(), me="lucia@example.es")
    return {f.code for f in found}


def test_a_good_spanish_reply_is_clean() -> None:
    text = (
        "Hola Marta:\n\nMil gracias, Joaquín, por presentarnos.\n\nMarta, me encantaría "
        "conocer cómo estáis organizando la logística en Valencia. ¿Te viene bien un café el "
        "jueves o el viernes por la mañana?\n\nUn abrazo,\nLucía"
    )
    assert _codes(text) == set()


def test_a_spanish_reply_without_thanks_or_next_step() -> None:
    text = "Hola Marta:\n\nEncantada. Trabajo en logística desde hace años.\n\nUn saludo,\nLucía"
    assert {"no_thanks", "no_next_step"} <= _codes(text)


def test_a_spanish_reply_that_moves_the_introducer_to_bcc_openly() -> None:
    text = (
        "Gracias, Joaquín, por presentarnos; te paso a copia oculta.\n\nMarta, ¿te "
        "viene bien una llamada el martes?\n\nLucía"
    )
    assert "dropped_introducer" not in _codes(text, cc_introducer=False)
    silent = "Marta, ¿te viene bien una llamada el martes?\n\nGracias,\nLucía"
    assert "dropped_introducer" in _codes(silent, cc_introducer=False)


def test_a_self_centred_spanish_reply_with_a_throwaway_offer() -> None:
    text = (
        "Hola Marta:\n\nGracias, Joaquín, por presentarnos. Yo llevo quince años en logística "
        "internacional y he dirigido equipos en tres países. Mi experiencia en cadena de "
        "suministro es muy amplia y mis clientes son grandes distribuidores. Estoy buscando "
        "nuevos retos y creo que mi perfil encaja con muchas empresas del sector. Nuestro "
        "equipo ha crecido mucho bajo mi dirección. ¿Podemos hablar el martes?\n\nSi puedo "
        "ayudarte en algo, no dudes en decírmelo.\n\nLucía"
    )
    codes = _codes(text)
    assert "self_focus" in codes
    assert "throwaway_offer" in codes


def test_a_language_we_do_not_read_gets_no_verdict_on_its_wording() -> None:
    polish = (
        "Cześć Marta,\n\nbardzo się cieszę z poznania. Chętnie porozmawiam o logistyce w "
        "Walencji i o tym, jak organizujecie magazyny.\n\nPozdrawiam serdecznie,\nLucía"
    )
    assert reply_languages(polish) is None
    assert _codes(polish) == set()


# Short replies in another script: thanks and a next step we cannot read are not missing.
OTHER_SCRIPTS = {
    "zh": "张伟你好，\n\n谢谢王伟的介绍！下周一起喝咖啡吧？\n\n李娜",
    "ja": "鈴木様\n\n山田さん、ご紹介ありがとうございます。来週お茶でもいかがですか。\n\n田中",
    "ko": "박서준님,\n\n김민수님 소개해 주셔서 감사합니다. 다음 주에 커피 한잔 하실래요?",
    "ar": "مرحباً ليلى،\n\nشكراً سارة على التعريف! هل نلتقي للقهوة الأسبوع المقبل؟\n\nمحمد",
    "ru": "Здравствуйте, Мария!\n\nОльга, спасибо за знакомство! Выпьем кофе на неделе?",
    "he": "שלום מיכל,\n\nדנה, תודה על ההיכרות! נשמח להיפגש לקפה בשבוע הבא?\n\nיוסי",
}


@pytest.mark.parametrize("language", sorted(OTHER_SCRIPTS))
def test_a_short_reply_in_another_script_gets_no_verdict_on_its_wording(language: str) -> None:
    text = OTHER_SCRIPTS[language]
    assert reply_languages(text) is None
    assert _codes(text) == set()


def test_a_generic_offer_is_flagged_even_in_a_short_friendly_reply() -> None:
    text = (
        "Hola Marta:\n\nGracias, Joaquín, por presentarnos. ¿Te viene bien un café el jueves?"
        "\n\nY si alguna vez puedo ayudarte en algo, no dudes en decírmelo.\n\nLucía"
    )
    assert "throwaway_offer" in _codes(text)


def test_formal_address_counts_as_second_person() -> None:
    """German and Italian courtesy forms are told by their capital, past the first word."""
    assert said("Gern würde ich Sie auf einen Kaffee treffen.", ("de",)).second_person
    assert said("Ich danke Ihnen für Ihre Zeit.", ("de",)).second_person
    assert not said("Sie hat mir davon erzählt.", ("de",)).second_person
    assert said("Mi farebbe piacere conoscerLa, se Lei ha tempo.", ("it",)).second_person
    assert not said("Lei lavora a Milano da anni.", ("it",)).second_person


# Issue 13, reply probe: families read in every language (sentences written for these
# tests, not the probe's).
SCHEDULING_INVITES = {
    "es": "Te llamo el jueves por la mañana; si prefieres otra hora, no dudes en decírmelo.",
    "de": "Ich rufe dich am Donnerstag an, melde dich gerne, falls dir ein anderer Tag passt.",
    "fr": "Je t'appelle jeudi matin ; n'hésite pas si un autre jour t'arrange mieux.",
    "pt": "Te ligo na quinta de manhã; se outro dia for melhor, fique à vontade para avisar.",
    "it": "Ti chiamo giovedì mattina; se preferisci un altro giorno, non esitare a dirmelo.",
    "nl": "Ik bel je donderdagochtend; past een andere dag beter, laat het me gerust weten.",
}
BARE_INVITES = {
    "es": "No dudes en escribirme.",
    "de": "Melde dich gerne jederzeit bei mir.",
    "fr": "N'hésite pas à m'écrire.",
    "pt": "Fique à vontade para me escrever.",
    "it": "Non esitare a scrivermi.",
    "nl": "Laat het me gerust weten.",
}
BOOKING_LINKS = {
    "es": "Aquí tienes mi agenda para reservar media hora: https://citas.example.com/lucia",
    "de": "Such dir in meinem Kalender einen Termin aus: https://meet.example.com/lucia",
    "fr": "Voici mon agenda pour réserver un créneau : https://rdv.example.com/lucia",
    "pt": "Segue o link da minha agenda para marcar um horário: https://example.com/lucia",
    "it": "Ecco il mio calendario, prenota pure mezz'ora: https://example.com/lucia",
    "nl": "Hier is mijn agenda, boek gerust een halfuur: https://example.com/lucia",
}
LINKS_ELSEWHERE = {
    "es": "Aquí tienes el informe del que te hablé: https://example.com/informe",
    "de": "Hier ist der Artikel, von dem ich erzählt habe: https://example.com/artikel",
    "fr": "Voici l'article dont je t'ai parlé : https://example.com/article",
    "pt": "Segue o artigo de que te falei: https://example.com/artigo",
    "it": "Ecco l'articolo di cui ti ho parlato: https://example.com/articolo",
    "nl": "Hier is het artikel waar ik het over had: https://example.com/artikel",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_let_me_know_about_the_proposed_step_is_no_throwaway(language: str) -> None:
    assert is_next_step(SCHEDULING_INVITES[language], (language,))
    assert not is_throwaway(SCHEDULING_INVITES[language], (language,))
    assert is_throwaway(BARE_INVITES[language], (language,))
    assert is_throwaway(THROWAWAY[language], (language,))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_to_book_a_time_is_a_next_step(language: str) -> None:
    def steps(text: str) -> tuple[Finding, ...]:
        return check_next_step(split_sentences(text), "", (language,))

    assert steps(BOOKING_LINKS[language]) == ()
    assert [f.code for f in steps(LINKS_ELSEWHERE[language])] == ["no_next_step"]


def test_an_english_booking_link_is_a_next_step() -> None:
    text = "Grab any half hour that suits you.\nhttps://cal.com/ann/30min"
    assert check_next_step(split_sentences(text), "", ()) == ()
    other = "Here is the article I mentioned.\nhttps://example.com/post"
    assert [f.code for f in check_next_step(split_sentences(other), "", ())] == ["no_next_step"]


def test_german_and_dutch_days_in_compounds_are_times() -> None:
    assert is_next_step("Ich könnte am Mittwochnachmittag bei Ihnen vorbeikommen.", ("de",))
    assert is_next_step("Ik kan dinsdagavond even bij je langskomen.", ("nl",))


def test_formal_gratitude_is_thanks() -> None:
    assert has_thanks("Ik ben u zeer erkentelijk voor de kennismaking.", ("nl",))
    assert has_thanks("Für die Vorstellung bin ich Ihnen sehr verbunden.", ("de",))
    assert has_thanks("Je vous suis très obligée de cette présentation.", ("fr",))


DEBTS = {
    "es": "Marta, te debo una por presentarnos.",
    "de": "Anna, ich schulde dir was für diese Vorstellung.",
    "fr": "Anne, je te revaudrai ça, merci du contact.",
    "pt": "Ana, fico te devendo essa apresentação.",
    "it": "Anna, te ne devo una per la presentazione.",
    "nl": "Anna, ik ben je er een schuldig voor deze introductie.",
}
OFFERS_IF_EVER = {
    "es": "Si alguna vez necesitas una mano con la logística, aquí me tienes.",
    "pt": "Se um dia precisar de alguma coisa, conte comigo.",
    "it": "Se mai le servisse qualcosa da parte nostra, me lo faccia sapere.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_debt_of_thanks_is_thanks(language: str) -> None:
    assert has_thanks(DEBTS[language], (language,))
    assert not has_thanks(PLANS[language], (language,))


def test_an_english_debt_of_thanks_and_an_offer_if_ever_needed() -> None:
    assert has_thanks("Sam, I owe you one for this intro.")
    assert not has_thanks("Sorry, I owe you an answer on the budget.")
    assert is_throwaway("Should you ever need anything from me, just shout.")


@pytest.mark.parametrize("language", sorted(OFFERS_IF_EVER))
def test_an_offer_for_whenever_it_is_needed(language: str) -> None:
    assert is_throwaway(OFFERS_IF_EVER[language], (language,))


def test_some_time_is_no_meeting_time() -> None:
    assert not is_next_step("I'd love to learn more about it some time.")
    assert is_next_step("Would you have some time for a call next week?")


def test_a_reply_the_vote_cannot_settle_is_read_in_the_language_it_leans_to() -> None:
    """Two Portuguese votes and one German one: Portuguese, not a language we do not read."""
    text = (
        "Carla, valeu pela força.\n\nDiogo, oi! Acho que a gente enfrenta os mesmos problemas "
        "de estoque. Segunda-feira te mando uns horários, fico aguardando."
    )
    assert reply_languages(text) == ("pt",)


# A link beside the noun "book" (a book the writer wrote or read) books no time.
BOOK_LINKS = {
    "en": "I wrote a book on exactly this, here it is: https://example.com/book",
    "nl": "Ik heb er een boek over geschreven, hier is het: https://example.com/boek",
}


@pytest.mark.parametrize("language", sorted(BOOK_LINKS))
def test_a_link_to_a_book_is_no_booking_link(language: str) -> None:
    languages = () if language == "en" else (language,)
    found = check_next_step(split_sentences(BOOK_LINKS[language]), "", languages)
    assert [f.code for f in found] == ["no_next_step"]


def test_booking_a_time_through_a_link_still_counts() -> None:
    for text in (
        "Feel free to book a slot here: https://example.com/ann",
        "Book any time that suits you: https://example.com/ann",
        "Here is my booking page: https://example.com/ann",
    ):
        assert check_next_step(split_sentences(text), "", ()) == (), text
    dutch = "Boek gerust een halfuur in mijn agenda: https://example.com/ann"
    assert check_next_step(split_sentences(dutch), "", ("nl",)) == ()


def test_a_word_that_starts_like_a_day_is_no_time() -> None:
    """ "Montage" (assembly) starts like "Montag"; "Montagabend" and "montags" are times."""
    assert "plan" not in said("Ich leite die Montage der Anlagen bei Siemens.", ("de",)).categories
    assert "plan" in said("Passt Ihnen Montagabend?", ("de",)).categories
    assert "plan" in said("Ich bin montags im Büro.", ("de",)).categories


def test_being_attached_to_a_place_or_cause_is_no_thanks() -> None:
    """German "sehr verbunden" thanks only someone: "Ihnen / dir sehr verbunden"."""
    assert not has_thanks("Ich bin der Region seit Jahren sehr verbunden.", ("de",))
    assert has_thanks("Für die Vorstellung bin ich Ihnen sehr verbunden.", ("de",))
    assert has_thanks("Dafür bin ich euch sehr verbunden.", ("de",))


def test_a_portuguese_reflexive_se_is_no_if() -> None:
    """ "se" is "if" and the reflexive pronoun: "o projeto se chama … e vai precisar" offers
    nothing; "se um dia precisar", "se você precisar de algo" do."""
    assert not is_throwaway("O projeto se chama Atlas e vai precisar de investimento.", ("pt",))
    assert not is_throwaway("A empresa se prepara para precisar de mais gente.", ("pt",))
    for offer in (
        "Se precisar de alguma coisa, conte comigo.",
        "Se você precisar de algo, é só falar.",
        "Se um dia vocês precisarem de ajuda, estou aqui.",
        "Se alguma vez precisares de uma mão, diz.",
        "Caso um dia precise de algo, conte comigo.",
    ):
        assert is_throwaway(offer, ("pt",)), offer
