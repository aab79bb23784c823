"""Gmail API message JSON (`format=full`) into `core.Email` (pure: no I/O).

Walks the payload part tree, decodes base64url bodies with the declared charset,
and lists attachments; the shared `core.assemble` builds the `Email`, so mail read
from Gmail and from `.eml` files is analysed identically.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from app.core.assemble import Part, build_email
from app.core.model import Email, Thread
from app.core.rfc822 import decode_text

JSON = dict[str, Any]
MAX_PARTS = 200
MAX_DEPTH = 20


def email_from_gmail(message: JSON) -> Email:
    """One Gmail API message into an `Email`; malformed JSON degrades, never raises."""
    if not isinstance(message, dict):
        return build_email([], [], ["not a Gmail message object"])
    payload = message.get("payload")
    problems: list[str] = []
    headers: list[tuple[str, str]] = []
    parts: list[Part] = []
    if isinstance(payload, dict):
        headers = _headers(payload)
        _walk(payload, parts, problems, 0)
    elif "raw" in message:
        from app.core.rfc822 import parse_eml

        return parse_eml(_b64(str(message.get("raw", "")), problems))
    else:
        problems.append("message has no payload")
    return build_email(
        headers,
        parts,
        problems,
        gmail_id=str(message.get("id", "")),
        thread_id=str(message.get("threadId", "")),
    )


def thread_from_gmail(thread: JSON) -> Thread:
    """A Gmail API thread (`threads.get`) into a `Thread`, oldest message first."""
    raw = thread.get("messages") if isinstance(thread, dict) else None
    messages = [m for m in raw if isinstance(m, dict)] if isinstance(raw, list) else []
    messages.sort(
        key=lambda m: (
            int(str(m.get("internalDate", "0")) or 0)
            if str(m.get("internalDate", "0")).isdigit()
            else 0
        )
    )
    thread_id = str(thread.get("id", "")) if isinstance(thread, dict) else ""
    return Thread(tuple(email_from_gmail(m) for m in messages), thread_id)


def _headers(part: JSON) -> list[tuple[str, str]]:
    found = []
    for header in part.get("headers") or []:
        if isinstance(header, dict):
            found.append((str(header.get("name", "")), str(header.get("value", ""))))
    return found


def _walk(part: JSON, parts: list[Part], problems: list[str], depth: int) -> None:
    if len(parts) >= MAX_PARTS or depth > MAX_DEPTH:
        if "MIME tree too large: rest ignored" not in problems:
            problems.append("MIME tree too large: rest ignored")
        return
    children = part.get("parts")
    if isinstance(children, list) and children:
        for child in children:
            if isinstance(child, dict):
                _walk(child, parts, problems, depth + 1)
        return
    parts.append(_leaf(part, problems))


def _leaf(part: JSON, problems: list[str]) -> Part:
    mime = str(part.get("mimeType") or "text/plain").lower()
    filename = str(part.get("filename") or "")
    body = part.get("body") if isinstance(part.get("body"), dict) else {}
    assert isinstance(body, dict)
    size = body.get("size", 0)
    size = size if isinstance(size, int) else 0
    text = None
    if mime.startswith("text/") and not filename and "data" in body:
        data = _b64(str(body.get("data", "")), problems)
        text = decode_text(data, _charset(part), problems)
        size = size or len(data)
    disposition = " ".join(v for n, v in _headers(part) if n.lower() == "content-disposition")
    inline = disposition.lower().startswith("inline") and mime.startswith("image/")
    return Part(mime, filename, text, size, inline)


def _charset(part: JSON) -> str | None:
    for name, value in _headers(part):
        if name.lower() == "content-type" and "charset=" in value.lower():
            tail = value.lower().split("charset=", 1)[1]
            return tail.split(";", 1)[0].strip().strip('"') or None
    return None


def _b64(data: str, problems: list[str]) -> bytes:
    try:
        return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        problems.append("undecodable body data")
        return b""
