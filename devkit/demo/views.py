"""What the simulator page shows of stored mail: headers and text as JSON (no I/O).

Text only: HTML-only mail is shown as its text rendering, so nothing from a message
is ever inserted into the page as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.core.mail import parse_eml
from app.core.model import Address, Email
from devkit.demo.mailbox import ThreadSummary
from devkit.emulator import StoredDraft, StoredMessage

Json = dict[str, Any]
MAX_TEXT = 100_000


def summary_json(summary: ThreadSummary) -> Json:
    """One row of the thread list."""
    return {
        "id": summary.id,
        "subject": summary.subject,
        "from": summary.sender,
        "snippet": summary.snippet,
        "count": summary.count,
        "hasDraft": summary.has_draft,
        "note": summary.note,
    }


def message_json(message: StoredMessage, drafts: Mapping[str, str]) -> Json:
    """One message of a thread: headers, text, attachments; `draftId` when it is a draft."""
    email = parse_eml(message.raw)
    return {
        "id": message.id,
        "threadId": message.thread_id,
        "draftId": drafts.get(message.id),
        "from": _one(email.sender),
        "to": _many(email.to),
        "cc": _many(email.cc),
        "bcc": _many(email.bcc),
        "subject": email.subject,
        "date": email.date.isoformat() if email.date else None,
        "text": _text(email),
        "attachments": [
            {"filename": a.filename, "mimeType": a.mime_type, "size": a.size}
            for a in email.attachments
        ],
    }


def draft_json(draft: StoredDraft) -> Json:
    """A draft as the compose window shows it: recipients, subject, body, attachments."""
    email = parse_eml(draft.message.raw)
    return {
        "id": draft.id,
        "messageId": draft.message.id,
        "threadId": draft.message.thread_id,
        "to": _many(email.to),
        "cc": _many(email.cc),
        "bcc": _many(email.bcc),
        "subject": email.subject,
        "body": _body(email),
        "attachments": [
            {"filename": a.filename, "mimeType": a.mime_type, "size": a.size}
            for a in email.attachments
        ],
    }


def _text(email: Email) -> str:
    return email.text[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n")


def _body(email: Email) -> str:
    text = _text(email).rstrip()
    return text + "\n" if text else ""


def _one(address: Address | None) -> str:
    return address.formatted() if address is not None else ""


def _many(addresses: tuple[Address, ...]) -> list[str]:
    return [a.formatted() for a in addresses]
