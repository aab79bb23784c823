"""A suggested reply as RFC 822 bytes, ready for Gmail `drafts.create` (pure).

Built with the standard library's `email` package so headers are encoded and
folded correctly; threading headers (`In-Reply-To`, `References`) keep the
draft in the introduction's thread. No clock and no randomness: no Date or
Message-ID is added (Gmail sets them), and the MIME boundary comes from the content.
"""

from __future__ import annotations

import zlib
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr

from app.core.model import Address
from app.core.reply.suggestion import ReplySuggestion


def render_rfc822(suggestion: ReplySuggestion, sender: Address) -> bytes:
    """The suggestion as an RFC 822 message (plain + HTML) for Gmail `drafts.create`.

    Recipients without an address are left out. The MIME boundary is derived
    from the content, not drawn at random, so the output is reproducible.
    """
    message = EmailMessage(policy=SMTP)
    message["From"] = _header_address(sender)
    for field, people in (("To", suggestion.to), ("Cc", suggestion.cc)):
        kept = [_header_address(a) for a in people if a.email]
        if kept:
            message[field] = ", ".join(kept)
    message["Subject"] = _one_line(suggestion.subject)
    if suggestion.in_reply_to:
        message["In-Reply-To"] = _one_line(suggestion.in_reply_to)
    if suggestion.references:
        message["References"] = " ".join(_one_line(r) for r in suggestion.references)
    message.set_content(suggestion.body_text)
    message.add_alternative(suggestion.body_html, subtype="html")
    digest = zlib.crc32((suggestion.body_text + suggestion.subject).encode())
    message.set_boundary(f"=_intro_coach_{digest:08x}")
    return message.as_bytes()


def _header_address(address: Address) -> str:
    return formataddr((_one_line(address.name), _one_line(address.email)))


def _one_line(value: str) -> str:
    return " ".join(value.split())
