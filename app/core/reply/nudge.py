"""A light nudge to both people of an introduction the user made and nobody answered (pure).

`intro_sent_by_user` finds the message that made the introduction when the user sent it.
`nudge_due` reads the thread's dates: the user sent the introduction, at least
`NUDGE_AFTER_DAYS` days before `now`, and no one introduced has written in the thread
since. `nudge_reply` is the reply to both (threaded, the introducer's own words in the
thread's language, from `nudge.json`), to be saved as a draft, never sent.
"""

from __future__ import annotations

import html
import json
from datetime import datetime, timedelta
from functools import cache
from importlib import resources

from app.core.mail.names import first_name
from app.core.model import Address, Email, Introduction, Thread
from app.core.reply.suggestion import ReplySuggestion

NUDGE_AFTER_DAYS = 4


def intro_sent_by_user(intro: Introduction, thread: Thread, me: str) -> Email | None:
    """The message that made the introduction, when the user sent it."""
    if not 0 <= intro.message_index < len(thread.messages):
        return None
    message = thread.messages[intro.message_index]
    sender = message.sender.email.lower() if message.sender else ""
    return message if me and sender == me.lower() else None


def nudge_due(
    intro: Introduction,
    thread: Thread,
    me: str,
    now: datetime,
    after_days: int = NUDGE_AFTER_DAYS,
) -> bool:
    """The user's introduction has waited `after_days` days or more with no answer from
    the people introduced (a message the user sent since does not count as an answer)."""
    message = intro_sent_by_user(intro, thread, me)
    if message is None or message.date is None or not _targets(intro, me):
        return False
    people = {p.email.lower() for p in _targets(intro, me)}
    later = thread.messages[intro.message_index + 1 :]
    if any(m.sender is not None and m.sender.email.lower() in people for m in later):
        return False
    sent = message.date if message.date.tzinfo else message.date.replace(tzinfo=now.tzinfo)
    return now - sent >= timedelta(days=after_days)


def nudge_reply(
    intro: Introduction, thread: Thread, me: str, name: str = ""
) -> ReplySuggestion | None:
    """A short reply to both people, in the thread's language, signed `name`."""
    message = intro_sent_by_user(intro, thread, me)
    people = _targets(intro, me)
    if message is None or not people:
        return None
    words = _words(intro.language)
    firsts = [first_name(p.name) or p.email.split("@")[0] for p in people]
    names = (
        f"{', '.join(firsts[:-1])} {words['and']} {firsts[-1]}" if len(firsts) > 1 else firsts[0]
    )
    body = words["body"].format(names=names) + (f"\n{name}" if name else "")
    subject = " ".join(message.subject.split())
    subject = subject if subject.lower().startswith("re:") else f"Re: {subject}".strip()
    refs = message.references
    references = tuple(dict.fromkeys([*refs, message.message_id] if message.message_id else refs))
    paragraphs = body.split("\n\n")
    return ReplySuggestion(
        to=tuple(people),
        cc=(),
        subject=subject if subject != "Re:" else "Re: our introduction",
        in_reply_to=message.message_id,
        references=references,
        body_text=body,
        body_html="".join(
            "<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs
        ),
        reasons=(f"No answer from {names} yet: a light nudge to both, nothing more.",),
    )


def _targets(intro: Introduction, me: str) -> list[Address]:
    return [
        p.address for p in intro.introduced if p.email and p.email.lower() != (me or "").lower()
    ]


@cache
def _words(language: str) -> dict[str, str]:
    raw = resources.files("app.core.reply").joinpath("nudge.json").read_text("utf-8")
    data = json.loads(raw)
    found = data.get(language) or data["en"]
    return {"and": str(found["and"]), "body": str(found["body"])}
