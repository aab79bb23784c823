"""Casting an introduction: its kind and the people in it, from cues and headers."""

from __future__ import annotations

from app.core.intro.cast import cast
from app.core.intro.cues import POSITIVE
from app.core.intro.reading import Hit, read, recipients
from app.core.model import Address, Email

ANN = Address("Ann Lee", "ann@x.example")
SUE = Address("Sue Park", "sue@northwind.example")
JOE = Address("Joe Brandt", "joe@fieldlabs.example")
MISHA = Address("Misha Stein", "misha@city.example")


def _cast(email: Email):
    return cast(read(email).hits, email, recipients(email), read(email).subject_names)


def test_no_cues_is_classic_with_nobody() -> None:
    """Without hits or people there is nobody to cast."""
    assert cast([], Email(sender=ANN), ()) == ("classic", [])


def test_the_one_named_and_someone_mentioned_in_full() -> None:
    """One copied person and no greeting: the other party is the full name written."""
    email = Email(
        sender=ANN,
        cc=(JOE,),
        new_text="I'd like to introduce Joe Brandt to you. Dana Reyes asked me for this.",
    )
    kind, people = _cast(email)
    assert kind == "classic"
    assert [name for name, _ in people] == ["Joe Brandt", "Dana Reyes"]


def test_handoff_without_names_finds_the_copied_person_in_the_text() -> None:
    """'Feel free to contact either of them' picks the Cc people the text mentions."""
    email = Email(
        sender=ANN,
        to=(SUE,),
        cc=(MISHA, JOE),
        new_text="Feel free to contact either of them. Stein knows permits; Brandt knows radios.",
    )
    kind, people = _cast(email)
    assert kind == "handoff"
    assert [p for _, p in people] == [SUE, MISHA, JOE]


def test_an_organisation_nobody_represents_adds_nobody() -> None:
    """'introduce you to Acme' with no acme.com recipient names no one from Acme."""
    email = Email(
        sender=ANN, to=(SUE,), cc=(JOE,), new_text="I'd like to introduce you to acme, Joe's firm."
    )
    _, people = _cast(email)
    assert [p for _, p in people] == [SUE, JOE]


def test_a_greeting_for_someone_not_on_the_message_is_ignored() -> None:
    """'Hi Bob,' when Bob is not a recipient does not add a person."""
    email = Email(sender=ANN, to=(SUE,), cc=(JOE,), new_text="Hi Bob,\n\nSue, meet Joe.")
    _, people = _cast(email)
    assert [p for _, p in people] == [SUE, JOE]


def test_full_names_skip_recipients_and_the_sender() -> None:
    """The one-sided subject is the first full name that is neither sender nor recipient."""
    email = Email(
        sender=ANN,
        to=(SUE,),
        new_text="Sue Park, you may want to reach out to her. Ann Lee here. Elena Duarte runs it.",
    )
    hits = [Hit(next(c for c in POSITIVE if c.name == "reach-out"), 0, [], 0)]
    kind, people = cast(hits, email, recipients(email))
    assert kind == "one_sided"
    assert [name for name, _ in people] == ["Sue Park", "Elena Duarte"]


def test_people_without_addresses_merge_by_name() -> None:
    """In a bare body, 'Priya' greeted and 'Priya' named are one person."""
    email = Email(
        headers_present=False,
        new_text="Priya, meet Tom. Tom runs logistics.\n\nTom, meet Priya. Priya writes guides.",
    )
    _, people = _cast(email)
    assert [name for name, _ in people] == ["Priya", "Tom"]


def test_a_lone_cc_without_a_name_is_the_person_copied() -> None:
    """'I'm copying Judith' with one unnamed Cc address: that address is Judith."""
    email = Email(
        sender=ANN,
        to=(SUE,),
        cc=(Address("", "mchaleja@state.example"),),
        new_text="I'm copying Judith and asking that the two of you talk.",
    )
    _, people = _cast(email)
    assert [(n, p.email if p else "") for n, p in people] == [
        ("Sue Park", "sue@northwind.example"),
        ("Judith", "mchaleja@state.example"),
    ]
