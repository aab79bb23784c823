"""A team named in prose: one person introduced to several, each described by name."""

from __future__ import annotations

import pytest

from app.core.intro import detect_introduction
from app.core.intro.team_prose import described_names, team_in_prose
from app.core.model import Address, Email, Person
from app.core.text import split_sentences

BROOKE = Address("Brooke Sullivan", "brooke@sullivan.example")
EZRA = Address("Ezra Goldfarb", "ezra@goldfarb.example")
NOOR = Address("Noor Haddad", "noor@parcel.example")
CALEB = Address("Caleb Ortiz", "caleb@parcel.example")
THEO = Address("Theo Lind", "theo@parcel.example")
TEAM = ("Noor Haddad", "Caleb Ortiz", "Theo Lind")

# One introduction per language: Ezra on To, the three on Cc, each described by what they do.
BY_LANGUAGE = {
    "en": (
        "Hi all,\n\nI'd like to introduce you to Ezra Goldfarb, who ran pricing at Shopwise.\n\n"
        "Ezra, a word on the team: Noor runs lifecycle and Caleb handles paid. "
        "Theo owns the website.\n\nBrooke",
        "the team",
    ),
    "es": (
        "Hola a todos:\n\nOs presento a Ezra Goldfarb, que llevó precios en Shopwise.\n\n"
        "Ezra, te cuento: Noor se encarga de la retención y Caleb lleva la publicidad de pago. "
        "Theo gestiona la web.\n\nBrooke",
        "el equipo",
    ),
    "de": (
        "Hallo zusammen,\n\nich möchte euch Ezra Goldfarb vorstellen, der bei Shopwise die "
        "Preise verantwortet hat.\n\nEzra, kurz zum Team: Noor kümmert sich um Lifecycle und "
        "Caleb betreut Paid. Theo leitet die Website.\n\nBrooke",
        "das Team",
    ),
    "fr": (
        "Bonjour à tous,\n\nJe vous présente Ezra Goldfarb, qui a dirigé les prix chez "
        "Shopwise.\n\nEzra, en deux mots : Noor s'occupe du cycle de vie et Caleb gère "
        "l'acquisition payante. Theo pilote le site.\n\nBrooke",
        "l'équipe",
    ),
    "pt": (
        "Olá a todos,\n\nQuero apresentar a vocês o Ezra Goldfarb, que cuidou de preços na "
        "Shopwise.\n\nEzra, resumindo: Noor cuida do ciclo de vida e Caleb lidera a mídia "
        "paga. Theo gerencia o site.\n\nBrooke",
        "a equipe",
    ),
    "it": (
        "Ciao a tutti,\n\nvi presento Ezra Goldfarb, che ha seguito i prezzi da Shopwise.\n\n"
        "Ezra, in breve: Noor si occupa del ciclo di vita e Caleb gestisce la pubblicità a "
        "pagamento. Theo coordina il sito.\n\nBrooke",
        "il team",
    ),
    "nl": (
        "Hoi allemaal,\n\nGraag stel ik jullie voor aan Ezra Goldfarb, die de prijzen bij "
        "Shopwise deed.\n\nEzra, kort over het team: Noor is verantwoordelijk voor lifecycle "
        "en Caleb beheert betaalde kanalen. Theo regelt de website.\n\nBrooke",
        "het team",
    ),
}


@pytest.mark.parametrize("language", sorted(BY_LANGUAGE))
def test_a_team_described_in_prose_is_listed_in_each_language(language: str) -> None:
    text, word = BY_LANGUAGE[language]
    email = Email(subject="Ezra", sender=BROOKE, to=(EZRA,), cc=(NOOR, CALEB, THEO), new_text=text)
    intro = detect_introduction(email, EZRA.email).introduction
    assert intro is not None
    assert intro.language == language
    assert [(t.name, t.email, t.members) for t in intro.teams] == [(word, "", TEAM)]
    assert "Noor" in intro.teams[0].blurb
    # The individuals stay introduced, each with their address, for the reply.
    assert [p.email for p in intro.introduced] == [EZRA.email, NOOR.email, CALEB.email, THEO.email]
    assert not any(p.members for p in intro.introduced)


def test_names_are_the_capitalised_words_just_before_the_role() -> None:
    spans = split_sentences("Dr. Noor Haddad runs lifecycle, and Caleb handles paid.")
    assert described_names(spans, "en")[0] == ("Noor Haddad", "Caleb")


@pytest.mark.parametrize(
    "text",
    [
        "The team runs lifecycle and it handles paid.",  # no names
        "Noor runs lifecycle.",  # one name: a line about someone
        "(Noor) runs lifecycle, Caleb, who handles paid, agrees.",  # not right before the role
    ],
)
def test_fewer_than_two_names_make_no_team(text: str) -> None:
    assert len(described_names(split_sentences(text), "en")[0]) < 2


def _people(*addresses: Address) -> tuple[Person, ...]:
    return tuple(Person(a.name, a.email) for a in addresses)


def test_a_classic_introduction_whose_two_sides_each_got_a_line_is_no_team() -> None:
    """Two people, each described: nobody is left to meet a team."""
    spans = split_sentences("Noor runs lifecycle at Parcel. Ezra runs pricing at Shopwise.")
    assert team_in_prose(_people(NOOR, EZRA), spans, "en", ("Ezra",)) == ()


def test_the_newcomer_described_too_is_the_one_addressed() -> None:
    spans = split_sentences(
        "Ezra, meet the crew. Ezra runs pricing. Noor runs lifecycle and Caleb handles paid."
    )
    got = team_in_prose(_people(EZRA, NOOR, CALEB), spans, "en", ("Ezra",))
    assert [p.members for p in got] == [("Noor Haddad", "Caleb Ortiz")]


def test_several_left_over_is_no_team() -> None:
    """Two people described, two not: not one person meeting a team."""
    spans = split_sentences("Noor runs lifecycle and Caleb handles paid.")
    assert team_in_prose(_people(EZRA, THEO, NOOR, CALEB), spans, "en", ()) == ()


def test_a_team_listed_after_a_team_phrase_is_kept_as_it_is() -> None:
    """A group that already carries its members is not read again."""
    people = (*_people(EZRA), Person("Growth Team", "growth@parcel.example", "", ("Noor", "Ben")))
    spans = split_sentences("Noor runs lifecycle and Caleb handles paid.")
    assert team_in_prose(people, spans, "en", ()) == ()
