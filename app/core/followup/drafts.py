"""The follow-up drafts: thanks to the introducer alone, and a give-first note (pure).

Both are replies in the introduction's thread, in the thread's language, written from
our own phrasing (`lexicon/<lang>.json`). The thank-you goes to the introducer alone and
says how it went in one line the user writes; until they do, a clearly marked
placeholder stands in its place. The give-first note goes to the introduced person
alone: something useful for their work, or an introduction of the user's own.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from app.core.checks.recipients import shown_first_name
from app.core.followup.loop import FollowUp
from app.core.followup.words import words_for
from app.core.mail import first_name
from app.core.model import Address, Email, Person
from app.core.preferences import Preferences
from app.core.reply import ReplySuggestion
from app.core.reply.retell import fact_about

MAX_LINE = 400  # characters of the user's own line kept in a draft


@dataclass(frozen=True, slots=True)
class GiveFirst:
    """A way to give first: `kind` is "share" or "introduce"; `line` is what to send."""

    kind: str
    line: str
    alternative: str


def give_first(follow: FollowUp) -> GiveFirst:
    """Something useful to offer the other person, phrased in the thread's language.

    With a blurb (what the introducer said about their work), share something for that
    work; without one, offer an introduction of the user's own. The other is offered too.
    """
    words = words_for(follow.language)
    give = words.give_formal if follow.formal else words.give
    other = _first(follow.other)
    share = give["share"].format(other=other)
    fact = _fact(follow) if follow.language == "en" and "share_fact" in give else ""
    if fact:
        share = give["share_fact"].format(other=other, fact=fact)
    introduce = give["introduce"].format(other=other)
    if follow.other.blurb:
        return GiveFirst("share", share, introduce)
    return GiveFirst("introduce", introduce, share)


def thank_introducer(
    follow: FollowUp, how_it_went: str = "", preferences: Preferences | None = None
) -> ReplySuggestion:
    """The thank-you note to the introducer alone, with the user's line on how it went."""
    prefs = preferences or Preferences()
    bank = words_for(follow.language)
    formal = follow.formal or prefs.tone == "formal"
    words = bank.thanks_formal if formal else bank.thanks
    how = _one_line(how_it_went) or words["placeholder"]
    introducer = shown_first_name(follow.introducer) or follow.introducer.name
    if formal and follow.language != "en" and follow.introducer.name:
        introducer = follow.introducer.name  # "Guten Tag Stefan Braun,": no first name alone
    paragraphs = [
        words["greeting"].format(introducer=introducer).replace(" ,", ",").replace(", :", ":"),
        words["body"].format(other=_first(follow.other), how=how),
        words["close"],
        _sign(follow.user, prefs, words["sign"]),
    ]
    reasons = (
        f"To {follow.introducer.name or follow.introducer.email} alone: the thanks is for them.",
        "Says how it went: the introducer vouched for you and wants to know.",
        "Short: one line of news and thanks, nothing asked.",
    )
    return _reply(follow, (follow.introducer,), paragraphs, reasons)


def give_first_draft(
    follow: FollowUp, line: str, preferences: Preferences | None = None
) -> ReplySuggestion:
    """A note to the other person alone carrying the give-first line (the user's edit)."""
    prefs = preferences or Preferences()
    text = _one_line(line, limit=2 * MAX_LINE) or give_first(follow).line
    bank = words_for(follow.language)
    sign = (bank.thanks_formal if follow.formal else bank.thanks)["sign"]
    paragraphs = [text, _sign(follow.user, prefs, sign)]
    reasons = (f"To {_first(follow.other)} alone: something for them, nothing asked.",)
    return _reply(follow, (follow.other.address,), paragraphs, reasons)


def _reply(
    follow: FollowUp, to: tuple[Address, ...], paragraphs: list[str], reasons: tuple[str, ...]
) -> ReplySuggestion:
    source: Email | None = follow.latest
    subject = " ".join((source.subject if source else follow.introduction.subject).split())
    subject = subject if subject.lower().startswith(("re:", "aw:", "r:")) else f"Re: {subject}"
    msg_id = source.message_id if source else follow.introduction.message_id
    refs = source.references if source else follow.introduction.references
    references = tuple(dict.fromkeys([*refs, msg_id] if msg_id else refs))
    body_html = "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)
    return ReplySuggestion(
        to, (), subject.strip(), msg_id, references, "\n\n".join(paragraphs), body_html, reasons
    )


def _sign(user: Person, prefs: Preferences, default: str) -> str:
    sign = prefs.sign_off.strip() or default
    name = prefs.name.strip() or first_name(user.name) or user.name.strip()
    return f"{sign}\n{name}" if name else sign


def _first(person: Person) -> str:
    return shown_first_name(person.address) or first_name(person.name) or person.name or "there"


def _fact(follow: FollowUp) -> str:
    other = follow.other
    names = [n for n in (other.name, first_name(other.name), _first(other)) if n]
    return fact_about(other.blurb, names)


def _one_line(text: str, limit: int = MAX_LINE) -> str:
    return " ".join(text.split())[:limit]
