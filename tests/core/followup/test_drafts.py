"""The thank-you note to the introducer and the give-first note, in seven languages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.followup import FollowUp, follow_up, give_first, give_first_draft, thank_introducer
from app.core.model import Person
from app.core.preferences import Preferences
from tests.core.followup.threads import DANA, JOE, ME, SUE, first_reply, intro_thread, mail

LANGUAGES = ("en", "es", "de", "fr", "pt", "it", "nl")
# A word of our phrasing per language, to see the note is written in it.
MARKER = {
    "en": "Thanks again",
    "es": "Gracias de nuevo",
    "de": "nochmals danke",
    "fr": "Encore merci",
    "pt": "Agradeço mais uma vez",
    "it": "grazie ancora",
    "nl": "Nogmaals bedankt",
}


def _connected(language: str = "en", blurb: str = "") -> FollowUp:
    answer = mail(SUE, (DANA,), "Happy to, Tuesday afternoon?", cc=(JOE,), n=3)
    intro, thread = intro_thread(language, first_reply(), answer, blurb=blurb)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "connected"
    return state


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_thank_you_goes_to_the_introducer_alone_in_the_thread_language(language: str) -> None:
    note = thank_introducer(_connected(language))
    assert [a.email for a in note.to] == [JOE.email]
    assert note.cc == ()
    assert MARKER[language] in note.body_text
    assert "Joe" in note.body_text
    assert "Sue" in note.body_text
    assert "[" in note.body_text  # the placeholder line, clearly marked, until filled in
    assert note.subject == "Re: Dana, meet Sue"
    assert note.in_reply_to == "<m3@example>"
    assert note.references == ("<m1@example>", "<m2@example>", "<m3@example>")
    assert note.body_text.endswith("Dana")


def test_the_users_line_replaces_the_placeholder_on_one_line() -> None:
    note = thank_introducer(_connected(), "We had coffee,\n and she  offered a pilot!")
    assert "We had coffee, and she offered a pilot!" in note.body_text
    assert "[How it went" not in note.body_text
    assert "<p>" in note.body_html
    assert "&" not in note.body_text


def test_the_users_line_is_escaped_in_html_and_clipped() -> None:
    note = thank_introducer(_connected(), "<b>great</b> " + "x" * 1000)
    assert "&lt;b&gt;great&lt;/b&gt;" in note.body_html
    assert len(note.body_text) < 1000


def test_preferences_sign_the_note() -> None:
    prefs = Preferences(name="D. Reyes", sign_off="Cheers,")
    note = thank_introducer(_connected(), "Great chat.", prefs)
    assert note.body_text.endswith("Cheers,\nD. Reyes")


def test_a_subject_already_a_reply_is_kept() -> None:
    note = thank_introducer(_connected())
    assert note.subject.count("Re:") == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_give_first_shares_for_their_work_when_the_introducer_described_it(language: str) -> None:
    offer = give_first(_connected(language))
    assert offer.kind == "share"
    assert offer.line.startswith("Sue, ")
    assert "[" in offer.line
    assert offer.alternative.startswith("Sue, ")


def test_english_give_first_retells_what_the_introducer_said() -> None:
    offer = give_first(_connected("en"))
    assert "you run the freight analytics group at Tidewater" in offer.line


def test_without_a_blurb_give_first_offers_an_introduction() -> None:
    state = _connected("es")
    bare = FollowUp(
        state.stage,
        state.introduction,
        state.user,
        Person(SUE.name, SUE.email),
        state.introducer,
        "es",
    )
    offer = give_first(bare)
    assert offer.kind == "introduce"
    assert "presento" in offer.line


def test_the_give_first_note_goes_to_the_other_person_alone() -> None:
    state = _connected("fr")
    note = give_first_draft(state, "Sue, voici  le lien\npromis.")
    assert [a.email for a in note.to] == [SUE.email]
    assert note.cc == ()
    assert note.body_text.startswith("Sue, voici le lien promis.")
    assert give_first_draft(state, "  ").body_text.startswith(give_first(state).line)


def test_a_note_without_a_latest_message_answers_the_introduction() -> None:
    state = _connected()
    bare = FollowUp(
        state.stage, state.introduction, state.user, state.other, state.introducer, "en"
    )
    note = thank_introducer(bare)
    assert note.in_reply_to == "<m1@example>"
    assert note.subject == "Re: Dana, meet Sue"


def test_an_unknown_language_is_written_in_english() -> None:
    state = _connected()
    other = FollowUp(
        state.stage, state.introduction, state.user, state.other, state.introducer, "pl"
    )
    assert "Thanks again" in thank_introducer(other).body_text


def test_a_user_without_a_name_signs_with_the_sign_off_alone() -> None:
    state = _connected()
    nameless = FollowUp(
        state.stage, state.introduction, Person("", DANA.email), state.other, state.introducer, "en"
    )
    assert thank_introducer(nameless).body_text.endswith("Best,")


# Per language: an introduction that addresses the reader with the courtesy form, and a
# word of our formal phrasing.
FORMAL = {
    "es": ("Dana, le presento a Sue. Creo que usted y ella deberían hablar.", "Le agradezco"),
    "de": ("Frau Reyes, darf ich Ihnen Sue vorstellen? Sie leitet das Team.", "dass Sie mich"),
    "it": ("Dana, Le presento Sue. Penso che Lei e Sue dovreste parlare.", "La ringrazio"),
    "nl": ("Dana, graag stel ik u voor aan Sue. Zij leidt het team.", "dat u mij"),
    "pt": ("Dana, apresento a senhora à Sue. Ela lidera a equipe de análise.", "Agradeço"),
}


@pytest.mark.parametrize("language", sorted(FORMAL))
def test_an_introduction_in_the_courtesy_form_gets_formal_notes(language: str) -> None:
    text, marker = FORMAL[language]
    intro, thread = intro_thread(language, first_reply(), mail(SUE, (DANA,), "ok", cc=(JOE,), n=3))
    first = replace(thread.messages[0], text=text, new_text=text)
    thread = replace(thread, messages=(first, *thread.messages[1:]))
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.formal
    note = thank_introducer(state)
    assert marker in note.body_text
    if language != "pt":
        assert JOE.name in note.body_text  # greeted by full name, not a first name alone
    assert give_first(state).line != give_first(replace(state, formal=False)).line


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_friendly_introductions_stay_friendly(language: str) -> None:
    state = _connected(language)
    assert not state.formal
    assert MARKER[language] in thank_introducer(state).body_text


def test_a_capitalised_sie_opening_a_sentence_is_she_not_you() -> None:
    intro, thread = intro_thread("de", first_reply())
    text = "Dana, das ist Sue. Sie leitet das Team bei Tidewater und sucht Kontakte."
    first = replace(thread.messages[0], text=text, new_text=text)
    state = follow_up(intro, replace(thread, messages=(first, *thread.messages[1:])), ME)
    assert state is not None
    assert not state.formal


def test_the_formal_tone_preference_writes_a_formal_english_note() -> None:
    note = thank_introducer(_connected(), "", Preferences(tone="formal"))
    assert note.body_text.startswith("Dear Joe,")
    assert "Kind regards," in note.body_text
