"""Families the third probe left (issue 10), in every language where they apply: the
formal "I write to introduce you to X" frame is an introduction of X, not of the writer;
a copy for information said with a pronoun ("zodat hij op de hoogte is", "so she is
aware") is still a copy for information."""

from __future__ import annotations

import pytest

from app.core.intro import FEATURES, signals_of
from app.core.intro.lexicon import LEXICONS, fold
from app.core.intro.people import name_elsewhere
from app.core.model import Address, Email
from tests.core.intro.mail import email_of

READER = Address("Paolo Marino", "paolo@poli.example")
SARA = Address("Sara Fontana", "sara@uni.example")

FRAMES = [
    ("it", "Le scrivo per presentarLe Sara Fontana, in copia, che lavora sui compositi."),
    ("es", "Le escribo para presentarle a Sara Fontana, en copia, que trabaja en compuestos."),
    ("fr", "Je vous écris pour vous présenter Sara Fontana, en copie, qui fait des composites."),
    ("de", "Ich schreibe Ihnen, um Ihnen Sara Fontana vorzustellen, die in Kopie ist."),
    ("pt", "Escrevo para lhe apresentar a Sara Fontana, em cópia, que trabalha com compósitos."),
    ("nl", "Ik schrijf u om Sara Fontana, in cc, aan u voor te stellen. Zij werkt hier."),
    ("en", "I am writing to you to introduce Sara Fontana, copied here, who works on composites."),
    ("en", "This is to introduce you to Sara Fontana, copied here, who works on composites."),
]  # fmt: skip


def _on(email: Email) -> dict[str, float]:
    signals = signals_of(email)
    return {name: value for name, value in zip(FEATURES, signals.values, strict=True) if value}


def _categories(language: str, text: str) -> set[str]:
    return {category for _, category, _ in LEXICONS[language].matcher.scan(fold(text))}


@pytest.mark.parametrize(("language", "text"), FRAMES)
def test_writing_to_introduce_someone_on_the_message_connects(language: str, text: str) -> None:
    """The writing frame ("Le scrivo per", "I am writing to you") before connecting words
    that name someone on the message is no self-introduction: the sentence connects."""
    on = _on(email_of(text, (READER,), (SARA,), "Sara Fontana"))
    assert on.get("connect", 0) > 0
    assert on.get("connect_named") == 1.0
    assert "self_intro" not in on


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Le scrivo per presentarLe la nostra azienda e i nostri servizi."),
        ("en", "I am writing to you to introduce myself and my firm."),
        ("es", "Le escribo porque trabajo en una empresa de materiales compuestos."),
    ],
)
def test_the_frame_alone_or_about_the_writer_stays_a_self_introduction(
    language: str, text: str
) -> None:
    """Nobody on the message is introduced, or the writer introduces themself: the veto
    stands (the frame is lifted only for a person named on the message)."""
    on = _on(email_of(text, (READER,), (SARA,), "Hello"))
    assert on.get("self_intro", 0) > 0


def test_the_frame_is_lifted_only_when_the_person_is_on_the_message() -> None:
    """ "Le scrivo per presentarLe Sara Fontana" with Sara not on the message: the writer
    may be presenting someone absent, but nothing connects two people on it."""
    text = "Le scrivo per presentarLe Sara Fontana, che lavora sui compositi."
    on = _on(email_of(text, (READER,), (), "Presentazione"))
    assert on.get("self_intro", 0) > 0


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Ik zet Tim in de cc, zodat hij op de hoogte is."),
        ("nl", "Ik zet Tim en Eva in de cc zodat ze het weten."),
        ("nl", "Ik heb Eva toegevoegd zodat zij het weet."),
        ("nl", "Eva staat in de cc om haar op de hoogte te houden."),
        ("de", "Ich habe Tim in CC gesetzt, damit er Bescheid weiß."),
        ("de", "Eva ist in Kopie, damit sie informiert ist."),
        ("en", "I've copied Tim so he is aware."),
        ("en", "Adding Tim and Eva so they are in the loop."),
        ("en", "Copying Eva to keep her in the loop."),
        ("es", "Pongo a Tim en copia para que él esté al tanto."),
        ("es", "Copio a Eva para mantenerla al tanto."),
        ("fr", "Je mets Tim en copie pour le tenir au courant."),
        ("pt", "Coloco o Tim em cópia para o manter a par."),
        ("it", "Metto in copia Eva per tenerla aggiornata."),
    ],
)
def test_a_copy_for_information_said_with_a_pronoun(language: str, text: str) -> None:
    """Slots take no function word, so each lexicon's `@` (a name or a personal pronoun,
    its `pronouns`) reads the copy for information said of "him", "hij", "er"."""
    assert "fyi" in _categories(language, text)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Zodat het project op tijd klaar is, plannen we een extra sprint."),
        ("en", "So the team is aware of the deadline, we moved it to Monday."),
    ],
)
def test_a_pronoun_slot_still_needs_the_whole_phrase(language: str, text: str) -> None:
    """A name or a pronoun, then the rest of the entry: other clauses are no copy."""
    assert "fyi" not in _categories(language, text)


