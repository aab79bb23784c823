"""What a thread's mail says about someone, for an introduction the user names (pure).

When the detector does not see an introduction and the user says "treat this as one",
the card still shows what the writer said about the person ("Sue runs the data team at
Acme"), read the way a detected introduction's blurbs are (`people.Blurbs`): sentences
naming them, then the pronoun follow-ups. The newest message that says anything wins.
"""

from __future__ import annotations

from app.core.intro.people import Blurbs
from app.core.mail.names import first_name
from app.core.model import Person, Thread
from app.core.text import split_sentences

_MAX_SCAN = 20_000  # a description sits in the first screens of a message


def described(person: Person, thread: Thread | None) -> Person:
    """`person` with what the thread's newest describing message says about them."""
    if person.blurb or thread is None:
        return person
    names = [n for n in (person.name, first_name(person.name)) if n]
    if not names and person.email:
        names = [person.email.split("@")[0].replace(".", " ").title()]
    for message in reversed(thread.messages):
        text = (message.new_text or message.text)[:_MAX_SCAN]
        if not text.strip():
            continue
        blurbs = Blurbs(split_sentences(text), frozenset())
        for name in names:
            blurb = blurbs.about(name)
            if blurb:
                return Person(person.name, person.email, blurb)
    return person


__all__ = ["described"]
