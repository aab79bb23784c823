"""The follow-up stage of an introduction, from the thread alone, in seven languages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.followup import STAGES, follow_up
from app.core.intro import language_of
from app.core.model import Person, Thread
from tests.core.followup.threads import DANA, JOE, ME, SUE, first_reply, intro_thread, mail

# Per language: a later message from Sue saying they met or fixed a meeting.
MET = {
    "en": "It was great to meet you yesterday, let's keep in touch.",
    "es": "Fue un placer conocerte ayer, seguimos en contacto.",
    "de": "Danke für das Gespräch gestern, wir bleiben in Kontakt.",
    "fr": "Merci pour le café hier, restons en contact.",
    "pt": "Obrigada pela conversa de ontem, vamos manter contato.",
    "it": "Grazie per la chiacchierata di ieri, restiamo in contatto.",
    "nl": "Bedankt voor het gesprek gisteren, we houden contact.",
}
# Per language: Sue confirming a meeting on Thursday.
CONFIRMED = {
    "en": "Perfect, see you Thursday at the café.",
    "es": "Perfecto, nos vemos el jueves en el café.",
    "de": "Super, dann bis Donnerstag im Café.",
    "fr": "Parfait, à jeudi au café.",
    "pt": "Perfeito, até quinta no café.",
    "it": "Perfetto, ci vediamo giovedì al bar.",
    "nl": "Prima, tot donderdag in het café.",
}


def test_stages_are_the_four_the_homepage_shows() -> None:
    assert STAGES == ("new", "replied", "connected", "loop_closed")


def test_new_until_the_user_writes() -> None:
    intro, thread = intro_thread()
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert (state.stage, state.other.email, state.introducer.email) == ("new", SUE.email, JOE.email)
    assert not state.offers_thanks


def test_replied_when_only_the_user_wrote() -> None:
    intro, thread = intro_thread("en", first_reply())
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "replied"


def test_the_other_side_answering_the_user_is_a_connection() -> None:
    answer = mail(SUE, (DANA,), "Happy to, Tuesday afternoon?", cc=(JOE,), n=3)
    intro, thread = intro_thread("en", first_reply(), answer)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "connected"
    assert state.offers_thanks
    assert state.evidence == "you have written to each other"
    assert state.latest is answer


def test_the_other_side_writing_only_to_the_introducer_is_no_connection() -> None:
    aside = mail(SUE, (JOE,), "Thanks Joe, will do.", n=3)
    intro, thread = intro_thread("en", first_reply(), aside)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "replied"


def test_a_first_reply_saying_nice_to_meet_you_is_not_a_meeting() -> None:
    intro, thread = intro_thread("en", first_reply(text="Great to meet you, Sue! Coffee soon?"))
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "replied"


@pytest.mark.parametrize("language", sorted(MET))
def test_words_of_a_meeting_show_a_connection(language: str) -> None:
    met = mail(SUE, (DANA,), MET[language], n=3)
    intro, thread = intro_thread(language, first_reply(), met)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.language == language
    assert state.stage == "connected", state.evidence
    assert state.evidence.startswith("“")


@pytest.mark.parametrize("language", sorted(CONFIRMED))
def test_a_confirmed_meeting_shows_a_connection_without_a_reply(language: str) -> None:
    # Sue wrote to Dana alone (she answered elsewhere first): a confirmed meeting is enough.
    confirmed = mail(SUE, (DANA,), CONFIRMED[language], n=2)
    intro, thread = intro_thread(language, confirmed)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "connected", language


def test_english_meeting_words_count_in_another_language_thread() -> None:
    met = mail(SUE, (DANA,), "Thanks for the coffee!", n=3)
    intro, thread = intro_thread("de", first_reply(), met)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "connected"


def test_a_message_from_the_introducer_shows_nothing() -> None:
    cheer = mail(JOE, (DANA, SUE), "Glad you two met for coffee, thanks for the coffee!", n=3)
    intro, thread = intro_thread("en", first_reply(), cheer)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "replied"


def test_writing_to_the_introducer_after_connecting_closes_the_loop() -> None:
    answer = mail(SUE, (DANA,), "Lovely, see you Tuesday.", n=3)
    thanks = mail(DANA, (JOE,), "Joe, we met, it went well. Thank you!", n=4)
    intro, thread = intro_thread("en", first_reply(), answer, thanks)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "loop_closed"
    assert not state.offers_thanks


def test_the_introducer_on_to_among_others_closes_the_loop() -> None:
    answer = mail(SUE, (DANA,), "Sounds good, Tuesday works for me.", n=3)
    news = mail(DANA, (JOE, SUE), "Joe, Sue and I are meeting Tuesday. Thank you!", n=4)
    intro, thread = intro_thread("en", first_reply(), answer, news)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "loop_closed"


def test_the_first_reply_with_the_introducer_on_to_does_not_close_the_loop() -> None:
    # Reply-all to the introduction puts Joe on To; it is the first reply, not the thanks.
    met = mail(SUE, (DANA,), "Thanks for the call!", n=2)
    reply_all = mail(DANA, (JOE,), "Thanks Joe! Sue, see you Tuesday.", cc=(SUE,), n=3)
    intro, thread = intro_thread("en", met, reply_all)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "connected"


def test_the_introducer_only_on_cc_is_not_a_thank_you() -> None:
    answer = mail(SUE, (DANA,), "Great, talk Tuesday.", cc=(JOE,), n=3)
    more = mail(DANA, (SUE,), "Talk then!", cc=(JOE,), n=4)
    intro, thread = intro_thread("en", first_reply(), answer, more)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "connected"


def test_none_when_the_user_is_the_introducer_or_not_involved() -> None:
    intro, thread = intro_thread()
    assert follow_up(intro, thread, JOE.email) is None
    assert follow_up(intro, thread, "someone@else.example") is None


def test_none_without_another_person() -> None:
    intro, thread = intro_thread()
    alone = replace(intro, introduced=(Person(DANA.name, DANA.email),))
    assert follow_up(alone, thread, ME) is None


def test_a_message_without_a_sender_is_skipped() -> None:
    nobody = mail(SUE, (DANA,), "see you Tuesday", n=3)
    nobody = replace(nobody, sender=None)
    intro, thread = intro_thread("en", first_reply(), nobody)
    state = follow_up(intro, thread, ME)
    assert state is not None
    assert state.stage == "replied"


def test_language_falls_back_to_the_introduction_when_the_text_is_unclear() -> None:
    intro, thread = intro_thread("fr")
    short = replace(thread.messages[0], text="Hi", new_text="")
    state = follow_up(intro, Thread((short,), "t1"), ME)
    assert state is not None
    assert state.language == "fr"


def test_an_introduction_in_no_message_read_is_new() -> None:
    intro, thread = intro_thread()
    unplaced = replace(intro, message_index=-1)
    state = follow_up(unplaced, thread, ME)
    assert state is not None
    assert state.stage == "new"
    assert state.language == "en"


def test_an_english_introduction_is_voted_again_from_its_text() -> None:
    """Detection says "en" when unsure: the introduction's own words are read again."""
    intro, thread = intro_thread("es")
    unsure = replace(intro, language="en")
    state = follow_up(unsure, thread, ME)
    assert state is not None
    assert state.language == "es"
    short = replace(thread.messages[0], text="Hi", new_text="")
    state = follow_up(unsure, Thread((short,), "t1"), ME)
    assert state is not None
    assert state.language == "en"


def test_the_language_is_settled_by_the_one_policy() -> None:
    """The follow-up asks `settle_language`, as the reply does: a two-line Italian introduction
    leans to Italian; a Swedish one is none of ours, and the notes are written in English."""
    intro, thread = intro_thread("it")
    unsure = replace(intro, language="en")
    short = "Grazie Paolo! Andrea, ci vediamo in cantiere lunedì alle 9?"
    leaning = replace(thread.messages[0], text=short, new_text=short)
    assert language_of(short) == ""  # too short for the full vote
    state = follow_up(unsure, Thread((leaning,), "t1"), ME)
    assert state is not None
    assert state.language == "it"
    swedish = (
        "Hej Anna och Johan! Jag vill gärna presentera er för varandra. Anna leder "
        "dataavdelningen på Lumen och Johan har precis startat ett logistikföretag i Göteborg."
    )
    other = replace(thread.messages[0], text=swedish, new_text=swedish)
    state = follow_up(unsure, Thread((other,), "t1"), ME)
    assert state is not None
    assert state.language == "en"
