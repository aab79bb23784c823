"""RFC 822 bytes to the pieces of Gmail's message resource (pure: no I/O, no clock).

It shapes the part tree as Gmail does: `partId` "" for the root and "0", "0.1" below;
header values raw and unfolded, encoded words left encoded; bodies transfer-decoded
but not charset-converted; a part with a filename is an attachment and carries an
`attachmentId` instead of `data`. The emulator's only MIME code: it imports nothing
from `app.core` or `app.gmail`, so the adapter is tested against an independent reader.
"""

from __future__ import annotations

import email
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.message import Message
from email.policy import compat32
from email.utils import parsedate_to_datetime
from typing import Any

from devkit.emulator import base64url

JSON = dict[str, Any]

_FOLD = re.compile(r"\r?\n(?=[ \t])")
_MSG_ID = re.compile(r"<[^<>\s]+>")
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SNIPPET_CHARS = 200
_SNIPPET_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
)


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """What the emulator keeps of one message besides its raw bytes."""

    payload: JSON
    attachments: Mapping[str, bytes]
    snippet: str
    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    date_ms: int | None


def parse_message(raw: bytes, gmail_id: str) -> ParsedMessage:
    """Parse RFC 822 bytes; `gmail_id` seeds the attachment ids."""
    msg = email.message_from_bytes(raw, policy=compat32)
    attachments: dict[str, bytes] = {}
    payload = _part(msg, "", gmail_id, attachments)
    headers = _header_map(msg)
    return ParsedMessage(
        payload=payload,
        attachments=attachments,
        snippet=_snippet(msg),
        message_id=_first_id(headers.get("message-id")),
        in_reply_to=_first_id(headers.get("in-reply-to")),
        references=tuple(_MSG_ID.findall(headers.get("references", ""))),
        date_ms=_date_ms(headers.get("date")),
    )


def _part(part: Message, part_id: str, gmail_id: str, attachments: dict[str, bytes]) -> JSON:
    node: JSON = {
        "partId": part_id,
        "mimeType": part.get_content_type(),
        "filename": _filename(part),
        "headers": [{"name": name, "value": value} for name, value in _headers(part)],
    }
    if part.get_content_maintype() == "multipart" and isinstance(part.get_payload(), list):
        node["body"] = {"size": 0}
        node["parts"] = [
            _part(child, _child_id(part_id, index), gmail_id, attachments)
            for index, child in enumerate(part.get_payload())
        ]
        return node
    data = _leaf_bytes(part)
    if node["filename"]:
        attachment_id = "ANGjdJ" + base64url.encode(f"{gmail_id}/{part_id}".encode()).rstrip("=")
        attachments[attachment_id] = data
        node["body"] = {"attachmentId": attachment_id, "size": len(data)}
    elif data:
        node["body"] = {"size": len(data), "data": base64url.encode(data)}
    else:
        node["body"] = {"size": 0}
    return node


def _child_id(parent: str, index: int) -> str:
    return str(index) if not parent else f"{parent}.{index}"


def _leaf_bytes(part: Message) -> bytes:
    """Transfer-decoded body; an attached `message/rfc822` comes back as its own bytes."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return b"".join(inner.as_bytes() for inner in payload if isinstance(inner, Message))
    decoded = part.get_payload(decode=True)
    return decoded if isinstance(decoded, bytes) else b""


def _headers(part: Message) -> list[tuple[str, str]]:
    """Header (name, value) pairs as written, unfolded; stray 8-bit bytes read as UTF-8."""
    return [(name, _clean(_FOLD.sub("", value))) for name, value in part.raw_items()]


def _header_map(msg: Message) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in _headers(msg):
        found.setdefault(name.lower(), value)
    return found


def _clean(value: str) -> str:
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _filename(part: Message) -> str:
    raw = part.get_filename()
    if not raw:
        return ""
    try:
        return str(make_header(decode_header(_clean(raw))))
    except (LookupError, UnicodeError, ValueError):
        return _clean(raw)


def _first_id(value: str | None) -> str | None:
    found = _MSG_ID.findall(value or "")
    return found[0] if found else None


def _date_ms(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return int(parsedate_to_datetime(value).timestamp() * 1000)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _snippet(msg: Message) -> str:
    """Gmail's snippet: the start of the text, whitespace collapsed, HTML-escaped."""
    text = _first_text(msg, "text/plain")
    if text is None:
        markup = _first_text(msg, "text/html") or ""
        text = html.unescape(_TAGS.sub(" ", markup))
    collapsed = " ".join(text.split())[:_SNIPPET_CHARS]
    return collapsed.translate(_SNIPPET_ESCAPES)


def _first_text(msg: Message, mime_type: str) -> str | None:
    for part in msg.walk():
        if part.get_content_type() == mime_type and not part.get_filename():
            charset = part.get_content_charset() or "utf-8"
            data = _leaf_bytes(part)
            try:
                return data.decode(charset, "replace")
            except LookupError:
                return data.decode("latin-1")
    return None
