# ruff: noqa: E501
"""Requests for an introduction, in seven languages, and what only looks like one."""

from __future__ import annotations

import pytest

from app.core.intro import detect_request
from app.core.model import Address, Email, Thread


def _mail(body: str, sender: str = "Ana Lopez", to: str = "Joe Marchetti") -> Email:
    return Email(
        sender=Address(sender, "ana@example.com"),
        to=(Address(to, "joe@example.com"),),
        subject="question",
        new_text=body,
        headers_present=True,
    )


ASKS = [
    ("en", "Hi Joe,\n\nCould you introduce me to Sue Park at Acme? We are hiring.\n\nThanks,\nAna", "Sue Park"),
    ("en", "Joe, would you mind connecting me with someone at Acme? Thanks!\nAna", "Acme"),
    ("es", "Hola Joe,\n\n¿Me podrías presentar a Lucía Gómez? Queremos vender en Madrid.\n\nGracias,\nAna", "Lucía Gómez"),
    ("de", "Hallo Joe,\n\nkönntest du mich mit Jana Albrecht bekannt machen? Wir suchen eine Designerin.\n\nDanke,\nAna", ""),
    ("fr", "Salut Joe,\n\npourrais-tu me mettre en relation avec Claire Dubois ? C'est pour le festival.\n\nMerci,\nAna", "Claire Dubois"),
    ("pt", "Olá Joe,\n\npoderia me apresentar a Marta Silva? Estamos a procurar parceiros.\n\nObrigada,\nAna", "Marta Silva"),
    ("it", "Ciao Joe,\n\npotresti presentarmi a Giulia Rossi? Stiamo cercando un fornitore.\n\nGrazie,\nAna", "Giulia Rossi"),
    ("nl", "Hoi Joe,\n\nzou je me kunnen voorstellen aan Pieter de Vries? We zoeken een investeerder.\n\nBedankt,\nAna", "Pieter de Vries"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "body", "target"), ASKS)
def test_a_request_is_recognised(language: str, body: str, target: str) -> None:
    found = detect_request(_mail(body))
    assert found is not None
    assert found.language == language
    assert found.requester.name == "Ana Lopez"
    assert found.requester.email == "ana@example.com"
    assert target in found.target
    assert 0.5 <= found.confidence <= 1.0


def test_the_pronoun_points_back_to_whom_they_know() -> None:
    body = "Hey Joe,\n\nI think you know Luis Ferreira at Ferreira Labs? Could you introduce me to him?\n\nAna"
    found = detect_request(_mail(body))
    assert found is not None
    assert found.target.startswith("Luis Ferreira")


LOOK_ALIKES = [
    # an actual introduction
    "Hi Joe, hi Sue,\n\nJoe, meet Sue Park, who runs sales at Acme. Sue, Joe is the founder of Tidepool. "
    "I'll let you two take it from here.\n\nAna",
    # a consent request from the introducer
    "Hi Joe,\n\nSue Park asked whether I could connect her with you. Would you be open to an introduction?\n\nAna",
    # an offer to introduce
    "Hi Joe,\n\nIf you'd like, I can introduce you to Sue Park at Acme. Just say the word.\n\nAna",
    # thanks for a past introduction
    "Hi Joe,\n\nThanks so much for the introduction to Sue Park last week, we met on Tuesday.\n\nAna",
    # someone else offered, and the recipient is the one to meet
    "Dear Joe,\n\nSue Park offered to introduce me to you, as I am moving to Boston.\n\nAna",
    # a course, not a person
    "All,\n\nThe course is an introduction to statistics for new analysts.\n\nAna",
]


@pytest.mark.parametrize("body", LOOK_ALIKES)
def test_look_alikes_are_not_requests(body: str) -> None:
    assert detect_request(_mail(body, to="Sue Park")) is None


def test_only_the_senders_own_words_count() -> None:
    email = Email(
        sender=Address("Joe Marchetti", "joe@example.com"),
        to=(Address("Ana Lopez", "ana@example.com"),),
        new_text="Sure, will do.\n\nJoe",
        quoted_text="> Could you introduce me to Sue Park at Acme?",
        headers_present=True,
    )
    assert detect_request(email) is None


def test_a_thread_finds_the_newest_asking_message() -> None:
    ask = _mail("Joe, could you put me in touch with Sue Park? Thanks, Ana")
    reply = Email(
        sender=Address("Joe", "joe@example.com"), new_text="Let me check.", headers_present=True
    )
    found = detect_request(Thread((ask, reply)))
    assert found is not None
    assert "Sue Park" in found.target


POINTERS = [
    "Hi Joe,\n\nWho should I talk to at Liander about the pilot? Thanks!\nAna",
    "Hoi Joe,\n\nKen jij iemand bij Rabobank? Kunnen we binnenkort bellen?\n\nAna",
    "Hola Joe:\n\n¿Conoces a alguien en Mahou? Gracias.\n\nAna",
]


@pytest.mark.parametrize("body", POINTERS)
def test_a_bare_pointer_is_not_a_request(body: str) -> None:
    """Asking whom to contact, with no ask to be introduced, is a pointer, not a request."""
    assert detect_request(_mail(body)) is None


ANYONE = [
    ("en", "Hi Joe,\n\nIs there anyone at Acme you could introduce me to? We sell to ports.\n\nAna"),
    ("es", "Hola Joe:\n\n¿Hay alguien en Acme a quien me puedas presentar? Vendemos a puertos.\n\nAna"),
    ("fr", "Salut Joe,\n\nY a-t-il quelqu'un chez Acme à qui tu pourrais me présenter ?\n\nAna"),
    ("it", "Ciao Joe,\n\nc'è qualcuno in Acme a cui potresti presentarmi? Grazie.\n\nAna"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "body"), ANYONE)
def test_anyone_you_could_introduce_me_to(language: str, body: str) -> None:
    """ "Anyone you could introduce me to?" asks to be introduced, in each language."""
    found = detect_request(_mail(body))
    assert found is not None
    assert found.language == language


def test_signals_are_named_and_zero_without_a_request_phrase() -> None:
    """One value per named signal; a message with no request phrase reads all zeros."""
    from app.core.intro import REQUEST_FEATURES, request_signals

    asked = request_signals(_mail(ASKS[0][1]))
    assert len(asked) == len(REQUEST_FEATURES)
    assert asked[REQUEST_FEATURES.index("strong")] == 1.0
    assert request_signals(_mail("Lunch on Friday? Ana")) == (0.0,) * len(REQUEST_FEATURES)
