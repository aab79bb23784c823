"""One message built from its own text, as detection reads it (shared by the intro tests)."""

from __future__ import annotations

from app.core.mail.body import split_body
from app.core.model import Address, Email

SENDER = Address("Nora Field", "nora@field.example")


def email_of(
    text: str,
    to: tuple[Address, ...],
    cc: tuple[Address, ...] = (),
    subject: str = "",
    sender: Address = SENDER,
) -> Email:
    """The message `sender` wrote with `text` as its body (own text, quote and signature split)."""
    split = split_body(text)
    return Email(
        subject=subject, sender=sender, to=to, cc=cc, text=text,
        new_text=split.own, quoted_text=split.quoted, signature=split.signature,
    )  # fmt: skip
