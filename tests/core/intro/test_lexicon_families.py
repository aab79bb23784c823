"""Lexicon families added from the seven-language probe (issue 10), one test per family,
in every language it applies to: the one-sided pointer ("you really must talk to …"),
"she can tell you", thanks for a connection already made, a copy for information only,
and one person presented to another by a pointing word ("Benedikt, das ist Sarah")."""

from __future__ import annotations

import pytest

from app.core.intro import FEATURES, detect_introduction, signals_of
from app.core.intro.reading import read
from app.core.model import Address, Email
from tests.core.intro.mail import SENDER, email_of

ANNA = Address("Anna Berg", "anna@berg.example")
JONAS = Address("Jonas Kerr", "jonas@kerr.example")
TIM = Address("Tim Hale", "tim@field.example")


def _email(
    text: str, to: tuple[Address, ...], cc: tuple[Address, ...] = (), subject: str = "Hallo"
) -> Email:
    return email_of(text, to, cc, subject)


def _on(email: Email) -> dict[str, float]:
    return dict(zip(FEATURES, signals_of(email).values, strict=True))


ONE_SIDED = {
    "en": "Anna, you should definitely talk to my old colleague Jonas Kerr about pricing.",
    "de": "Anna, du solltest wirklich mal mit meinem alten Kollegen Jonas Kerr reden.",
    "es": "Anna, tienes que hablar con mi antiguo compañero Jonas Kerr sobre precios.",
    "fr": "Anna, il faut vraiment que tu parles à mon ancien collègue Jonas Kerr.",
    "pt": "Anna, você precisa muito conversar com o meu antigo colega Jonas Kerr.",
    "it": "Anna, dovresti proprio sentire il mio ex collega Jonas Kerr sui prezzi.",
    "nl": "Anna, je moet echt eens praten met mijn oud-collega Jonas Kerr over prijzen.",
}


@pytest.mark.parametrize("language", sorted(ONE_SIDED))
def test_a_pointer_to_someone_not_copied_reaches_out(language: str) -> None:
    """ "You (really) must talk to X", with a word or two between: a one-sided pointer."""
    assert _on(_email(ONE_SIDED[language], (ANNA,)))["reach_out"] > 0


CAN_TELL = {
    "en": "I'm copying Tim. She can tell you exactly where the data sits.",
    "de": "Ich setze Tim in CC. Er kann Ihnen genau sagen, wo die Daten liegen.",
    "es": "Pongo en copia a Tim. Él te sabrá decir dónde están los datos.",
    "fr": "Je mets Tim en copie. Il saura vous dire où sont les données.",
    "pt": "Estou copiando o Tim. Ele vai saber te dizer onde ficam os dados.",
    "it": "Metto in copia Tim. Lui saprà dirti dove sono i dati.",
    "nl": "Ik zet Tim in de cc. Hij kan je precies vertellen waar de data staan.",
}


@pytest.mark.parametrize("language", sorted(CAN_TELL))
def test_someone_who_can_tell_you_is_capable(language: str) -> None:
    """ "She can tell you / saprà dirti / kan je vertellen": the copied person can help."""
    assert _on(_email(CAN_TELL[language], (ANNA,), (TIM,)))["capable"] > 0


# The writer asking the reader, or speaking of themself: nobody else who can help.
NOT_CAPABLE = [
    ("nl", "Kan je me vertellen waar jullie kantoor zit?"),
    ("nl", "Kan u mij uitleggen hoe de aanvraag werkt?"),
    ("de", "Ich kann Ihnen leider noch nicht sagen, wann die Lieferung kommt."),
    ("de", "Ich bin bei uns für den Einkauf zuständig."),
]
STILL_CAPABLE = [
    ("nl", "Ik zet Anouk in de cc; zij kan je precies vertellen waar de data staan."),
    ("nl", "Ik zet Tim in de cc en hij kan u alles uitleggen."),
    ("de", "Ich setze Tim in CC, er kann dir alles erklären."),
    ("de", "Ich setze Tim in CC, der bei uns für Datenschutz zuständig ist."),
]