JAKE = Address("Jake Sullivan", "jake@state.example")
ROBERT = Address("Robert Hale", "robert@foundation.example")


@pytest.mark.parametrize(
    "text",
    [
        "Jake - the Secretary asked me to connect you with Robert Hale, who runs a foundation.",
        "Jake, the Deputy Secretary has asked me to connect you with Robert Hale.",
        "Jake - the Chief of Staff would like me to connect you with Robert Hale.",
    ],
)
def test_a_rank_asking_the_writer_is_a_principal_not_a_scheduler(text: str) -> None:
    """ "the Secretary asked me to connect you": the rank is the one who wants the
    connection made, not an assistant setting a time; the sentence connects."""
    on = _on(email_of(text, (JAKE,), (ROBERT,), "Robert Hale"))
    assert "scheduling" not in on
    assert on.get("connect_named") == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Jake, I'm copying my secretary, who will connect you with Robert Hale.",
        "Jake - the Secretary's scheduler will connect you with Robert Hale.",
        "Jake, my assistant asked me to connect you with Robert Hale to find a time.",
    ],
)
def test_an_assistant_still_schedules(text: str) -> None:
    """An assistant or secretary who sets the time stays a scheduling hand-off."""
    on = _on(email_of(text, (JAKE,), (ROBERT,), "Robert Hale"))
    assert on.get("scheduling", 0) > 0


TOM = Address("Tom Albers", "tom@corp.example")
NINA = Address("Nina Kowalski", "nina@corp.example")


def test_a_copy_said_with_a_pronoun_reaches_back_two_sentences() -> None:
    """ "Nina administers the plan. She can help. I've cc'd her.": the hand-off's "her"
    is the Nina copied two sentences before (`handoff_cc`)."""
    text = "Tom, Nina Kowalski administers the plan. She can help. I've cc'd her."
    assert _on(email_of(text, (TOM,), (NINA,), "Re: Benefits question"))["handoff_cc"] == 1.0


def test_a_pronoun_copy_of_someone_on_to_is_no_copy() -> None:
    """The same words with Nina on To: nobody new was copied."""
    text = "Tom, Nina Kowalski administers the plan. She can help. I've cc'd her."
    assert "handoff_cc" not in _on(email_of(text, (TOM, NINA), (), "Re: Benefits question"))


def test_an_introduced_bare_address_takes_the_name_from_the_quoted_header() -> None:
    """jcarson@ greeted "Jay," with "From: Jay Carson" in the quoted history is introduced
    as Jay Carson, not as the first name alone."""
    from app.core.intro import detect_introduction

    text = (
        "Jay,\n\nI'm copying Maria Lopez, who runs our Haiti program and can help with the "
        "schools. Maria, Jay is the one I mentioned.\n\nBest,\nNora\n\n"
        "-----Original Message-----\nFrom: Jay Carson <jcarson@example.com>\nSent: Monday\n"
        "To: Nora\nSubject: schools\n\nWho should I talk to about schools?"
    )
    maria = Address("Maria Lopez", "maria@program.example")
    email = email_of(text, (Address("", "jcarson@example.com"),), (maria,), "RE: schools")
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert [p.name for p in intro.introduced] == ["Jay Carson", "Maria Lopez"]


@pytest.mark.parametrize(
    ("written", "email", "text", "expected"),
    [
        ("Jay", "jcarson@state.example", "From: Jay Carson <jcarson@state.example>", "Jay Carson"),
        ("", "jay.carson@state.example", "I spoke with Jay Carson today.", "Jay Carson"),
        ("", "carsonj@state.example", "Jay Carson will call.", "Jay Carson"),
        ("Vince", "vkamins@corp.example", "Vince Kaminski will call you.", "Vince Kaminski"),
        # The written first name must fit: another Carson is not Jay.
        ("Jay", "jcarson@state.example", "Bob Carson will call.", ""),
        # No name in the mail spells the address.
        ("Jay", "jcarson@state.example", "Maria Lopez will call.", ""),
        # A written full name is kept as it is.
        ("Jay Carson", "jcarson@state.example", "Jay Carson will call.", ""),
    ],
)
def test_a_bare_address_takes_the_full_name_the_mail_gives_it(
    written: str, email: str, text: str, expected: str
) -> None:
    """`people.name_elsewhere`: a person known by an address and a first name gets the full
    name written elsewhere in the mail whose words make up the address."""
    assert name_elsewhere(written, Address("", email), (text,)) == expected
