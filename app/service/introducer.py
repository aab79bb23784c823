"""An introduction the user wrote, opened in the sidebar: its check and the nudge.

`written_by_user` finds the message that made the introduction when the user sent it;
`view` gathers what the introducer card shows (findings, and a nudge draft when the
introduction has waited `NUDGE_AFTER_DAYS` with no answer from either side).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.core.checks import Draft, Finding, check_introduction
from app.core.model import Email, Introduction, Thread
from app.core.preferences import Preferences
from app.core.reply import (
    NUDGE_AFTER_DAYS,
    ReplySuggestion,
    intro_sent_by_user,
    nudge_due,
    nudge_reply,
)


@dataclass(frozen=True, slots=True)
class IntroducerView:
    """What the introducer card shows."""

    findings: tuple[Finding, ...]
    nudge: ReplySuggestion | None
    waited_days: int


def written_by_user(thread: Thread, intro: Introduction, me: str) -> Email | None:
    """The message of the thread that made the introduction, when the user sent it."""
    if intro.user_role != "introducer":
        return None
    return intro_sent_by_user(intro, thread, me)


def view(
    thread: Thread,
    intro: Introduction,
    me: str,
    prefs: Preferences,
    now: datetime,
    name: str = "",
) -> IntroducerView | None:
    """The introducer card's content; None when the user did not write this introduction."""
    message = written_by_user(thread, intro, me)
    if message is None:
        return None
    found = check_introduction(
        Draft.from_email(message), intro, me=me, enabled=prefs.enabled_checks
    )
    nudge = None
    waited = 0
    if nudge_due(intro, thread, me, now, NUDGE_AFTER_DAYS) and message.date is not None:
        nudge = nudge_reply(intro, thread, me, prefs.name or name)
        sent = message.date if message.date.tzinfo else message.date.replace(tzinfo=now.tzinfo)
        waited = (now - sent).days
    return IntroducerView(found, nudge, waited)
