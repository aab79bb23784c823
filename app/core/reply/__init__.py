"""The suggested first reply to an introduction (pure).

Inside: `suggestion` (recipients, subject, body and the reason for each choice, from
the thread's state), `phrasing` (the sentence bank and how lines are picked), `retell`
(what the introducer said about someone, retold to them), `message` (a suggestion as
RFC 822 bytes for Gmail `drafts.create`), `proposal` (a time or place the other side
proposed) and `advice` (the points that matter now on this thread). Imports run one way:
message → suggestion → phrasing, retell, proposal, advice.
"""

from app.core.reply.advice import Point
from app.core.reply.insertion import to_insert
from app.core.reply.message import render_rfc822
from app.core.reply.proposal import Proposal
from app.core.reply.suggestion import ReplyAdvice, ReplySuggestion, suggest_reply

__all__ = [
    "Point",
    "Proposal",
    "ReplyAdvice",
    "ReplySuggestion",
    "render_rfc822",
    "suggest_reply",
    "to_insert",
]
