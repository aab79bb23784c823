"""People in a message: greetings, vocatives, names, sign-offs, blurbs."""

from __future__ import annotations

from app.core.intro.people import (
    at_organisation,
    blurb_for,
    display_name,
    full_names,
    greeted,
    resolve,
    sign_off_name,
    vocatives,
)
from app.core.model import Address
from app.core.text import split_sentences

SUE = Address("Sue Park", "sue@northwind.example")
SUSAN = Address("Susan Lee", "slee@x.example")


def test_greetings_in_several_languages() -> None:
    """'Hi Sue and Dana', 'Hallo Anna, hallo Jonas', 'Hola Lucía y Tomás' name everyone."""
    assert greeted("Hi Sue and Dana,\nText") == ("Sue", "Dana")
    assert greeted("\n\nHallo Anna, hallo Jonas,\n") == ("Anna", "Jonas")
    assert greeted("Hola Lucía y Tomás:") == ("Lucía", "Tomás")
    assert greeted("Thanks for the note.") == ()


def test_vocatives_include_later_lines() -> None:
    """Lines such as 'Larry,' or 'Ed: meet ...' after the greeting are vocatives too."""
    assert vocatives("Hi Ann,\nSome text.\nLarry,\nMore.\nEd, meet Bo.") == ("Ann", "Larry", "Ed")


def test_full_names_in_order_without_repeats() -> None:
    """Names of two words or more, each once, in order; never across a sentence end."""
    text = "Please ask Elena Duarte today. Raj Kapoor knows Elena Duarte. And Sue."
    assert full_names(text) == ("Elena Duarte", "Raj Kapoor")


def test_resolve_prefers_the_exact_name() -> None:
    """'Sue' matches Sue Park and Susan Lee (nickname); the full name picks one."""
    assert resolve("Sue", [SUE, SUSAN]) is None
    assert resolve("Sue Park", [SUE, SUSAN]) == SUE
    assert resolve("Park", [SUE, SUSAN]) == SUE


def test_organisation_by_mail_domain() -> None:
    """'myCFO' names the people at mycfo.com; very short tokens name no one."""
    art = Address("Art Shaw", "art@mycfo.example")
    assert at_organisation("myCFO's", [art, SUE]) == [art]
    assert at_organisation("Mycfo", [art]) == [art]
    assert at_organisation("AB", [art]) == []
    assert at_organisation("Northwind", [Address("", "x@northwindlabs.example")])


def test_sign_off_names() -> None:
    """The name after a closing, the last name-like line, or a name ending the text."""
    assert sign_off_name("Thanks for this.\n\nThanks,\nSue Park\nNorthwind", "") == "Sue Park"
    assert sign_off_name("See you then.", "--\nJoe Brandt") == "Joe Brandt"
    assert sign_off_name("The vote passed tonight. Hooray! Sid", "") == "Sid"
    assert sign_off_name("no name here at all", "") == ""


def test_blurbs() -> None:
    """Sentences naming the person and pronoun follow-ups; capped at about 400 characters."""
    text = "Joe, meet Ann. Ann runs a lab. She hires engineers. The weather is nice."
    spans = split_sentences(text)
    assert blurb_for("Ann", spans, frozenset({0})) == "Ann runs a lab. She hires engineers."
    assert blurb_for("", spans, frozenset()) == ""
    long_text = " ".join(f"Ann built system number {i} for the company." for i in range(40))
    blurb = blurb_for("Ann", split_sentences(long_text), frozenset())
    assert 300 < len(blurb) <= 401
    assert blurb.endswith("…")


def test_display_names() -> None:
    """The header's name unless it is just the address's handle; else what was written."""
    assert display_name("Sue", SUE) == "Sue Park"
    assert display_name("Sid", Address("sbw", "sbw@x.example")) == "Sid"
    assert display_name("Dana.", None) == "Dana"


def test_a_closing_not_followed_by_a_name_is_passed_over() -> None:
    """'Thanks,' followed by a sentence is not a sign-off; the last name line is."""
    text = "Thanks,\nfor all the help with the permit this spring.\nSue"
    assert sign_off_name(text, "") == "Sue"
