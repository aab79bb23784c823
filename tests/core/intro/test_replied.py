"""A reply whose thread, as given, lacks the introduction: recognised from what it says."""

from __future__ import annotations

from app.core.intro import detect_introduction
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
