"""Tests for `read_proposal` / `find_proposal`: a time or place the other side proposed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.model import Address, Email
from app.core.reply.proposal import Proposal, find_proposal, read_proposal


@pytest.mark.parametrize(
    ("text", "kind", "phrase", "when", "where"),
    [
        (
            "Great to meet you! Would you be up for coffee near Union Square some morning "
            "next week?",
            "coffee",
            "coffee near Union Square some morning next week",
            "some morning next week",
            "Union Square",
        ),
        (
            "Thanks Joe. Sue, could we do a 20-minute call next Tuesday or Wednesday?",
            "call",
            "a 20-minute call next Tuesday or Wednesday",
            "next Tuesday or Wednesday",
            "",
        ),
        (
            "How about a Zoom call on Thursday at 3pm?",
            "video",
            "a Zoom call on Thursday at 3pm",
            "on Thursday at 3pm",
            "",
        ),
        (
            "Let's meet at Blue Bottle on Friday.",
            "meeting",
            "meet at Blue Bottle on Friday",
            "on Friday",
            "Blue Bottle",
        ),
        (
            "Happy to connect. Free Tuesday morning?",
            "meeting",
            "Tuesday morning",
            "Tuesday morning",
            "",
        ),
        (
            "¡Hola! Encantada. ¿Te va bien un café el jueves?",
            "coffee",
            "un café el jueves",
            "el jueves",
            "",
        ),
        (
            "Hallo Tom, freut mich sehr. Kaffee am Dienstag?",
            "coffee",
            "Kaffee am Dienstag",
            "am Dienstag",
            "",
        ),
        (
            "Bonjour Marie, ravie de faire ta connaissance. Un café mardi prochain près de la "
            "gare, ça te dit ?",
            "coffee",
            "un café mardi prochain près de la gare",
            "mardi prochain",
            "la gare",
        ),
        (
            "Olá Ana! Que tal um café na próxima quinta-feira?",
            "coffee",
            "um café na próxima quinta-feira",
            "na próxima quinta-feira",
            "",
        ),
        (
            "Ciao Luca, piacere! Ti va un caffè giovedì mattina?",
            "coffee",
            "un caffè giovedì mattina",
            "giovedì mattina",
            "",
        ),
        (
            "Hoi Daan, leuk kennis te maken! Zin in een kop koffie volgende week dinsdag?",
            "coffee",
            "een kop koffie volgende week dinsdag",
            "volgende week dinsdag",
            "",
        ),
        ("Are you free for lunch on the 14th?", "coffee", "lunch on the 14th", "on the 14th", ""),
        (
            "Hätten Sie nächste Woche Zeit für ein kurzes Telefonat?",
            "call",
            "ein kurzes Telefonat nächste Woche",  # the time said first, quoted after
            "nächste Woche",
            "",
        ),
        (
            "Seriez-vous disponible jeudi pour un appel ?",
            "call",
            "jeudi pour un appel",
            "jeudi",
            "",
        ),
    ],
)
def test_reads_the_proposal_in_seven_languages(
    text: str, kind: str, phrase: str, when: str, where: str
) -> None:
    """Kind, the words to quote back, the time and the place, as the sender wrote them."""
    found = read_proposal(text)
    assert found is not None
    assert (found.kind, found.phrase, found.when, found.where) == (kind, phrase, when, where)


@pytest.mark.parametrize(
    "text",
    [
        "Lovely to meet you, I'd love to hear more about your work.",
        "Would love to grab a coffee sometime!",  # no time, no place: nothing to accept
        "I was in Lisbon on Tuesday for a conference.",  # a time, but no proposal
        "We had a great meeting on Tuesday.",  # a meeting and a day, nothing on offer
        "I'll be in London in January; would love to meet up then.",  # no time next to it
        "Thanks Joe for connecting us!",
        "",
    ],
)
def test_no_proposal_without_a_time_or_place_on_offer(text: str) -> None:
    assert read_proposal(text) is None


def test_only_the_senders_own_words_are_read() -> None:
    """A time in the quoted history (the introducer's "coffee on Friday") is not theirs."""
    message = Email(
        sender=Address("Sue Park", "sue@acme.example"),
        text="Thanks Joe! Nice to meet you, Dana.\n\n> You two should grab coffee on Friday?",
        new_text="Thanks Joe! Nice to meet you, Dana.",
        quoted_text="> You two should grab coffee on Friday?",
    )
    assert find_proposal(message) is None
    assert find_proposal(None) is None


def test_a_meeting_in_person_is_a_coffee_for_the_choice_of_next_step() -> None:
    assert Proposal("meeting", "Tuesday").mode == "coffee"
    assert Proposal("video", "a Zoom call").mode == "video"


def test_german_nouns_keep_their_capital_other_openings_lose_it() -> None:
    """The capital of a sentence's first word is not part of the quoted phrase."""
    german = read_proposal("Kaffee am Dienstag?")
    english = read_proposal("Coffee on Friday?")
    assert german is not None
    assert german.phrase == "Kaffee am Dienstag"
    assert english is not None
    assert english.phrase == "coffee on Friday"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "coffee",
                "Kaffee",
                "café",
                "call",
                "near",
                "Union",
                "Square",
                "next",
                "week",
                "Tuesday",
                "jeudi",
                "am",
                "Dienstag",
                "?",
                "¿",
                ",",
                ";",
                "İstanbul",
                "ß",
                "ﬁ",
                "3pm",
                "the 14th",
                "  ",
                "\n",
                "let's",
                "meet",
                "at",
                "Blue",
                "Bottle",
                "un",
            ]
        ),
        max_size=30,
    ),
    st.text(max_size=40),
)
def test_any_text_reads_without_error(words: list[str], noise: str) -> None:
    """Whatever the words, a proposal or None, and its phrase is the sender's own words."""
    text = " ".join(words) + noise
    found = read_proposal(text)
    if found is not None:
        assert found.phrase
        assert found.kind in ("coffee", "call", "video", "meeting")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a clause ends at a dash: the dates before it are not the meeting's
        (
            "I will be in Paris from 20 to 24 July - would a meeting on the 21st or 22nd suit you?",
            "a meeting on the 21st or 22nd",
        ),
        # times said together stay together, before the meeting
        ("Seriez-vous disponible jeudi à 14h pour un appel ?", "jeudi à 14h pour un appel"),
        # "bora", "vamos marcar", "plannen": a next step, not a time
        ("Bora tomar um café semana que vem?", "um café semana que vem"),
        ("Vamos marcar uma call essa semana?", "uma call essa semana"),
        (
            "Zullen we een kennismakingsgesprek plannen, bijvoorbeeld volgende week dinsdag of "
            "woensdag?",
            "volgende week dinsdag of woensdag",
        ),
    ],
)
def test_the_phrase_is_one_span_of_time_and_meeting_words(text: str, phrase: str) -> None:
    found = read_proposal(text)
    assert found is not None
    assert found.phrase == phrase


@pytest.mark.parametrize(
    "text",
    [
        # a blank where a number was left out, then the sign-off: no place
        "If you need to reach me, please feel free to call me anytime at          Thank You.",
        "Zullen we daarna eens bellen?",  # a call, but no time or place
        "Shall we plan a call - Thursday is busy, though.",  # the day is in another clause
    ],
)
def test_no_proposal_from_words_that_are_not_a_time_or_place(text: str) -> None:
    assert read_proposal(text) is None
