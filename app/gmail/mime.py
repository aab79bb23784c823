"""Gmail API message JSON (`format=full` or `raw`) into `core.Email` (pure: no I/O).

Walks the payload part tree, decodes base64url bodies with the declared charset,
and lists attachments; the shared `core.assemble` builds the `Email`, so mail read
from Gmail and from `.eml` files is analysed identically. Anything malformed (wrong
types, bad base64, missing payload) degrades into a `problems` note, never raises.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from app.core.mail import Part, build_email, decode_text, forwarded_part, parse_eml
from app.core.model import Email, Thread

JSON = dict[str, Any]
MAX_PARTS = 200
MAX_DEPTH = 20


def email_from_gmail(message: JSON) -> Email:
    """One Gmail API message into an `Email`; malformed JSON degrades, never raises."""
    if not isinstance(message, dict):
        return build_email([], [], ["not a Gmail message object"])
    payload = message.get("payload")
    problems: list[str] = []
    if not isinstance(payload, dict) and isinstance(message.get("raw"), str):
        return parse_eml(_b64(message["raw"], problems))
    headers: list[tuple[str, str]] = []
    parts: list[Part] = []
    if isinstance(payload, dict):
        headers = _headers(payload)
        _walk(payload, parts, problems, 0)
    else:
        problems.append("message has no payload")
    return build_email(
        headers,
        parts,
        problems,
        gmail_id=_text(message.get("id")),
        thread_id=_text(message.get("threadId")),
    )


def thread_from_gmail(thread: JSON) -> Thread:
    """A Gmail API thread (`threads.get`) into a `Thread`, oldest message first."""
    if not isinstance(thread, dict):
        return Thread()
    raw = thread.get("messages")
    messages = [m for m in raw if isinstance(m, dict)] if isinstance(raw, list) else []
    messages.sort(key=_internal_date)  # stable: messages without a date keep their order
    return Thread(tuple(email_from_gmail(m) for m in messages), _text(thread.get("id")))


def _internal_date(message: JSON) -> int:
    value = _text(message.get("internalDate"))
    return int(value) if value.isdigit() else 0


def _text(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _headers(part: JSON) -> list[tuple[str, str]]:
    raw = part.get("headers")
    if not isinstance(raw, list):
        return []
    found = []
    for header in raw:
        if isinstance(header, dict):
            name, value = header.get("name"), header.get("value")
            # JSON strings need no `_text`; a call per header was a tenth of the cost.
            name = name if type(name) is str else _text(name)
            found.append((name, value if type(value) is str else _text(value)))
    return found


def _walk(part: JSON, parts: list[Part], problems: list[str], depth: int) -> None:
    if len(parts) >= MAX_PARTS or depth > MAX_DEPTH:
        if "MIME tree too large: rest ignored" not in problems:
            problems.append("MIME tree too large: rest ignored")
        return
    children = part.get("parts")
    if isinstance(children, list) and children and _mime(part) != "message/rfc822":
        for child in children:
            if isinstance(child, dict):
                _walk(child, parts, problems, depth + 1)
        return
    parts.append(_leaf(part, problems))


def _mime(part: JSON) -> str:
    return (_text(part.get("mimeType")) or "text/plain").lower()


def _leaf(part: JSON, problems: list[str]) -> Part:
    mime = _mime(part)
    filename = _text(part.get("filename"))
    body = part.get("body")
    body = body if isinstance(body, dict) else {}
    size = body.get("size")
    size = size if isinstance(size, int) and size >= 0 else 0
    data = _b64(body["data"], problems) if isinstance(body.get("data"), str) else None
    if mime == "message/rfc822" and data is not None:
        return forwarded_part(data, filename)
    text = None
    if mime.startswith("text/") and not filename and data is not None:
        text = decode_text(data, _charset(part), problems)
    inline = mime.startswith("image/") and _disposition(part).startswith("inline")
    return Part(mime, filename, text, size or (len(data) if data else 0), inline)


def _disposition(part: JSON) -> str:
    found = [v for n, v in _headers(part) if n.lower() == "content-disposition"]
    return found[0].lower().strip() if found else ""


def _charset(part: JSON) -> str | None:
    for name, value in _headers(part):
        if name.lower() == "content-type" and "charset=" in value.lower():
            tail = value.lower().split("charset=", 1)[1]
            return tail.split(";", 1)[0].strip().strip('"') or None
    return None


def _b64(data: str, problems: list[str]) -> bytes:
    """base64url with or without padding; damage gives no bytes and a note."""
    try:
        return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        problems.append("undecodable body data")
        return b""