@pytest.mark.parametrize(("language", "text"), NOT_CAPABLE)
def test_asking_the_reader_or_describing_oneself_is_not_capable(language: str, text: str) -> None:
    """ "Kan je me vertellen …?" asks the reader; "ich kann Ihnen sagen", "ich bin für …
    zuständig" are the writer: only someone else who can tell or who is responsible counts."""
    assert _on(_email(text, (ANNA,), (TIM,)))["capable"] == 0


@pytest.mark.parametrize(("language", "text"), STILL_CAPABLE)
def test_someone_else_who_can_tell_or_is_responsible_is_capable(language: str, text: str) -> None:
    assert _on(_email(text, (ANNA,), (TIM,)))["capable"] > 0


THANKS = {
    "en": "Thanks so much for putting me in touch with Jonas!",
    "de": "Tausend Dank, dass du uns zusammengebracht hast!",
    "es": "Mil gracias por habernos presentado.",
    "fr": "Merci encore de nous avoir présentés.",
    "pt": "Muito obrigada por ter feito a ponte!",
    "it": "Grazie davvero per averci messo in contatto!",
    "nl": "Heel erg bedankt dat je ons aan elkaar hebt voorgesteld!",
}


@pytest.mark.parametrize("language", sorted(THANKS))
def test_thanks_for_a_connection_already_made(language: str) -> None:
    """A report-back thanks for the connection, however the thanks is worded."""
    assert _on(_email(THANKS[language], (ANNA,)))["thanks_intro"] > 0


FYI = {
    "en": "Please find the invoice attached. I've cc'd Tim for visibility.",
    "de": "Anbei die Rechnung. Tim ist zur Info in CC.",
    "es": "Te adjunto la factura. Pongo en copia a Tim para que esté al tanto.",
    "fr": "Ci-joint la facture. Je mets Tim en copie pour information.",
    "pt": "Segue a fatura. Coloquei o Tim em cópia para conhecimento.",
    "it": "In allegato la fattura. Metto in copia Tim per conoscenza.",
    "nl": "Bijgaand de factuur. Tim staat ter info in de cc.",
}
COPY = {
    "en": "Please find the invoice attached. I've cc'd Tim.",
    "de": "Anbei die Rechnung. Tim ist in CC.",
    "es": "Te adjunto la factura. Pongo en copia a Tim.",
    "fr": "Ci-joint la facture. Je mets Tim en copie.",
    "pt": "Segue a fatura. Coloquei o Tim em cópia.",
    "it": "In allegato la fattura. Metto in copia Tim.",
    "nl": "Bijgaand de factuur. Tim staat in de cc.",
}


@pytest.mark.parametrize("language", sorted(FYI))
def test_a_copy_for_information_hands_off_to_nobody(language: str) -> None:
    """Copying a colleague "for visibility" is no hand-off; the bare copy still is one."""
    fyi = _on(_email(FYI[language], (ANNA,), (TIM,)))
    assert fyi["handoff"] == 0
    assert fyi["handoff_cc"] == 0
    copy = _on(_email(COPY[language], (ANNA,), (TIM,)))
    assert copy["handoff"] > 0


def test_a_copy_for_information_sets_off_no_cue() -> None:
    """The English "I've cc'd Tim" cue is vetoed when the copy is for visibility."""
    reading = signals_of(_email(FYI["en"], (ANNA,), (TIM,))).reading
    assert "fyi" in reading.vetoes
    assert not reading.hits
    assert signals_of(_email(COPY["en"], (ANNA,), (TIM,))).reading.hits


