"""Someone asks the user for an introduction: the request card and its two drafts.

`card` answers an opened message that asks the user to introduce the sender to someone
(`detect_request`); `ask_first` is its button: it validates the address of the person
to be introduced and creates, once per content (the `DraftLedger`), the note asking them
first (a new message: no thread id) and the short reply to the requester (in the
request's thread). Both are drafts: nothing is sent. Bad input (no address, not an
address, the requester's own) comes back on the card with a clear message.
"""

from __future__ import annotations

from dataclasses import replace

from app.cards import request as request_card
from app.cards.i18n import _
from app.cards.responses import Response, notify, open_draft, update
from app.cards.urls import Urls
from app.cards.widgets import Widget
from app.core.intro import detect_request
from app.core.mail import first_name
from app.core.model import Address, Email, IntroRequest, Thread
from app.core.preferences import Preferences, tone_or
from app.core.reply import (
    OptInDrafts,
    ReplySuggestion,
    opt_in_drafts,
    render_rfc822,
    target_address,
)
from app.service.ports import CreatedReply, DraftLedger, MailReader, Request

MAX_ADDRESS = 320
MAX_BODY = 8_000
NEWEST_READ = 3  # a request is answered from the newest messages; older ones were handled


class RequestService:
    """The request card and its 'Ask first' button."""

    def __init__(self, reader: MailReader, urls: Urls, ledger: DraftLedger) -> None:
        self._reader = reader
        self._urls = urls
        self._ledger = ledger

    def card(self, req: Request, thread: Thread, prefs: Preferences) -> Widget | None:
        """The request card when a message of the thread asks the user for an introduction."""
        found = _find(thread, req.user_email)
        if found is None:
            return None
        request, source = found
        drafts = self._drafts(req, thread, prefs, request, source, "")
        typed = req.value(request_card.ADDRESS_FIELD).strip()[:MAX_ADDRESS]
        address = typed or target_address(request, source, req.user_email)
        # A change of tone re-renders the card: what the user typed over our text stays.
        before = req.params.get("tone", "")
        was = self._drafts(
            req, thread, replace(prefs, tone=tone_or(before, prefs.tone)), request, source, ""
        )
        ask_text = _edited(req.value(request_card.ASK_FIELD), was.ask)
        reply_text = _edited(req.value(request_card.REPLY_FIELD), was.reply)
        return self._card(req, request, drafts, prefs, address, ask_text, reply_text)

    def ask_first(self, req: Request, prefs: Preferences) -> Response:
        """Create the note to the person to be introduced and the reply, then open the note."""
        thread = self._reader.read_thread(req.auth, req.message_id, req.thread_id or None)
        found = _find(thread, req.user_email)
        if found is None:
            return notify(
                _("This no longer looks like a request for an introduction; nothing was drafted.")
            )
        request, source = found
        prefs = replace(
            prefs, tone=tone_or(req.value("tone") or req.params.get("tone", ""), prefs.tone)
        )
        typed = req.value(request_card.ADDRESS_FIELD).strip()[: MAX_ADDRESS + 1]
        ask_text = req.value(request_card.ASK_FIELD)[:MAX_BODY]
        reply_text = req.value(request_card.REPLY_FIELD)[:MAX_BODY]
        address, error = _valid_address(typed, request, req.user_email)
        drafts = self._drafts(req, thread, prefs, request, source, address, ask_text, reply_text)
        if error:
            again = self._card(
                req, request, drafts, prefs, typed, ask_text, reply_text, error=error
            )
            return update(again, error)
        sender = Address(prefs.name or _my_name(thread, req.user_email), req.user_email)
        asked = self._create(req, "ask", drafts.ask, sender, None)
        self._create(req, "reply", drafts.reply, sender, thread.thread_id or req.thread_id)
        who = first_name(drafts.ask.to[0].name) or address
        requester = first_name(request.requester.name) or request.requester.email or _("them")
        done = _(
            "Two drafts created: your note to {who} (opened) and your reply to {requester} "
            "in this thread. Review them; nothing is sent."
        ).format(who=who, requester=requester)
        shown = self._card(req, request, drafts, prefs, address, ask_text, reply_text, done=done)
        return open_draft(asked.draft_id, asked.thread_id, done, shown)

    def _card(
        self,
        req: Request,
        request: IntroRequest,
        drafts: OptInDrafts,
        prefs: Preferences,
        address: str,
        ask_text: str,
        reply_text: str,
        *,
        error: str = "",
        done: str = "",
    ) -> Widget:
        """The request card, with the address and texts as the user left them."""
        return request_card.build(
            request,
            drafts,
            self._urls,
            _ids(req),
            address=address,
            error=error,
            ask_text=ask_text,
            reply_text=reply_text,
            tone=prefs.tone,
            done=done,
        )

    def _drafts(
        self,
        req: Request,
        thread: Thread,
        prefs: Preferences,
        request: IntroRequest,
        source: Email,
        address: str,
        ask_text: str = "",
        reply_text: str = "",
    ) -> OptInDrafts:
        me = Address(prefs.name or _my_name(thread, req.user_email), req.user_email)
        return opt_in_drafts(
            request,
            source,
            me,
            Address("", address),
            ask_body=ask_text,
            reply_body=reply_text,
            tone=prefs.tone,
            sign_off=prefs.sign_off,
        )

    def _create(
        self,
        req: Request,
        kind: str,
        draft: ReplySuggestion,
        sender: Address,
        thread_id: str | None,
    ) -> CreatedReply:
        content = "\x1f".join(
            [kind, *(a.email for a in draft.to), draft.subject, draft.body_text]
        ).encode("utf-8")
        key = self._ledger.key(req.user_id, req.message_id, content)
        with self._ledger.lock(key):
            done = self._ledger.get(key)
            if done is None:
                created = self._reader.create_draft(
                    req.auth, render_rfc822(draft, sender), thread_id
                )
                done = CreatedReply(created.draft_id, created.thread_id)
                self._ledger.put(key, done)
        return done


