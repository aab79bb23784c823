"""After the first reply: the follow-up card and its two drafts (thanks, give first).

`MessageService` hands over here once the user has replied or the two have connected.
The drafts are replies in the thread (the thank-you to the introducer alone, the
give-first note to the other person alone), created once per click content through the
draft ledger, like "Reply to both", and opened for review: nothing is sent.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.cards import loop as loop_card
from app.cards.i18n import _
from app.cards.responses import Response, notify, open_draft
from app.cards.urls import Urls
from app.core.followup import FollowUp, give_first, give_first_draft, thank_introducer
from app.core.model import Address, Thread
from app.core.preferences import Preferences
from app.core.reply import Point, ReplySuggestion, render_rfc822
from app.service.ports import CreatedReply, DraftLedger, MailReader, Request

KINDS = ("thanks", "give")


class FollowUpService:
    """The follow-up card and drafts."""

    def __init__(self, reader: MailReader, urls: Urls, ledger: DraftLedger) -> None:
        self._reader = reader
        self._urls = urls
        self._ledger = ledger

    def card(
        self,
        follow: FollowUp,
        prefs: Preferences,
        ids: dict[str, str],
        points: Sequence[Point] = (),
    ) -> dict[str, object]:
        """The follow-up card for this stage."""
        preview = thank_introducer(follow, "", prefs).body_text
        return loop_card.build(follow, give_first(follow), preview, self._urls, ids, points)

    def draft(
        self, req: Request, prefs: Preferences, thread: Thread, follow: FollowUp | None
    ) -> Response:
        """Create the draft the button names (`kind`), once, and open it."""
        kind = req.params.get("kind", "")
        if kind not in KINDS:
            return notify(_("Unknown follow-up; nothing was drafted."))
        if follow is None:
            return notify(_("This no longer looks like your introduction; nothing was drafted."))
        if kind == "thanks":
            if not follow.offers_thanks:
                return notify(_("Nothing shows you two have connected yet; nothing was drafted."))
            note = thank_introducer(follow, req.value(loop_card.HOW_FIELD), prefs)
        else:
            note = give_first_draft(follow, req.value(loop_card.GIVE_FIELD), prefs)
        key = self._ledger.key(req.user_id, req.message_id, _fingerprint(kind, note))
        with self._ledger.lock(key):
            done = self._ledger.get(key)
            if done is None:
                sender = Address(prefs.name or follow.user.name, req.user_email)
                created = self._reader.create_draft(
                    req.auth, render_rfc822(note, sender), thread.thread_id or req.thread_id
                )
                done = CreatedReply(created.draft_id, created.thread_id)
                self._ledger.put(key, done)
        who = note.to[0].name or note.to[0].email if note.to else _("them")
        return open_draft(
            done.draft_id,
            done.thread_id,
            _("Draft to {name} created: review it and send.").format(name=who),
        )


def _fingerprint(kind: str, note: ReplySuggestion) -> bytes:
    parts = [kind, *(a.email for a in note.to), note.subject, note.body_text]
    return "\x1f".join(parts).encode("utf-8")
