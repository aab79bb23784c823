"""A reply whose thread, as given, lacks the introduction: recognised from what it says."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from app.core.intro import REPLY_FEATURES, detect_introduction, signals_of
from app.core.intro.replied import REPLY_WEIGHTS, read_reply, reply_to_introduction
from app.core.intro.weights import Weights
from app.core.model import Address, Email, Thread

NADIA = Address("Nadia Brooks", "nadia@brooks.example")
TEO = Address("Teo Marsh", "teo@marsh.example")
ALMA = Address("Alma Ruiz", "alma@ruiz.example")


def _reply(
    text: str, *, to: tuple[Address, ...], cc: tuple[Address, ...] = (), subject: str = "Re: lunch"
) -> Email:
    return Email(
        subject=subject, sender=TEO, to=to, cc=cc, new_text=text, in_reply_to="<x@y.example>"
    )


def test_thanks_for_the_intro_names_the_introducer_on_the_reply() -> None:
    """ "Nadia, thanks for the introduction!" on a reply to both: Nadia introduced Teo and Alma."""
    email = _reply(
        "Nadia, thanks for the introduction!\n\nAlma, great to meet you. Coffee on Friday?",
        to=(ALMA,),
        cc=(NADIA,),
    )
    intro = detect_introduction(email, TEO.email).introduction
    assert intro is not None
    assert intro.from_reply
    assert intro.message_index == -1
    assert intro.introducer.email == NADIA.email
    assert {p.email for p in intro.introduced} == {TEO.email, ALMA.email}
    assert intro.user_role == "introduced"


def test_an_introducer_moved_to_bcc_is_known_by_name() -> None:
    email = _reply("Moving Nadia to bcc - thanks Nadia! Alma, when suits you?", to=(ALMA,))
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert (intro.introducer.name, intro.introducer.email) == ("Nadia", "")


def test_a_greeting_line_before_the_thanks_names_the_introducer() -> None:
    """ "Hallo Nadia, / Danke für die Vorstellung." in German."""
    email = _reply(
        "Hallo Nadia,\n\nvielen Dank für die Vorstellung.\n\nLiebe Alma,\n\nfreut mich sehr.",
        to=(NADIA, ALMA),
        subject="AW: Kaffee",
    )
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert intro.introducer.email == NADIA.email


def test_thanks_to_one_recipient_and_a_greeting_to_another() -> None:
    """The shape of a first reply to both, with no word about an introduction."""
    email = _reply("Gracias Nadia!!\n\nAlma, un placer. ¿Hablamos el jueves?", to=(NADIA, ALMA))
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert intro.introducer.email == NADIA.email


def test_a_report_back_to_the_introducer_alone_answers_nothing_to_meet() -> None:
    email = _reply("Nadia, thanks for the intro to Alma. We met on Tuesday.", to=(NADIA,))
    assert detect_introduction(email).introduction is None


def test_ordinary_thanks_on_a_reply_is_not_an_introduction() -> None:
    email = _reply("Thanks Nadia, the figures look right. Alma, can you file them?", to=(NADIA,))
    assert detect_introduction(email).introduction is None


def test_an_offer_to_introduce_answers_no_introduction() -> None:
    email = _reply("Happy to connect you two if you like, Alma.", to=(ALMA, NADIA))
    assert detect_introduction(email).introduction is None


def test_the_introduction_in_the_thread_comes_first() -> None:
    """With the introduction in the thread, the reply reading is not used."""
    intro_mail = Email(
        subject="Intro: Teo <> Alma",
        sender=NADIA,
        to=(TEO, ALMA),
        new_text="Teo, meet Alma. Alma runs the co-op bakery. Teo builds ovens.",
    )
    reply = _reply("Thanks Nadia! Alma, coffee?", to=(NADIA, ALMA))
    intro = detect_introduction(Thread((intro_mail, reply))).introduction
    assert intro is not None
    assert not intro.from_reply
    assert intro.message_index == 0


def test_the_first_thanks_with_a_name_is_the_introducers() -> None:
    """Thanks to the introducer (moved to Bcc) first, then thanks to the other person."""
    email = _reply(
        "Thanks Nadia - moving you to bcc.\n\nAlma, thanks for taking this on.",
        to=(ALMA,),
    )
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert (intro.introducer.name, intro.introducer.email) == ("Nadia", "")


def test_an_ask_inside_a_reply_to_both_does_not_hide_it() -> None:
    """A reply that thanks one and greets the other, then asks for a contact: still a reply."""
    email = _reply(
        "Grazie Nadia! Alma, ciao: conosci qualcuno in Comune?", to=(NADIA, ALMA), subject="Re: x"
    )
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert intro.introducer.email == NADIA.email


def test_a_short_reply_alone_is_read_in_the_language_it_leans_to() -> None:
    """Two lines are too few for the full vote; their few function words still name it."""
    email = _reply(
        "Grazie Nadia! Alma, ci vediamo in cantiere lunedì alle 9?", to=(ALMA,), cc=(NADIA,)
    )
    intro = detect_introduction(email, TEO.email).introduction
    assert intro is not None
    assert intro.from_reply
    assert intro.language == "it"


def _reading(email: Email) -> dict[str, float]:
    values = read_reply(signals_of(email)).values
    return dict(zip(REPLY_FEATURES, values, strict=True))


def test_the_committed_reply_weights_cover_every_signal() -> None:
    """reply_weights.json names every reply signal, in order, with a threshold in (0, 1)."""
    raw = resources.files("app.core.intro").joinpath("reply_weights.json").read_text("utf-8")
    data = json.loads(raw)
    assert data["features"] == list(REPLY_FEATURES)
    assert len(REPLY_WEIGHTS.weights) == len(REPLY_FEATURES)
    assert 0.0 < REPLY_WEIGHTS.threshold < 1.0


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Sarah,\n\nGood to e-meet. Can you do a call Thursday?", "Re: lunch"),
        ("Misha, buenas tardes:\n\nEncantado. ¿Hablamos el viernes?", "RE: dudas"),
        ("Liebe Alma,\n\nschön, von dir zu hören. Videocall im Januar?", "Re: Kaffee"),
        ("Bonjour Alma,\n\nenchanté ! Un appel jeudi ?", "Re: projet"),
        ("Olá Alma,\n\nMuito gosto. Fico a aguardar.", "Re: projeto"),
        ("Ciao Alma,\n\npiacere di conoscerti! Ci sentiamo venerdì?", "Re: progetto"),
        ("Beste Alma,\n\nleuk je te leren kennen. Bellen donderdag?", "Re: project"),
    ],
)
def test_words_of_a_first_contact_in_seven_languages(text: str, subject: str) -> None:
    """Punctuation inside the phrase ("schön, von dir zu hören") does not hide it."""
    assert _reading(_reply(text, to=(ALMA,), subject=subject))["first_contact"] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Nadia gave me your details - could we talk on Friday?",
        "A Nadia me passou teu contato. Podemos falar amanhã?",
        "Nadia mi ha dato il tuo contatto: ci sentiamo venerdì?",
        "Nadia me pasó tu contacto. ¿Hablamos?",
        "Nadia hat mir deine Kontaktdaten gegeben. Telefonieren wir?",
        "Nadia m'a donné tes coordonnées. On s'appelle ?",
        "Nadia gaf me je gegevens. Zullen we bellen?",
    ],
)
def test_someone_passed_the_contact_on(text: str) -> None:
    assert _reading(_reply(text, to=(ALMA,)))["passed_on"] == 1.0


def test_a_reply_in_a_plain_thread_has_no_reply_signal() -> None:
    """An ordinary reply: no word of thanks, first contact, Bcc or passed-on contact."""
    values = _reading(_reply("Alma, the figures look right. I'll file them today.", to=(ALMA,)))
    assert values["greets_other"] == 1.0
    assert not any(values[k] for k in ("thanks_intro", "first_contact", "passed_on", "moved_aside"))
    assert (
        detect_introduction(_reply("Alma, the figures look right.", to=(ALMA,))).introduction
        is None
    )


def test_thanks_to_the_introducer_moved_to_bcc_with_a_bcc_word() -> None:
    """ "Thanks Nadia - bcc'ing you now": thanked by name, not on the reply, a Bcc word.

    (With the weights refitted after the subject signals changed, the Bcc words, the
    thanks and a greeting to Alma alone score just under the threshold; the reply says
    what first replies usually say to the other side too.)"""
    text = "Thanks Nadia - bcc'ing you now.\n\nAlma, great to meet you. A call on Thursday?"
    email = _reply(text, to=(ALMA,))
    values = _reading(email)
    assert values["thanked_absent"] == values["moved_aside"] == 1.0
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert intro.introducer.name == "Nadia"


def test_weights_that_accept_nothing_recognise_no_reply() -> None:
    """The decision is the fitted model's: a model that never fires finds no reply."""
    email = _reply("Nadia, thanks for the introduction!\n\nAlma, great to meet you.", to=(ALMA,))
    never = Weights(tuple(0.0 for _ in REPLY_FEATURES), -30.0, 0.5)
    assert reply_to_introduction(signals_of(email), None, weights=never) is None
    assert reply_to_introduction(signals_of(email), None) is not None


CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "dev-labels.csv").exists(), reason="corpus not beside the repo")
def test_committed_reply_weights_are_current() -> None:
    """Refitting on the labelled corpus gives the committed file byte for byte."""
    from scripts.train_replies import main

    assert main(["--check"]) == 0
