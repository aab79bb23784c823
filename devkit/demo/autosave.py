"""Gmail's autosave, for the simulator's compose window: the open draft, stored as a draft.

Real Gmail saves the draft being written every few seconds; the `draft-read` profile
reads that saved copy. The simulator saves before it opens the add-on, so the same
code path sees what the user typed. A draft that had attachments keeps them.
"""

from __future__ import annotations

import email
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP, default
from email.utils import formatdate, make_msgid

from devkit.demo.mailbox import DemoMailbox
from devkit.emulator import EntityNotFound, StoredDraft

MAX_FIELD = 2_000
MAX_BODY = 100_000


@dataclass(frozen=True, slots=True)
class ComposeForm:
    """What the simulator's compose window holds."""

    draft_id: str = ""
    thread_id: str = ""
    to: str = ""
    cc: str = ""
    bcc: str = ""
    subject: str = ""
    body: str = ""


def save_draft(demo: DemoMailbox, form: ComposeForm, sender: str) -> StoredDraft:
    """Create the draft, or replace the one the window holds; raises `EntityNotFound`."""
    thread_id = form.thread_id or None
    if thread_id is not None:
        demo.messages(thread_id)  # unknown thread: EntityNotFound before anything is stored
    kept = _attachments(demo, form.draft_id) if form.draft_id else []
    raw = _rfc822(demo, form, sender, thread_id, kept)
    if form.draft_id:
        return demo.mailbox.update_draft(form.draft_id, raw, thread_id)
    return demo.mailbox.create_draft(raw, thread_id)


def _rfc822(
    demo: DemoMailbox,
    form: ComposeForm,
    sender: str,
    thread_id: str | None,
    kept: list[EmailMessage],
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    for name, value in (("To", form.to), ("Cc", form.cc), ("Bcc", form.bcc)):
        if value.strip():
            msg[name] = _one_line(value)
    msg["Subject"] = _one_line(form.subject)
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="demo.intro-coach.invalid")
    parent = _last_message_id(demo, thread_id)
    if parent:
        msg["In-Reply-To"] = parent
        msg["References"] = parent
    msg.set_content(form.body[:MAX_BODY] or "\n")
    for part in kept:
        payload = part.get_payload(decode=True)
        msg.add_attachment(
            payload if isinstance(payload, bytes) else b"",
            maintype=part.get_content_maintype(),
            subtype=part.get_content_subtype(),
            filename=part.get_filename() or "attachment",
        )
    return msg.as_bytes(policy=SMTP)


def _one_line(value: str) -> str:
    return " ".join(value.split())[:MAX_FIELD]


def _attachments(demo: DemoMailbox, draft_id: str) -> list[EmailMessage]:
    old = email.message_from_bytes(demo.draft(draft_id).message.raw, policy=default)
    return [part for part in old.iter_attachments() if isinstance(part, EmailMessage)]


def _last_message_id(demo: DemoMailbox, thread_id: str | None) -> str:
    if thread_id is None:
        return ""
    drafts = demo.draft_ids()
    try:
        received = [m for m in demo.messages(thread_id) if m.id not in drafts]
    except EntityNotFound:
        return ""
    return (received[-1].parsed.message_id or "") if received else ""


__all__ = ["ComposeForm", "EntityNotFound", "save_draft"]
