"""The compose window: recipient checks, the suggestion to insert, checks on pasted text."""

from __future__ import annotations

from dataclasses import replace

from app.cards import compose as compose_card
from app.cards.compose import ComposeView
from app.cards.i18n import _
from app.cards.responses import Response, insert_text, notify, push, set_cc, update
from app.cards.urls import Urls
from app.core.checks import (
    Draft,
    check_introduction,
    check_reply,
    reply_context,
    reply_languages,
    written_introduction,
)
from app.core.intro import detect_introduction
from app.core.mail import parse_addresses
from app.core.model import Address, Introduction, Person, Thread, known_introduction
from app.core.preferences import Preferences
from app.core.reply import suggest_reply, to_insert
from app.gmail.errors import GmailError
from app.service.ports import MailReader, RecentIntros, Request

MAX_PASTED = 50_000


class ComposeService:
    """Answers the compose trigger and the compose card's buttons."""

    def __init__(
        self, reader: MailReader, urls: Urls, recent: RecentIntros, *, read_drafts: bool
    ) -> None:
        self._reader = reader
        self._urls = urls
        self._recent = recent
        self._read_drafts = read_drafts

    def open(self, req: Request, prefs: Preferences) -> Response:
        """Compose trigger: what the recipients tell us, and the suggestion."""
        return push(compose_card.build(self._view(req, prefs, None), self._urls))

    def check_text(self, req: Request, prefs: Preferences) -> Response:
        """'Check my draft': every first-reply check on the pasted text."""
        text = req.value("draftText")[:MAX_PASTED]
        if not text.strip():
            return notify(_("Paste your draft into the box first."))
        return update(compose_card.build(self._view(req, prefs, text), self._urls))

    def insert(self, req: Request) -> Response:
        """Insert the (edited) suggestion above what the user wrote; their text stays.

        When the user's draft is known (pasted into the check box, or read in the
        `draft-read` profile) and already has a greeting or a sign-off, ours is left out.
        """
        text = req.value("suggestion").strip()
        if not text:
            return notify(_("There is no suggested reply to insert."))
        own = req.value("draftText")[:MAX_PASTED]
        if not own.strip() and self._read_drafts and req.thread_id:
            saved = self._saved_draft(req)
            own = saved.text if saved is not None else ""
        return insert_text(to_insert(text, own) + "\n\n")

    def restore_cc(self, req: Request, prefs: Preferences) -> Response:
        """Put the introducer back on Cc, keeping everyone already there; the card is
        rebuilt with the new Cc, so the warning goes and the fix shows it took."""
        introducer = req.params.get("introducer", "").strip().lower()
        if "@" not in introducer:
            return notify(_("Could not tell who the introducer is."))
        cc = [a.email for a in _people(req.cc) if a.email]
        if introducer not in cc:
            cc.append(introducer)
        after = replace(req, cc=(*req.cc, introducer) if introducer not in req.cc else req.cc)
        return set_cc(cc, compose_card.build(self._view(after, prefs, None), self._urls))

    def _view(self, req: Request, prefs: Preferences, pasted: str | None) -> ComposeView:
        to, cc, bcc = _people(req.to), _people(req.cc), _people(req.bcc)
        thread, intro = self._context(req, to + cc + bcc)
        recipient_draft = Draft.from_recipients(tuple(to), tuple(cc), tuple(bcc))
        findings = (
            check_reply(
                recipient_draft,
                thread,
                introduction=intro,
                me=req.user_email or None,
                enabled=prefs.enabled_checks,
            )
            if intro
            else ()
        )
        # After the user's first reply, a note to the other person alone (giving first)
        # or to the introducer alone (closing the loop) leaves nobody out.
        missing = _missing(intro, to + cc + bcc) if _first_reply(intro, thread, req) else None
        draft: Draft | None = None
        if pasted is not None:
            draft = Draft.from_text(pasted)
            if to or cc:
                draft = replace(
                    draft, to=tuple(to), cc=tuple(cc), bcc=tuple(bcc), recipients_known=True
                )
        elif self._read_drafts and req.thread_id:
            saved = self._saved_draft(req)
            # Outside an introduction thread the saved draft is checked only when it is
            # itself an introduction the user is writing.
            if thread is not None or (
                saved is not None and written_introduction(saved, req.user_email or None)
            ):
                draft = saved
        draft_empty = draft is not None and draft.empty
        text_findings = None
        own_intro = None
        if draft is not None and not draft_empty:
            own_intro = written_introduction(draft, req.user_email or None)
        if draft is not None and own_intro is not None:
            # The user is writing an introduction: check it as the introducer. Pasted text
            # has no subject line, so the subject is judged only on a saved draft.
            enabled = prefs.enabled_checks
            if pasted is not None:
                enabled = enabled - {"vague_subject"}
            text_findings = check_introduction(
                draft, own_intro, me=req.user_email or None, enabled=enabled
            )
        elif draft is not None and not draft_empty:
            text_findings = check_reply(
                draft,
                thread,
                introduction=intro,
                me=req.user_email or None,
                enabled=prefs.enabled_checks,
            )
        suggestion = ""
        if intro is not None and thread is not None and thread.messages:
            advice = suggest_reply(intro, thread, req.user_email or None, prefs)
            suggestion = advice.suggestion.body_text if advice.suggestion else ""
        context = (
            _("Introduction by {name}").format(name=intro.introducer.name or intro.introducer.email)
            if intro
            else ""
        )
        if own_intro is not None and not context:
            context = _("An introduction you are writing")
        return ComposeView(
            tuple(findings),
            missing,
            suggestion,
            pasted or "",
            text_findings,
            context,
            draft_empty=draft_empty,
            reads_drafts=self._read_drafts,
            checked_as_introduction=own_intro is not None,
            wording_unread=own_intro is None and _unread(draft),
        )

    def _context(
        self, req: Request, recipients: list[Address]
    ) -> tuple[Thread | None, Introduction | None]:
        if req.message_id or req.thread_id:
            try:
                thread = self._reader.read_thread(req.auth, req.message_id, req.thread_id or None)
            except GmailError:
                thread = None
            if thread is not None:
                found = detect_introduction(thread, req.user_email or None).introduction
                if found is not None:
                    return thread, found
        remembered = (
            self._recent.find(req.user_id, [a.email for a in recipients]) if req.user_id else None
        )
        if remembered is None:
            return None, None
        intro = known_introduction(
            Person(remembered.introducer_name, remembered.introducer),
            tuple(Person("", a.email) for a in recipients if a.email != remembered.introducer),
            confidence=0.9,
            evidence="an introduction you opened recently",
        )
        return Thread(), intro

    def _saved_draft(self, req: Request) -> Draft | None:
        """The user's newest saved draft in this thread (the `draft-read` profile)."""
        try:
            saved = self._reader.newest_draft(req.auth, req.thread_id, [*req.to, *req.cc])
        except GmailError:
            return None
        return Draft.from_email(saved) if saved is not None else None


def _unread(draft: Draft | None) -> bool:
    """The draft's own words are in a language we do not read (no verdict on its wording)."""
    if draft is None or not draft.text_known or draft.empty:
        return False
    return reply_languages(draft.text[: draft.body_end]) is None


def _people(values: tuple[str, ...]) -> list[Address]:
    return [a for value in values for a in parse_addresses(value)]


def _first_reply(intro: Introduction | None, thread: Thread | None, req: Request) -> bool:
    """Whether a draft here is still the first reply (unknown thread: assume it is)."""
    if intro is None or thread is None or not thread.messages or not req.user_email:
        return True
    return reply_context(intro, thread, req.user_email).first_reply


def _missing(intro: Introduction | None, recipients: list[Address]) -> Address | None:
    if intro is None or not intro.introducer.email or not recipients:
        return None
    if any(a.email == intro.introducer.email for a in recipients):
        return None
    return Address(intro.introducer.name, intro.introducer.email)
