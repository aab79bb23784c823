"""Double opt-in drafts: the blurb from the requester's own words, the target, seven languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.model import Address, Email, IntroRequest, Person
from app.core.reply import opt_in_drafts, requester_blurb, target_address, target_name
from app.core.reply.optin import languages

ME = Address("Dana Reyes", "dana@reyes.example")
ANA = Person("Ana Lopez", "ana@lopez.example")
PHRASING = Path(__file__).parents[3] / "app" / "core" / "reply" / "optin.json"


def _asked(target: str = "Luis Ferreira at Ferreira Labs", language: str = "en") -> IntroRequest:
    return IntroRequest(ANA, target, language, 0.8, ("for request: “could you introduce”",))


def _mail(text: str, subject: str = "favor?") -> Email:
    return Email(
        subject=subject,
        sender=ANA.address,
        to=(ME,),
        message_id="<a1@lopez.example>",
        references=("<a0@lopez.example>",),
        new_text=text,
    )


ASKING = _mail(
    "Hi Dana,\n\nHope you're well! We're moving our warehouse in May and I run ops at Kiln. "
    "You know Luis, right? Could you introduce me to him?\n\nThanks!\nAna"
)


def test_blurb_is_the_requesters_own_first_person_sentences() -> None:
    """Who they are and why, in their words; not the greeting, the ask or a pleasantry."""
    assert requester_blurb(_asked(), ASKING) == (
        "We're moving our warehouse in May and I run ops at Kiln."
    )


def test_no_blurb_when_the_request_says_nothing_about_them() -> None:
    """Nothing is invented: the note says they would like to meet."""
    bare = _mail("Hi Dana, could you introduce me to Luis? Thanks, Ana")
    drafts = opt_in_drafts(_asked(), bare, ME, Address("", "luis@ferreira.example"))
    assert drafts.blurb == ""
    assert "Ana would like to meet you" in drafts.ask.body_text


def test_note_is_a_new_message_and_the_reply_is_threaded() -> None:
    """The note has no threading headers; the reply answers the request in its thread."""
    drafts = opt_in_drafts(_asked(), ASKING, ME, Address("", "luis@ferreira.example"))
    assert drafts.ask.in_reply_to == ""
    assert drafts.ask.references == ()
    assert drafts.ask.to == (Address("Luis Ferreira", "luis@ferreira.example"),)
    assert drafts.ask.body_text.startswith("Hi Luis,")
    assert "“We're moving our warehouse" in drafts.ask.body_text
    assert drafts.ask.body_text.endswith("Best,\nDana")
    assert drafts.reply.to == (ANA.address,)
    assert drafts.reply.subject == "Re: favor?"
    assert drafts.reply.in_reply_to == "<a1@lopez.example>"
    assert drafts.reply.references == ("<a0@lopez.example>", "<a1@lopez.example>")
    assert "check with Luis first" in drafts.reply.body_text


def test_users_own_text_is_kept_word_for_word() -> None:
    """Edited text in either box is the draft's body."""
    drafts = opt_in_drafts(
        _asked(), ASKING, ME, Address("", "l@x.example"), ask_body="Luis,\n\nOpen to it?"
    )
    assert drafts.ask.body_text == "Luis,\n\nOpen to it?"


@pytest.mark.parametrize(
    ("target", "language", "name"),
    [
        ("Luis Ferreira at Ferreira Labs", "en", "Luis Ferreira"),
        ("Marco", "en", "Marco"),
        ("someone in your energy services company", "en", ""),
        ("alguien en Mahou", "es", ""),
        ("Designerin", "de", ""),  # German capitalises nouns: one word is not a name
        ("Frau Keller", "de", "Frau Keller"),
        ("la directrice de la médiathèque de Rezé", "fr", ""),
    ],
)
def test_target_name_only_for_people(target: str, language: str, name: str) -> None:
    """A role or a company is not greeted by name."""
    assert target_name(_asked(target, language)) == name


def test_target_address_from_the_request_text() -> None:
    """An address in the request that is nobody's on the message is the target's."""
    mail = _mail("Luis is at luis@ferreira.example. Could you ask him? Me: ana@lopez.example")
    assert target_address(_asked(), mail, ME.email) == "luis@ferreira.example"
    assert target_address(_asked(), ASKING, ME.email) == ""


def test_every_language_has_every_phrase() -> None:
    """Seven languages, the same keys in each, and the same name slots."""
    data = json.loads(PHRASING.read_text("utf-8"))
    assert set(languages()) == {"en", "es", "de", "fr", "pt", "it", "nl"}
    keys = set(data["en"])
    for language in languages():
        assert set(data[language]) == keys, language
        for key, text in data["en"].items():
            if isinstance(text, str):
                for slot in ("{target}", "{name}"):  # a language may say "they" for the requester
                    assert (slot in text) == (slot in data[language][key]), (language, key)


@pytest.mark.parametrize("language", ["es", "de", "fr", "pt", "it", "nl"])
def test_drafts_are_in_the_requests_language(language: str) -> None:
    """No English phrase leaks into a draft in another language."""
    drafts = opt_in_drafts(_asked("Luis Ferreira", language), _mail("x"), ME, Address("", ""))
    english = json.loads(PHRASING.read_text("utf-8"))["en"]
    for key in ("opening", "question", "sign_off", "reply_named"):
        assert english[key].split()[0] not in drafts.ask.body_text + drafts.reply.body_text
    assert "Luis" in drafts.ask.body_text
    assert drafts.language == language


def test_unknown_language_falls_back_to_english() -> None:
    """A request in a language we do not write gets English drafts."""
    drafts = opt_in_drafts(_asked("Erik", "sv"), _mail("x"), ME, Address("", ""))
    assert drafts.ask.body_text.startswith("Hi Erik,")
    assert drafts.language == "en"


def test_formal_tone_uses_full_names_and_the_polite_you() -> None:
    """Formal: full names, a neutral greeting, the polite form; the user's sign-off wins."""
    drafts = opt_in_drafts(
        _asked("Luis Ferreira", "de"),
        ASKING,
        ME,
        Address("", "luis@ferreira.example"),
        tone="formal",
        sign_off="Beste Grüße",
    )
    assert drafts.ask.body_text.startswith("Guten Tag Luis Ferreira,")
    assert "Sie" in drafts.ask.body_text
    assert " du " not in drafts.ask.body_text
    assert drafts.ask.body_text.endswith("Beste Grüße\nDana Reyes")
    assert drafts.reply.body_text.startswith("Guten Tag Ana Lopez,")


@pytest.mark.parametrize("language", ["en", "es", "de", "fr", "pt", "it", "nl"])
def test_warm_and_formal_differ_in_every_language(language: str) -> None:
    """Each language has its own formal wording, with a blurb and without."""
    for mail in (ASKING, _mail("x")):
        warm = opt_in_drafts(_asked("Luis Ferreira", language), mail, ME, Address("", ""))
        formal = opt_in_drafts(
            _asked("Luis Ferreira", language), mail, ME, Address("", ""), tone="formal"
        )
        assert warm.ask.body_text != formal.ask.body_text
        assert warm.reply.body_text != formal.reply.body_text
        assert "{" not in formal.ask.body_text + formal.reply.body_text + formal.ask.subject
