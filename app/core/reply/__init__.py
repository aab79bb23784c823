"""The suggested first reply to an introduction (pure).

Inside: `suggestion` (recipients, subject, body and the reason for each choice, from
the thread's state), `phrasing` (the sentence bank and how lines are picked), `retell`
(what the introducer said about someone, retold to them) and `message` (a suggestion as
RFC 822 bytes for Gmail `drafts.create`), `optin` (the double opt-in drafts for a
request for an introduction). Imports run one way: message → suggestion →
phrasing, retell.
"""

from app.core.reply.insertion import to_insert
from app.core.reply.message import render_rfc822
from app.core.reply.optin import (
    OptInDrafts,
    opt_in_drafts,
    requester_blurb,
    target_address,
    target_name,
)
from app.core.reply.suggestion import ReplyAdvice, ReplySuggestion, suggest_reply

__all__ = [
    "OptInDrafts",
    "ReplyAdvice",
    "ReplySuggestion",
    "opt_in_drafts",
    "render_rfc822",
    "requester_blurb",
    "suggest_reply",
    "target_address",
    "target_name",
    "to_insert",
]
