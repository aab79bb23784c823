"""Reading one message: cues, vetoes, and the keyword prefilter's exactness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intro.cues import POSITIVE, keywords_in
from app.core.intro.reading import could_hold_cue, folded, read
from app.core.intro.vetoes import NEGATIVE, is_bulk
from app.core.model import Address, Email

SUE = Address("Sue Park", "sue@x.example")
JOE = Address("Joe Brandt", "joe@y.example")


def _email(text: str, subject: str = "", cc: tuple[Address, ...] = ()) -> Email:
    return Email(subject, Address("Ann Lee", "ann@z.example"), (SUE,), cc, new_text=text)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Sue, meet Joe.", "meet"),
        ("Sue, meet my old colleague from Acme.", "meet-someone"),
        ("I'd like you both to meet each other.", "you-two"),
        ("I want to introduce you to each other.", "each-other"),
        ("Introducing the two of you here.", "introduce-you"),
        ("I'd like to introduce you to Joe Brandt.", "introduce-who"),
        ("This is an introduction email.", "intro-email"),
        ("Connecting you two, as promised.", "connect"),
        ("I'm putting you in touch with Joe.", "in-touch"),
        ("I'll let you two take it from here.", "take-it"),
        ("I'm copying Joe, who runs our lab.", "copying"),
        ("Adding Joe, who can answer this.", "adding"),
        ("Joe (cc'd) knows the details.", "copied-who"),
        ("Joe is the right person to ask about permits.", "right-person"),
        ("Joe, who can help with the permit.", "who-can-help"),
        ("You may want to reach out to Elena Duarte.", "reach-out"),
        ("You should expect to hear from Joe soon.", "hear-from"),
        ("Joe will be reaching out this week.", "will-contact"),
        ("I asked Joe to contact you.", "suggested-contact"),
        ("Feel free to contact either of them.", "feel-free"),
        ("Joe has just joined our desk.", "new-hire"),
        ("He will be contacting each of you.", "will-contact-you"),
        ("Please take the time to meet with him.", "new-hire-meet"),
        ("Ich möchte euch gerne einander vorstellen.", "each-other-de"),
        ("Ihr beide solltet euch kennenlernen.", "you-two-de"),
        ("Os presento por correo.", "each-other-es"),
        ("Te presento a Joe Brandt.", "introduce-who-es"),
        ("Je me permets de vous mettre en relation.", "each-other-fr"),
        ("Je vous présente Joe Brandt.", "introduce-who-fr"),
        ("Je vous laisse échanger.", "take-it-fr"),
    ],
)
def test_each_cue_fires_on_its_phrase(sentence: str, cue: str) -> None:
    """Every cue is set off by a typical phrasing of it."""
    assert cue in {h.cue.name for h in read(_email(sentence, cc=(JOE,))).hits}


@pytest.mark.parametrize(
    ("sentence", "veto"),
    [
        ("Allow me to introduce myself.", "self-introduction"),
        ("We are proud to introduce our new platform.", "product"),
        ("Could you introduce me to Joe?", "request"),
        ("Would you be open to an introduction to Joe?", "offer"),
        ("Sue suggested I contact you.", "referral"),
        ("I'm copying my assistant Lona to find a time.", "scheduling"),
        ("Thanks for the introduction to Joe!", "after-the-fact"),
        ("Dr. Grant will introduce the panel.", "speaker"),
        ("Ich möchte mich kurz vorstellen.", "self-introduction"),
        ("¿Me podrías presentar a Joe?", "request"),
    ],
)
def test_vetoes_stop_their_sentence(sentence: str, veto: str) -> None:
    """In a sentence with a cue word, a veto is recorded and stops its cues."""
    reading = read(_email(sentence, cc=(JOE,)))
    assert veto in reading.vetoes
    assert not [h for h in reading.hits if h.cue.kind == "handoff" or veto != "scheduling"]


def test_subject_names_are_read() -> None:
    """'Intro: Sue <> Joe' gives the subject cue and both names."""
    reading = read(_email("Sue, meet Joe.", subject="Intro: Sue <> Joe"))
    assert {"subject-intro", "subject-pair"} <= set(reading.subject_hits)
    assert {"Sue", "Joe"} <= set(reading.subject_names)


def test_no_keyword_no_sentences() -> None:
    """Text with no cue keyword is not even split into sentences."""
    reading = read(_email("Lunch at noon. The report is done."))
    assert (reading.spans, reading.hits) == ((), [])


def test_bulk_footer() -> None:
    """Unsubscribe footers mark mass mail, in the body or the signature."""
    assert is_bulk("click here to unsubscribe")
    assert not is_bulk("please subscribe me")
    email = Email(new_text="Meet Nova.", signature="-- \nTo unsubscribe, reply STOP")
    assert read(email).bulk


def test_folded_and_quoted_prefilter() -> None:
    """Keywords survive line wrapping and quote markers."""
    assert folded("Put you\n  in\ttouch") == "put you in touch"
    assert could_hold_cue("> I'm putting you in\n> touch with Joe")
    assert not could_hold_cue("> lunch at noon")


_PHRASES = (
    "Sue|Joe Brandt|Misha|Dr. Park|Zoë|I'm|I am|I've|I'll|copying|cc'd|cc'ing|(cc)|copied|"
    "adding|looping in|including|forwarding this to|who can help|who should|is the right person|"
    "to|for|meet|please meet|introduce|introducing|introduction|you two|both of you|each other|"
    "in touch|putting you|connect you with|take it from here|you may want to|reach out to|"
    "will be reaching out|expect to hear from|suggested|asked|contact you|feel free to contact|"
    "has joined|he will be contacting|each of you|myself|our new product|could you|open to|"
    "would you like to|assistant|schedule a time|thanks for the intro|we met|introduce the panel|"
    "vorstellen|euch einander|os presento|te presento a|je vous présente|mettre en relation|"
    "unsubscribe|will|be|probably|soon|calling|who|should|new|recent|hire|member|kindly|visit|"
    "with|him|them|He|She|They|is a|is our|,|.|:|?|\n|\n\n|  "
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES.split("|")), max_size=30).map(" ".join))
def test_keywords_are_necessary(text: str) -> None:
    """Wherever a cue or veto pattern matches, one of its keywords is there (no miss)."""
    lower = folded(text)
    present = keywords_in(lower)
    for cue in POSITIVE:
        if cue.pattern.search(text):
            assert not cue.keys.isdisjoint(present), cue.name
    for veto in NEGATIVE:
        if veto.pattern.search(text):
            assert veto.keys_in(lower), veto.name
