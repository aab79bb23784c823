"""The homepage's list of recent introductions: stage, date and a link to the thread (pure).

Built from the short-lived state only (`RecentIntros.listing`): Gmail's opaque thread
id, the follow-up stage and when the introduction was last opened. No names, subjects or
addresses are kept for it, so none are shown: the link opens the thread in Gmail, where
the user sees who it is. The link form (`#all/<thread id>`, with `authuser` naming the
signed-in account) is the one Gmail's web client uses; Google does not document it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import quote

from babel.dates import format_date

from app.cards.i18n import N_, SOURCE, _, current_locale, translate
from app.cards.widgets import Widget, button, decorated, esc, open_link, paragraph, section

GMAIL = "https://mail.google.com/mail/"
MAX_SHOWN = 10
STAGES = {
    "new": (N_("Not answered yet"), N_("Open it: the card drafts a reply to both."), "EMAIL"),
    "replied": (N_("You replied"), N_("Give first while you wait to meet."), "CLOCK"),
    "connected": (N_("Connected"), N_("Close the loop: thank the introducer."), "STAR"),
    "loop_closed": (N_("Loop closed"), N_("You thanked the introducer."), "BOOKMARK"),
}
EMPTY = N_(
    "Introductions you open in Gmail show up here for two weeks, with how far each got: "
    "not answered, replied, connected, loop closed."
)


class Listed(Protocol):
    """One remembered introduction, as the store lists it."""

    @property
    def thread_id(self) -> str: ...

    @property
    def stage(self) -> str: ...

    @property
    def seen_at(self) -> float: ...

    @property
    def introduced_at(self) -> float: ...


def thread_link(thread_id: str, me: str = "") -> str:
    """The Gmail web address of a thread, in the signed-in account when `me` is known."""
    account = f"?authuser={quote(me, safe='@')}" if me else "u/0/"
    return f"{GMAIL}{account}#all/{quote(thread_id, safe='')}"


def recent_section(intros: Sequence[Listed], me: str = "") -> Widget:
    """The "Your recent introductions" section (a short note when there are none)."""
    rows = [_row(item, me) for item in intros if item.thread_id][:MAX_SHOWN]
    return section(_("Your recent introductions"), rows or [paragraph(esc(translate(EMPTY)))])


def _row(item: Listed, me: str) -> Widget:
    label, hint, icon = STAGES.get(item.stage, STAGES["new"])
    opened = _day(item.seen_at)
    top = (
        _("Introduction of {introduced} · opened {opened}").format(
            introduced=_day(item.introduced_at), opened=opened
        )
        if item.introduced_at > 0
        else _("Opened {opened}").format(opened=opened)
    )
    return decorated(
        f"<b>{esc(translate(label))}</b>",
        top=esc(top),
        bottom=esc(translate(hint)),
        icon=icon,
        button=button(_("Open"), open_link(thread_link(item.thread_id, me))),
    )


def _day(at: float) -> str:
    """A short date: "3 Dec 2026" in English, the locale's medium form elsewhere."""
    day = datetime.fromtimestamp(at, UTC)
    locale = current_locale()
    if locale == SOURCE:
        return f"{day.day} {day:%b %Y}"
    return format_date(day.date(), format="medium", locale=locale)
