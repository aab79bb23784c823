"""Gmail's JSON resources for stored messages, threads and drafts (pure: no I/O).

One function per resource, and one per `format` of a message: `full` (the part tree),
`metadata` (top-level headers only, filtered by `metadataHeaders`), `minimal` (no
payload) and `raw` (the whole message, base64url).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, get_args

from devkit.emulator import base64url
from devkit.emulator.mailbox import StoredDraft, StoredMessage
from devkit.emulator.rfc822 import JSON

MessageFormat = Literal["full", "metadata", "minimal", "raw"]
MESSAGE_FORMATS: tuple[str, ...] = get_args(MessageFormat)


def message_resource(
    message: StoredMessage, fmt: str = "full", metadata_headers: Sequence[str] = ()
) -> JSON:
    """The `users.messages.get` answer for `fmt`; `ValueError` for an unknown format."""
    if fmt == "metadata":
        return _metadata(message, metadata_headers)
    render = _RENDERERS.get(fmt)
    if render is None:
        raise ValueError(f"Invalid value at 'format' ({fmt})")
    return render(message)


def thread_resource(
    messages: Sequence[StoredMessage], fmt: str = "full", metadata_headers: Sequence[str] = ()
) -> JSON:
    """The `users.threads.get` answer: the thread's messages in order."""
    rendered = [message_resource(message, fmt, metadata_headers) for message in messages]
    return {
        "id": messages[0].thread_id,
        "historyId": str(max(message.history_id for message in messages)),
        "messages": rendered,
    }


def draft_stub(draft: StoredDraft) -> JSON:
    """A draft as `drafts.list` shows it."""
    return {
        "id": draft.id,
        "message": {"id": draft.message.id, "threadId": draft.message.thread_id},
    }


def created_draft(draft: StoredDraft) -> JSON:
    """The `drafts.create` and `drafts.update` answer."""
    message = draft.message
    return {
        "id": draft.id,
        "message": {
            "id": message.id,
            "threadId": message.thread_id,
            "labelIds": list(message.label_ids),
        },
    }


def draft_resource(draft: StoredDraft, fmt: str = "full") -> JSON:
    """The `drafts.get` answer: the draft with its whole message."""
    return {"id": draft.id, "message": message_resource(draft.message, fmt)}


def _envelope(message: StoredMessage) -> JSON:
    return {
        "id": message.id,
        "threadId": message.thread_id,
        "labelIds": list(message.label_ids),
        "snippet": message.parsed.snippet,
    }


def _trailer(message: StoredMessage) -> JSON:
    return {
        "sizeEstimate": len(message.raw),
        "historyId": str(message.history_id),
        "internalDate": str(message.internal_date_ms),
    }


def _minimal(message: StoredMessage) -> JSON:
    return {**_envelope(message), **_trailer(message)}


def _full(message: StoredMessage) -> JSON:
    return {**_envelope(message), "payload": message.parsed.payload, **_trailer(message)}


def _raw(message: StoredMessage) -> JSON:
    return {**_envelope(message), **_trailer(message), "raw": base64url.encode(message.raw)}


def _metadata(message: StoredMessage, wanted: Sequence[str]) -> JSON:
    root = message.parsed.payload
    keep = {name.lower() for name in wanted}
    headers = [h for h in root["headers"] if not keep or h["name"].lower() in keep]
    payload = {"partId": "", "mimeType": root["mimeType"], "filename": "", "headers": headers}
    return {**_envelope(message), "payload": payload, **_trailer(message)}


_RENDERERS: dict[str, Callable[[StoredMessage], JSON]] = {
    "full": _full,
    "minimal": _minimal,
    "raw": _raw,
}
