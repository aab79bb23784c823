"""The quiet card for mail that is not an introduction, with a manual override (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from app.cards.i18n import _
from app.cards.urls import Urls
from app.cards.widgets import (
    Widget,
    action,
    button,
    buttons,
    card,
    esc,
    paragraph,
    section,
    selection,
)
from app.core.model import Address


def build(people: Sequence[Address], urls: Urls, message_id: str, thread_id: str) -> Widget:
    """'Not an introduction', plus a form to treat it as one anyway."""
    quiet = section(
        "",
        [
            paragraph(
                esc(_("Nothing to coach in this message: it does not look like an introduction."))
            )
        ],
    )
    if len(people) < 2:
        return card("Intro Coach", [quiet], name="no_intro")
    # Selection items are plain text in Card v1 (not formatted): no escaping, or Gmail
    # would show "&lt;sue@…&gt;" literally.
    choices = [(p.formatted(), p.email) for p in people if p.email]
    params = {"messageId": message_id, "threadId": thread_id}
    override = section(
        _("Is it an introduction after all?"),
        [
            selection("introducer", _("Who made the introduction"), choices, [choices[0][1]]),
            selection("other", _("Who you were introduced to"), choices, [choices[-1][1]]),
            buttons(
                button(_("Treat this as an introduction"), action(urls.of("override"), params))
            ),
        ],
        collapse_after=0,
    )
    return card("Intro Coach", [quiet, override], name="no_intro")