def _find(thread: Thread, me: str) -> tuple[IntroRequest, Email] | None:
    """The newest message asking the user (not sent by the user) for an introduction."""
    for email in reversed(thread.messages[-NEWEST_READ:]):
        if me and email.sender is not None and email.sender.email == me.lower():
            continue
        found = detect_request(email, me or None)
        if found is not None:
            return found, email
    return None


def _valid_address(typed: str, request: IntroRequest, me: str) -> tuple[str, str]:
    """(the normalised address, "") or ("", why it is refused)."""
    # Imported on first use (FastAPI imports it at start anyway when installed, ~23 ms).
    from email_validator import EmailNotValidError, validate_email

    if not typed:
        return "", _("Add the email address of the person to ask: the note goes to them.")
    if len(typed) > MAX_ADDRESS:
        return "", _("That address is too long to be an email address.")
    try:
        checked = validate_email(typed, check_deliverability=False)
    except EmailNotValidError as exc:
        # The validator's own reason is in English (the library's words).
        return "", _("“{address}” is not an email address: {reason}").format(
            address=typed[:80], reason=exc
        )
    address = checked.normalized.lower()
    if request.requester.email and address == request.requester.email.lower():
        return (
            "",
            _(
                "That is the address of the person asking; the note goes to the one they want "
                "to meet."
            ),
        )
    if me and address == me.lower():
        return "", _("That is your own address; the note goes to the person to be introduced.")
    return address, ""


def _edited(typed: str, ours: ReplySuggestion) -> str:
    """The user's text when it is not our suggestion (white space aside), else ""."""
    typed = typed[:MAX_BODY]
    if not typed.strip() or " ".join(typed.split()) == " ".join(ours.body_text.split()):
        return ""
    return typed


def _my_name(thread: Thread, me: str) -> str:
    for email in thread.messages:
        for person in (email.sender, *email.recipients):
            if person is not None and person.email == me and person.name:
                return person.name
    return ""


def _ids(req: Request) -> dict[str, str]:
    return {"messageId": req.message_id, "threadId": req.thread_id}