# The lexicons' `fyi` category is the one owner of the concept: the phrase reader reads
# no cue in a sentence the lexicons call a copy for information (it had a regex of its
# own that missed a name of two words or a name where it expected a pronoun).
FYI_COPIES = (
    "Please find the deck attached. I've cc'd Tim Hale to keep Anna Berg informed.",
    "Please find the deck attached. I've cc'd Tim so Anna is aware.",
    "Please find the deck attached. I'm copying Tim so Anna Berg is in the loop.",
)


@pytest.mark.parametrize("text", FYI_COPIES)
def test_the_phrase_reader_and_the_lexicons_agree_on_a_copy_for_information(
    text: str,
) -> None:
    signals = signals_of(_email(text, (ANNA,), (TIM,)))
    assert "fyi" in signals.words
    assert "fyi" in signals.reading.vetoes
    assert not signals.reading.hits


def test_the_phrase_reader_is_told_which_sentences_are_copies_for_information() -> None:
    email = _email(COPY["en"], (ANNA,), (TIM,))
    assert read(email).hits
    marked = read(email, fyi=frozenset({1}))
    assert (marked.hits, marked.vetoes) == ([], ["fyi"])


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "I've cc'd Tim for your information."),
        ("en", "Tim is copied for information only."),
        ("es", "Pongo en copia a Tim para su información."),
        ("pt", "Coloquei o Tim em cópia para sua informação."),
        ("fr", "Je mets Tim en copie pour information."),
    ],
)
def test_a_copy_for_information_is_the_lexicons_fyi(language: str, sentence: str) -> None:
    signals = signals_of(_email(sentence, (ANNA,), (TIM,)))
    assert (signals.language or language, "fyi" in signals.words) == (language, True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ask Tim for information about funding.",
        "Tim is the contact for information regarding the programme.",
        "We answered their Request For Information last week.",
        "Escríbele a Tim para información sobre las becas.",
        "Fale com o Tim para informação sobre as bolsas.",
    ],
)
def test_asking_for_information_about_something_is_no_fyi(sentence: str) -> None:
    assert "fyi" not in signals_of(_email(sentence, (ANNA,), (TIM,))).words


# "For information about …": the subject of the copy's help, not a copy for information.
INFORMATION_ABOUT = {
    "en": "I've cc'd Tim, who runs our grants office: ask him for information about funding.",
    "es": "Pongo en copia a Tim, que lleva las becas; escríbele para información sobre ellas.",
    "pt": "Estou copiando o Tim, que cuida das bolsas; fale com ele para informação sobre elas.",
}


@pytest.mark.parametrize("language", sorted(INFORMATION_ABOUT))
def test_asking_someone_for_information_about_something_is_no_copy_for_information(
    language: str,
) -> None:
    email = _email(INFORMATION_ABOUT[language], (ANNA,), (TIM,))
    reading = signals_of(email).reading
    assert "fyi" not in reading.vetoes
    assert reading.hits or language != "en"  # "I've cc'd Tim" is an English cue
    assert _on(email)["handoff"] > 0


def test_a_copy_for_your_information_is_still_one() -> None:
    for text in (
        "Please find the invoice attached. I've cc'd Tim for your information.",
        "Please find the invoice attached. I've cc'd Tim, for information only.",
    ):
        reading = signals_of(_email(text, (ANNA,), (TIM,))).reading
        assert "fyi" in reading.vetoes, text
        assert _on(_email(text, (ANNA,), (TIM,)))["handoff"] == 0, text


THIS_IS = {
    "de": "Anna, das ist Jonas, der Entwickler, von dem ich erzählt habe.",
    "es": "Anna, él es Jonas, el desarrollador del que te hablé.",
    "fr": "Anna, voici Jonas, le développeur dont je t'ai parlé.",
    "pt": "Anna, esse é o Jonas, o desenvolvedor de quem te falei.",
    "it": "Anna, lui è Jonas, lo sviluppatore di cui ti ho parlato.",
    "nl": "Anna, dit is Jonas, de ontwikkelaar over wie ik vertelde.",
}


