"""Tests for `self_focus` and `throwaway_offer`: who the reply is about."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import (
    check_self_focus,
    check_throwaway,
    is_throwaway,
    measure_focus,
    split_sentences,
)
from app.core.checks.context import reply_context
from app.core.checks.focus import _ANY_CREDENTIAL, _CREDENTIAL, _FIRST
from app.core.model import Address

SELF_CENTRED = (
    "Hi Sue,\n\nI'm glad Joe introduced us. I'm working to grow my network in Austin. "
    "I'm a senior product executive with 15 years of experience in enterprise software, and I "
    "have led teams of up to 80 people at two public companies. My background spans B2B SaaS, "
    "marketplaces and payments. I am now exploring my next chapter.\n\n"
    "I know networking is about helping others, so let me know if there's anything I can do "
    "for you.\n\nAnn"
)
GOOD = (
    "Hi Sue and Joe,\n\nJoe, thank you for connecting us! Sue, Joe tells me you run the design "
    "team at Acme, and I'd love to hear how you built it.\n\nWould you be up for a coffee in the "
    "next two weeks? If there's anything I can do to help with the Austin meetup, let me know."
    "\n\nAnn"
)


def test_self_centred_email_is_flagged_with_its_measure() -> None:
    """An email mostly about the sender is flagged, with the sentence counts shown."""
    sentences = split_sentences(SELF_CENTRED)
    focus = measure_focus(sentences, ["Sue"])
    found = check_self_focus(SELF_CENTRED, focus, "Sue")
    assert [f.code for f in found] == ["self_focus"]
    assert "sentences are about you" in found[0].message
    assert "% of the words are about Sue" in found[0].message
    assert "15 years of experience" in SELF_CENTRED[found[0].start : found[0].end]


def test_throwaway_offer_after_self_centred_email() -> None:
    """The closing generic offer is flagged after a self-centred email."""
    sentences = split_sentences(SELF_CENTRED)
    focus = measure_focus(sentences, ["Sue"])
    found = check_throwaway(sentences, focus, has_ask=False)
    assert len(found) == 1
    assert found[0].excerpt.startswith("I know networking is about helping others")


def test_good_reply_is_not_self_focused() -> None:
    """A reply about the other person gets neither finding, even with a closing offer."""
    sentences = split_sentences(GOOD)
    focus = measure_focus(sentences, ["Sue", "Joe"])
    assert not focus.self_focused
    assert check_self_focus(GOOD, focus, "Sue") == ()
    assert check_throwaway(sentences, focus, has_ask=False) == ()


def test_throwaway_after_an_ask_is_flagged() -> None:
    """A generic offer tacked onto an ask is flagged even in a short email."""
    text = "Could you introduce me to your investors? Let me know if I can ever help you."
    sentences = split_sentences(text)
    found = check_throwaway(sentences, measure_focus(sentences, ["Sue"]), has_ask=True)
    assert [f.excerpt for f in found] == ["Let me know if I can ever help you."]


def test_logistics_are_not_self_talk() -> None:
    """Sentences about meeting up ("I'll call you when I land") do not count as self-focus."""
    text = (
        "Allan,\n\nI shall be glad to meet you. I am planning to attend the symposium and we "
        "can meet there. If business keeps me at the office, feel free to contact me and we can "
        "schedule a meeting during the day or in the evening.\n\nVince"
    )
    focus = measure_focus(split_sentences(text), ["Allan"])
    assert not focus.self_focused


def test_credential_paragraph_alone_is_enough() -> None:
    """Several credentials in a row are flagged even when the email also greets warmly."""
    text = (
        "Sue, lovely to meet you. A bit about me: I have 20 years of experience in logistics. "
        "I led the supply chain team at Ford and I built two startups. I hold an MBA."
    )
    assert measure_focus(split_sentences(text), ["Sue"]).self_focused


def test_is_throwaway_recognises_generic_offers() -> None:
    """Generic offers are recognised; specific help is not a throw-away line."""
    assert is_throwaway("Please don't hesitate to reach out if I can help in any way.")
    assert is_throwaway("Happy to return the favour.")
    assert not is_throwaway("I'll send you the article on onboarding I mentioned.")


def test_a_generic_offer_is_flagged_a_specific_one_is_not() -> None:
    """Outside a self-centred email, only the offer that names nothing is flagged."""
    for text, flagged in (
        ("Sue, are you free Thursday? If I can ever return the favor, just say the word.", True),
        (
            "Sue, are you free Thursday? If there's anything I can do to help with the "
            "Austin meetup, let me know.",
            False,
        ),
    ):
        sentences = split_sentences(text)
        focus = measure_focus(sentences, ["Sue"])
        found = check_throwaway(sentences, focus, has_ask=False)
        assert bool(found) is flagged, text


# Tests for the focus check's pronoun pattern: the short form finds what the long one did.
_AS_WRITTEN = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'd"
    r"|[Ww]e'll|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)\b"
)
_WORDS = "I I'm I've I'd I'll me My mine Myself we We're we've We'd we'll us Our ours Ourselves"
_PIECES = st.one_of(
    st.sampled_from(_WORDS.split()),
    st.sampled_from([" ", " ", ".", "'", "_", "x", "é", "1", "Mine's", "usual", "Iran"]),
    st.text(max_size=2),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_first_person_search_is_unchanged(text: str) -> None:
    """A match exactly where the pattern with every contraction had one."""
    assert _FIRST.search(text) is (_AS_WRITTEN.search(text) is not None)


_CREDENTIAL_WORDS = st.sampled_from(
    [
        "15",
        "years",
        "my",
        "our",
        "background",
        "team",
        "I",
        "we",
        "have",
        "led",
        "MBA",
        "PhD",
        "award-winning",
        "rated",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.lists(st.one_of(_CREDENTIAL_WORDS, _PIECES), max_size=12).map(" ".join),
        st.from_regex(_CREDENTIAL),
    )
)
def test_credential_gate_passes_every_sentence_with_a_credential(text: str) -> None:
    """The quick search finds a credential exactly when the counting pattern does."""
    assert _ANY_CREDENTIAL.search(text) is (_CREDENTIAL.search(text) is not None)


def _reader_sentences(text: str, languages: tuple[str, ...]) -> list[str]:
    return [s.text for s in measure_focus(split_sentences(text), [], languages).reader]


def test_spanish_formal_le_and_su_address_the_reader() -> None:
    """In a reply that never uses "tú", "le" and "su" are the reader's (usted)."""
    text = (
        "Estimada Carmen, es un placer saludarla. Con mucho gusto me adapto a su calendario. "
        "¿Le vendría bien hablar el martes?"
    )
    found = _reader_sentences(text, ("es",))
    assert "Con mucho gusto me adapto a su calendario." in found
    assert "¿Le vendría bien hablar el martes?" in found


