"""The mail model's small helpers: labels, formatting, the newest message."""

from __future__ import annotations

from app.core.model import Address, Email, IntroVerdict, Person, Thread, known_introduction


def test_address_label_and_formatted() -> None:
    """A name when there is one, else the address; 'Name <addr>' when both."""
    assert Address("Sue Park", "sue@x.example").label() == "Sue Park"
    assert Address("", "sue@x.example").label() == "sue@x.example"
    assert Address("Sue Park", "sue@x.example").formatted() == "Sue Park <sue@x.example>"
    assert Address("", "sue@x.example").formatted() == "sue@x.example"
    assert Address("Sue Park", "").formatted() == "Sue Park"


def test_thread_last_and_recipients() -> None:
    """The newest message of a thread; To then Cc as recipients."""
    first, second = Email(subject="a"), Email(subject="b")
    assert Thread((first, second)).last is second
    assert Thread().last is None
    email = Email(to=(Address("", "a@x"),), cc=(Address("", "b@x"),), bcc=(Address("", "c@x"),))
    assert [a.email for a in email.recipients] == ["a@x", "b@x"]


def test_person_address_and_verdict() -> None:
    """A person as an address; a verdict without introduction is not one."""
    assert Person("Sue", "sue@x", "blurb").address == Address("Sue", "sue@x")
    assert not IntroVerdict(None, 0.1).is_introduction


def test_known_introduction_answers_the_threads_newest_message() -> None:
    """A chosen introduction sits in the thread's newest message: its subject and ids."""
    newest = Email(subject="Intro", message_id="<b@x>", references=("<a@x>",))
    joe, sue = Person("Joe", "joe@x"), Person("Sue", "sue@x")
    intro = known_introduction(
        joe, (sue,), confidence=1.0, evidence="chosen", thread=Thread((Email(), newest))
    )
    assert (intro.kind, intro.user_role, intro.introducer, intro.introduced) == (
        "classic",
        "introduced",
        joe,
        (sue,),
    )
    assert (intro.message_index, intro.subject, intro.message_id) == (1, "Intro", "<b@x>")
    assert (intro.references, intro.confidence, intro.evidence) == (("<a@x>",), 1.0, ("chosen",))


def test_known_introduction_without_a_message_is_in_none() -> None:
    """Remembered, or in an empty thread: no message of its own (index -1, no subject)."""
    joe = Person("Joe", "joe@x")
    for thread in (None, Thread()):
        intro = known_introduction(joe, (), confidence=0.9, evidence="remembered", thread=thread)
        assert (intro.message_index, intro.subject, intro.message_id) == (-1, "", "")
        assert (intro.confidence, intro.evidence) == (0.9, ("remembered",))
