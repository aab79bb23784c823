"""Build an `Email` from headers and decoded leaf parts, whatever the source (pure).

Both readers (RFC 822 bytes and Gmail API JSON) reduce a message to a header list
and a list of `Part`s; this module picks the body, splits quotes and signature,
lists attachments and resolves addresses, so the two readers cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

from app.core.mail.addresses import decode_words, names_from_legacy, parse_addresses, with_names
from app.core.mail.body import split_body
from app.core.mail.html import html_to_text, truncates
from app.core.model import Address, Attachment, Email

# Characters of body text analysed (a thread of a few hundred pages): introductions sit at
# the top, and splitting quotes and detection cost grows with the text. Longer bodies are
# cut and flagged.
MAX_TEXT = 500_000
_TRUNCATED = "body truncated for analysis"
_MAX_SUBJECT = 2_000  # characters of a subject decoded (10,000 encoded words cost seconds)
_MSGID = re.compile(r"<[^<>\s]+>")


@dataclass(frozen=True, slots=True)
class Part:
    """One leaf of a MIME tree: its type, filename, decoded text (if text) and size."""

    mime_type: str
    filename: str = ""
    text: str | None = None
    size: int = 0
    inline: bool = False


def build_email(
    headers: Sequence[tuple[str, str]],
    parts: Sequence[Part],
    problems: Sequence[str] = (),
    *,
    gmail_id: str = "",
    thread_id: str = "",
) -> Email:
    """Assemble one `Email`; never raises on odd headers or bodies."""
    found = list(problems)
    head = _HeaderView(headers)
    text = _body_text(parts, found)
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        if _TRUNCATED not in found:  # HTML already cut
            found.append(_TRUNCATED)
    split = split_body(text)
    return Email(
        subject=decode_words(head.get("subject")[:_MAX_SUBJECT]),
        sender=_first(_people(head, "from")),
        to=_people(head, "to"),
        cc=_people(head, "cc"),
        bcc=_people(head, "bcc"),
        reply_to=parse_addresses(head.get("reply-to")),
        message_id=_first_id(head.get("message-id")),
        in_reply_to=_first_id(head.get("in-reply-to")),
        references=tuple(_MSGID.findall(head.get("references"))),
        date=_date(head.get("date"), found),
        text=text,
        new_text=split.own,
        quoted_text=split.quoted,
        signature=split.signature,
        attachments=_attachments(parts),
        problems=tuple(found),
        gmail_id=gmail_id,
        thread_id=thread_id,
        headers_present=bool(head.get("from") or head.get("to") or head.get("subject")),
    )


class _HeaderView:
    """Case-insensitive first-value lookup over a header list."""

    __slots__ = ("_map",)

    def __init__(self, headers: Sequence[tuple[str, str]]) -> None:
        self._map: dict[str, str] = {}
        for name, value in headers:
            self._map.setdefault(name.strip().lower(), value)

    def get(self, name: str) -> str:
        return self._map.get(name, "")


def _people(head: _HeaderView, field: str) -> tuple[Address, ...]:
    found = parse_addresses(head.get(field))
    legacy = names_from_legacy(head.get(f"x-{field}"))
    return with_names(found, legacy)


def _first(found: tuple[Address, ...]) -> Address | None:
    return found[0] if found else None


def _first_id(value: str) -> str:
    match = _MSGID.search(value)
    return match.group(0) if match else value.strip()[:500]


def _date(value: str, problems: list[str]) -> datetime | None:
    if not value.strip():
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        problems.append("unreadable Date header")
        return None


def _body_text(parts: Sequence[Part], problems: list[str]) -> str:
    body = _main_text(parts, problems)
    # Messages forwarded as attachments follow the body as forwarded blocks.
    forwarded = [p.text for p in parts if p.mime_type == "message/rfc822" and p.text]
    return "\n\n".join([body, *forwarded]) if forwarded else body


def _main_text(parts: Sequence[Part], problems: list[str]) -> str:
    plain = [p.text for p in parts if p.mime_type == "text/plain" and not p.filename and p.text]
    if plain:
        return "\n".join(plain)
    html = [p.text for p in parts if p.mime_type == "text/html" and not p.filename and p.text]
    if html:
        problems.append("HTML-only message: text taken from HTML")
        if any(truncates(h) for h in html):
            problems.append(_TRUNCATED)
        return "\n".join(html_to_text(h) for h in html)
    return ""


def _attachments(parts: Sequence[Part]) -> tuple[Attachment, ...]:
    return tuple(
        Attachment(p.filename, p.mime_type, p.size) for p in parts if p.filename and not p.inline
    )
