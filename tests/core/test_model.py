"""The mail model's small helpers: labels, formatting, the newest message."""

from __future__ import annotations

from app.core.model import Address, Email, IntroVerdict, Person, Thread


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
