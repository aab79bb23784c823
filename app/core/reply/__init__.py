"""The suggested first reply to an introduction (pure).

Inside: `suggestion` (recipients, subject, body and the reason for each choice, from
the thread's state), `phrasing` (the sentence bank and how lines are picked), `retell`
(what the introducer said about someone, retold to them) and `message` (a suggestion as
RFC 822 bytes for Gmail `drafts.create`). Imports run one way: message → suggestion →
phrasing, retell.
"""

from app.core.reply.insertion import to_insert
from app.core.reply.message import render_rfc822
from app.core.reply.suggestion import ReplyAdvice, ReplySuggestion, suggest_reply

__all__ = ["ReplyAdvice", "ReplySuggestion", "render_rfc822", "suggest_reply", "to_insert"]
