"""Where an introduction stands after the first reply: connected, loop closed (pure).

Stages, for the introduced user:
- `new`: the user has not written in the thread since the introduction;
- `replied`: they have, and nothing yet shows that the two connected;
- `connected`: the two connected — the user and the introduced person have both written
  to each other after the introduction, or a later message of theirs says they met or
  fixed a meeting (per-language phrases, `words`) — and the user has not written back
  to the introducer since;
- `loop_closed`: after connecting, the user wrote to the introducer (introducer on To, or
  alone), not counting the user's first reply to the introduction.

Only the thread is read: a thank-you sent in another thread is not seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.core.checks import reply_context, same_person
from app.core.followup.words import words_for
from app.core.i18n import N_
from app.core.intro import settle_language
from app.core.model import Address, Email, Introduction, Person, Thread

Stage = Literal["new", "replied", "connected", "loop_closed"]
STAGES: tuple[Stage, ...] = ("new", "replied", "connected", "loop_closed")


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The follow-up state of an introduction the user is part of.

    `evidence` says what shows the connection (the phrase found, or who wrote to
    whom); `latest` is the newest message, which a follow-up draft answers.
    """

    stage: Stage
    introduction: Introduction
    user: Person
    other: Person
    introducer: Address
    language: str
    evidence: str = ""
    latest: Email | None = None
    formal: bool = False  # the introduction uses the courtesy form (usted, Sie, u, Lei …)

    @property
    def offers_thanks(self) -> bool:
        """The card offers the thank-you note to the introducer."""
        return self.stage == "connected"


def follow_up(introduction: Introduction, thread: Thread, me: str) -> FollowUp | None:
    """Where this introduction stands for `me`; None when the user is the introducer,
    not one of the people introduced, or no other person is known."""
    ctx = reply_context(introduction, thread, me)
    if ctx.user is None or not ctx.others or ctx.introducer is None:
        return None
    user, other, introducer = ctx.user, ctx.others[0], ctx.introducer
    start = (
        introduction.message_index + 1 if introduction.message_index >= 0 else len(thread.messages)
    )
    later = list(thread.messages[start:])
    language = _language(introduction, thread)
    formal = _formal(introduction, thread, language)
    base = FollowUp("new", introduction, user, other, introducer, language, "", thread.last, formal)
    mine = [i for i, m in enumerate(later) if _from(m, user.address)]
    point, evidence = _connection(later, user.address, [p.address for p in ctx.others], language)
    if point is None:
        return _with(base, "replied" if mine else "new")
    closed = any(i >= point and i != mine[0] and _to_introducer(later[i], introducer) for i in mine)
    return _with(base, "loop_closed" if closed else "connected", evidence)


def _connection(
    later: list[Email], user: Address, others: list[Address], language: str
) -> tuple[int | None, str]:
    """The index of the first later message that shows the two connected, and why."""
    words = words_for(language)
    wrote: set[str] = set()
    for index, message in enumerate(later):
        sender = message.sender
        if sender is None:
            continue
        from_user = same_person(user, sender)
        from_other = any(same_person(o, sender) for o in others)
        if not (from_user or from_other):
            continue
        found = words.meeting_words(message.new_text or message.text)
        if found:
            return index, N_("“{phrase}”", phrase=found)
        to = message.to + message.cc
        if from_user and any(any(same_person(o, r) for r in to) for o in others):
            wrote.add("user")
        if from_other and any(same_person(user, r) for r in to):
            wrote.add("other")
        if wrote == {"user", "other"}:
            return index, N_("you have written to each other")
    return None, ""


def _from(message: Email, person: Address) -> bool:
    return message.sender is not None and same_person(person, message.sender)


def _to_introducer(message: Email, introducer: Address) -> bool:
    """The introducer is on To (or the only recipient)."""
    recipients = message.to + message.cc
    on_to = any(same_person(introducer, r) for r in message.to)
    alone = len(recipients) == 1 and same_person(introducer, recipients[0])
    return on_to or alone


def _language(introduction: Introduction, thread: Thread) -> str:
    """The introduction's language, by the one policy (`settle_language`) over its text."""
    text = ""
    if 0 <= introduction.message_index < len(thread.messages):
        email = thread.messages[introduction.message_index]
        text = email.new_text or email.text
    return settle_language(text, introduction.language) or "en"


def _formal(introduction: Introduction, thread: Thread, language: str) -> bool:
    if not 0 <= introduction.message_index < len(thread.messages):
        return False
    email = thread.messages[introduction.message_index]
    return words_for(language).addresses_formally(email.new_text or email.text)


def _with(base: FollowUp, stage: Stage, evidence: str = "") -> FollowUp:
    return FollowUp(
        stage,
        base.introduction,
        base.user,
        base.other,
        base.introducer,
        base.language,
        evidence,
        base.latest,
        base.formal,
    )
