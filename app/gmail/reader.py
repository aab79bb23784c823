"""`GmailReader`: the production `MailReader`, Gmail API dicts turned into core values.

Keeps the fetch (`client.py`) and the parse (`mime.py`) apart; the service sees
only `Thread`s and created-draft ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.model import Email, Thread
from app.gmail.client import CreatedDraft, GmailAuth, GmailClient
from app.gmail.errors import AccessDenied, MessageNotFound
from app.gmail.mime import email_from_gmail, thread_from_gmail

MAX_THREAD_MESSAGES = 50  # a longer thread is read from its newest 50 messages


class GmailReader:
    """Reads the open thread and creates drafts through one shared `GmailClient`."""

    def __init__(self, client: GmailClient) -> None:
        self._client = client

    def read_thread(self, auth: GmailAuth, message_id: str, thread_id: str | None) -> Thread:
        """The open message's thread (or the message alone when the thread is not readable)."""
        if thread_id:
            try:
                thread = thread_from_gmail(
                    _without_drafts(self._client.get_thread(auth, thread_id))
                )
            except (MessageNotFound, AccessDenied):
                thread = Thread()
            if thread.messages:
                messages = thread.messages[-MAX_THREAD_MESSAGES:]
                return Thread(messages, thread.thread_id)
        message = email_from_gmail(self._client.get_message(auth, message_id))
        return Thread((message,), message.thread_id)

    def create_draft(self, auth: GmailAuth, raw: bytes, thread_id: str | None) -> CreatedDraft:
        """Create a draft: a reply in the thread, or a new message (no `thread_id`)."""
        return self._client.create_draft(auth, raw, thread_id or None)

    def newest_draft(
        self, auth: GmailAuth, thread_id: str, recipients: Sequence[str]
    ) -> Email | None:
        """Draft-read profile: the newest saved draft in the thread whose recipients match."""
        wanted = {r.lower() for r in recipients}
        for stub in self._client.list_drafts(auth, max_results=20):
            message = stub.get("message") if isinstance(stub, dict) else None
            if not isinstance(message, dict) or message.get("threadId") != thread_id:
                continue
            draft = self._client.get_draft(auth, str(stub.get("id", "")))
            email = email_from_gmail(draft.get("message", {}))
            if not wanted or wanted & {a.email for a in email.recipients}:
                return email
        return None


def _without_drafts(thread: dict[str, Any]) -> dict[str, Any]:
    """Drop unsent drafts: the thread's state is what was sent (ours included)."""
    messages = thread.get("messages")
    if not isinstance(messages, list):
        return thread
    kept = [
        m for m in messages if not (isinstance(m, dict) and "DRAFT" in (m.get("labelIds") or []))
    ]
    return {**thread, "messages": kept}
