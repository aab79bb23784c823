"""The sidebar on an opened message: read, recognise, suggest, and create the reply draft."""

from __future__ import annotations

import hashlib
import html
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime

from app.cards import intro as intro_card
from app.cards import introducer as introducer_card
from app.cards import no_intro
from app.cards.i18n import _, translate
from app.cards.responses import Response, notify, open_draft, push, update
from app.cards.urls import Urls
from app.core.followup import FollowUp, follow_up
from app.core.intro import described, detect_introduction
from app.core.memo import one_analysis
from app.core.model import Address, Email, Introduction, Person, Thread, known_introduction
from app.core.preferences import Preferences
from app.core.reply import ReplySuggestion, render_rfc822, suggest_reply
from app.service import introducer
from app.service.followup import FollowUpService
from app.service.form import card_choices
from app.service.ports import CreatedReply, DraftLedger, MailReader, RecentIntros, Request
from app.service.request import RequestService

REWRITE_AFTER_SECONDS = 600.0  # remembered intros live 14 days; refreshing every 10 min is plenty
_MAX_WRITES_KEPT = 10_000


class MessageService:
    """Answers the contextual trigger and the intro card's buttons."""

    def __init__(
        self,
        reader: MailReader,
        urls: Urls,
        ledger: DraftLedger,
        recent: RecentIntros,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._reader = reader
        # The card says how long ago the introduction came: the clock is ours, not the core's.
        self._now = clock or (lambda: datetime.now(UTC))
        self._urls = urls
        self._ledger = ledger
        self._recent = recent
        self._written = _RecentWrites()
        self._followup = FollowUpService(reader, urls, ledger)
        self.requests = RequestService(reader, urls, ledger)  # asked for an introduction

    def open(self, req: Request, prefs: Preferences) -> Response:
        """Contextual trigger: the introduction card, or the quiet card."""
        return push(self._card(req, prefs))

    def refresh(self, req: Request, prefs: Preferences) -> Response:
        """An option changed: the same card, re-rendered with the new choices.

        Text the user typed into the reply box is never thrown away: when it differs from
        what we suggested for the previous choices, it stays in the box (the card offers
        the new suggestion instead of forcing it), unless they asked for the new one.
        """
        return update(self._card(req, card_choices(req, prefs), keep_edits=True))

    def reply(self, req: Request, prefs: Preferences) -> Response:
        """'Reply to both': create the threaded draft once, then open it."""
        prefs = card_choices(req, prefs)
        thread, intro = self._introduction(req)
        if intro is None:
            return notify(_("This no longer looks like an introduction; nothing was drafted."))
        if req.params.get("nudge"):
            return self._nudge(req, prefs, thread, intro)
        advice = suggest_reply(intro, thread, req.user_email or None, prefs)
        if advice.suggestion is None:
            return notify(translate(advice.why) or _("There is no reply to draft here."))
        suggestion = _with_body(advice.suggestion, req.value(req.params.get("draftField", "")))
        return self._create(
            req, prefs, thread, suggestion, _("Reply draft created: review it and send.")
        )

    def _nudge(
        self, req: Request, prefs: Preferences, thread: Thread, intro: Introduction
    ) -> Response:
        """'Nudge both': the light follow-up to an introduction the user made, as a draft."""
        seen = introducer.view(
            thread, intro, req.user_email, prefs, self._now(), _my_name(thread, req.user_email)
        )
        if seen is None or seen.nudge is None:
            return notify(_("Nothing to nudge here: someone has answered, or it is too soon."))
        return self._create(
            req, prefs, thread, seen.nudge, _("Nudge draft created: review it and send.")
        )

    def _create(
        self,
        req: Request,
        prefs: Preferences,
        thread: Thread,
        suggestion: ReplySuggestion,
        done_note: str,
    ) -> Response:
        """Create the threaded draft once (a double click finds the first), then open it."""
        key = self._ledger.key(req.user_id, req.message_id, _fingerprint(suggestion))
        with self._ledger.lock(key):
            done = self._ledger.get(key)
            if done is None:
                sender = Address(prefs.name or _my_name(thread, req.user_email), req.user_email)
                created = self._reader.create_draft(
                    req.auth, render_rfc822(suggestion, sender), thread.thread_id or req.thread_id
                )
                done = CreatedReply(created.draft_id, created.thread_id)
                self._ledger.put(key, done)
        return open_draft(done.draft_id, done.thread_id, done_note)

    def follow_up(self, req: Request, prefs: Preferences) -> Response:
        """'Draft thanks' or 'Draft it' on the follow-up card: create the draft, open it."""
        thread, intro = self._introduction(req)
        follow = follow_up(intro, thread, req.user_email) if intro and req.user_email else None
        return self._followup.draft(req, card_choices(req, prefs), thread, follow)

    def _card(
        self, req: Request, prefs: Preferences, *, keep_edits: bool = False
    ) -> dict[str, object]:
        # One memo for the whole reading: detection, the reply and the follow-up ask some
        # of the same questions of the same words; it is dropped when the card is built.
        with one_analysis():
            return self._read_card(req, prefs, keep_edits=keep_edits)

    def _read_card(
        self, req: Request, prefs: Preferences, *, keep_edits: bool = False
    ) -> dict[str, object]:
        thread, intro = self._introduction(req)
        ids = {"messageId": req.message_id, "threadId": req.thread_id}
        ids.update({k: v for k, v in req.params.items() if k in ("introducer", "other")})
        if intro is None:
            asked = self.requests.card(req, thread, prefs)
            if asked is not None:
                return asked
            return no_intro.build(
                _participants(thread, req.user_email), self._urls, req.message_id, req.thread_id
            )
        follow = follow_up(intro, thread, req.user_email) if req.user_email else None
        self._remember(req, intro, thread, follow)
        now = self._now()
        advice = suggest_reply(intro, thread, req.user_email or None, prefs, now)
        if intro.user_role == "introducer":
            mine = introducer.view(
                thread,
                intro,
                req.user_email,
                prefs,
                now,
                _my_name(thread, req.user_email),
            )
            if mine is not None:
                return introducer_card.build(
                    intro,
                    mine.findings,
                    mine.nudge,
                    self._urls,
                    ids | {"me": req.user_email},
                    waited_days=mine.waited_days,
                    points=advice.points,
                )
        if follow is not None and (
            advice.state == "already_replied" or follow.stage in ("connected", "loop_closed")
        ):
            return self._followup.card(follow, prefs, ids, advice.points)
        edited = self._edited(req, intro, thread, prefs) if keep_edits else ""
        return intro_card.build(
            intro, advice, prefs, self._urls, ids | {"me": req.user_email}, edited=edited
        )

    def _edited(self, req: Request, intro: Introduction, thread: Thread, prefs: Preferences) -> str:
        """The user's own text in the reply box, when it is not our suggestion for the
        choices the box was rendered with (the box's name says which: `draft_field`)."""
        if req.params.get("discardEdits"):
            return ""
        for name, values in req.form.items():
            typed = values[0] if values else ""
            before = intro_card.choices_of_field(name, prefs)
            if before is None or not typed.strip():
                continue
            was = suggest_reply(intro, thread, req.user_email or None, before).suggestion
            if was is None or " ".join(was.body_text.split()) != " ".join(typed.split()):
                return typed
        return ""

    def _introduction(self, req: Request) -> tuple[Thread, Introduction | None]:
        thread = self._reader.read_thread(req.auth, req.message_id, req.thread_id or None)
        if req.params.get("introducer") and req.params.get("other"):
            return thread, _override(thread, req)
        return thread, detect_introduction(thread, req.user_email or None).introduction

    def _remember(
        self, req: Request, intro: Introduction, thread: Thread, follow: FollowUp | None
    ) -> None:
        if not req.user_id or not intro.introducer.email:
            return
        others = [p.email for p in intro.introduced if p.email and p.email != req.user_email]
        thread_id = thread.thread_id or req.thread_id
        stage = follow.stage if follow is not None else "new"
        sent = (
            thread.messages[intro.message_index].date
            if 0 <= intro.message_index < len(thread.messages)
            else None
        )
        key = (req.user_id, intro.introducer.email, intro.introducer.name, *sorted(others))
        key += (thread_id, stage)
        if self._written.due(key):
            self._recent.remember(
                req.user_id,
                intro.introducer.email,
                intro.introducer.name,
                others,
                thread_id=thread_id,
                stage=stage,
                introduced_at=sent.timestamp() if sent is not None else 0.0,
            )
            self._written.done(key)


class _RecentWrites:
    """Which introductions this process remembered lately, as keyed hashes (no addresses).

    Opening the same introduction again within minutes need not rewrite the store: with
    the SQL store that write is a third of a message open's CPU.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._at: OrderedDict[bytes, float] = OrderedDict()

    def due(self, parts: tuple[str, ...]) -> bool:
        """Whether this introduction was not written in the last `REWRITE_AFTER_SECONDS`."""
        with self._lock:
            at = self._at.get(_digest(parts))
        return at is None or self._clock() - at >= REWRITE_AFTER_SECONDS

    def done(self, parts: tuple[str, ...]) -> None:
        """Note a write (the oldest notes go beyond `_MAX_WRITES_KEPT`)."""
        key = _digest(parts)
        with self._lock:
            self._at[key] = self._clock()
            self._at.move_to_end(key)
            while len(self._at) > _MAX_WRITES_KEPT:
                self._at.popitem(last=False)


def _digest(parts: tuple[str, ...]) -> bytes:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=16).digest()


def _everyone(thread: Thread) -> Iterator[Address]:
    """Senders and To/Cc recipients of every message, in thread order, repeats included."""
    for email in thread.messages:
        if email.sender is not None:
            yield email.sender
        yield from email.recipients


def _my_name(thread: Thread, me: str) -> str:
    """The user's display name as the thread's headers give it."""
    return next((p.name for p in _everyone(thread) if p.email == me and p.name), "")


def _participants(thread: Thread, me: str) -> list[Address]:
    seen: dict[str, Address] = {}
    for person in _everyone(thread):
        if person.email and person.email != me:
            seen.setdefault(person.email, person)
    return list(seen.values())[:20]


def _override(thread: Thread, req: Request) -> Introduction | None:
    """The user says who introduced whom: build the introduction they described."""
    people = {a.email: a for a in _participants(thread, "")}
    introducer = people.get(req.params["introducer"].lower())
    other = people.get(req.params["other"].lower())
    if introducer is None or other is None or thread.last is None or introducer == other:
        return None
    me = Person(req.user_email.split("@")[0], req.user_email)
    # What the mail says about them, as a detected introduction's card would show it.
    person = described(Person(other.name, other.email), thread)
    return known_introduction(
        Person(introducer.name, introducer.email),
        (me, person),
        confidence=1.0,
        evidence="chosen by the user",
        thread=thread,
    )


def _with_body(suggestion: ReplySuggestion, text: str) -> ReplySuggestion:
    text = text.strip()
    if not text or text == suggestion.body_text.strip():
        return suggestion
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    markup = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return replace(suggestion, body_text=text, body_html=markup)


def _fingerprint(suggestion: ReplySuggestion) -> bytes:
    parts = [a.email for a in suggestion.to + suggestion.cc] + [
        suggestion.subject,
        suggestion.body_text,
    ]
    return "\x1f".join(parts).encode("utf-8")


__all__ = ["Email", "MessageService"]
