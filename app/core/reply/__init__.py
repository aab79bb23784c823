"""The suggested first reply to an introduction (pure).

Inside: `suggestion` (recipients, subject, body and the reason for each choice, from
the thread's state), `phrasing` (the English sentence bank and how lines are picked),
`bank` (every language's bank: English from `phrasing`, the others from
`banks/<code>.json`), `register` (tú / usted, du / Sie … and pt-BR / pt-PT, read from the
mail), `voice` (the language, register and note a reply is written with), `retell` (what
the introducer said about someone, retold to them, in English) and `message` (a
suggestion as RFC 822 bytes for Gmail `drafts.create`); `nudge` (a light follow-up to both
people of an introduction the user made that nobody answered), `proposal` (a time or
place the other side proposed), `advice` (the points that matter now on this thread) and
`optin` (the double opt-in drafts for a request for an introduction).
Imports run one way: message → suggestion → voice → register → bank → phrasing;
suggestion → retell, proposal, advice; nudge → suggestion.
"""

from app.core.reply.advice import Point
from app.core.reply.insertion import to_insert
from app.core.reply.message import render_rfc822
from app.core.reply.nudge import NUDGE_AFTER_DAYS, intro_sent_by_user, nudge_due, nudge_reply
from app.core.reply.optin import (
    OptInDrafts,
    opt_in_drafts,
    requester_blurb,
    target_address,
    target_name,
)
from app.core.reply.proposal import Proposal
from app.core.reply.suggestion import ReplyAdvice, ReplySuggestion, suggest_reply

__all__ = [
    "NUDGE_AFTER_DAYS",
    "OptInDrafts",
    "Point",
    "Proposal",
    "ReplyAdvice",
    "ReplySuggestion",
    "intro_sent_by_user",
    "nudge_due",
    "nudge_reply",
    "opt_in_drafts",
    "render_rfc822",
    "requester_blurb",
    "suggest_reply",
    "target_address",
    "target_name",
    "to_insert",
]
