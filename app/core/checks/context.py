"""Who is who around a reply, and where the thread stands (pure).

Shared by the reply suggestion and the draft checks: which introduced person
is the user, who the others are, whether someone already answered, and whether
the other side moved the introducer to Bcc (then nobody should re-add them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from app.core.checks.recipients import is_copied, same_person, shown_first_name
from app.core.intro import detect_introduction
from app.core.mail import surnames
from app.core.model import Address, Email, Introduction, Person, Thread

ThreadState = Literal[
    "first_reply",
    "other_replied",
    "introducer_moved",
    "already_replied",
    "user_is_introducer",
    "not_involved",
    "no_introduction",
]


@dataclass(frozen=True, slots=True)
class ReplyContext:
    """The people around a first reply and the state of its thread.

    `reply_to` is the message a reply should answer (the other person's latest
    reply, else the introduction), or None when only the introduction is known.
    """

    state: ThreadState
    introduction: Introduction | None = None
    user: Person | None = None
    others: tuple[Person, ...] = ()
    introducer: Address | None = None
    reply_to: Email | None = None
    replied_on: datetime | None = None
    reader_names: tuple[str, ...] = ()

    @property
    def user_is_introducer(self) -> bool:
        """The user made the introduction."""
        return self.state == "user_is_introducer"

    @property
    def first_reply(self) -> bool:
        """The user has not answered yet and the introducer is still in the thread."""
        return self.state in ("first_reply", "other_replied", "no_introduction", "not_involved")

    @property
    def reader(self) -> str:
        """First name of the main person the reply is for ("" when unknown)."""
        return self.reader_names[0] if self.reader_names else ""

    @property
    def introducer_first(self) -> str:
        """First name of the introducer ("" when unknown)."""
        return shown_first_name(self.introducer) if self.introducer else ""


def reply_context(
    introduction: Introduction | None,
    thread: Thread | None,
    me: str,
    recipients: tuple[Address, ...] = (),
) -> ReplyContext:
    """Work out the people and the thread state for a reply by `me` (may be "")."""
    mine = me.strip().lower()
    intro = introduction or _detect(thread, mine)
    readers = _names(tuple(r for r in recipients if r.email.lower() != mine or not mine))
    if intro is None:
        return ReplyContext("no_introduction", reader_names=readers)
    introducer = intro.introducer.address
    if mine and introducer.email.lower() == mine:
        return ReplyContext("user_is_introducer", intro, introducer=introducer)
    later = _later_messages(intro, thread)
    user = find_user(intro, mine, thread, later)
    others = tuple(p for p in intro.introduced if p is not user)
    people = _names((*tuple(p.address for p in others), introducer)) + readers
    opened = _intro_message(intro, thread) or (thread.last if thread else None)
    base = ReplyContext("first_reply", intro, user, others, introducer, opened, None, people)
    if user is None:
        return _with(base, state="not_involved")
    return _thread_state(base, later, user)


def find_user(
    intro: Introduction, me: str, thread: Thread | None, later: tuple[Email, ...] = ()
) -> Person | None:
    """The introduced person who is the user; without `me`, the first one on To."""
    if me:
        return next((p for p in intro.introduced if p.email.lower() == me), None)
    message = _intro_message(intro, thread)
    senders = [m.sender for m in later if m.sender]
    candidates = [
        p for p in intro.introduced if not any(same_person(p.address, s) for s in senders)
    ] or list(intro.introduced)
    if message is not None:
        on_to = [p for p in candidates if is_copied(p.address, message.to) and p.email]
        if on_to:
            return on_to[0]
    return candidates[0] if candidates else None


def _thread_state(base: ReplyContext, later: tuple[Email, ...], user: Person) -> ReplyContext:
    mine = [m for m in later if m.sender and same_person(user.address, m.sender)]
    if mine:
        return _with(base, state="already_replied", replied_on=mine[0].date, reply_to=later[-1])
    theirs = [
        m for m in later if m.sender and any(same_person(p.address, m.sender) for p in base.others)
    ]
    if not theirs:
        return base
    latest = theirs[-1]
    kept = base.introducer is None or is_copied(base.introducer, latest.to + latest.cc)
    state: ThreadState = "other_replied" if kept else "introducer_moved"
    return _with(base, state=state, reply_to=latest)


def _with(
    base: ReplyContext,
    *,
    state: ThreadState | None = None,
    reply_to: Email | None = None,
    replied_on: datetime | None = None,
) -> ReplyContext:
    return ReplyContext(
        state or base.state,
        base.introduction,
        base.user,
        base.others,
        base.introducer,
        reply_to or base.reply_to,
        replied_on or base.replied_on,
        base.reader_names,
    )


def _later_messages(intro: Introduction, thread: Thread | None) -> tuple[Email, ...]:
    if thread is None or not thread.messages:
        return ()
    if intro.message_index < 0:
        return (thread.messages[-1],)
    return thread.messages[intro.message_index + 1 :]


def _intro_message(intro: Introduction, thread: Thread | None) -> Email | None:
    if thread is None or not 0 <= intro.message_index < len(thread.messages):
        return None
    return thread.messages[intro.message_index]


def _detect(thread: Thread | None, me: str) -> Introduction | None:
    if thread is None or not thread.messages:
        return None
    return detect_introduction(thread, me or None).introduction


def _names(people: tuple[Address, ...]) -> tuple[str, ...]:
    """First names, then family names (a formal reply names its reader by the latter:
    "Herr Dr. Seidel", "Madame Perrin"); the first one is the name to greet."""
    seen: list[str] = []
    for name in [shown_first_name(p) for p in people] + [
        s for p in people for s in surnames(p.name)
    ]:
        if name and name not in seen:
            seen.append(name)
    return tuple(seen)