@pytest.mark.parametrize("language", sorted(THIS_IS))
def test_one_person_presented_to_another_on_the_message(language: str) -> None:
    """ "Anna, das ist Jonas": both on the message, a classic cue naming both."""
    reading = read(_email(THIS_IS[language], (ANNA, JONAS)))
    hits = [(h.cue.name, h.cue.kind, h.names) for h in reading.hits if h.cue.name == "this-is"]
    assert hits == [("this-is", "classic", ["Anna", "Jonas"])]


def test_a_pointing_word_before_a_noun_presents_nobody() -> None:
    """German nouns are capitalised: "Danke, das ist Wahnsinn" names no one on the message,
    and neither does a name of someone not copied."""
    assert not read(_email("Danke, das ist Wahnsinn. Bis bald!", (ANNA, JONAS))).hits
    assert not read(_email("Anna, das ist Peter, der Entwickler.", (ANNA, JONAS))).hits


def test_a_presentation_in_a_forwarded_consent_thread_is_an_introduction() -> None:
    """The consent thread forwarded with "X, das ist Y" and a line about each: found,
    the forwarder introducing the two people on To."""
    text = (
        "Anna, Jonas hat zugesagt (siehe unten), also los: Jonas, das ist Anna, die "
        "Designerin hinter den Verpackungen, die ich dir gezeigt hatte. Anna, Jonas ist "
        "Kreativdirektor bei Bergwerk und sucht gerade Leute für den Katalog.\n\nViel Spaß!\nNora\n"
    )
    email = _email(text, (ANNA, JONAS), subject="WG: Darf ich dir Anna vorstellen?")
    intro = detect_introduction(email, ANNA.email).introduction
    assert intro is not None
    assert intro.introducer.email == SENDER.email
    assert {p.email for p in intro.introduced} == {ANNA.email, JONAS.email}


BRING_IN = {
    "en": "Bringing in Tim from our data team - he is far better placed than me to answer.",
    "de": "Ich hole Tim aus unserem Daten-Team mit dazu, er kann das viel besser als ich.",
    "es": "Sumo a Tim, de nuestro equipo de datos, que sabe de esto mejor que yo.",
    "fr": "J'ajoute Tim de notre équipe data, il est mieux placé que moi pour répondre.",
    "pt": "Junto à conversa o Tim, da equipa de dados, que percebe disto muito melhor do que eu.",
    "it": "Coinvolgo Tim del team dati, che è più adatto di me a risponderti.",
    "nl": "Ik haal Tim van ons datateam erbij, hij weet dit veel beter dan ik.",
}


@pytest.mark.parametrize("language", sorted(BRING_IN))
def test_a_colleague_brought_into_the_thread_who_knows_better(language: str) -> None:
    """ "Bringing in Tim … better placed than me": a hand-off to someone who can help."""
    on = _on(_email(BRING_IN[language], (ANNA,), (TIM,)))
    assert on["handoff"] > 0
    assert on["capable"] > 0


NOT_MET = {
    "en": "I can't believe you two haven't met yet!",
    "de": "Ich fasse es nicht, dass ihr euch noch nicht kennt!",
    "es": "¡No puedo creer que no os conozcáis todavía!",
    "fr": "Je n'arrive pas à croire que vous ne vous connaissez pas encore !",
    "pt": "Não acredito que vocês ainda não se conhecem!",
    "it": "Non ci credo che non vi conosciate ancora!",
    "nl": "Ik kan niet geloven dat jullie elkaar nog niet kennen!",
}


@pytest.mark.parametrize("language", sorted(NOT_MET))
def test_two_people_who_have_not_met_yet_are_being_connected(language: str) -> None:
    """ "You two haven't met yet": the writer connects the readers."""
    assert _on(_email(NOT_MET[language], (ANNA, JONAS)))["connect"] > 0
