"""The members of a team named in a one-to-many introduction, in the seven languages."""

# ruff: noqa: E501 - one case a line reads best

from __future__ import annotations

import pytest

from app.core.intro.team import members_listed, with_members
from app.core.model import Person
from app.core.text import split_sentences


@pytest.mark.parametrize(
    ("language", "text", "members"),
    [
        ("en", "Lea - the data team is Ravi (models), Joan and Piet (ops).", ("Ravi", "Joan", "Piet")),
        ("es", "Lea, el equipo está formado por Sara (ventas), Iker y Nuria.", ("Sara", "Iker", "Nuria")),
        ("de", "Lea, unser Team besteht aus Jonas (Vertrieb), Mia und Paul.", ("Jonas", "Mia", "Paul")),
        ("fr", "Lea, le bureau est composé de Chloé (trésorière), Hugo et Inès.", ("Chloé", "Hugo", "Inès")),
        ("pt", "Lea, o time é a Rita (vendas), o Caio e a Bruna.", ("Rita", "Caio", "Bruna")),
        ("it", "Lea, il gruppo è composto da Marco (vendite), Sara e Nico.", ("Marco", "Sara", "Nico")),
        ("nl", "Lea, het team bestaat uit Daan (sales), Fenna en Joost.", ("Daan", "Fenna", "Joost")),
    ],
)  # fmt: skip
def test_members_are_read_in_each_language(
    language: str, text: str, members: tuple[str, ...]
) -> None:
    """The team phrase, then names joined by commas, "and" or articles, roles skipped."""
    assert members_listed(split_sentences(text), language)[1] == members


@pytest.mark.parametrize(
    "text",
    [
        "The team is excited about the launch, and Ravi agrees.",  # no list follows
        "The team is Ravi's, for now.",  # one name is not a list
        "We met Ravi, Joan and Piet last week.",  # a list without a team phrase
    ],
)
def test_no_list_no_members(text: str) -> None:
    assert members_listed(split_sentences(text), "en") == ("", ())


def test_a_list_ends_at_the_first_word_that_is_no_name() -> None:
    text = "The board is Ana, Ben and Cy who meet on Fridays."
    assert members_listed(split_sentences(text), "en")[1] == ("Ana", "Ben", "Cy")


def test_the_group_named_like_the_phrase_carries_the_members() -> None:
    """The group whose name shares the phrase's words, not the newcomer it is told to."""
    head, names = members_listed(
        split_sentences("Lea - the data team is Ravi, Joan and Piet."), "en"
    )
    people = (Person("Lea Brandt", "lea@x.example"), Person("Data Team", "data@y.example"))
    got = with_members(people, head, names)
    assert [p.members for p in got] == [(), ("Ravi", "Joan", "Piet")]


def test_without_a_named_group_the_one_not_addressed_carries_them() -> None:
    head, names = members_listed(split_sentences("Lea - the crew is Ravi, Joan and Piet."), "en")
    people = (Person("Lea Brandt", "lea@x.example"), Person("Ops", "ops@y.example"))
    assert [p.members for p in with_members(people, head, names)] == [(), ("Ravi", "Joan", "Piet")]


def test_members_introduced_by_address_are_not_listed_again() -> None:
    head, names = members_listed(split_sentences("Lea - the team is Ravi, Joan and Piet."), "en")
    people = (Person("Lea", "lea@x"), Person("Ravi", "ravi@x"), Person("Joan", "joan@x"))
    assert with_members(people, head, names) == people  # only Piet is left: not a list
