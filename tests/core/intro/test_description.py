"""Tests for `described`: what a thread's mail says about a person the user named."""

from __future__ import annotations

from app.core.intro import described
from app.core.model import Email, Person, Thread

SUE = Person("Sue Park", "sue.park@acme.example")


def _thread(*texts: str) -> Thread:
    return Thread(tuple(Email(text=t, new_text=t) for t in texts))


def test_the_sentences_about_them_and_the_pronoun_that_follows() -> None:
    thread = _thread("Agenda attached.\n\nSue ran pricing at Acme. She rebuilt the tiers.\n\nLena")
    assert described(SUE, thread).blurb == "Sue ran pricing at Acme. She rebuilt the tiers."


def test_the_newest_describing_message_wins_and_a_blurb_is_kept() -> None:
    thread = _thread("Sue Park leads design at Acme.", "Thanks all!", "Sue is now CTO at Beta.")
    assert described(SUE, thread).blurb == "Sue is now CTO at Beta."
    known = Person("Sue Park", SUE.email, "Given blurb.")
    assert described(known, thread) is known


def test_nothing_said_nothing_added() -> None:
    assert described(SUE, _thread("Agenda attached for Thursday.")).blurb == ""
    assert described(SUE, None) is SUE
    assert described(Person("", ""), _thread("Hello.")).blurb == ""


# A salutation line in a language whose greeting words we do not know ("Hej", "och",
# "Привет") says nothing about anyone: a short line of its own ending with "," or ":"
# (or "!" as the message's first line) is a salutation in any language.
SALUTED = {
    "sv": ("Hej Ana och Luis,\n\nJag vill presentera er. Ana leder datateamet på Gilworks."),
    "pl": ("Cześć Ana i Luis:\n\nChcę was przedstawić. Ana kieruje zespołem w Gilworks."),
    "ru": ("Привет, Ана и Луис!\n\nХочу вас познакомить. Ана руководит командой в Gilworks."),
}


def test_a_salutation_in_any_language_is_no_description() -> None:
    for language, text in SALUTED.items():
        name = "Ана" if language == "ru" else "Ana"
        blurb = described(Person(name, "ana@gilworks.example"), _thread(text)).blurb
        # The Cyrillic name is read as written on the message (not by `NAME`, which is Latin).
        assert blurb == text.split("\n\n")[1].split(". ")[1]


def test_a_short_exclamation_about_someone_later_on_still_describes_them() -> None:
    thread = _thread("Hi all,\n\nSome news from the team.\n\nSue ran pricing at Acme!")
    assert described(SUE, thread).blurb == "Sue ran pricing at Acme!"
