"""The suggested first reply to an introduction (pure).

Inside: `suggestion` (recipients, subject, body and the reason for each choice, from
the thread's state), `phrasing` (the English sentence bank and how lines are picked),
`bank` (every language's bank: English from `phrasing`, the others from
`banks/<code>.json`), `register` (tú / usted, du / Sie … and pt-BR / pt-PT, read from the
mail), `voice` (the language, register and note a reply is written with), `retell` (what
the introducer said about someone, retold to them, in English) and `message` (a
suggestion as RFC 822 bytes for Gmail `drafts.create`). Imports run one way: message →
suggestion → voice → register → bank → phrasing; suggestion → retell.
"""

from app.core.reply.insertion import to_insert
from app.core.reply.message import render_rfc822
from app.core.reply.suggestion import ReplyAdvice, ReplySuggestion, suggest_reply

__all__ = ["ReplyAdvice", "ReplySuggestion", "render_rfc822", "suggest_reply", "to_insert"]