def test_spanish_su_is_someone_else_when_the_reader_is_tu() -> None:
    """Where the reader is "tú", "su" is his or her: not the reader."""
    text = "Hola Pablo, te escribo por lo de Ana. Ana me habló de su empresa nueva."
    assert "Ana me habló de su empresa nueva." not in _reader_sentences(text, ("es",))


def test_portuguese_o_senhor_addresses_the_reader() -> None:
    """ "O senhor" is the reader in Portuguese formal address."""
    text = "Caro Jorge, o senhor teria disponibilidade na quinta-feira para conversarmos?"
    assert _reader_sentences(text, ("pt",))


def test_a_sentence_mostly_about_the_writer_is_self_talk() -> None:
    """A passing "you" does not make a paragraph of the writer's career about the reader."""
    text = (
        "Pour que tu me connaisses mieux : j'ai dirigé mon agence pendant dix ans et j'ai "
        "ensuite lancé mon propre studio."
    )
    assert _reader_sentences(text, ("fr",)) == []


def test_a_question_to_the_reader_is_about_them() -> None:
    """A question put to the reader counts for them, whatever pronouns it carries."""
    text = "Could you tell me who I should talk to about my plan?"
    assert _reader_sentences(text, ()) == [text]


def test_italian_first_person_without_pronoun_is_self_talk() -> None:
    """Italian drops the pronoun: "ho lavorato" is still the writer."""
    text = "Ho lavorato dodici anni in banca e sto aprendo un negozio di biciclette."
    focus = measure_focus(split_sentences(text), [], ("it",))
    assert [s.text for s in focus.sender] == [text]


def test_a_reader_named_by_their_surname_is_the_reader() -> None:
    """A formal reply names its reader by the family name ("Frau Dr. Brandt"): the reply
    context lists surnames after first names, so such a sentence is about the reader."""
    person = Address("Dr. Helga Brandt", "h.brandt@example.de")
    context = reply_context(None, None, "me@example.de", (person,))
    assert context.reader == "Helga"
    assert "Brandt" in context.reader_names
    text = "Ich habe viel über die Arbeit von Frau Dr. Brandt in Kiel gelesen."
    found = measure_focus(split_sentences(text), context.reader_names, ("de",))
    assert [s.text for s in found.reader] == [text]


def test_a_name_opening_the_sentence_only_addresses_the_reader() -> None:
    """ "Marcus, I've spent ten years …" speaks to Marcus about the writer."""
    names = ["Marcus", "Hale"]
    vocative = "Marcus, I've spent ten years running warehouses in Leeds."
    about = "I loved Marcus's talk on warehouse design last spring."
    question = "Marcus, how did you get into design?"
    found = measure_focus(split_sentences(f"{vocative} {about} {question}"), names)
    assert [s.text for s in found.sender] == [vocative]
    assert [s.text for s in found.reader] == [about, question]


def test_a_throwaway_offer_counts_in_the_length_not_in_the_reader_share() -> None:
    """Three sentences about the writer and a closing offer: long enough to judge, and the
    offer's "you" does not make the email about the reader."""
    text = (
        "Marcus, I've been designing for three years now and my portfolio has grown a lot. "
        "I've won two student awards and I've shown my capstone at three conferences. "
        "I'm now building my network across the north of England. "
        "Should you ever need anything at all from me, just let me know."
    )
    focus = measure_focus(split_sentences(text), ["Marcus"])
    assert focus.words >= 50
    assert focus.reader == ()
    assert focus.self_focused


def test_a_question_put_to_the_reader_by_name_is_about_the_reader() -> None:
    """ "Ing. Rinaldi, come affronterebbe …?" asks the reader, even when no pronoun says so;
    the same vocative before a statement about the writer stays self-talk."""
    asked = "Ing. Rinaldi, come affronterebbe il passaggio dalla farmacia al design dei servizi?"
    told = "Ing. Rinaldi, ho lavorato dieci anni in farmacia e ora studio design."
    found = measure_focus(split_sentences(f"{asked} {told}"), ["Rinaldi"], ("it",))
    assert [s.text for s in found.reader] == [asked]
    assert [s.text for s in found.sender] == [told]
